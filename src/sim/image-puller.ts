/**
 * The image step of a container start, timed: src/k8s/kubelet/image-pull.ts ensureImageExists decides (and
 * keeps the pull back-off), the node's serial puller and the registry give the pull's duration and result.
 *
 * ensureImageExists needs the pull's outcome up front, but the kubelet records `Pulling` before the pull and
 * `Pulled`/`Failed` (and the back-off update) after it. So the decision is asked first without an outcome: when
 * it answers (image present, Never, in back-off, bad name) that is the whole step; when it stops at the pull
 * (ImagePullInputError), `Pulling` is recorded, the pull runs, and the decision is asked again at the pull's end
 * with the outcome, which puts the back-off update at the right time.
 */
import type { Container, PullPolicy } from '../k8s/api/types.ts';
import { applyDefaultImageTag } from '../k8s/image/reference.ts';
import { type KubeletEventText, pullingImageEvent } from '../k8s/kubelet/event-messages.ts';
import {
  type EnsureImageInput,
  type EnsureImageResult,
  ensureImageExists,
  ImagePullBackOff,
  ImagePullInputError,
  type PullOutcome,
} from '../k8s/kubelet/image-pull.ts';
import type { KubeVersion } from '../k8s/version/index.ts';
import type { VirtualClock } from './clock.ts';
import type { StoredImage } from './image-store.ts';
import type { SimNode } from './node.ts';
import { criPullErrorText } from './runtime-errors.ts';

export type ImageStepResult =
  | { readonly ok: true; readonly image: StoredImage; readonly imageSpec: string }
  | { readonly ok: false; readonly reason: string; readonly message: string };

export interface ImageStepContext {
  readonly version: KubeVersion;
  readonly clock: VirtualClock;
  readonly node: SimNode;
  readonly backOff: ImagePullBackOff;
  readonly podUID: string;
  /** records one kubelet event on the container */
  readonly record: (e: KubeletEventText) => void;
}

/** The kubelet's `ImagePullBackOff` state, on the simulation clock. */
export function newImagePullBackOff(clock: VirtualClock): ImagePullBackOff {
  return new ImagePullBackOff(clock);
}

function present(node: SimNode, image: string): boolean {
  try {
    return node.findImage(image) !== undefined;
  } catch {
    return false; // an unparsable name: ensureImageExists reports InvalidImageName before any lookup
  }
}

function isPullStop(err: unknown): boolean {
  return err instanceof ImagePullInputError && err.message.startsWith('the kubelet pulls');
}

/** EnsureImageExists for one container, yielding the seconds a pull takes. */
// pkg/kubelet/kuberuntime/kuberuntime_container.go (*kubeGenericRuntimeManager).startContainer, step 1
export function* ensureContainerImage(ctx: ImageStepContext, container: Container): Generator<number, ImageStepResult> {
  const image = container.image ?? '';
  const base: EnsureImageInput = {
    version: ctx.version,
    podUID: ctx.podUID,
    image,
    pullPolicy: (container.imagePullPolicy ?? 'IfNotPresent') as PullPolicy,
    imagePresent: present(ctx.node, image),
  };
  const askedAt = ctx.clock.now();
  let result: EnsureImageResult;
  try {
    result = ensureImageExists(base, ctx.backOff);
    for (const e of result.events) ctx.record(e);
  } catch (err) {
    if (!isPullStop(err)) throw err;
    result = yield* pull(ctx, base, askedAt);
  }
  if (!result.ok) {
    if (result.failedEvent) ctx.record(result.failedEvent);
    return { ok: false, reason: result.error ?? 'ErrImagePull', message: result.message };
  }
  const imageSpec = result.imageSpec ?? image;
  const stored = ctx.node.findImage(imageSpec);
  if (!stored) return { ok: false, reason: 'ErrImagePull', message: `image ${imageSpec} vanished after the pull` };
  return { ok: true, image: stored, imageSpec };
}

function* pull(ctx: ImageStepContext, base: EnsureImageInput, askedAt: number): Generator<number, EnsureImageResult> {
  const tagged = applyDefaultImageTag(base.image, ctx.version);
  if (!tagged.ok) throw new ImagePullInputError(tagged.error);
  // image_manager.go pullImage: Pulling is recorded when the pull is asked for, the result when it ends.
  ctx.record(pullingImageEvent(base.image));
  const p = ctx.node.kubeletPull(tagged.image);
  yield p.finishedAt - ctx.clock.now();
  const outcome: PullOutcome = p.answer.ok
    ? {
        ok: true,
        pullSeconds: p.finishedAt - p.startedAt,
        totalSeconds: p.finishedAt - askedAt,
        sizeBytes: p.answer.image.sizeBytes,
      }
    : { ok: false, error: criPullErrorText(p.answer.failure, ctx.version) };
  const result = ensureImageExists({ ...base, pull: outcome }, ctx.backOff);
  // The decision lists Pulling again: it was recorded already, at the start of the pull.
  for (const e of result.events) if (e.reason !== 'Pulling') ctx.record(e);
  return result;
}
