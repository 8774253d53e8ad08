/**
 * The virtual cluster as one object: apiserver, scheduler, one kubelet per node, registries, the event store
 * and the clock, wired like the real components (informers with a small watch latency). Nothing moves unless
 * the caller advances the clock; the same options and seed always give the same objects, events and texts.
 */
import type { Pod } from '../k8s/api/types.ts';
import type { KubeletCrashLoopConfig } from '../k8s/kubelet/crash-loop.ts';
import { type KubeVersion, kubeVersion } from '../k8s/version/index.ts';
import { ApiError, ApiServer, type PodListener, type Validator } from './apiserver.ts';
import { VirtualClock } from './clock.ts';
import { EventStore, type SimEvent } from './events.ts';
import { type ExecOptions, type ExecResult, execInContainer } from './exec.ts';
import type { StoredImage } from './image-store.ts';
import { type BehaviourOverride, Kubelet } from './kubelet.ts';
import { type NodeSpec, SimNode } from './node.ts';
import type { RuntimeTimings } from './pod-sync.ts';
import {
  defaultRegistries,
  normalizeImage,
  RegistryError,
  RegistrySet,
  type RegistrySpec,
  type ResolvedImage,
} from './registry.ts';
import type { SimGateOverrides } from './release-rules.ts';
import { Scheduler } from './scheduler.ts';
import { digestFor, SeededRandom } from './seeded-random.ts';

export class ClusterError extends Error {
  override name = 'ClusterError';
}

export interface ClusterOptions {
  /** `1.26`, 26, or a KubeVersion with gate overrides */
  readonly version: string | number | KubeVersion;
  /** PRNG seed (default 1) */
  readonly seed?: number | string;
  /** default: one node `node-1` */
  readonly nodes?: readonly NodeSpec[];
  /** default: defaultRegistries() (Docker Hub library images, registry.k8s.io) */
  readonly registries?: readonly RegistrySpec[];
  /** virtual Unix time of the start, seconds (default 1700000000 = 2023-11-14T22:13:20Z) */
  readonly startTime?: number;
  /** manifest validation (src/manifest); default accepts everything */
  readonly validate?: Validator;
  /** explicit container behaviours, else command/image defaults */
  readonly behaviours?: BehaviourOverride;
  readonly crashLoop?: KubeletCrashLoopConfig;
  /** gates of src/sim/release-rules.ts */
  readonly gates?: SimGateOverrides;
  readonly timings?: RuntimeTimings;
  readonly syncFrequencySeconds?: number;
  /** informer latency from an apiserver write to a component, [min, max) seconds (default [0.01, 0.06]) */
  readonly watchLatencySeconds?: readonly [number, number];
}

export const DEFAULT_START_TIME = 1_700_000_000;

/** A `crictl ps -a` row. */
export interface RuntimeContainerRow {
  readonly containerId: string;
  readonly image: string;
  readonly createdAt: number;
  readonly state: 'Created' | 'Running' | 'Exited';
  readonly name: string;
  readonly attempt: number;
  readonly podId: string;
  readonly podName: string;
  readonly exitCode?: number;
}

export interface PullOnNodeResult {
  readonly ok: boolean;
  /** `sha256:…` when ok */
  readonly imageId?: string;
  /** how long the pull takes; the image is on the node that much later */
  readonly seconds: number;
  /** crictl's error line when not ok */
  readonly error?: string;
}

export class Cluster {
  readonly version: KubeVersion;
  readonly clock: VirtualClock;
  readonly api: ApiServer;
  readonly events: EventStore;
  readonly registries: RegistrySet;
  readonly scheduler: Scheduler;
  private readonly nodeList: SimNode[] = [];
  private readonly kubelets = new Map<string, Kubelet>();
  private readonly rng: SeededRandom;
  private readonly watchRng: SeededRandom;
  private readonly latency: readonly [number, number];
  /** pods a kubelet has been told about */
  private readonly known = new Set<string>();

  constructor(options: ClusterOptions) {
    this.version = typeof options.version === 'object' ? options.version : kubeVersion(options.version);
    this.rng = new SeededRandom(options.seed ?? 1);
    this.clock = new VirtualClock(options.startTime ?? DEFAULT_START_TIME);
    this.api = new ApiServer(this.clock, this.version, this.rng.fork('apiserver'), options.validate);
    this.events = new EventStore(this.clock, () => this.api.nextResourceVersion());
    this.registries = new RegistrySet(options.registries ?? defaultRegistries());
    this.watchRng = this.rng.fork('watch');
    this.latency = options.watchLatencySeconds ?? [0.01, 0.06];
    const specs = options.nodes ?? [{ name: 'node-1' }];
    if (specs.length === 0) throw new ClusterError('a cluster needs at least one node');
    specs.forEach((spec, index) => {
      if (this.kubelets.has(spec.name)) throw new ClusterError(`node ${spec.name} is defined twice`);
      let kubelet: Kubelet | undefined;
      const node = new SimNode(spec, index, {
        clock: this.clock,
        rng: this.rng.fork(`node/${spec.name}`),
        registries: this.registries,
        version: this.version,
        onRuntimeChange: (uid) => kubelet?.runtimeChanged(uid),
      });
      kubelet = new Kubelet({
        version: this.version,
        clock: this.clock,
        rng: this.rng.fork(`kubelet/${spec.name}`),
        node,
        api: this.api,
        events: this.events,
        gates: options.gates,
        crashLoop: options.crashLoop,
        syncFrequencySeconds: options.syncFrequencySeconds,
        timings: options.timings,
        behaviours: options.behaviours,
      });
      this.nodeList.push(node);
      this.kubelets.set(spec.name, kubelet);
    });
    this.scheduler = new Scheduler({
      api: this.api,
      clock: this.clock,
      nodes: () => this.nodeList,
      events: this.events,
      rng: this.rng.fork('scheduler'),
    });
    this.api.subscribeInternal((e) => this.onPodEvent(e));
  }

  // ------------------------------------------------------------------ time

  now(): number {
    return this.clock.now();
  }

  advance(seconds: number): void {
    this.clock.advance(seconds);
  }

  advanceTo(time: number): void {
    this.clock.advanceTo(time);
  }

  /** Advances in steps until `done()` holds (true) or `timeoutSeconds` passed (false). */
  advanceUntil(done: () => boolean, options: { timeoutSeconds: number; stepSeconds?: number }): boolean {
    const end = this.clock.now() + options.timeoutSeconds;
    const step = options.stepSeconds ?? 0.1;
    while (!done()) {
      if (this.clock.now() >= end) return false;
      this.clock.advanceTo(Math.min(end, this.clock.now() + step));
    }
    return true;
  }

  // ------------------------------------------------------------------ objects

  /** `kubectl apply` of a Pod manifest (already parsed). */
  apply(
    obj: unknown,
    options: { namespace?: string } = {},
  ): { action: 'created' | 'configured' | 'unchanged'; pod: Pod } {
    return this.api.apply(obj, options.namespace);
  }

  /** `kubectl create` of a Pod manifest. */
  create(obj: unknown, options: { namespace?: string } = {}): Pod {
    return this.api.create(obj, options.namespace);
  }

  /**
   * `kubectl delete pod <name>` as the server sees it: graceful (the pod's terminationGracePeriodSeconds, or
   * gracePeriodSeconds), at once with gracePeriodSeconds 0 (`--grace-period=0 --force`).
   */
  delete(kind: string, name: string, options: { namespace?: string; gracePeriodSeconds?: number } = {}): Pod {
    if (!['pod', 'pods', 'po', 'Pod'].includes(kind)) {
      throw new ApiError('BadRequest', `the virtual cluster serves Pods only, not ${kind}`);
    }
    return this.api.delete(name, options.namespace, options);
  }

  listPods(namespace?: string): Pod[] {
    return this.api.listPods(namespace);
  }

  getPod(name: string, namespace = 'default'): Pod | undefined {
    return this.api.getPod(name, namespace);
  }

  /** The events `kubectl describe pod` shows: those whose involvedObject is this pod (name, namespace, uid). */
  eventsFor(pod: string | Pod, namespace = 'default'): SimEvent[] {
    const p = typeof pod === 'string' ? this.api.peekPod(pod, namespace) : pod;
    if (!p) return [];
    return this.events.list({
      namespace: p.metadata.namespace,
      involvedName: p.metadata.name,
      involvedUid: p.metadata.uid,
      involvedKind: 'Pod',
    });
  }

  /** `kubectl get events` (one namespace, or all). */
  listEvents(namespace?: string): SimEvent[] {
    return this.events.list(namespace === undefined ? {} : { namespace });
  }

  /** Every pod change (ADDED/MODIFIED/DELETED), for `kubectl get -w`. Returns the unsubscribe function. */
  watchPods(listener: PodListener): () => void {
    return this.api.subscribe(listener);
  }

  // ------------------------------------------------------------------ exec

  /** `kubectl exec [-it] <pod> [-c container] -- <command>`. */
  execInContainer(
    podName: string,
    container: string | undefined,
    command: readonly string[],
    options: ExecOptions & { namespace?: string } = {},
  ): ExecResult {
    const pod = this.api.peekPod(podName, options.namespace ?? 'default');
    const node = pod?.spec.nodeName ? this.nodeNamed(pod.spec.nodeName, false) : undefined;
    return execInContainer({ clock: this.clock, pod, podName, node }, container, command, options);
  }

  // ------------------------------------------------------------------ nodes (crictl, cordon)

  nodes(): readonly SimNode[] {
    return this.nodeList;
  }

  node(name: string): SimNode {
    return this.nodeNamed(name, true)!;
  }

  kubelet(nodeName: string): Kubelet {
    const k = this.kubelets.get(nodeName);
    if (!k) throw new ClusterError(`no node named ${nodeName}`);
    return k;
  }

  /** `crictl pull <image>` on a node: the image is there `seconds` later (advance the clock to see it). */
  pullOnNode(nodeName: string, image: string): PullOnNodeResult {
    const node = this.node(nodeName);
    let r: ReturnType<SimNode['crictlPull']>;
    try {
      r = node.crictlPull(image);
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      // containerd's CRI PullImage parses the reference first (image_pull.go: distribution.ParseDockerRef,
      // "failed to parse image reference %q: %w"); nothing is fetched.
      const reason = error.message.replace(/^couldn't parse image name(?: "[^"]*")?: /, '');
      const desc = `failed to parse image reference ${JSON.stringify(image)}: ${reason}`;
      return { ok: false, seconds: 0, error: `pulling image: rpc error: code = Unknown desc = ${desc}` };
    }
    const seconds = r.finishedAt - r.startedAt;
    if (r.answer.ok) return { ok: true, imageId: r.answer.image.imageId, seconds };
    // crictl: `FATA[0001] pulling image: <the CRI error>`; the front end adds the log prefix.
    const error = `pulling image: rpc error: code = ${r.answer.failure.code} desc = ${r.answer.failure.message}`;
    return { ok: false, seconds, error };
  }

  /** `ctr -n k8s.io images import` / `kind load docker-image`: the image is on the node at once. */
  loadImageOnNode(nodeName: string, image: string, options: { sizeBytes?: number } = {}): StoredImage {
    const node = this.node(nodeName);
    const fromRegistry = this.registries.pull({
      image,
      version: this.version,
      runtime: node.runtimeFlavour,
      rng: this.rng.fork(`load/${image}`),
    });
    if (fromRegistry.ok) return node.importImage(fromRegistry.image);
    const tag = this.registryRef(image);
    const resolved: ResolvedImage = {
      repository: tag.repository,
      repoTag: tag.repoTag,
      repoDigest: `${tag.repository}@${digestFor(`manifest:${tag.repoTag}`)}`,
      imageId: digestFor(`config:${tag.repoTag}`),
      sizeBytes: options.sizeBytes ?? 50_000_000,
    };
    return node.importImage(resolved);
  }

  /** `crictl rmi <image>`: false when the node has no such image. */
  removeImageOnNode(nodeName: string, image: string): boolean {
    return this.node(nodeName).removeImage(image);
  }

  listImagesOnNode(nodeName: string): StoredImage[] {
    return this.node(nodeName).images.list();
  }

  /** `crictl ps -a`: containers, newest first. */
  listContainersOnNode(nodeName: string): RuntimeContainerRow[] {
    const node = this.node(nodeName);
    return node.runtime
      .allContainers()
      .reverse()
      .map((c) => {
        const pod = this.api.peekPodByUid(c.podUid);
        return {
          containerId: c.id,
          image: c.image,
          createdAt: c.createdAt,
          state: c.state === 'running' ? 'Running' : c.state === 'exited' ? 'Exited' : 'Created',
          name: c.name,
          attempt: c.attempt,
          podId: node.runtime.sandboxOf(c.podUid)?.id ?? '',
          podName: pod?.metadata.name ?? '',
          ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}),
        };
      });
  }

  setNodeReady(nodeName: string, ready: boolean): void {
    this.node(nodeName).ready = ready;
    this.scheduler.nodesChanged();
  }

  /** `kubectl cordon` / `uncordon`. */
  setNodeSchedulable(nodeName: string, schedulable: boolean): void {
    this.node(nodeName).unschedulable = !schedulable;
    this.scheduler.nodesChanged();
  }

  // ------------------------------------------------------------------ wiring

  private nodeNamed(name: string, required: boolean): SimNode | undefined {
    const node = this.nodeList.find((n) => n.name === name);
    if (!node && required) throw new ClusterError(`no node named ${name}`);
    return node;
  }

  private registryRef(image: string): { repository: string; repoTag: string } {
    const p = normalizeImage(image, this.version);
    return { repository: p.repository, repoTag: `${p.repository}:${p.tag || 'latest'}` };
  }

  private later(action: () => void, label: string): void {
    this.clock.after(this.watchRng.between(this.latency[0], this.latency[1]), action, label);
  }

  // pkg/kubelet/config/config.go (*podStorage).merge + podsDifferSemantically: a kubelet acts on ADD, on spec,
  // label, annotation and deletion changes, and on REMOVE; status-only changes are reconciled, not synced.
  // (The kubelet's informer only sees pods bound to its node: the binding is its ADD.)
  private onPodEvent(e: Parameters<PodListener>[0]): void {
    const pod = e.pod;
    const uid = pod.metadata.uid ?? '';
    if (e.type === 'ADDED') this.scheduler.podAdded(pod);
    const kubelet = pod.spec.nodeName ? this.kubelets.get(pod.spec.nodeName) : undefined;
    if (!kubelet || !e.semantic) return;
    if (e.type === 'DELETED') {
      this.known.delete(uid);
      this.later(() => kubelet.podRemoved(uid), `kubelet ${kubelet.node.name}: REMOVE ${pod.metadata.name}`);
      return;
    }
    if (!this.known.has(uid)) {
      this.known.add(uid);
      this.later(() => kubelet.podAdded(pod), `kubelet ${kubelet.node.name}: ADD ${pod.metadata.name}`);
    } else {
      this.later(() => kubelet.podUpdated(pod), `kubelet ${kubelet.node.name}: UPDATE ${pod.metadata.name}`);
    }
  }
}

/** Builds a virtual cluster. */
export function createCluster(options: ClusterOptions): Cluster {
  return new Cluster(options);
}
