/**
 * The kubelet's image decision for one container start: pkg/kubelet/images/image_manager.go
 * (imageManager).EnsureImageExists, as a pure function of what the node knows (is the image there, did the
 * lookup fail, what did the pull do) plus the kubelet's pull back-off state, which it updates like the kubelet.
 *
 * Release differences modelled here (each also noted where it applies):
 * - 1.28 (PR #116231): the InvalidImageName text changes wording (built by src/k8s/image/reference.ts).
 * - 1.28 (PRs #117717, #117935): pull errors whose text starts with `RegistryUnavailable` or
 *   `SignatureValidationFailed` become those waiting reasons; before, every pull error was ErrImagePull.
 * - 1.30 (PR #121719): after a pull the runtime is asked for the size (GetImageSize) and the Pulled text ends
 *   with `Image size: N bytes.`.
 * - 1.32 (PR #126550, imagePullPrecheck): `Always` no longer looks the image up first (no GetImageRef); the
 *   inspect-failure text quotes the empty image ref (`Failed to inspect image "": …`), an upstream quirk.
 * - 1.32 (PR #127918): during ImagePullBackOff the waiting message carries the previous pull error.
 * - 1.33 (KEP-2535, gate KubeletEnsureSecretPulledImages, on by default 1.35): a present image may still be
 *   pulled (IfNotPresent) or refused (Never) when the pod's credentials were not verified for it.
 *
 * When the kubelet tries again: the back-off only decides what a sync does. A failed sync (any of these errors)
 * is retried by the pod worker after backOffPeriod 10s jittered by 0.5 (10–15s), in every release (crash-loop.ts
 * nextSyncAfterBackOff without an expiry), so each such sync during ImagePullBackOff records the BackOff and
 * `Error: ImagePullBackOff` events again, and a pull happens at the first sync after the back-off ended.
 */
import type { PullPolicy } from '../api/types.ts';
import { applyDefaultImageTag, defaultImageTagFailure, goQuote } from '../image/reference.ts';
import { type FeatureGate, formatVersion, gateExists, type KubeVersion } from '../version/index.ts';
import { Backoff, type Clock } from './backoff.ts';
import {
  backOffPullingImageEvent,
  failedToPullImageEvent,
  imageAlreadyPresentEvent,
  imageNeverPullEvent,
  inspectFailedEvent,
  type KubeletEventText,
  pulledImageEvent,
  pullingImageEvent,
  startContainerFailedEvent,
} from './event-messages.ts';

/**
 * pkg/kubelet/images/types.go sentinel errors, plus k8s.io/cri-api/pkg/errors ones. Their text is the container's
 * waiting reason and the `Error: …` event.
 */
export const ImagePullErrorReason = {
  ErrImagePull: 'ErrImagePull',
  ImagePullBackOff: 'ImagePullBackOff',
  ImageInspectError: 'ImageInspectError',
  ErrImageNeverPull: 'ErrImageNeverPull',
  InvalidImageName: 'InvalidImageName',
  RegistryUnavailable: 'RegistryUnavailable',
  SignatureValidationFailed: 'SignatureValidationFailed',
} as const;
export type ImagePullErrorReason = (typeof ImagePullErrorReason)[keyof typeof ImagePullErrorReason];

/** The image-service calls the kubelet makes, in order (names as in the upstream fake runtime). */
export type ImageRuntimeCall = 'GetImageRef' | 'PullImage' | 'GetImageSize';

/** What the runtime's pull did, when the decision reaches a pull. */
export type PullOutcome =
  | {
      readonly ok: true;
      /** time the runtime spent pulling, seconds */
      readonly pullSeconds: number;
      /** time since the kubelet asked, including queueing behind other pulls; defaults to pullSeconds */
      readonly totalSeconds?: number;
      /** image size in bytes (GetImageSize) */
      readonly sizeBytes: number;
    }
  | {
      readonly ok: false;
      /** the runtime's error text as the kubelet receives it, e.g. `rpc error: code = NotFound desc = …` */
      readonly error: string;
    };

/** k8s.io/cri-api/pkg/errors: the runtime error text for a registry that cannot be reached, with optional detail. */
export function registryUnavailableError(detail?: string): string {
  return detail ? `${ImagePullErrorReason.RegistryUnavailable}: ${detail}` : ImagePullErrorReason.RegistryUnavailable;
}

/** k8s.io/cri-api/pkg/errors: the runtime error text for an image whose signature check failed. */
export function signatureValidationFailedError(detail?: string): string {
  return detail
    ? `${ImagePullErrorReason.SignatureValidationFailed}: ${detail}`
    : ImagePullErrorReason.SignatureValidationFailed;
}

export class ImagePullInputError extends Error {
  override name = 'ImagePullInputError';
}

// ---------------------------------------------------------------- pull back-off state

/** kubelet.go NewMainKubelet: `flowcontrol.NewBackOff(imageBackOffPeriod, MaxImageBackOff)`, 10s doubling to 300s. */
export const IMAGE_PULL_BACKOFF_INITIAL_SECONDS = 10;
export const IMAGE_PULL_BACKOFF_MAX_SECONDS = 300;

/**
 * The kubelet's image-pull memory: one Backoff for all pods (default reset after 2*max = 600s without a
 * failure) and, from 1.32, the last pull error per back-off key (image_manager.go imageManager.prevPullErrMsg).
 */
export class ImagePullBackOff {
  readonly backOff: Backoff;
  private readonly previousErrors = new Map<string, string>();

  constructor(clock: Clock, options: { initial?: number; max?: number } = {}) {
    this.backOff = new Backoff({
      initial: options.initial ?? IMAGE_PULL_BACKOFF_INITIAL_SECONDS,
      max: options.max ?? IMAGE_PULL_BACKOFF_MAX_SECONDS,
      clock,
    });
  }

  /** The stored `<Reason>: <message>` of the last failed pull for a key (1.32+). */
  previousError(key: string): string | undefined {
    return this.previousErrors.get(key);
  }

  /** @internal used by ensureImageExists */
  rememberError(key: string, text: string): void {
    this.previousErrors.set(key, text);
  }

  /** @internal used by ensureImageExists */
  forgetError(key: string): void {
    this.previousErrors.delete(key);
  }
}

/** image_manager.go pullImage: the back-off key is `<podUID>_<image as written in the spec>`. */
export function imagePullBackOffKey(podUID: string, image: string): string {
  return `${podUID}_${image}`;
}

// ---------------------------------------------------------------- EnsureImageExists

export interface EnsureImageInput {
  readonly version: KubeVersion;
  readonly podUID: string;
  /** container.image exactly as written */
  readonly image: string;
  /** container.imagePullPolicy after API defaulting */
  readonly pullPolicy: PullPolicy;
  /** whether the runtime has the image (GetImageRef returns a ref) */
  readonly imagePresent: boolean;
  /** error text of GetImageRef, when the lookup fails */
  readonly inspectError?: string;
  /**
   * KEP-2535 (KubeletEnsureSecretPulledImages): true when the image pull manager says this pod may use the
   * present image without pulling (its credentials, or the node policy, were already verified). Default true.
   */
  readonly pullCredentialsVerified?: boolean;
  /** the pull's result; required whenever the decision reaches a pull */
  readonly pull?: PullOutcome;
}

export interface EnsureImageResult {
  /** image-service calls, in order */
  readonly runtimeCalls: ImageRuntimeCall[];
  /** events the image manager recorded, in order */
  readonly events: KubeletEventText[];
  /** whether the image is usable for creating the container */
  readonly ok: boolean;
  /** the sentinel error (also the waiting reason) when not ok */
  readonly error?: ImagePullErrorReason;
  /** the message EnsureImageExists returns (the waiting message when not ok; the Pulled text when present) */
  readonly message: string;
  /** the container's waiting state when not ok */
  readonly waiting?: { readonly reason: ImagePullErrorReason; readonly message: string };
  /** startContainer's Warning Failed `Error: <reason>` that follows any error */
  readonly failedEvent?: KubeletEventText;
  /** the image with the default tag applied, as sent to the runtime */
  readonly imageSpec?: string;
  /** pod startup latency tracker: this call started a pull measurement / finished it with a successful pull */
  readonly startedPulling: boolean;
  readonly finishedPulling: boolean;
}

const PULL_POLICIES: readonly PullPolicy[] = ['Always', 'IfNotPresent', 'Never'];

function gateEnabled(version: KubeVersion, gate: FeatureGate): boolean {
  const on = version.gates[gate] === true;
  if (on && !gateExists(gate, version.minor)) {
    throw new ImagePullInputError(`feature gate ${gate} does not exist in Kubernetes ${formatVersion(version)}`);
  }
  return on;
}

function checkInput(input: EnsureImageInput): void {
  if (typeof input.podUID !== 'string' || input.podUID === '') {
    throw new ImagePullInputError('podUID must be a non-empty string');
  }
  if (typeof input.image !== 'string') throw new ImagePullInputError('image must be a string');
  if (!PULL_POLICIES.includes(input.pullPolicy)) {
    throw new ImagePullInputError(
      `pullPolicy must be Always, IfNotPresent or Never (API defaulting sets it), got ${JSON.stringify(input.pullPolicy)}`,
    );
  }
  if (typeof input.imagePresent !== 'boolean') throw new ImagePullInputError('imagePresent must be true or false');
}

/** image_manager.go evalCRIPullErr (1.28+): map a pull error to its waiting reason and message. */
function classifyPullError(
  version: KubeVersion,
  image: string,
  error: string,
): { reason: ImagePullErrorReason; message: string } {
  if (version.minor >= 28) {
    for (const [reason, what] of [
      [ImagePullErrorReason.RegistryUnavailable, 'the registry is unavailable'],
      [ImagePullErrorReason.SignatureValidationFailed, 'the signature validation failed'],
    ] as const) {
      if (error.startsWith(reason)) {
        return { reason, message: `image pull failed for ${image} because ${what}${error.slice(reason.length)}` };
      }
    }
  }
  // Before 1.28 the kubelet compared the error with its own in-process RegistryUnavailable value, which an error
  // coming back from a CRI runtime never equals, so every pull failure was ErrImagePull with the raw text.
  return { reason: ImagePullErrorReason.ErrImagePull, message: error };
}

/**
 * image_manager.go (imageManager).EnsureImageExists, with imagePullPrecheck and pullImage. Reads the back-off at
 * its clock's now and updates it (Next after a failed pull, GC after a successful one), like the kubelet.
 */
export function ensureImageExists(input: EnsureImageInput, state: ImagePullBackOff): EnsureImageResult {
  checkInput(input);
  const { version, image, pullPolicy } = input;
  const ensureSecretPulledImages = gateEnabled(version, 'KubeletEnsureSecretPulledImages');
  const calls: ImageRuntimeCall[] = [];
  const events: KubeletEventText[] = [];

  const fail = (
    reason: ImagePullErrorReason,
    message: string,
    extra: Partial<EnsureImageResult> = {},
  ): EnsureImageResult => ({
    runtimeCalls: calls,
    events,
    ok: false,
    error: reason,
    message,
    waiting: { reason, message },
    failedEvent: startContainerFailedEvent(reason),
    startedPulling: false,
    finishedPulling: false,
    ...extra,
  });

  // applyDefaultImageTag (src/k8s/image/reference.ts): an unparsable reference never reaches the runtime.
  const tagged = applyDefaultImageTag(image, version);
  if (!tagged.ok) {
    const failure = defaultImageTagFailure(image, tagged.error);
    events.push(failure.event);
    return fail(ImagePullErrorReason.InvalidImageName, failure.message);
  }
  const imageSpec = tagged.image;

  // imagePullPrecheck (1.32+): Always skips the lookup. Before 1.32 the kubelet always called GetImageRef.
  const lookUp = version.minor < 32 || pullPolicy !== 'Always';
  let present = false;
  if (lookUp) {
    calls.push('GetImageRef');
    if (input.inspectError !== undefined) {
      // 1.32+ quotes the (empty) ref returned with the error instead of the image.
      const quoted = goQuote(version.minor >= 32 ? '' : image);
      const message = `Failed to inspect image ${quoted}: ${input.inspectError}`;
      events.push(inspectFailedEvent(message));
      return fail(ImagePullErrorReason.ImageInspectError, message, { imageSpec });
    }
    present = input.imagePresent;
  }

  const neverPull = (): EnsureImageResult => {
    const ev = imageNeverPullEvent(image);
    events.push(ev);
    return fail(ImagePullErrorReason.ErrImageNeverPull, ev.message, { imageSpec });
  };
  const noPull = (accessVerified: boolean): EnsureImageResult => {
    const ev = imageAlreadyPresentEvent(image, accessVerified);
    events.push(ev);
    return {
      runtimeCalls: calls,
      events,
      ok: true,
      message: ev.message,
      imageSpec,
      startedPulling: false,
      finishedPulling: false,
    };
  };

  if (present && pullPolicy !== 'Always') {
    if (!ensureSecretPulledImages) return noPull(false);
    // KEP-2535: imagePullManager.MustAttemptImagePull decides whether the pod may use the cached image.
    if (input.pullCredentialsVerified ?? true) return noPull(true);
    // Never gets the same answer as an absent image, so the image's presence is not revealed.
    if (pullPolicy === 'Never') return neverPull();
  } else if (!present && pullPolicy === 'Never') {
    return neverPull();
  }

  return pullImage(input, state, imageSpec, calls, events, fail);
}

/** image_manager.go (imageManager).pullImage: back-off check, Pulling, the pull, then Pulled or Failed. */
function pullImage(
  input: EnsureImageInput,
  state: ImagePullBackOff,
  imageSpec: string,
  calls: ImageRuntimeCall[],
  events: KubeletEventText[],
  fail: (reason: ImagePullErrorReason, message: string, extra?: Partial<EnsureImageResult>) => EnsureImageResult,
): EnsureImageResult {
  const { version, image } = input;
  const keepsPreviousError = version.minor >= 32; // PR #127918
  const key = imagePullBackOffKey(input.podUID, image);
  const now = state.backOff.clock.now();

  if (state.backOff.isInBackOffSinceUpdate(key, now)) {
    const ev = backOffPullingImageEvent(image);
    events.push(ev);
    const previous = keepsPreviousError ? state.previousError(key) : undefined;
    const message = previous === undefined ? ev.message : `${ev.message}: ${previous}`;
    return fail(ImagePullErrorReason.ImagePullBackOff, message, { imageSpec });
  }
  if (keepsPreviousError) state.forgetError(key);

  events.push(pullingImageEvent(image));
  calls.push('PullImage');
  const outcome = input.pull;
  if (!outcome) {
    throw new ImagePullInputError(`the kubelet pulls ${goQuote(image)} here: give the pull outcome in input.pull`);
  }

  if (!outcome.ok) {
    if (typeof outcome.error !== 'string' || outcome.error === '') {
      throw new ImagePullInputError('a failed pull needs the runtime error text');
    }
    events.push(failedToPullImageEvent(image, outcome.error));
    state.backOff.next(key, now);
    const { reason, message } = classifyPullError(version, image, outcome.error);
    if (keepsPreviousError) state.rememberError(key, `${reason}: ${message}`);
    return fail(reason, message, { imageSpec, startedPulling: true });
  }

  // puller.go: from 1.30 a successful pull is followed by GetImageSize.
  if (version.minor >= 30) calls.push('GetImageSize');
  events.push(
    pulledImageEvent(version, image, {
      pullSeconds: outcome.pullSeconds,
      totalSeconds: outcome.totalSeconds ?? outcome.pullSeconds,
      sizeBytes: outcome.sizeBytes,
    }),
  );
  state.backOff.gc();
  return { runtimeCalls: calls, events, ok: true, message: '', imageSpec, startedPulling: true, finishedPulling: true };
}
