/**
 * The kubelet's event texts for a container's life (create, start, stop, back-off) and its image, per release.
 * Reasons: pkg/kubelet/events/event.go. Messages: pkg/kubelet/kuberuntime/kuberuntime_container.go,
 * kuberuntime_manager.go and pkg/kubelet/images/image_manager.go. Each change is pinned to the release of the
 * upstream pull request that made it; a minor version stands for its latest patch release (see pulledImageEvent).
 */
import type { EventType } from '../api/types.ts';
import { goQuote } from '../image/reference.ts';
import { formatPullDuration } from '../util/go-duration.ts';
import type { KubeVersion } from '../version/index.ts';

/** Type, reason and message of one event the kubelet records (the recorder adds object, source and times). */
export interface KubeletEventText {
  readonly type: EventType;
  readonly reason: string;
  readonly message: string;
}

/** pkg/kubelet/events/event.go: the reasons used for containers and images. */
export const KubeletEventReason = {
  Created: 'Created', // CreatedContainer
  Started: 'Started', // StartedContainer
  Failed: 'Failed', // FailedToCreateContainer, FailedToStartContainer, FailedToPullImage
  Killing: 'Killing', // KillingContainer
  BackOff: 'BackOff', // BackOffStartContainer, BackOffPullImage
  Pulling: 'Pulling', // PullingImage
  Pulled: 'Pulled', // PulledImage
  InspectFailed: 'InspectFailed', // FailedToInspectImage
  ErrImageNeverPull: 'ErrImageNeverPull', // ErrImageNeverPullPolicy
} as const;

/** A pod as format.Pod prints it. */
export interface PodIdentity {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
}

export class EventMessageError extends Error {
  override name = 'EventMessageError';
}

function event(type: EventType, reason: string, message: string): KubeletEventText {
  return { type, reason, message };
}

function requireName(name: string, what: string): string {
  if (typeof name !== 'string' || name === '') throw new EventMessageError(`${what} must be a non-empty string`);
  return name;
}

/** pkg/kubelet/util/format/pod.go Pod / PodDesc: `name_namespace(uid)`. */
export function formatPod(pod: PodIdentity): string {
  return `${pod.name}_${pod.namespace}(${pod.uid})`;
}

// ---------------------------------------------------------------- container life

/**
 * kuberuntime_container.go (kubeGenericRuntimeManager).startContainer, after CreateContainer.
 * ≤1.32 `Created container app` (PR #73892, 1.14); 1.33–1.34 `Created container: app` (PR #130471);
 * 1.35+ `Container created` (PR #134043, which dropped the name; kubectl 1.35 shows the fieldPath instead).
 */
export function createdContainerEvent(version: KubeVersion, containerName: string): KubeletEventText {
  requireName(containerName, 'container name');
  let message = `Created container ${containerName}`;
  if (version.minor >= 35) message = 'Container created';
  else if (version.minor >= 33) message = `Created container: ${containerName}`;
  return event('Normal', KubeletEventReason.Created, message);
}

/**
 * kuberuntime_container.go (kubeGenericRuntimeManager).startContainer, after StartContainer.
 * ≤1.34 `Started container app` (PR #130471 left it unchanged); 1.35+ `Container started` (PR #134043).
 */
export function startedContainerEvent(version: KubeVersion, containerName: string): KubeletEventText {
  requireName(containerName, 'container name');
  const message = version.minor >= 35 ? 'Container started' : `Started container ${containerName}`;
  return event('Normal', KubeletEventReason.Started, message);
}

/**
 * kuberuntime_container.go (kubeGenericRuntimeManager).startContainer: any step that fails (image, config,
 * create, start) records Warning Failed `Error: <message>`, e.g. `Error: ErrImagePull`, `Error: ImagePullBackOff`.
 */
export function startContainerFailedEvent(errorMessage: string): KubeletEventText {
  requireName(errorMessage, 'error message');
  return event('Warning', KubeletEventReason.Failed, `Error: ${errorMessage}`);
}

/** Why the kubelet stops a running container (kuberuntime_manager.go computePodActions / SyncPod). */
export type KillCause =
  /** pod deletion, or a container no longer wanted: killContainer's default text */
  | { kind: 'stop' }
  | { kind: 'livenessProbe'; willRestart: boolean }
  | { kind: 'startupProbe'; willRestart: boolean }
  /** container spec changed: always restarted */
  | { kind: 'definitionChanged' }
  /** runtime reports the container in state "unknown" */
  | { kind: 'unknownState' }
  /** postStart hook failed: startContainer passes the bare reason as the message */
  | { kind: 'postStartHookFailed' };

/**
 * kuberuntime_container.go (kubeGenericRuntimeManager).killContainer records Normal Killing with the message
 * computePodActions chose, or `Stopping container <name>` when there is none (PR #73892, 1.14; unchanged since).
 * `, will be restarted` is appended when a restart follows (restartPolicy not Never).
 */
export function killingContainerEvent(containerName: string, cause: KillCause = { kind: 'stop' }): KubeletEventText {
  requireName(containerName, 'container name');
  const restarted = (text: string, willRestart: boolean) => (willRestart ? `${text}, will be restarted` : text);
  let message: string;
  switch (cause.kind) {
    case 'stop':
      message = `Stopping container ${containerName}`;
      break;
    case 'livenessProbe':
      message = restarted(`Container ${containerName} failed liveness probe`, cause.willRestart);
      break;
    case 'startupProbe':
      message = restarted(`Container ${containerName} failed startup probe`, cause.willRestart);
      break;
    case 'definitionChanged':
      message = restarted(`Container ${containerName} definition changed`, true);
      break;
    case 'unknownState':
      message = 'Container is in "unknown" state, try killing it before restart';
      break;
    case 'postStartHookFailed':
      message = 'FailedPostStartHook';
      break;
    default:
      throw new EventMessageError(`unknown kill cause ${JSON.stringify(cause)}`);
  }
  return event('Normal', KubeletEventReason.Killing, message);
}

/**
 * kuberuntime_manager.go (kubeGenericRuntimeManager).doBackOff: Warning BackOff while a crashed container waits.
 * ≤1.25 `Back-off restarting failed container`; 1.26+ names the container and the pod (PR #113216).
 */
export function crashLoopBackOffEvent(version: KubeVersion, containerName: string, pod: PodIdentity): KubeletEventText {
  requireName(containerName, 'container name');
  const message =
    version.minor >= 26
      ? `Back-off restarting failed container ${containerName} in pod ${formatPod(pod)}`
      : 'Back-off restarting failed container';
  return event('Warning', KubeletEventReason.BackOff, message);
}

// ---------------------------------------------------------------- image

/** image_manager.go (imageManager).pullImage: Normal Pulling before the pull starts. */
export function pullingImageEvent(image: string): KubeletEventText {
  return event('Normal', KubeletEventReason.Pulling, `Pulling image ${goQuote(image)}`);
}

export interface PullTiming {
  /** time the runtime spent pulling (puller's pullDuration), seconds */
  readonly pullSeconds: number;
  /** time since the kubelet asked, including the wait in the serial/parallel pull queue, seconds */
  readonly totalSeconds: number;
  /** image size reported by the runtime (GetImageSize), bytes */
  readonly sizeBytes: number;
}

/**
 * image_manager.go (imageManager).pullImage after a successful pull. Durations are truncated to milliseconds.
 * - `… in 685ms (1.462s including waiting)`: PR #111772, in 1.27.0 and cherry-picked to 1.23, 1.24 and 1.25
 *   (#114430, #114272, #114271; the January 2023 patch releases, e.g. 1.23.16). Earlier patch releases printed
 *   `… in <untruncated total>` only. The model treats each minor as its latest patch release, so every
 *   supported release prints the waiting part.
 * - `. Image size: N bytes.`: PR #121719 (image pull duration metric by size), 1.30+.
 */
export function pulledImageEvent(version: KubeVersion, image: string, timing: PullTiming): KubeletEventText {
  const { pullSeconds, totalSeconds, sizeBytes } = timing;
  if (!(pullSeconds >= 0) || !(totalSeconds >= 0)) {
    throw new EventMessageError(`pull durations must be non-negative seconds, got ${pullSeconds} and ${totalSeconds}`);
  }
  if (!Number.isSafeInteger(sizeBytes) || sizeBytes < 0) {
    throw new EventMessageError(`image size must be a non-negative whole number of bytes, got ${sizeBytes}`);
  }
  let message = `Successfully pulled image ${goQuote(image)} in ${formatPullDuration(pullSeconds)} (${formatPullDuration(totalSeconds)} including waiting)`;
  if (version.minor >= 30) message += `. Image size: ${sizeBytes} bytes.`;
  return event('Normal', KubeletEventReason.Pulled, message);
}

/**
 * image_manager.go (imageManager).EnsureImageExists for an image already on the node. With the
 * KubeletEnsureSecretPulledImages gate (alpha 1.33, on by default 1.35) and a pull the pod's credentials may skip,
 * the text adds ` and can be accessed by the pod`.
 */
export function imageAlreadyPresentEvent(image: string, accessVerified: boolean): KubeletEventText {
  const suffix = accessVerified ? ' and can be accessed by the pod' : '';
  return event(
    'Normal',
    KubeletEventReason.Pulled,
    `Container image ${goQuote(image)} already present on machine${suffix}`,
  );
}

/** image_manager.go (imageManager).pullImage: Warning Failed with the runtime's error text. */
export function failedToPullImageEvent(image: string, runtimeError: string): KubeletEventText {
  return event('Warning', KubeletEventReason.Failed, `Failed to pull image ${goQuote(image)}: ${runtimeError}`);
}

/** image_manager.go (imageManager).pullImage: Normal BackOff while the pull back-off is running. */
export function backOffPullingImageEvent(image: string): KubeletEventText {
  return event('Normal', KubeletEventReason.BackOff, `Back-off pulling image ${goQuote(image)}`);
}

/** image_manager.go imageNotPresentOnNeverPolicyError (before 1.33 inline in EnsureImageExists). */
export function imageNeverPullEvent(image: string): KubeletEventText {
  return event(
    'Warning',
    KubeletEventReason.ErrImageNeverPull,
    `Container image ${goQuote(image)} is not present with pull policy of Never`,
  );
}

/** image_manager.go EnsureImageExists: Warning InspectFailed with a message built by the image manager. */
export function inspectFailedEvent(message: string): KubeletEventText {
  return event('Warning', KubeletEventReason.InspectFailed, message);
}
