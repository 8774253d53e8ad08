/**
 * The apiserver's imagePullPolicy default. The rule is the same in 1.23..1.35: Always if and only if the
 * parsed tag is exactly `latest` (which includes "no tag and no digest"), otherwise IfNotPresent; a parse
 * error is ignored (tag '' so IfNotPresent). What changes between releases is the parser (see reference.ts),
 * e.g. `[::1]:5000/app` is IfNotPresent up to 1.28 (parse error) and Always from 1.29.
 */
import type { PullPolicy } from '../api/index.ts';
import type { KubeVersion } from '../version/index.ts';
import { DEFAULT_IMAGE_TAG, parseImageName } from './reference.ts';

/** The policy defaulting would choose for an image whose policy is unset. */
// pkg/apis/core/v1/defaults.go SetDefaults_Container (also SetDefaults_Volume for image volumes)
export function defaultPullPolicyForImage(image: string, version: KubeVersion): PullPolicy {
  // "Ignore error and assume it has been validated elsewhere": a failed parse leaves tag ''.
  const parsed = parseImageName(image, version);
  const tag = parsed.ok ? parsed.tag : '';
  return tag === DEFAULT_IMAGE_TAG ? 'Always' : 'IfNotPresent';
}

/** The stored policy: an explicit (non-empty) policy is kept as written, even an invalid one. */
// pkg/apis/core/v1/defaults.go SetDefaults_Container: `if obj.ImagePullPolicy == ""`
export function effectivePullPolicy(
  container: { readonly image?: unknown; readonly imagePullPolicy?: unknown },
  version: KubeVersion,
): string {
  const { image = '', imagePullPolicy: policy } = container;
  if (policy !== undefined && policy !== null && typeof policy !== 'string') {
    throw new TypeError(`imagePullPolicy must be a string, got ${JSON.stringify(policy)}`);
  }
  if (policy) return policy;
  if (image !== null && typeof image !== 'string')
    throw new TypeError(`image must be a string, got ${JSON.stringify(image)}`);
  return defaultPullPolicyForImage(image ?? '', version);
}
