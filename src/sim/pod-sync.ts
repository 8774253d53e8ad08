/**
 * One sync of one pod by the kubelet, as a generator that yields the seconds each runtime step takes (sandbox
 * creation, image pull, container create/start, waiting for containers to stop). The steps follow
 * pkg/kubelet/kubelet.go (*Kubelet).SyncPod / SyncTerminatingPod and pkg/kubelet/kuberuntime
 * kuberuntime_manager.go (*kubeGenericRuntimeManager).SyncPod: status first (with the previous sync's start
 * failures), then the sandbox, then the containers computePodActions picks, each through doBackOff,
 * EnsureImageExists, CreateContainer and StartContainer.
 */
import type { Container, Pod } from '../k8s/api/types.ts';
import type { Backoff } from '../k8s/kubelet/backoff.ts';
import { CRASH_LOOP_BACK_OFF, crashLoopBackOffKey, doBackOff } from '../k8s/kubelet/crash-loop.ts';
import {
  createdContainerEvent,
  type KubeletEventText,
  killingContainerEvent,
  type PodIdentity,
  startedContainerEvent,
} from '../k8s/kubelet/event-messages.ts';
import type { ImagePullBackOff } from '../k8s/kubelet/image-pull.ts';
import { decideRestart, isSidecar, type LatestRuntimeStatus } from '../k8s/kubelet/restart.ts';
import { terminationPrerequisites } from '../k8s/kubelet/termination-order.ts';
import type { KubeVersion } from '../k8s/version/index.ts';
import type { VirtualClock } from './clock.ts';
import type { ContainerBehaviour } from './container-behaviour.ts';
import type { RuntimeContainer } from './container-runtime.ts';
import { ensureContainerImage } from './image-puller.ts';
import type { StoredImage } from './image-store.ts';
import type { SimNode } from './node.ts';
import type { SimPodStatus } from './pod-status.ts';
import { normalizeImage } from './registry.ts';
import type { SeededRandom } from './seeded-random.ts';

/** kuberuntime_container.go minimumGracePeriodInSeconds. */
export const MINIMUM_GRACE_PERIOD_SECONDS = 2;

/** How long runtime operations take, as [min, max) seconds drawn per operation. */
export interface RuntimeTimings {
  readonly sandboxSeconds: readonly [number, number];
  readonly createSeconds: readonly [number, number];
  readonly startSeconds: readonly [number, number];
}

export const DEFAULT_RUNTIME_TIMINGS: RuntimeTimings = {
  sandboxSeconds: [0.3, 0.9],
  createSeconds: [0.02, 0.08],
  startSeconds: [0.05, 0.15],
};

/** What a sync ended with; the pod worker picks the next sync from it. */
export type SyncOutcome =
  | { readonly kind: 'ok' }
  /** some container could not start; backOffExpiresAt is the earliest CrashLoopBackOff end (a BackoffError) */
  | { readonly kind: 'error'; readonly backOffExpiresAt?: number }
  /** the pod's containers are stopped for good (terminal phase, deletion, or the pod is gone) */
  | { readonly kind: 'terminated' };

/** One StartContainer sync result (kubecontainer.SyncResult), as the reason cache keeps it. */
export interface StartResult {
  readonly name: string;
  readonly error?: string;
  readonly message?: string;
  readonly backOffExpiresAt?: number;
}

/** What a sync needs from its kubelet. */
export interface SyncHost {
  readonly version: KubeVersion;
  readonly clock: VirtualClock;
  readonly node: SimNode;
  readonly crashLoop: Backoff;
  readonly imageBackOff: ImagePullBackOff;
  readonly timings: RuntimeTimings;
  currentPod(uid: string): Pod | undefined;
  record(pod: Pod, fieldPath: string | undefined, e: KubeletEventText): void;
  writeStatus(pod: Pod, podIsTerminal: boolean): SimPodStatus;
  updateReasonCache(uid: string, results: readonly StartResult[]): void;
  behaviourFor(pod: Pod, container: Container, image: StoredImage | undefined): ContainerBehaviour;
}

export interface SyncTarget {
  readonly uid: string;
  readonly rng: SeededRandom;
  /** the last pod object the worker saw (for a pod already removed from the API) */
  lastPod: Pod;
}

const draw = (rng: SeededRandom, range: readonly [number, number]) => rng.between(range[0], range[1]);

function identity(pod: Pod): PodIdentity {
  return { name: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? 'default', uid: pod.metadata.uid ?? '' };
}

function fieldPathOf(name: string, init: boolean): string {
  return init ? `spec.initContainers{${name}}` : `spec.containers{${name}}`;
}

function latestStatus(rec: RuntimeContainer | undefined): LatestRuntimeStatus | null {
  return rec ? { state: rec.state, exitCode: rec.exitCode } : null;
}

/** The sync of a pod that should run. */
// pkg/kubelet/kubelet.go (*Kubelet).SyncPod
export function* syncPod(h: SyncHost, w: SyncTarget): Generator<number, SyncOutcome> {
  const pod = h.currentPod(w.uid);
  if (!pod) return yield* syncTerminating(h, w, undefined);
  w.lastPod = pod;
  if (pod.metadata.deletionTimestamp !== undefined) return yield* syncTerminating(h, w, pod);
  const status = h.writeStatus(pod, false);
  if (status.phase === 'Succeeded' || status.phase === 'Failed') return yield* syncTerminating(h, w, pod);

  // kuberuntime_manager.go SyncPod step 4: create a sandbox when there is no ready one.
  const runtime = h.node.runtime;
  const sandbox = runtime.sandboxOf(w.uid);
  if (sandbox?.state !== 'ready') {
    yield draw(w.rng, h.timings.sandboxSeconds);
    if (sandbox?.ip) h.node.ips.release(sandbox.ip);
    runtime.runSandbox(w.uid, h.node.ips.allocate());
  }

  const actions = computePodActions(h, pod);
  if (actions.killPod) {
    // SyncPod step 2, "Stopping PodSandbox for pod, because all other containers are dead":
    // killPodWithSyncResult stops the running containers (the sidecars), then the sandbox; nothing is started.
    yield* killRunningContainers(h, w.uid, pod);
    runtime.stopSandbox(w.uid);
    return { kind: 'ok' };
  }
  for (const { rec, container } of actions.kill) {
    h.record(pod, fieldPathOf(rec.name, rec.init), killingContainerEvent(rec.name, { kind: 'definitionChanged' }));
    const until = runtime.stopContainer(rec.id, graceOf(pod));
    if (until > h.clock.now()) yield until - h.clock.now();
    actions.start.push({ container, init: false });
  }
  const results: StartResult[] = [];
  for (const { container, init } of actions.start) results.push(yield* startContainer(h, w, pod, container, init));
  h.updateReasonCache(w.uid, results);

  const failed = results.filter((r) => r.error !== undefined);
  if (failed.length === 0) return { kind: 'ok' };
  const expiries = failed.flatMap((r) => (r.backOffExpiresAt === undefined ? [] : [r.backOffExpiresAt]));
  // kubecontainer.MinBackoffExpiration: the earliest BackoffError of the sync's results.
  return { kind: 'error', backOffExpiresAt: expiries.length > 0 ? Math.min(...expiries) : undefined };
}

interface PodActions {
  /** every container is stopped, then the sandbox (podActions.KillPod) */
  killPod: boolean;
  readonly kill: { rec: RuntimeContainer; container: Container }[];
  readonly start: { container: Container; init: boolean }[];
}

/**
 * Which containers this sync starts: init containers one at a time (sidecars once each, then onwards), then
 * every regular container the restart rules want running; running containers whose image changed are killed
 * and started again. Once the pod has initialized, exited sidecars are restarted alongside the regular
 * containers. When no regular container runs or will start, the pod is killed instead and no sidecar is
 * restarted: sidecars never keep a finished pod alive.
 */
// pkg/kubelet/kuberuntime/kuberuntime_manager.go (*kubeGenericRuntimeManager).computePodActions (and, for init
// containers, kuberuntime_container.go computeInitContainerActions / findNextInitContainerToRun)
function computePodActions(h: SyncHost, pod: Pod): PodActions {
  const { spec } = pod;
  const uid = pod.metadata.uid ?? '';
  const runtime = h.node.runtime;
  const actions: PodActions = { killPod: false, kill: [], start: [] };
  // computeInitContainerActions podHasInitialized: a regular container is created or running
  const initialized = spec.containers.some((c) => {
    const state = runtime.latest(uid, c.name)?.state;
    return state === 'created' || state === 'running';
  });
  for (const c of spec.initContainers ?? []) {
    const rec = runtime.latest(uid, c.name);
    if (isSidecar(c, h.version)) {
      const decision = decideRestart({ container: c, spec, latest: latestStatus(rec), role: 'init' }, h.version);
      if (!decision.restart) continue;
      actions.start.push({ container: c, init: true });
      if (initialized) continue;
      return actions; // the next init container waits until this sidecar has started
    }
    // after initialization, only restartable init containers need to be kept running
    if (initialized) continue;
    if (rec?.state === 'running') return actions;
    if (rec?.state === 'exited' && rec.exitCode === 0) continue;
    const decision = decideRestart({ container: c, spec, latest: latestStatus(rec), role: 'init' }, h.version);
    if (decision.restart) actions.start.push({ container: c, init: true });
    return actions;
  }
  let keepCount = 0;
  let regularToStart = 0;
  for (const c of spec.containers) {
    const rec = runtime.latest(uid, c.name);
    if (rec?.state === 'running') {
      // containerChanged: a new image is a new definition (the hash covers the whole spec upstream); the
      // container is killed and started again, so it counts as one to start, not one to keep.
      if (rec.specImage !== c.image) {
        actions.kill.push({ rec, container: c });
        regularToStart++;
      } else {
        keepCount++;
      }
      continue;
    }
    if (decideRestart({ container: c, spec, latest: latestStatus(rec) }, h.version).restart) {
      actions.start.push({ container: c, init: false });
      regularToStart++;
    }
  }
  // `if keepCount == 0 && len(changes.ContainersToStart) == 0 { changes.KillPod = true; ...
  // changes.InitContainersToStart = nil }`: the regular containers are done, so running sidecars are stopped.
  if (keepCount === 0 && regularToStart === 0) {
    actions.killPod = true;
    actions.start.length = 0;
  }
  return actions;
}

/** The pod's grace period before the minimum: deletionGracePeriodSeconds, else terminationGracePeriodSeconds. */
// kuberuntime_container.go setTerminationGracePeriod (the API server defaults terminationGracePeriodSeconds to 30)
function requestedGraceOf(pod: Pod): number {
  const spec = pod.spec as { terminationGracePeriodSeconds?: number };
  const meta = pod.metadata as { deletionGracePeriodSeconds?: number };
  return meta.deletionGracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
}

/** killContainer: "always give containers a minimal shutdown window to avoid unnecessary SIGKILLs". */
function graceOf(pod: Pod): number {
  return Math.max(requestedGraceOf(pod), MINIMUM_GRACE_PERIOD_SECONDS);
}

/** The image the runtime reports for a container (`docker.io/library/nginx:1.24.0`) and its repo digest. */
function reportedImage(h: SyncHost, image: StoredImage, imageSpec: string): { image: string; imageRef: string } {
  const p = normalizeImage(imageSpec, h.version);
  const tag = image.repoTags.find((t) => t === `${p.repository}:${p.tag}`) ?? image.repoTags[0];
  const ref = image.repoDigests.find((d) => d.startsWith(`${p.repository}@`)) ?? image.repoDigests[0] ?? image.imageId;
  return { image: tag ?? ref, imageRef: ref };
}

/** doBackOff, then startContainer: image, create (Created), start (Started). */
// pkg/kubelet/kuberuntime/kuberuntime_manager.go SyncPod `start` + kuberuntime_container.go startContainer
function* startContainer(
  h: SyncHost,
  w: SyncTarget,
  pod: Pod,
  c: Container,
  init: boolean,
): Generator<number, StartResult> {
  const uid = w.uid;
  const fieldPath = fieldPathOf(c.name, init);
  const runtime = h.node.runtime;
  const rec = runtime.latest(uid, c.name);
  const id = identity(pod);
  if (rec && rec.state === 'exited') {
    const bo = doBackOff({
      version: h.version,
      backOff: h.crashLoop,
      pod: id,
      containerName: c.name,
      key: crashLoopBackOffKey(id, c.name, c.image ?? ''),
      lastExitFinishedAt: rec.finishedAt,
    });
    if (bo.inBackOff) {
      if (bo.event) h.record(pod, fieldPath, bo.event);
      return {
        name: c.name,
        error: CRASH_LOOP_BACK_OFF,
        message: bo.waiting?.message,
        backOffExpiresAt: bo.backOffExpiresAt,
      };
    }
  }
  const img = yield* ensureContainerImage(
    {
      version: h.version,
      clock: h.clock,
      node: h.node,
      backOff: h.imageBackOff,
      podUID: uid,
      record: (e) => h.record(pod, fieldPath, e),
    },
    c,
  );
  if (!img.ok) return { name: c.name, error: img.reason, message: img.message };
  yield draw(w.rng, h.timings.createSeconds);
  if (runtime.sandboxOf(uid)?.state !== 'ready') {
    return { name: c.name, error: 'CreateContainerError', message: 'the pod sandbox is not ready' };
  }
  const reported = reportedImage(h, img.image, img.imageSpec);
  const created = runtime.createContainer({
    podUid: uid,
    name: c.name,
    attempt: rec ? rec.attempt + 1 : 0,
    image: reported.image,
    imageRef: reported.imageRef,
    specImage: c.image ?? '',
    init,
    behaviour: h.behaviourFor(pod, c, img.image),
  });
  h.record(pod, fieldPath, createdContainerEvent(h.version, c.name));
  yield draw(w.rng, h.timings.startSeconds);
  if (runtime.get(created.id)?.state !== 'created') {
    return { name: c.name, error: 'RunContainerError', message: 'the container was removed before it started' };
  }
  runtime.startContainer(created.id);
  h.record(pod, fieldPath, startedContainerEvent(h.version, c.name));
  return { name: c.name };
}

/**
 * Stops every running container of a pod as one kill of the whole pod, and returns when all have stopped. A
 * Killing event (`Stopping container x`) is recorded for each container at once and the regular containers get
 * SIGTERM at once; under termination ordering (termination-order.ts) a sidecar's SIGTERM waits until the
 * containers it depends on have stopped, at most the grace period, and it gets the whole seconds of grace left
 * (at least 2). SIGKILL follows when a container's grace period ends.
 */
// pkg/kubelet/kuberuntime/kuberuntime_container.go killContainersWithSyncResult + killContainer (ordering.waitForTurn)
function* killRunningContainers(h: SyncHost, uid: string, pod: Pod): Generator<number, void> {
  const runtime = h.node.runtime;
  const running = runtime.containersOf(uid).filter((rec) => rec.state === 'running');
  if (running.length === 0) return;
  const start = h.clock.now();
  const requested = requestedGraceOf(pod);
  const prereqs = terminationPrerequisites(
    pod.spec,
    running.map((rec) => rec.name),
    h.version,
  );
  for (const rec of running) h.record(pod, fieldPathOf(rec.name, rec.init), killingContainerEvent(rec.name));
  // when each container's killContainer returned (its channel in the termination ordering closes)
  const stopped = new Map<string, number>();
  const pending = [...running];
  while (pending.length > 0) {
    // the container whose turn comes first among those whose prerequisites have all been signalled
    let next = -1;
    let nextTurn = Number.POSITIVE_INFINITY;
    pending.forEach((rec, i) => {
      const waits = prereqs?.get(rec.name) ?? [];
      if (waits.some((name) => !stopped.has(name))) return;
      const ready = Math.max(start, ...waits.map((name) => stopped.get(name) ?? start));
      // waitForTurn: no wait without a grace period; the grace period's end ends the wait
      const turn = requested > 0 ? Math.min(ready, start + requested) : start;
      if (turn < nextTurn) {
        next = i;
        nextTurn = turn;
      }
    });
    if (next < 0) throw new Error(`termination ordering of pod ${uid} has a cycle`);
    const rec = pending.splice(next, 1)[0]!;
    if (nextTurn > h.clock.now()) yield nextTurn - h.clock.now();
    // "grace period is only in seconds, so the time we've waited gets truncated downward"
    const waited = prereqs && requested > 0 ? Math.floor(h.clock.now() - start) : 0;
    const grace = Math.max(requested - waited, MINIMUM_GRACE_PERIOD_SECONDS);
    stopped.set(rec.name, runtime.stopContainer(rec.id, grace));
  }
  const end = Math.max(...stopped.values());
  if (end > h.clock.now()) yield end - h.clock.now();
}

/**
 * Stops a pod for good: every running container is killed (killRunningContainers), then the sandbox, and the
 * terminal status is written.
 */
// pkg/kubelet/kubelet.go (*Kubelet).SyncTerminatingPod -> killPod -> kuberuntime_manager.go killPodWithSyncResult
export function* syncTerminating(h: SyncHost, w: SyncTarget, pod: Pod | undefined): Generator<number, SyncOutcome> {
  const known = pod ?? w.lastPod;
  yield* killRunningContainers(h, w.uid, known);
  h.node.runtime.stopSandbox(w.uid);
  const current = h.currentPod(w.uid);
  if (current) h.writeStatus(current, true);
  return { kind: 'terminated' };
}
