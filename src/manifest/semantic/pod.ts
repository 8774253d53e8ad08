/**
 * A Pod on create: pkg/apis/core/validation/validation.go ValidatePodCreate -> validatePodMetadataAndSpec.
 */

import { validateContainersOnlyForPod } from './containers.ts';
import { appendAll, forbidden, type ValidationFieldError } from './field-error.ts';
import { Path } from './field-path.ts';
import { asArray, asObject, asString, asStringMap, present } from './json-access.ts';
import { nameIsDNSSubdomain } from './name-rules.ts';
import { validateObjectMeta } from './object-meta.ts';
import type { PodValidationOptions } from './options.ts';
import { validatePodSpecificAnnotations } from './pod-annotations.ts';
import { validatePodSpec } from './pod-spec.ts';

// validatePodMetadataAndSpec
function validatePodMetadataAndSpec(pod: unknown, opts: PodValidationOptions): ValidationFieldError[] {
  const v = opts.version;
  const p = asObject(pod);
  const meta = asObject(p?.metadata);
  const spec = asObject(p?.spec);
  const metaPath = Path.root('metadata');
  const specPath = Path.root('spec');
  const errs = validateObjectMeta(meta, true, nameIsDNSSubdomain, metaPath, v);
  appendAll(
    errs,
    validatePodSpecificAnnotations(asStringMap(meta?.annotations), spec, metaPath.child('annotations'), v),
  );
  appendAll(errs, validatePodSpec(spec, asString(meta?.name), specPath, opts));
  // a projected service-account token needs a service account (ServiceAccount admission normally sets "default")
  if (asString(spec?.serviceAccountName) === '') {
    asArray(spec?.volumes).forEach((vol, vi) => {
      const projected = asObject(asObject(vol)?.projected);
      asArray(projected?.sources).forEach((src, si) => {
        if (present(asObject(src)?.serviceAccountToken)) {
          const saPath = specPath
            .child('volumes')
            .index(vi)
            .child('projected')
            .child('sources')
            .index(si)
            .child('serviceAccountToken');
          errs.push(forbidden(saPath, 'must not be specified when serviceAccountName is not set'));
        }
      });
    });
  }
  appendAll(errs, validateContainersOnlyForPod(spec?.containers, specPath.child('containers')));
  appendAll(errs, validateContainersOnlyForPod(spec?.initContainers, specPath.child('initContainers')));
  return errs;
}

/** Validate a defaulted Pod as the apiserver does on create. */
// ValidatePodCreate
export function validatePodCreate(pod: unknown, opts: PodValidationOptions): ValidationFieldError[] {
  const errs = validatePodMetadataAndSpec(pod, opts);
  const spec = asObject(asObject(pod)?.spec);
  const specPath = Path.root('spec');
  if (asArray(spec?.ephemeralContainers).length > 0)
    errs.push(forbidden(specPath.child('ephemeralContainers'), 'cannot be set on create'));
  if (asString(spec?.nodeName) !== '' && asArray(spec?.schedulingGates).length !== 0) {
    errs.push(forbidden(specPath.child('nodeName'), 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}
