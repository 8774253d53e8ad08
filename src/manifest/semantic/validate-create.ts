/**
 * The semantic stage: prepare an object as the apiserver does on create (defaulting, BeforeCreate, create
 * strategy), then run the kind's validation (the registry strategy's Validate).
 */
import type { ValidationFieldError } from './field-error.ts';
import { asObject, asString } from './json-access.ts';
import { DNS1123_LABEL_DOTS, dns1123LabelRegexMessage } from './name-rules.ts';
import { podValidationOptions, type SemanticOptions } from './options.ts';
import { validatePodCreate } from './pod.ts';
import { prepareForValidation, supportedKinds } from './prepare-object.ts';
import { dnsLabelSaysDots } from './version-rules.ts';
import { validateDaemonSet, validateDeployment, validateReplicaSet, validateStatefulSet } from './workloads-apps.ts';
import { validateCronJob, validateJob } from './workloads-batch.ts';

export interface SemanticResult {
  /** `kind` of the object (as written). */
  readonly kind: string;
  /** metadata.name after BeforeCreate (a generateName has been expanded): the name in the error messages. */
  readonly name: string;
  /** The defaulted object that was validated. */
  readonly object: unknown;
  /** field.ErrorList in the order the Go code appends errors (not de-duplicated). */
  readonly errors: ValidationFieldError[];
}

export function isSupportedKind(kind: string): boolean {
  return supportedKinds().includes(kind);
}

/**
 * Release wording that lives in apimachinery helpers called from many places: applied once here rather than
 * threading the version through every DNS-label check.
 */
// staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go IsDNS1123Label
function withReleaseWording(errors: ValidationFieldError[], opts: SemanticOptions): ValidationFieldError[] {
  if (dnsLabelSaysDots(opts.version)) return errors;
  return errors.map((e) => (e.detail === DNS1123_LABEL_DOTS ? { ...e, detail: dns1123LabelRegexMessage() } : e));
}

/** Validation only, for an object that is already defaulted. Unsupported kinds have no semantic errors. */
export function validateDefaulted(obj: unknown, kind: string, opts: SemanticOptions): ValidationFieldError[] {
  return withReleaseWording(validateKind(obj, kind, opts), opts);
}

// pkg/registry/{core/pod,apps/*,batch/*}/strategy.go Validate
function validateKind(obj: unknown, kind: string, opts: SemanticOptions): ValidationFieldError[] {
  switch (kind) {
    case 'Pod':
      return validatePodCreate(obj, podValidationOptions(opts, true));
    case 'Deployment':
      return validateDeployment(obj, podValidationOptions(opts, false));
    case 'ReplicaSet':
      return validateReplicaSet(obj, podValidationOptions(opts, false));
    case 'StatefulSet':
      return validateStatefulSet(obj, podValidationOptions(opts, false));
    case 'DaemonSet':
      return validateDaemonSet(obj, podValidationOptions(opts, false));
    case 'Job':
      return validateJob(obj, podValidationOptions(opts, false));
    case 'CronJob':
      return validateCronJob(obj, podValidationOptions(opts, false));
    default:
      return [];
  }
}

/** Default, prepare and validate a decoded object as a create request. Never throws on odd input. */
export function validateForCreate(obj: unknown, opts: SemanticOptions): SemanticResult {
  const kind = asString(asObject(obj)?.kind);
  const object = prepareForValidation(obj, kind, opts);
  const name = asString(asObject(asObject(object)?.metadata)?.name);
  return { kind, name, object, errors: validateDefaulted(object, kind, opts) };
}
