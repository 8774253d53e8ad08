/** Image pull policy: pkg/apis/core/validation/validation.go validatePullPolicy. */
import type { KubeVersion } from '../../k8s/version/index.ts';
import { goTyped, notSupported, required, type ValidationFieldError } from './field-error.ts';
import type { Path } from './field-path.ts';

// supportedPullPolicies is a set, so the message lists it sorted
const SUPPORTED_PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

// validatePullPolicy ("" never reaches users: defaulting fills it in)
export function validatePullPolicy(policy: string, path: Path, v: KubeVersion): ValidationFieldError[] {
  if (SUPPORTED_PULL_POLICIES.includes(policy)) return [];
  if (policy === '') return [required(path)];
  return [notSupported(path, goTyped(policy, v), SUPPORTED_PULL_POLICIES)];
}
