/** A pod template inside a workload: pkg/apis/core/validation/validation.go ValidatePodTemplateSpec. */
import { appendAll, forbidden, type ValidationFieldError } from './field-error.ts';
import type { Path } from './field-path.ts';
import { asArray, asObject, asStringMap } from './json-access.ts';
import { validateLabels } from './labels.ts';
import { validateAnnotations } from './object-meta.ts';
import type { PodValidationOptions } from './options.ts';
import { validatePodSpecificAnnotations } from './pod-annotations.ts';
import { validatePodSpec } from './pod-spec.ts';

// ValidatePodTemplateSpec
export function validatePodTemplateSpec(
  template: unknown,
  path: Path,
  opts: PodValidationOptions,
): ValidationFieldError[] {
  const t = asObject(template);
  const meta = asObject(t?.metadata);
  const annotations = asStringMap(meta?.annotations);
  const errs = validateLabels(asStringMap(meta?.labels), path.child('labels'));
  appendAll(errs, validateAnnotations(annotations, path.child('annotations'), opts.version));
  appendAll(errs, validatePodSpecificAnnotations(annotations, t?.spec, path.child('annotations'), opts.version));
  appendAll(errs, validatePodSpec(t?.spec, '', path.child('spec'), opts));
  if (asArray(asObject(t?.spec)?.ephemeralContainers).length > 0) {
    errs.push(forbidden(path.child('spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
