/**
 * Container state reasons and the API container status the kubelet writes:
 * - terminated reasons set by the runtime (containerd CRI: Completed, Error, OOMKilled, StartError/128) and by
 *   the kubelet (ContainerStatusUnknown/137);
 * - waiting reasons set by the kubelet (ContainerCreating, PodInitializing, and the start-failure reasons it keeps
 *   in its reasonCache: CrashLoopBackOff, ErrImagePull, ...);
 * - buildContainerStatuses, the essentials of convertToAPIContainerStatuses (pkg/kubelet/kubelet_pods.go),
 *   volumeMounts included (volume-mount-status.ts);
 * - policyOutcome, the book's restartPolicy x exit-code table.
 */
import type { Container, ContainerState, ContainerStatus, Pod, PodPhase } from '../api/types.ts';
import { type KubeVersion, kubeVersion } from '../version/index.ts';
import { getPhase } from './pod-phase.ts';
import {
  decideRestart,
  type LatestRuntimeStatus,
  RestartInputError,
  type RuntimeState,
  shouldContainerBeRestarted,
} from './restart.ts';
import { volumeMountStatuses } from './volume-mount-status.ts';

// containerd pkg/cri (server/helpers.go, container_start.go): reasons of an exited container.
export const REASON_COMPLETED = 'Completed';
export const REASON_ERROR = 'Error';
export const REASON_OOM_KILLED = 'OOMKilled';
export const REASON_START_ERROR = 'StartError';
/** containerd errorStartExitCode: "128 is the same with Docker's behavior" */
export const START_ERROR_EXIT_CODE = 128;

// pkg/kubelet/container/runtime.go ContainerReasonStatusUnknown, and the two messages of
// convertToAPIContainerStatuses (note the two spaces in the second one).
export const REASON_CONTAINER_STATUS_UNKNOWN = 'ContainerStatusUnknown';
export const UNKNOWN_EXIT_CODE = 137;
export const MESSAGE_NOT_LOCATED_TERMINATED = 'The container could not be located when the pod was terminated';
export const MESSAGE_NOT_LOCATED_DELETED =
  'The container could not be located when the pod was deleted.  The container used to be Running';

// pkg/kubelet/kubelet_pods.go: default waiting reasons.
export const REASON_CONTAINER_CREATING = 'ContainerCreating';
export const REASON_POD_INITIALIZING = 'PodInitializing';

/**
 * Waiting reasons copied from the kubelet's reasonCache (the last start failure): kubecontainer sync_result.go,
 * kuberuntime_container.go and images/types.go error names.
 */
export const START_FAILURE_REASONS = [
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'ErrImageNeverPull',
  'InvalidImageName',
  'ImageInspectError',
  'RegistryUnavailable',
  'SignatureValidationFailed',
  'CreateContainerConfigError',
  'PreCreateHookError',
  'CreateContainerError',
  'PreStartHookError',
  'PostStartHookError',
  'RunContainerError',
] as const;
export type StartFailureReason = (typeof START_FAILURE_REASONS)[number];

export interface RuntimeExit {
  exitCode: number;
  /** the runtime saw the kernel OOM killer end the container */
  oomKilled?: boolean;
  /** the runtime failed to start the process (exec failure, missing binary ...) */
  startFailed?: boolean;
}

// containerd CRI: a failed start is recorded as exited with StartError/128; an OOM kill as OOMKilled; otherwise
// Completed for 0 and Error for anything else.
export function terminatedReasonFromRuntime(exit: RuntimeExit): { reason: string; exitCode: number } {
  if (exit.startFailed) return { reason: REASON_START_ERROR, exitCode: START_ERROR_EXIT_CODE };
  if (!Number.isInteger(exit.exitCode))
    throw new RestartInputError(`exit code must be an integer, got ${exit.exitCode}`);
  if (exit.oomKilled) return { reason: REASON_OOM_KILLED, exitCode: exit.exitCode };
  return { reason: exit.exitCode === 0 ? REASON_COMPLETED : REASON_ERROR, exitCode: exit.exitCode };
}

/** One runtime record of a container (kubecontainer.Status): several exist after restarts. */
export interface RuntimeContainerRecord {
  name: string;
  state: RuntimeState;
  /** creation time on the virtual clock; newer records win. Without it, array order is newest first. */
  createdAt?: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  message?: string;
  /** the kubelet's restart-count label on this container */
  restartCount?: number;
  containerID?: string;
  image?: string;
  imageID?: string;
}

export interface ContainerStatusesInput {
  pod: Pod;
  /** the containers to convert: pod.spec.containers or pod.spec.initContainers */
  containers: Container[];
  isInit: boolean;
  /** every runtime record of the pod (other containers' records are ignored) */
  runtime: RuntimeContainerRecord[];
  /** the statuses the kubelet last wrote (status manager), by container name */
  previous?: ContainerStatus[];
  /** last start failure per container (reasonCache): e.g. {reason: 'CrashLoopBackOff', message: 'back-off 10s ...'} */
  startFailures?: Record<string, { reason: string; message?: string }>;
  /** probe results; a running container without an entry is started and ready (no probes) */
  probes?: Record<string, { started?: boolean; ready?: boolean }>;
  /** the runtime handler supports recursive read-only mounts (node status.runtimeHandlers); default false */
  runtimeSupportsRecursiveReadOnly?: boolean;
}

function newestFirst(records: RuntimeContainerRecord[]): RuntimeContainerRecord[] {
  return records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (b.r.createdAt ?? 0) - (a.r.createdAt ?? 0) || a.i - b.i)
    .map((x) => x.r);
}

const clone = <T>(v: T): T => structuredClone(v);

// kubelet_pods.go convertToAPIContainerStatuses.convertContainerStatus: one runtime record to an API state.
function convertRecord(rec: RuntimeContainerRecord, old: ContainerStatus | undefined): ContainerStatus {
  const status: ContainerStatus = {
    name: rec.name,
    restartCount: rec.restartCount ?? 0,
    image: rec.image,
    imageID: rec.imageID,
    containerID: rec.containerID,
  };
  // status.VolumeMounts = oldStatus.VolumeMounts // immutable: without an old status there are none
  if (old?.volumeMounts !== undefined) status.volumeMounts = clone(old.volumeMounts);
  if (rec.state === 'running') {
    status.state = { running: { startedAt: rec.startedAt } };
  } else if (rec.state === 'created') {
    status.state = { waiting: {} };
  } else if (rec.state === 'exited') {
    status.state = {
      terminated: {
        exitCode: rec.exitCode ?? 0,
        reason: rec.reason,
        message: rec.message,
        startedAt: rec.startedAt,
        finishedAt: rec.finishedAt,
      },
    };
  } else if (old?.state?.running) {
    // unknown after running: it ran and is gone; "container never ran" differs from "ran and failed"
    status.state = {
      terminated: {
        exitCode: UNKNOWN_EXIT_CODE,
        reason: REASON_CONTAINER_STATUS_UNKNOWN,
        message: MESSAGE_NOT_LOCATED_TERMINATED,
      },
    };
    status.restartCount = (old.restartCount ?? 0) + 1;
  } else {
    status.state = { waiting: {} };
  }
  return status;
}

/**
 * convertToAPIContainerStatuses essentials: default waiting state, carried-over restartCount/lastState, the
 * vanished-container case, the newest two runtime records (state and lastState), the start-failure waiting
 * override (CrashLoopBackOff etc. with lastState.terminated), and ready/started from probes.
 */
export function buildContainerStatuses(input: ContainerStatusesInput, version: KubeVersion): ContainerStatus[] {
  const { pod, containers, isInit } = input;
  const hasInit = (pod.spec.initContainers ?? []).length > 0;
  const defaultReason = hasInit ? REASON_POD_INITIALIZING : REASON_CONTAINER_CREATING;
  const old = new Map((input.previous ?? []).map((s) => [s.name, s]));
  const wanted = new Set(containers.map((c) => c.name));
  const records = newestFirst(input.runtime.filter((r) => wanted.has(r.name)));
  const statuses = new Map<string, ContainerStatus>();

  for (const c of containers) {
    const prev = old.get(c.name);
    let status: ContainerStatus = {
      name: c.name,
      image: c.image,
      state: { waiting: { reason: defaultReason } },
      restartCount: 0,
    };
    const mounts = volumeMountStatuses(c, version, input.runtimeSupportsRecursiveReadOnly);
    if (mounts) status.volumeMounts = mounts;
    if (prev?.state?.terminated) status = clone(prev);
    else if (prev) {
      status.restartCount = prev.restartCount ?? 0;
      if (prev.lastState) status.lastState = clone(prev.lastState);
    }
    statuses.set(c.name, status);
  }

  // A container that was running and has no runtime record at all: show it as stopped, not as never started.
  for (const c of containers) {
    if (records.some((r) => r.name === c.name)) continue;
    const prev = old.get(c.name);
    const status = statuses.get(c.name)!;
    if (!prev || prev.state?.terminated || !prev.state?.running) continue;
    if (status.state?.waiting?.reason !== defaultReason || status.lastState?.terminated) continue;
    status.lastState = {
      terminated: {
        exitCode: UNKNOWN_EXIT_CODE,
        reason: REASON_CONTAINER_STATUS_UNKNOWN,
        message: MESSAGE_NOT_LOCATED_DELETED,
      },
    };
    if (pod.metadata.deletionTimestamp === undefined) status.restartCount = (status.restartCount ?? 0) + 1;
  }

  const seen = new Map<string, number>();
  for (const rec of records) {
    const count = seen.get(rec.name) ?? 0;
    if (count >= 2) continue;
    const converted = convertRecord(rec, old.get(rec.name));
    if (count === 0) statuses.set(rec.name, converted);
    else statuses.get(rec.name)!.lastState = converted.state;
    seen.set(rec.name, count + 1);
  }

  for (const c of containers) applyStartFailure(c, input, records, statuses, version);
  for (const c of containers) applyProbes(statuses.get(c.name)!, input.probes?.[c.name]);

  const out = containers.map((c) => withApiZeroValues(statuses.get(c.name)!));
  // kubetypes.SortedContainerStatuses sorts regular containers by name; init containers keep spec order.
  return isInit ? out : out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// staging/src/k8s.io/api/core/v1/types.go ContainerStatus: `lastState` and `state` are structs (never omitted, so
// an empty one prints `{}`) and `imageID` has no omitempty (a container without an image yet prints `imageID: ""`).
function withApiZeroValues(status: ContainerStatus): ContainerStatus {
  return { ...status, state: status.state ?? {}, lastState: status.lastState ?? {}, imageID: status.imageID ?? '' };
}

// convertToAPIContainerStatuses, "containers failed to be started": a container the kubelet will start again
// and whose last start failed shows waiting{reason, message}; a terminated state moves to lastState.
function applyStartFailure(
  c: Container,
  input: ContainerStatusesInput,
  records: RuntimeContainerRecord[],
  statuses: Map<string, ContainerStatus>,
  version: KubeVersion,
): void {
  const newest = records.find((r) => r.name === c.name);
  if (input.isInit && newest?.state === 'exited' && (newest.exitCode ?? 0) === 0) return;
  const latest: LatestRuntimeStatus | null = newest ? { state: newest.state, exitCode: newest.exitCode ?? 0 } : null;
  // The kubelet asks ShouldContainerBeRestarted here for init containers too (not computeInitContainerActions).
  const restart = shouldContainerBeRestarted(
    { container: c, spec: input.pod.spec, deleted: input.pod.metadata.deletionTimestamp !== undefined, latest },
    version,
  );
  if (!restart.restart) return;
  const failure = input.startFailures?.[c.name];
  if (!failure) return; // no cached failure: keep the original state (waiting or terminated)
  const status = statuses.get(c.name)!;
  if (status.state?.terminated) status.lastState = { terminated: status.state.terminated };
  status.state = { waiting: { reason: failure.reason, message: failure.message } };
}

// prober_manager.go UpdatePodStatus: started/ready only for a running container; without probes both are true.
function applyProbes(status: ContainerStatus, probe: { started?: boolean; ready?: boolean } | undefined): void {
  const running = status.state?.running !== undefined;
  status.started = running && (probe?.started ?? true);
  status.ready = status.started && (probe?.ready ?? true);
}

/** The book's table row: what happens when the only container of a pod exits with `exitCode`. */
export interface PolicyOutcome {
  /** the kubelet starts the container again */
  restarted: boolean;
  /** pod phase right after the exit (before any restart) */
  phase: PodPhase;
  /** kubectl STATUS right after the exit: the terminated reason */
  status: string;
}

/** One-container pod, restartPolicy x exit code, computed with the model (1.35 unless a version is given). */
export function policyOutcome(
  restartPolicy: 'Always' | 'OnFailure' | 'Never',
  exitCode: number,
  version: KubeVersion = kubeVersion('1.35'),
): PolicyOutcome {
  const container: Container = { name: 'app' };
  const spec = { restartPolicy, containers: [container] };
  const { reason } = terminatedReasonFromRuntime({ exitCode });
  const terminated: ContainerState = { terminated: { exitCode, reason } };
  const phase = getPhase({ spec, statuses: [{ name: 'app', state: terminated }] }, version);
  const { restart } = decideRestart({ container, spec, latest: { state: 'exited', exitCode } }, version);
  return { restarted: restart, phase, status: reason };
}
