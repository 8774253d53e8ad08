/**
 * ObjectMeta on create: staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go
 * ValidateObjectMetaAccessor and validateObjectMetaAccessorWithOptsCommon, plus the finalizer check
 * pkg/apis/core/validation/validation.go ValidateObjectMeta adds.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import {
  appendAll,
  forbidden,
  goInt,
  goJsonValue,
  goStr,
  goStringSlice,
  invalid,
  required,
  tooLong,
  type ValidationFieldError,
} from './field-error.ts';
import type { Path } from './field-path.ts';
import { utf8Length } from './go-quote.ts';
import { sortedKeys } from './go-value.ts';
import { asArray, asInt, asObject, asOptInt, asString, asStringMap } from './json-access.ts';
import { validateLabels } from './labels.ts';
import { isQualifiedName, nameIsDNSLabel } from './name-rules.ts';

/** A name check as ValidateNameFunc: (name, prefix) => messages. */
export type NameFn = (name: string, prefix: boolean) => string[];

export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

// apimachineryvalidation.ValidateNonnegativeField (IsNegativeErrorMsg)
export function validateNonnegative(value: number, path: Path): ValidationFieldError[] {
  return value < 0 ? [invalid(path, goInt(value), 'must be greater than or equal to 0')] : [];
}

// apimachineryvalidation.ValidateAnnotations: keys are qualified names ignoring case; total size at most 256 KiB
export function validateAnnotations(
  annotations: Readonly<Record<string, string>> | undefined,
  path: Path,
  v: KubeVersion,
): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  if (!annotations) return errs;
  let total = 0;
  for (const k of sortedKeys(annotations)) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, goStr(k), m));
    total += utf8Length(k) + utf8Length(annotations[k] ?? '');
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B, v));
  return errs;
}

// apimachineryvalidation.validateOwnerReference (the checks a manifest can fail)
function validateOwnerReferences(refs: unknown[], path: Path): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  let firstController = '';
  for (const r of refs) {
    const ref = asObject(r);
    const apiVersion = asString(ref?.apiVersion);
    const kind = asString(ref?.kind);
    const name = asString(ref?.name);
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
    if (version.length === 0)
      errs.push(invalid(path.child('apiVersion'), goStr(apiVersion), 'version must not be empty'));
    if (kind.length === 0) errs.push(invalid(path.child('kind'), goStr(kind), 'must not be empty'));
    if (name.length === 0) errs.push(invalid(path.child('name'), goStr(name), 'must not be empty'));
    if (asString(ref?.uid).length === 0)
      errs.push(invalid(path.child('uid'), goStr(asString(ref?.uid)), 'must not be empty'));
    if (ref?.controller === true) {
      const current = `${kind}/${name}`;
      if (firstController !== '') {
        errs.push(
          invalid(
            path,
            goJsonValue(refs),
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        );
      } else firstController = current;
    }
  }
  return errs;
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

// apimachineryvalidation.ValidateFinalizers, then core validateKubeFinalizerName per finalizer
function validateFinalizers(finalizers: string[], path: Path, v: KubeVersion): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  for (const f of finalizers) for (const m of isQualifiedName(f)) errs.push(invalid(path, goStr(f), m));
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(
      invalid(path, goStringSlice(finalizers, v), 'finalizer orphan and foregroundDeletion cannot be both set'),
    );
  }
  finalizers.forEach((f, i) => {
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(
        invalid(path.index(i), goStr(f), 'name is neither a standard finalizer name nor is it fully qualified'),
      );
    }
  });
  return errs;
}

/**
 * Validate metadata as the apiserver does on create (after BeforeCreate filled in the namespace and generated a
 * name from generateName).
 */
// pkg/apis/core/validation/validation.go ValidateObjectMeta -> apimachinery ValidateObjectMetaAccessor
export function validateObjectMeta(
  metadata: unknown,
  requiresNamespace: boolean,
  nameFn: NameFn,
  path: Path,
  v: KubeVersion,
): ValidationFieldError[] {
  const meta = asObject(metadata);
  const errs: ValidationFieldError[] = [];
  const generateName = asString(meta?.generateName);
  if (generateName.length > 0) {
    for (const m of nameFn(generateName, true)) errs.push(invalid(path.child('generateName'), goStr(generateName), m));
  }
  const name = asString(meta?.name);
  if (name.length === 0) errs.push(required(path.child('name'), 'name or generateName is required'));
  else for (const m of nameFn(name, false)) errs.push(invalid(path.child('name'), goStr(name), m));

  const namespace = asString(meta?.namespace);
  if (requiresNamespace) {
    if (namespace.length === 0) errs.push(required(path.child('namespace')));
    else
      for (const m of nameIsDNSLabel(namespace, false))
        errs.push(invalid(path.child('namespace'), goStr(namespace), m));
  } else if (namespace.length !== 0) {
    errs.push(forbidden(path.child('namespace'), 'not allowed on this type'));
  }
  const generation = asOptInt(meta?.generation);
  if (generation !== undefined) appendAll(errs, validateNonnegative(asInt(generation), path.child('generation')));
  appendAll(errs, validateLabels(asStringMap(meta?.labels), path.child('labels')));
  appendAll(errs, validateAnnotations(asStringMap(meta?.annotations), path.child('annotations'), v));
  appendAll(errs, validateOwnerReferences(asArray(meta?.ownerReferences), path.child('ownerReferences')));
  appendAll(errs, validateFinalizers(asArray(meta?.finalizers).map(asString), path.child('finalizers'), v));
  return errs;
}
