/**
 * One node's kubelet: pod workers, the PLEG, the sync loop's cadence, the reason cache, the status manager and
 * the event recorder. When a pod is synced (pod-sync.ts does the sync itself):
 *
 * - on the pod's ADD (at once) and on a spec/deletion UPDATE (HandlePodUpdates);
 * - on a PLEG event: the generic PLEG relists every second (genericPlegRelistPeriod) and any container or
 *   sandbox change of a pod triggers a sync at that relist;
 * - from the pod worker's work queue, which the sync loop reads on a 1s ticker: after a failed sync
 *   wait.Jitter(backOffPeriod 10s, 0.5); after a successful one wait.Jitter(syncFrequency 1m, 0.5); from 1.35 a
 *   CrashLoopBackOff sync is requeued at the back-off's end (src/k8s/kubelet/crash-loop.ts
 *   nextSyncAfterBackOff). Jitter comes from the pod's seeded stream.
 * - A worker is never in two syncs at once; a trigger during a sync runs after it. Except for the first one, a
 *   sync waits for a PLEG relist newer than the previous sync's end (podCache.GetNewerThan).
 */
import type { Container, Pod } from '../k8s/api/types.ts';
import type { Backoff } from '../k8s/kubelet/backoff.ts';
import {
  DEFAULT_SYNC_FREQUENCY_SECONDS,
  type KubeletCrashLoopConfig,
  newCrashLoopBackOff,
  nextSyncAfterBackOff,
  POD_WORKER_JITTER_FACTOR,
} from '../k8s/kubelet/crash-loop.ts';
import type { KubeletEventText } from '../k8s/kubelet/event-messages.ts';
import type { ImagePullBackOff } from '../k8s/kubelet/image-pull.ts';
import type { KubeVersion } from '../k8s/version/index.ts';
import type { ApiServer } from './apiserver.ts';
import { lastTickAtOrBefore, nextTickAfter, type TimerHandle, type VirtualClock } from './clock.ts';
import { quantityBytes } from './command-script.ts';
import { type ContainerBehaviour, resolveBehaviour } from './container-behaviour.ts';
import { CorrelatingRecorder, type EventStore, type RecordOutcome } from './events.ts';
import { newImagePullBackOff } from './image-puller.ts';
import type { StoredImage } from './image-store.ts';
import type { SimNode } from './node.ts';
import { applyStatusManager, generatePodStatus, type SimPodStatus } from './pod-status.ts';
import {
  DEFAULT_RUNTIME_TIMINGS,
  type RuntimeTimings,
  type StartResult,
  type SyncHost,
  type SyncOutcome,
  type SyncTarget,
  syncPod,
} from './pod-sync.ts';
import { EXACT_CRASHLOOP_REQUEUE_SINCE, type SimGateOverrides } from './release-rules.ts';
import type { SeededRandom } from './seeded-random.ts';

/** pkg/kubelet/pleg/generic.go genericPlegRelistPeriod; kubelet.go syncLoop syncTicker. */
export const PLEG_RELIST_PERIOD_SECONDS = 1;
export const SYNC_TICKER_PERIOD_SECONDS = 1;

export type BehaviourOverride = (pod: Pod, container: Container) => ContainerBehaviour | undefined;

export interface KubeletOptions {
  readonly version: KubeVersion;
  readonly clock: VirtualClock;
  readonly rng: SeededRandom;
  readonly node: SimNode;
  readonly api: ApiServer;
  readonly events: EventStore;
  readonly gates?: SimGateOverrides;
  readonly crashLoop?: KubeletCrashLoopConfig;
  /** syncFrequency (default 1m) */
  readonly syncFrequencySeconds?: number;
  readonly timings?: RuntimeTimings;
  readonly behaviours?: BehaviourOverride;
}

/** One line of the kubelet's trace: what a sync did, for tests and docs. */
export interface SyncTrace {
  readonly uid: string;
  readonly pod: string;
  readonly start: number;
  readonly end: number;
  readonly trigger: Trigger;
  readonly outcome: SyncOutcome['kind'];
  /** when the work queue will sync the pod next (undefined after a terminal sync) */
  readonly requeueAt?: number;
}

type Trigger = 'add' | 'update' | 'pleg' | 'queue' | 'pending';

interface PodWorker extends SyncTarget {
  name: string;
  /** counts spec/deletion updates the worker received */
  podRevision: number;
  /** counts reason-cache changes */
  reasonRevision: number;
  /** the inputs of the last status written (same inputs, same status: the write is skipped) */
  statusKey: string | undefined;
  busy: boolean;
  pending: Trigger | undefined;
  terminated: boolean;
  lastSyncEnd: number | undefined;
  queueDue: number | undefined;
  queueTimer: TimerHandle | undefined;
}

export class Kubelet implements SyncHost {
  readonly version: KubeVersion;
  readonly clock: VirtualClock;
  readonly node: SimNode;
  readonly crashLoop: Backoff;
  readonly imageBackOff: ImagePullBackOff;
  readonly timings: RuntimeTimings;
  readonly trace: SyncTrace[] = [];
  /** outcomes of every recording, for tests: how many events the spam filter dropped */
  readonly recorded: { reason: string; outcome: RecordOutcome; time: number }[] = [];
  private readonly api: ApiServer;
  private readonly rng: SeededRandom;
  private readonly gates: SimGateOverrides | undefined;
  private readonly recorder: CorrelatingRecorder;
  private readonly behaviours: BehaviourOverride | undefined;
  private readonly syncFrequency: number;
  private readonly workers = new Map<string, PodWorker>();
  private readonly reasonCache = new Map<string, Map<string, { reason: string; message?: string }>>();
  private readonly statusCache = new Map<string, SimPodStatus>();
  /** the PLEG relist and the sync ticker run on their own phase within the second */
  readonly relistPhase: number;
  readonly tickPhase: number;
  private plegDirty = new Set<string>();
  private plegTimer: TimerHandle | undefined;

  constructor(o: KubeletOptions) {
    this.version = o.version;
    this.clock = o.clock;
    this.node = o.node;
    this.api = o.api;
    this.rng = o.rng;
    this.gates = o.gates;
    this.timings = o.timings ?? DEFAULT_RUNTIME_TIMINGS;
    this.behaviours = o.behaviours;
    this.syncFrequency = o.syncFrequencySeconds ?? DEFAULT_SYNC_FREQUENCY_SECONDS;
    this.crashLoop = newCrashLoopBackOff(o.version, o.clock, { config: o.crashLoop });
    this.imageBackOff = newImagePullBackOff(o.clock);
    this.recorder = new CorrelatingRecorder(o.events, o.clock, { component: 'kubelet', host: o.node.name });
    const phases = o.rng.fork('phases');
    this.relistPhase = phases.next();
    this.tickPhase = phases.next();
  }

  // ------------------------------------------------------------------ inputs

  /** The pod was bound to this node (HandlePodAdditions). */
  podAdded(pod: Pod): void {
    const uid = pod.metadata.uid ?? '';
    if (this.workers.has(uid)) return;
    const w: PodWorker = {
      uid,
      name: `${pod.metadata.namespace}/${pod.metadata.name}`,
      rng: this.rng.fork(`pod/${uid}`),
      lastPod: pod,
      podRevision: 0,
      reasonRevision: 0,
      statusKey: undefined,
      busy: false,
      pending: undefined,
      terminated: false,
      lastSyncEnd: undefined,
      queueDue: undefined,
      queueTimer: undefined,
    };
    this.workers.set(uid, w);
    this.dispatch(w, 'add');
  }

  /** A spec or deletion change of a pod of this node (HandlePodUpdates). */
  podUpdated(pod: Pod): void {
    const w = this.workers.get(pod.metadata.uid ?? '');
    if (!w) return;
    w.lastPod = pod;
    w.podRevision++;
    if (w.terminated) {
      if (pod.metadata.deletionTimestamp !== undefined) this.finalizeAtNextRelist(w);
      return;
    }
    this.dispatch(w, 'update');
  }

  /** The pod object is gone from the apiserver (HandlePodRemoves). */
  podRemoved(uid: string): void {
    const w = this.workers.get(uid);
    if (!w) return;
    if (!w.terminated) {
      this.dispatch(w, 'update'); // the sync finds no pod and stops the containers
      return;
    }
    this.forget(w);
  }

  /** The container runtime changed something of this pod: the next relist sees it. */
  runtimeChanged(uid: string): void {
    this.plegDirty.add(uid);
    if (this.plegTimer) return;
    const at = nextTickAfter(this.clock.now(), this.relistPhase, PLEG_RELIST_PERIOD_SECONDS);
    this.plegTimer = this.clock.at(at, () => this.relist(), `${this.node.name}: PLEG relist`);
  }

  // ------------------------------------------------------------------ SyncHost

  currentPod(uid: string): Pod | undefined {
    return this.api.peekPodByUid(uid);
  }

  record(pod: Pod, fieldPath: string | undefined, e: KubeletEventText): void {
    const object = {
      kind: 'Pod',
      name: pod.metadata.name ?? '',
      namespace: pod.metadata.namespace ?? 'default',
      uid: pod.metadata.uid ?? '',
      ...(fieldPath ? { fieldPath } : {}),
    };
    const outcome = this.recorder.record(object, e);
    this.recorded.push({ reason: e.reason, outcome, time: this.clock.now() });
  }

  writeStatus(pod: Pod, podIsTerminal: boolean): SimPodStatus {
    const uid = pod.metadata.uid ?? '';
    const cached = this.statusCache.get(uid);
    // generateAPIPodStatus is a function of the pod, the runtime records, the reason cache and the previous
    // status: with none of them changed since the last write, the result is that status again.
    const w = this.workers.get(uid);
    const key = w && `${w.podRevision}|${w.reasonRevision}|${this.node.runtime.revision(uid)}|${podIsTerminal}`;
    if (w && cached && key === w.statusKey) return cached;
    if (w) w.statusKey = key;
    const old = cached ?? (pod.status as SimPodStatus | undefined);
    const generated = generatePodStatus({
      pod,
      version: this.version,
      gates: this.gates,
      hostIP: this.node.internalIP,
      sandbox: this.node.runtime.sandboxOf(uid),
      containers: this.node.runtime.containersOf(uid),
      startFailures: Object.fromEntries(this.reasonCache.get(uid) ?? []),
      previous: cached,
      podIsTerminal,
    });
    const status = applyStatusManager(generated, old, pod, this.clock.now(), this.version, this.gates);
    this.statusCache.set(uid, status);
    this.api.updateStatus(uid, status);
    return status;
  }

  // pkg/kubelet/util/cache/reason_cache.go (*ReasonCache).Update: StartContainer failures are kept, successes cleared
  updateReasonCache(uid: string, results: readonly StartResult[]): void {
    const cache = this.reasonCache.get(uid) ?? new Map();
    const before = JSON.stringify([...cache]);
    for (const r of results) {
      if (r.error === undefined) cache.delete(r.name);
      else cache.set(r.name, { reason: r.error, message: r.message });
    }
    this.reasonCache.set(uid, cache);
    const w = this.workers.get(uid);
    if (w && JSON.stringify([...cache]) !== before) w.reasonRevision++;
  }

  behaviourFor(pod: Pod, container: Container, image: StoredImage | undefined): ContainerBehaviour {
    const limits = (container.resources as { limits?: Record<string, unknown> } | undefined)?.limits;
    return resolveBehaviour({
      container,
      imageDefault: image?.behaviour,
      override: this.behaviours?.(pod, container),
      memoryLimitBytes: quantityBytes(limits?.memory),
    });
  }

  // ------------------------------------------------------------------ the pod worker

  private relist(): void {
    this.plegTimer = undefined;
    const dirty = [...this.plegDirty];
    this.plegDirty = new Set();
    for (const uid of dirty) {
      const w = this.workers.get(uid);
      if (w && !w.terminated) this.dispatch(w, 'pleg');
    }
  }

  // pod_workers.go (*podWorkers).UpdatePod: a busy worker keeps the update for after the current sync.
  private dispatch(w: PodWorker, trigger: Trigger): void {
    if (w.busy) {
      w.pending ??= trigger;
      return;
    }
    w.busy = true;
    const now = this.clock.now();
    // podWorkerLoop: podCache.GetNewerThan(lastSyncTime) waits for a relist after the previous sync.
    let start = now;
    if (w.lastSyncEnd !== undefined && trigger !== 'pleg') {
      const lastRelist = lastTickAtOrBefore(now, this.relistPhase, PLEG_RELIST_PERIOD_SECONDS);
      if (!(lastRelist > w.lastSyncEnd)) start = nextTickAfter(Math.max(now, w.lastSyncEnd), this.relistPhase);
    }
    if (start > now) this.clock.at(start, () => this.runSync(w, trigger), `${w.name}: sync (${trigger})`);
    else this.runSync(w, trigger);
  }

  private runSync(w: PodWorker, trigger: Trigger): void {
    const start = this.clock.now();
    const gen = syncPod(this, w);
    const step = (): void => {
      let r = gen.next();
      while (!r.done && !(r.value > 0)) r = gen.next();
      if (r.done) this.completeWork(w, trigger, start, r.value);
      else this.clock.after(r.value, step, `${w.name}: sync step`);
    };
    step();
  }

  // pod_workers.go (*podWorkers).completeWork: requeue after an error or at the resync interval.
  private completeWork(w: PodWorker, trigger: Trigger, start: number, outcome: SyncOutcome): void {
    const end = this.clock.now();
    w.busy = false;
    w.lastSyncEnd = end;
    let requeueAt: number | undefined;
    if (outcome.kind === 'terminated') {
      w.terminated = true;
      this.cancelQueue(w);
      if (this.api.peekPodByUid(w.uid)?.metadata.deletionTimestamp !== undefined) this.finalizeAtNextRelist(w);
      else if (!this.api.peekPodByUid(w.uid)) this.forget(w);
    } else {
      requeueAt = this.requeueTime(w, end, outcome);
      this.enqueue(w, requeueAt);
    }
    this.trace.push({ uid: w.uid, pod: w.name, start, end, trigger, outcome: outcome.kind, requeueAt });
    const pending = w.pending;
    w.pending = undefined;
    if (pending && !w.terminated) this.dispatch(w, 'pending');
    else if (pending && w.terminated) this.podUpdated(w.lastPod);
  }

  private requeueTime(w: PodWorker, end: number, outcome: SyncOutcome): number {
    if (outcome.kind === 'error') {
      // Before 1.35 every failed sync waits backOffPeriod; 1.35 honours a CrashLoopBackOff BackoffError.
      const expires = this.version.minor >= EXACT_CRASHLOOP_REQUEUE_SINCE ? outcome.backOffExpiresAt : undefined;
      return nextSyncAfterBackOff(this.version, end, expires, {
        jitter: w.rng.next(),
        resyncIntervalSeconds: this.syncFrequency,
      });
    }
    // pod_workers.go completeWork: no error, wait.Jitter(resyncInterval, workerResyncIntervalJitterFactor)
    return end + this.syncFrequency * (1 + POD_WORKER_JITTER_FACTOR * w.rng.next());
  }

  // pkg/kubelet/util/queue/work_queue.go Enqueue (replaces the pod's due time) + kubelet.go syncLoopIteration
  // syncCh: GetWork returns the pods whose time is before now, on every tick of the 1s sync ticker.
  private enqueue(w: PodWorker, due: number): void {
    this.cancelQueue(w);
    w.queueDue = due;
    const at = nextTickAfter(due, this.tickPhase, SYNC_TICKER_PERIOD_SECONDS);
    w.queueTimer = this.clock.at(
      at,
      () => {
        w.queueTimer = undefined;
        w.queueDue = undefined;
        if (!w.terminated) this.dispatch(w, 'queue');
      },
      `${w.name}: work queue`,
    );
  }

  private cancelQueue(w: PodWorker): void {
    if (w.queueTimer) this.clock.cancel(w.queueTimer);
    w.queueTimer = undefined;
    w.queueDue = undefined;
  }

  /** status_manager.go syncPod: a terminated pod with a deletionTimestamp is deleted (grace 0) by the kubelet. */
  private finalizeAtNextRelist(w: PodWorker): void {
    const at = nextTickAfter(this.clock.now(), this.relistPhase, PLEG_RELIST_PERIOD_SECONDS);
    this.clock.at(at, () => this.api.finalizeDeletion(w.uid), `${w.name}: final delete`);
  }

  private forget(w: PodWorker): void {
    this.cancelQueue(w);
    this.workers.delete(w.uid);
    this.reasonCache.delete(w.uid);
    this.statusCache.delete(w.uid);
    const ip = this.node.runtime.removePod(w.uid);
    if (ip) this.node.ips.release(ip);
  }

  /** Whether the kubelet runs a worker for the pod. */
  knows(uid: string): boolean {
    return this.workers.has(uid);
  }
}
