/**
 * CrashLoopBackOff: how long the kubelet waits before restarting a container that exited, and what it reports
 * meanwhile. pkg/kubelet/kubelet.go (newCrashLoopBackOff, NewMainKubelet) sets up one flowcontrol Backoff for all
 * containers; pkg/kubelet/kuberuntime/kuberuntime_manager.go (kubeGenericRuntimeManager).doBackOff consults it
 * before each restart.
 *
 * When restarts really happen (what a simulator needs):
 * - The kubelet syncs a pod when the PLEG sees a container change (relist every 1s, genericPlegRelistPeriod), so
 *   the first look at an exited container comes right after the exit.
 * - A sync that finds the container in back-off fails with CrashLoopBackOff and the pod worker requeues the pod
 *   (pkg/kubelet/pod_workers.go (podWorkers).completeWork):
 *   - before 1.35: after wait.Jitter(backOffPeriod=10s, 0.5), i.e. 10–15s, whatever the back-off; the restart
 *     happens at the first such sync after the back-off expired, so it lags the nominal delay by up to ~15s
 *     (issue #123602). A successful sync requeues after syncFrequency (default 1m) jittered by 0.5.
 *   - 1.35+ (PR #133066): doBackOff returns a BackoffError carrying finishedAt + back-off, and the worker
 *     requeues at that time (clamped to 0…resyncInterval, still jittered by 0.5), so restarts land on time.
 * Each sync in back-off records the Warning BackOff event again (the event count grows about every 10–15s before
 * 1.35).
 */
import type { ContainerStateWaiting } from '../api/types.ts';
import { formatGoDuration } from '../util/go-duration.ts';
import { type FeatureGate, formatVersion, gateExists, type KubeVersion } from '../version/index.ts';
import { Backoff, type Clock, type HasExpiredFunc, ManualClock } from './backoff.ts';
import { crashLoopBackOffEvent, formatPod, type KubeletEventText, type PodIdentity } from './event-messages.ts';

/** kubelet.go initialCrashLoopBackOff / MaxCrashLoopBackOff (= v1beta1.MaxContainerBackOff). */
export const CRASHLOOP_INITIAL_SECONDS = 10;
export const CRASHLOOP_MAX_SECONDS = 300;
/** kubelet.go reducedInitialCrashLoopBackOff / reducedMaxCrashLoopBackOff (ReduceDefaultCrashLoopBackOffDecay). */
export const CRASHLOOP_REDUCED_INITIAL_SECONDS = 1;
export const CRASHLOOP_REDUCED_MAX_SECONDS = 60;
/** kubelet.go: a container that ran this long since the last back-off update starts over at the initial delay. */
export const CRASHLOOP_RESET_SECONDS = 600;
/** kubelet.go backOffPeriod: the pod worker's retry period after a failed sync (before 1.35, also in back-off). */
export const POD_WORKER_BACKOFF_SECONDS = 10;
/** pod_workers.go workerBackOffPeriodJitterFactor / workerResyncIntervalJitterFactor. */
export const POD_WORKER_JITTER_FACTOR = 0.5;
/** KubeletConfiguration syncFrequency default (the pod worker's resyncInterval). */
export const DEFAULT_SYNC_FREQUENCY_SECONDS = 60;

/** pkg/kubelet/container/sync_result.go ErrCrashLoopBackOff: the waiting reason. */
export const CRASH_LOOP_BACK_OFF = 'CrashLoopBackOff';

export class CrashLoopInputError extends Error {
  override name = 'CrashLoopInputError';
}

/** The kubelet configuration that affects CrashLoopBackOff. */
export interface KubeletCrashLoopConfig {
  /** crashLoopBackOff.maxContainerRestartPeriod, seconds (needs the KubeletCrashLoopBackOffMax gate) */
  readonly maxContainerRestartPeriodSeconds?: number;
}

export interface CrashLoopBackOffParams {
  readonly initial: number;
  readonly max: number;
}

function gateEnabled(version: KubeVersion, gate: FeatureGate): boolean {
  const on = version.gates[gate] === true;
  if (on && !gateExists(gate, version.minor)) {
    throw new CrashLoopInputError(`feature gate ${gate} does not exist in Kubernetes ${formatVersion(version)}`);
  }
  return on;
}

/**
 * kubelet.go newCrashLoopBackOff, with the config checks of pkg/kubelet/apis/config/validation
 * ValidateKubeletConfiguration and the default of apis/config/v1beta1 SetDefaults_KubeletConfiguration.
 * - default 10s → 300s;
 * - ReduceDefaultCrashLoopBackOffDecay (alpha 1.33): 1s → 60s;
 * - KubeletCrashLoopBackOffMax (alpha 1.32, on by default 1.35): max = maxContainerRestartPeriod (defaults to
 *   300s when unset), which takes precedence over the reduced max; the initial delay is lowered to the max when
 *   the max is smaller.
 */
export function crashLoopBackOffParams(
  version: KubeVersion,
  config: KubeletCrashLoopConfig = {},
): CrashLoopBackOffParams {
  let initial = CRASHLOOP_INITIAL_SECONDS;
  let max = CRASHLOOP_MAX_SECONDS;
  if (gateEnabled(version, 'ReduceDefaultCrashLoopBackOffDecay')) {
    initial = CRASHLOOP_REDUCED_INITIAL_SECONDS;
    max = CRASHLOOP_REDUCED_MAX_SECONDS;
  }
  const configured = config.maxContainerRestartPeriodSeconds;
  if (gateEnabled(version, 'KubeletCrashLoopBackOffMax')) {
    const period = configured ?? CRASHLOOP_MAX_SECONDS;
    if (!Number.isFinite(period) || period < 1 || period > 300) {
      throw new CrashLoopInputError(
        `invalid configuration: CrashLoopBackOff.MaxContainerRestartPeriod (got: ${period} seconds) must be set between 1s and 300s`,
      );
    }
    max = period;
    if (max < initial) initial = max;
  } else if (configured !== undefined) {
    throw new CrashLoopInputError(
      'invalid configuration: FeatureGate KubeletCrashLoopBackOffMax not enabled, CrashLoopBackOff.MaxContainerRestartPeriod must not be set',
    );
  }
  return { initial, max };
}

/**
 * kubelet.go NewMainKubelet: the reset rule. From 1.32 (PR #128356, KEP-4603) a fixed 10 minutes
 * (HasExpiredFunc); before, client-go's default 2*max, which is the same 600s since max was always 300s then.
 */
export function crashLoopHasExpired(version: KubeVersion): HasExpiredFunc | undefined {
  if (version.minor < 32) return undefined;
  return (eventTime, lastUpdate) => eventTime - lastUpdate > CRASHLOOP_RESET_SECONDS;
}

/** kubelet.go NewMainKubelet: `klet.crashLoopBackOff = flowcontrol.NewBackOff(base, boMax)` plus HasExpiredFunc. */
export function newCrashLoopBackOff(
  version: KubeVersion,
  clock: Clock,
  options: { config?: KubeletCrashLoopConfig; params?: CrashLoopBackOffParams } = {},
): Backoff {
  const params = options.params ?? crashLoopBackOffParams(version, options.config);
  return new Backoff({ initial: params.initial, max: params.max, clock, hasExpired: crashLoopHasExpired(version) });
}

/**
 * kuberuntime_manager.go getStableKey: one back-off entry per pod instance and container definition. Upstream
 * adds a hash of the container spec (later of name, image and resources), so a changed container starts a
 * fresh back-off; `specFingerprint` stands for that hash (pass e.g. the image; default empty).
 */
export function crashLoopBackOffKey(pod: PodIdentity, containerName: string, specFingerprint = ''): string {
  return `${pod.name}_${pod.namespace}_${pod.uid}_${containerName}_${specFingerprint}`;
}

export interface DoBackOffInput {
  readonly version: KubeVersion;
  readonly backOff: Backoff;
  readonly pod: PodIdentity;
  readonly containerName: string;
  /** back-off key; default crashLoopBackOffKey(pod, containerName) */
  readonly key?: string;
  /** finishedAt of the container's newest exited instance; undefined when it never exited */
  readonly lastExitFinishedAt?: number;
}

export interface DoBackOffResult {
  /** true: do not restart now */
  readonly inBackOff: boolean;
  /** the current delay (backOff.Get) when in back-off, seconds */
  readonly backOffSeconds?: number;
  /** waiting state `CrashLoopBackOff` with `back-off 2m40s restarting failed container=app pod=app_default(uid)` */
  readonly waiting?: ContainerStateWaiting & { reason: string; message: string };
  /** Warning BackOff, recorded on every sync that finds the container in back-off */
  readonly event?: KubeletEventText;
  /** when the back-off ends (finishedAt + delay); 1.35+ passes it to the pod worker as a BackoffError */
  readonly backOffExpiresAt?: number;
}

/**
 * kuberuntime_manager.go (kubeGenericRuntimeManager).doBackOff. Not in back-off: calls Next (the restart goes
 * ahead and the next delay doubles). The first exit therefore restarts at once.
 */
export function doBackOff(input: DoBackOffInput): DoBackOffResult {
  const { version, backOff, pod, containerName } = input;
  if (typeof containerName !== 'string' || containerName === '') {
    throw new CrashLoopInputError('containerName must be a non-empty string');
  }
  const ts = input.lastExitFinishedAt;
  if (ts === undefined) return { inBackOff: false }; // no exited instance: nothing to back off from
  if (!Number.isFinite(ts)) throw new CrashLoopInputError(`lastExitFinishedAt must be a number, got ${ts}`);
  const key = input.key ?? crashLoopBackOffKey(pod, containerName);

  if (backOff.isInBackOffSince(key, ts)) {
    const delay = backOff.get(key);
    const message = `back-off ${formatGoDuration(delay)} restarting failed container=${containerName} pod=${formatPod(pod)}`;
    return {
      inBackOff: true,
      backOffSeconds: delay,
      waiting: { reason: CRASH_LOOP_BACK_OFF, message },
      event: crashLoopBackOffEvent(version, containerName, pod),
      backOffExpiresAt: ts + delay,
    };
  }
  backOff.next(key, ts);
  return { inBackOff: false };
}

/**
 * pod_workers.go (podWorkers).completeWork after a sync that failed: the time of the next sync.
 * `backOffExpiresAt` is the CrashLoopBackOff end that 1.35+ carries in a BackoffError (PR #133066); leave it out
 * for other failures (ImagePullBackOff, ErrImagePull, ...), which always wait backOffPeriod (10s).
 * `jitter` is wait.Jitter's random draw in [0, 1) (0 = the shortest wait), so callers stay deterministic.
 */
export function nextSyncAfterBackOff(
  version: KubeVersion,
  now: number,
  backOffExpiresAt?: number,
  options: { jitter?: number; resyncIntervalSeconds?: number } = {},
): number {
  const jitter = options.jitter ?? 0;
  if (!(jitter >= 0 && jitter < 1)) throw new CrashLoopInputError(`jitter must be in [0, 1), got ${jitter}`);
  const resync = options.resyncIntervalSeconds ?? DEFAULT_SYNC_FREQUENCY_SECONDS;
  let wait = POD_WORKER_BACKOFF_SECONDS;
  if (version.minor >= 35 && backOffExpiresAt !== undefined) {
    wait = Math.min(Math.max(backOffExpiresAt - now, 0), resync);
  }
  return now + wait * (1 + POD_WORKER_JITTER_FACTOR * jitter);
}

// ---------------------------------------------------------------- schedule of a crashing container

export interface CrashLoopScheduleInput {
  readonly version: KubeVersion;
  readonly pod: PodIdentity;
  readonly containerName: string;
  /** number of exits to play */
  readonly exits: number;
  /** how long each run lasts before it exits, seconds (one value for all runs, or one per run); default 0 */
  readonly runSeconds?: number | readonly number[];
  /** override of the delays (default: crashLoopBackOffParams(version, config)) */
  readonly params?: CrashLoopBackOffParams;
  readonly config?: KubeletCrashLoopConfig;
  /**
   * `podWorker` (default): syncs follow the release's pod worker (10s retries before 1.35, BackoffError after).
   * `exact`: the kubelet syncs exactly when the back-off ends (the derived vectors' assumption).
   */
  readonly sync?: 'podWorker' | 'exact';
  /** wait.Jitter draw in [0, 1) for every requeue (podWorker mode); default 0 */
  readonly jitter?: number;
  /** time of the first start, seconds; default 0 */
  readonly startAt?: number;
}

export interface CrashLoopExit {
  /** 1-based exit number */
  readonly exit: number;
  readonly finishedAt: number;
  /** whether the sync right after the exit found the container in back-off */
  readonly inBackOffAtExit: boolean;
  /** the back-off shown while waiting (0 when restarted at once), seconds */
  readonly waitSeconds: number;
  /** the waiting message shown while in back-off, or null */
  readonly waitingMessage: string | null;
  /** syncs that found the container in back-off (each records a BackOff event) */
  readonly backOffSyncs: number[];
  readonly restartAt: number;
  readonly restartCountAfter: number;
  /** the back-off after the restart's Next, seconds */
  readonly backoffAfterNext: number;
}

function runLength(runSeconds: CrashLoopScheduleInput['runSeconds'], index: number): number {
  const value = typeof runSeconds === 'number' || runSeconds === undefined ? (runSeconds ?? 0) : runSeconds[index];
  if (value === undefined || !Number.isFinite(value) || value < 0) {
    throw new CrashLoopInputError(`runSeconds for run ${index + 1} must be a non-negative number, got ${value}`);
  }
  return value;
}

/** Plays doBackOff for a container that keeps exiting: when each restart happens and what is shown meanwhile. */
export function crashLoopSchedule(input: CrashLoopScheduleInput): CrashLoopExit[] {
  const { version, pod, containerName } = input;
  if (!Number.isInteger(input.exits) || input.exits < 0) {
    throw new CrashLoopInputError(`exits must be a non-negative integer, got ${input.exits}`);
  }
  const clock = new ManualClock(input.startAt ?? 0);
  const backOff = newCrashLoopBackOff(version, clock, { config: input.config, params: input.params });
  const exact = input.sync === 'exact';
  const out: CrashLoopExit[] = [];
  let startedAt = clock.now();

  for (let i = 0; i < input.exits; i++) {
    const finishedAt = startedAt + runLength(input.runSeconds, i);
    clock.set(finishedAt); // PLEG sees the exit and the pod syncs
    const backOffSyncs: number[] = [];
    let result = doBackOff({ version, backOff, pod, containerName, lastExitFinishedAt: finishedAt });
    const first = result;
    while (result.inBackOff) {
      backOffSyncs.push(clock.now());
      const expires = result.backOffExpiresAt ?? finishedAt;
      const next = exact ? expires : nextSyncAfterBackOff(version, clock.now(), expires, { jitter: input.jitter });
      if (!(next > clock.now())) {
        throw new CrashLoopInputError(
          `back-off at ${clock.now()}s did not move forward (times too close for floating point)`,
        );
      }
      clock.set(next);
      result = doBackOff({ version, backOff, pod, containerName, lastExitFinishedAt: finishedAt });
    }
    const restartAt = clock.now();
    out.push({
      exit: i + 1,
      finishedAt,
      inBackOffAtExit: first.inBackOff,
      waitSeconds: first.backOffSeconds ?? 0,
      waitingMessage: first.waiting?.message ?? null,
      backOffSyncs,
      restartAt,
      restartCountAfter: i + 1,
      backoffAfterNext: backOff.get(crashLoopBackOffKey(pod, containerName)),
    });
    startedAt = restartAt;
  }
  return out;
}
