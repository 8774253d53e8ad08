/**
 * Restart policies of pods and containers: pkg/apis/core/validation/validation.go validateRestartPolicy,
 * validateInitContainerRestartPolicy, and the ContainerRestartRules (KEP-5307) container policy and rules.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import { goTyped, notSupported, required, tooLong, type ValidationFieldError } from './field-error.ts';
import type { Path } from './field-path.ts';
import { asArray, asObject, asOptString, asString, present } from './json-access.ts';

/** The pod-level values in the order the Go code lists them (not sorted). */
export const POD_RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

// validateRestartPolicy ("" never reaches users: defaulting sets Always)
export function validateRestartPolicy(policy: string, path: Path, v: KubeVersion): ValidationFieldError[] {
  if (POD_RESTART_POLICIES.includes(policy)) return [];
  if (policy === '') return [required(path)];
  return [notSupported(path, goTyped(policy, v), POD_RESTART_POLICIES)];
}

/** An init container's restartPolicy: only Always (a sidecar) unless ContainerRestartRules allows all three. */
// validateInitContainerRestartPolicy
export function validateInitContainerRestartPolicy(
  policy: string,
  path: Path,
  allowRules: boolean,
  v: KubeVersion,
): ValidationFieldError[] {
  const valid = allowRules ? POD_RESTART_POLICIES : ['Always'];
  return valid.includes(policy) ? [] : [notSupported(path, goTyped(policy, v), valid)];
}

/**
 * A container's restartPolicy with restartPolicyRules (ContainerRestartRules on). The rule checks follow the
 * code quoted in kubernetes#137136 (validateContainerRestartPolicy); the Required message for rules without a
 * policy is reconstructed, not read in source.
 */
// validateContainerRestartPolicy
export function validateContainerRestartRules(container: unknown, path: Path, v: KubeVersion): ValidationFieldError[] {
  const c = asObject(container);
  const errs: ValidationFieldError[] = [];
  const policy = asOptString(c?.restartPolicy);
  const rules = asArray(c?.restartPolicyRules);
  if (policy === undefined) {
    if (rules.length > 0)
      errs.push(
        required(path.child('restartPolicy'), 'must specify restartPolicy when restartPolicyRules are specified'),
      );
    return errs;
  }
  if (!POD_RESTART_POLICIES.includes(policy))
    errs.push(notSupported(path.child('restartPolicy'), goTyped(policy, v), POD_RESTART_POLICIES));
  if (rules.length > 20) errs.push(tooLong(path.child('restartPolicyRules'), 20, v));
  rules.forEach((r, i) => {
    const rule = asObject(r);
    const rulePath = path.child('restartPolicyRules').index(i);
    const action = asString(rule?.action);
    if (action !== 'Restart') errs.push(notSupported(rulePath.child('action'), goTyped(action, v), ['Restart']));
    if (present(rule?.exitCodes)) {
      const exitCodes = asObject(rule?.exitCodes);
      const operator = asString(exitCodes?.operator);
      if (operator !== 'In' && operator !== 'NotIn') {
        errs.push(notSupported(rulePath.child('exitCodes').child('operator'), goTyped(operator, v), ['In', 'NotIn']));
      }
      if (asArray(exitCodes?.values).length > 255)
        errs.push(tooLong(rulePath.child('exitCodes').child('values'), 255, v));
    } else {
      errs.push(required(rulePath.child('exitCodes'), 'must be specified'));
    }
  });
  return errs;
}
