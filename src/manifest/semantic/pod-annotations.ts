/**
 * Annotations with meaning for pods: pkg/apis/core/validation/validation.go ValidatePodSpecificAnnotations
 * (mirror pod, deletion cost, seccomp and AppArmor annotations). The JSON tolerations annotation is checked
 * only when it parses (Go's JSON error text is not reproduced).
 */

import type { KubeVersion } from '../../k8s/version/index.ts';
import { appendAll, goStr, invalid, type ValidationFieldError } from './field-error.ts';
import type { Path } from './field-path.ts';
import { sortedKeys } from './go-value.ts';
import { asArray, asObject, asString } from './json-access.ts';
import { validateLocalDescendingPath } from './paths.ts';
import { validateTolerations } from './scheduling.ts';

const MIRROR = 'kubernetes.io/config.mirror';
const TOLERATIONS = 'scheduler.alpha.kubernetes.io/tolerations';
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER = 'container.apparmor.security.beta.kubernetes.io/';

// ValidateSeccompProfile (annotation form)
function validateSeccompAnnotation(profile: string, path: Path): ValidationFieldError[] {
  if (profile === 'runtime/default' || profile === 'docker/default' || profile === 'unconfined') return [];
  if (profile.startsWith('localhost/')) return validateLocalDescendingPath(profile.slice('localhost/'.length), path);
  return [invalid(path, goStr(profile), 'must be a valid seccomp profile')];
}

function containerNames(spec: unknown): Set<string> {
  const s = asObject(spec);
  return new Set(
    [...asArray(s?.initContainers), ...asArray(s?.containers), ...asArray(s?.ephemeralContainers)].map((c) =>
      asString(asObject(c)?.name),
    ),
  );
}

// ValidatePodSpecificAnnotations (Go ranges over the map at random; the model sorts keys)
export function validatePodSpecificAnnotations(
  annotations: Readonly<Record<string, string>> | undefined,
  spec: unknown,
  path: Path,
  v: KubeVersion,
): ValidationFieldError[] {
  if (!annotations) return [];
  const errs: ValidationFieldError[] = [];
  const mirror = annotations[MIRROR];
  if (mirror !== undefined && asString(asObject(spec)?.nodeName) === '') {
    errs.push(invalid(path.key(MIRROR), goStr(mirror), 'must set spec.nodeName if mirror pod annotation is set'));
  }
  const tolerations = annotations[TOLERATIONS];
  if (tolerations) {
    try {
      appendAll(errs, validateTolerations(JSON.parse(tolerations), path.child(TOLERATIONS), v));
    } catch {
      errs.push(invalid(path, goStr(TOLERATIONS), 'invalid JSON in the tolerations annotation'));
    }
  }
  const cost = annotations[DELETION_COST];
  if (cost !== undefined) {
    const n = /^[+-]?\d+$/.test(cost) ? Number(cost) : Number.NaN;
    if (!(n >= -2147483648 && n <= 2147483647))
      errs.push(invalid(path.key(DELETION_COST), goStr(cost), 'must be a 32bit integer'));
  }
  const seccompPod = annotations[SECCOMP_POD];
  if (seccompPod !== undefined) appendAll(errs, validateSeccompAnnotation(seccompPod, path.child(SECCOMP_POD)));
  const keys = sortedKeys(annotations);
  for (const k of keys) {
    if (k.startsWith(SECCOMP_CONTAINER))
      appendAll(errs, validateSeccompAnnotation(annotations[k] ?? '', path.child(k)));
  }
  const names = containerNames(spec);
  for (const k of keys) {
    if (!k.startsWith(APPARMOR_CONTAINER)) continue;
    const container = k.slice(APPARMOR_CONTAINER.length);
    const profile = annotations[k] ?? '';
    if (!names.has(container)) errs.push(invalid(path.key(k), goStr(container), 'container not found'));
    if (
      profile !== '' &&
      profile !== 'runtime/default' &&
      profile !== 'unconfined' &&
      !profile.startsWith('localhost/')
    ) {
      errs.push(invalid(path.key(k), goStr(profile), `invalid AppArmor profile name: ${JSON.stringify(profile)}`));
    }
  }
  return errs;
}
