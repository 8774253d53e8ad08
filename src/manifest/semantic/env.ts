/**
 * Environment variables: pkg/apis/core/validation/validation.go ValidateEnv, validateEnvVarValueFrom,
 * validateObjectFieldSelector, validateContainerResourceFieldSelector, the key selectors and ValidateEnvFrom.
 */
import { appendAll, goStr, invalid, notSupported, required, type ValidationFieldError } from './field-error.ts';
import type { Path } from './field-path.ts';
import { asArray, asObject, asString, isSet, present } from './json-access.ts';
import {
  isConfigMapKey,
  isEnvVarName,
  isQualifiedName,
  isRelaxedEnvVarName,
  nameIsDNSSubdomain,
} from './name-rules.ts';
import { quantityFromJson, quantitySign, quantityString } from './quantity.ts';

const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
const RESOURCE_FIELD_PATHS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];
const DOWNWARD_LABELS = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);

// pkg/fieldpath SplitMaybeSubscriptedPath: `metadata.labels['key']`
function splitSubscript(fieldPath: string): { path: string; subscript: string } | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const open = fieldPath.indexOf("['");
  if (open < 0) return undefined;
  return { path: fieldPath.slice(0, open), subscript: fieldPath.slice(open + 2, -2) };
}

// pkg/apis/core/pods ConvertDownwardAPIFieldLabel: the error text, or undefined when the label converts
function convertFieldLabelError(version: string, label: string): string | undefined {
  if (version !== 'v1') return `unsupported pod version: ${version}`;
  const sub = splitSubscript(label);
  if (sub) {
    return sub.path === 'metadata.annotations' || sub.path === 'metadata.labels'
      ? undefined
      : `field label does not support subscript: ${label}`;
  }
  return DOWNWARD_LABELS.has(label) || label === 'spec.host' ? undefined : `field label not supported: ${label}`;
}

// validateObjectFieldSelector
export function validateObjectFieldSelector(
  selector: unknown,
  expressions: readonly string[],
  path: Path,
): ValidationFieldError[] {
  const fs = asObject(selector);
  const apiVersion = asString(fs?.apiVersion);
  const fieldPath = asString(fs?.fieldPath);
  if (apiVersion.length === 0) return [required(path.child('apiVersion'))];
  if (fieldPath.length === 0) return [required(path.child('fieldPath'))];
  const convErr = convertFieldLabelError(apiVersion, fieldPath);
  if (convErr) return [invalid(path.child('fieldPath'), goStr(fieldPath), `error converting fieldPath: ${convErr}`)];
  const internal = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath;
  const sub = splitSubscript(internal);
  if (sub) {
    if (sub.path === 'metadata.annotations') {
      const lower = sub.subscript.toLowerCase();
      return isQualifiedName(lower).map((m) => invalid(path, goStr(lower), m));
    }
    if (sub.path === 'metadata.labels')
      return isQualifiedName(sub.subscript).map((m) => invalid(path, goStr(sub.subscript), m));
    return [invalid(path, goStr(sub.path), 'does not support subscript')];
  }
  if (!expressions.includes(internal)) return [notSupported(path.child('fieldPath'), goStr(internal), expressions)];
  return [];
}

// validateContainerResourceFieldSelector + validateContainerResourceDivisor (volume=false for env)
export function validateResourceFieldSelector(selector: unknown, path: Path, volume: boolean): ValidationFieldError[] {
  const fs = asObject(selector);
  const errs: ValidationFieldError[] = [];
  const resource = asString(fs?.resource);
  if (volume && asString(fs?.containerName).length === 0) errs.push(required(path.child('containerName')));
  else if (resource.length === 0) errs.push(required(path.child('resource')));
  else if (!RESOURCE_FIELD_PATHS.includes(resource) && !/^(requests|limits)\.hugepages-/.test(resource)) {
    errs.push(notSupported(path.child('resource'), goStr(resource), RESOURCE_FIELD_PATHS));
  }
  const divisor = quantityFromJson(fs?.divisor);
  if (divisor && quantitySign(divisor) !== 0) {
    const d = quantityString(divisor);
    const memoryLike = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];
    const list = '1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei';
    const divisorPath = path.child('divisor');
    if ((resource === 'limits.cpu' || resource === 'requests.cpu') && d !== '1m' && d !== '1') {
      errs.push(
        invalid(divisorPath, goStr(resource), "only divisor's values 1m and 1 are supported with the cpu resource"),
      );
    } else if ((resource === 'limits.memory' || resource === 'requests.memory') && !memoryLike.includes(d)) {
      errs.push(
        invalid(divisorPath, goStr(resource), `only divisor's values ${list} are supported with the memory resource`),
      );
    } else if (
      (resource === 'limits.ephemeral-storage' || resource === 'requests.ephemeral-storage') &&
      !memoryLike.includes(d)
    ) {
      errs.push(
        invalid(
          divisorPath,
          goStr(resource),
          `only divisor's values ${list} are supported with the local ephemeral storage resource`,
        ),
      );
    }
    if (/^(requests|limits)\.hugepages-/.test(resource) && !memoryLike.includes(d)) {
      errs.push(
        invalid(
          divisorPath,
          goStr(resource),
          `only divisor's values ${list} are supported with the hugepages resource`,
        ),
      );
    }
  }
  return errs;
}

// validateConfigMapKeySelector / validateSecretKeySelector (both use the secret-name rule on the name)
function validateKeySelector(selector: unknown, path: Path): ValidationFieldError[] {
  const s = asObject(selector);
  const name = asString(s?.name);
  const key = asString(s?.key);
  const errs = nameIsDNSSubdomain(name, false).map((m) => invalid(path.child('name'), goStr(name), m));
  if (key.length === 0) errs.push(required(path.child('key')));
  else for (const m of isConfigMapKey(key)) errs.push(invalid(path.child('key'), goStr(key), m));
  return errs;
}

// validateEnvVarValueFrom
function validateValueFrom(ev: Record<string, unknown> | undefined, path: Path): ValidationFieldError[] {
  const vf = asObject(ev?.valueFrom);
  if (!vf) return [];
  const errs: ValidationFieldError[] = [];
  let sources = 0;
  if (present(vf?.fieldRef)) {
    sources++;
    appendAll(errs, validateObjectFieldSelector(vf.fieldRef, ENV_FIELD_PATHS, path.child('fieldRef')));
  }
  if (present(vf?.resourceFieldRef)) {
    sources++;
    appendAll(errs, validateResourceFieldSelector(vf.resourceFieldRef, path.child('resourceFieldRef'), false));
  }
  if (present(vf?.configMapKeyRef)) {
    sources++;
    appendAll(errs, validateKeySelector(vf.configMapKeyRef, path.child('configMapKeyRef')));
  }
  if (present(vf?.secretKeyRef)) {
    sources++;
    appendAll(errs, validateKeySelector(vf.secretKeyRef, path.child('secretKeyRef')));
  }
  if (sources === 0) {
    errs.push(
      invalid(
        path,
        goStr(''),
        'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ),
    );
  } else if (asString(ev?.value).length !== 0) {
    errs.push(invalid(path, goStr(''), 'may not be specified when `value` is not empty'));
  } else if (sources > 1) {
    errs.push(invalid(path, goStr(''), 'may not have more than one field specified at a time'));
  }
  return errs;
}

function envNameMessages(name: string, relaxed: boolean): string[] {
  return relaxed ? isRelaxedEnvVarName(name) : isEnvVarName(name);
}

// ValidateEnv
export function validateEnv(env: unknown, path: Path, relaxedNames: boolean): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  asArray(env).forEach((e, i) => {
    const ev = asObject(e);
    const idx = path.index(i);
    const name = asString(ev?.name);
    if (name.length === 0) errs.push(required(idx.child('name')));
    else for (const m of envNameMessages(name, relaxedNames)) errs.push(invalid(idx.child('name'), goStr(name), m));
    appendAll(errs, validateValueFrom(ev, idx.child('valueFrom')));
  });
  return errs;
}

// ValidateEnvFrom (names use the ConfigMap/Secret name rule with prefix=true, as Go passes it)
export function validateEnvFrom(envFrom: unknown, path: Path, relaxedNames: boolean): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  asArray(envFrom).forEach((e, i) => {
    const ev = asObject(e);
    const idx = path.index(i);
    const prefix = asString(ev?.prefix);
    if (prefix.length > 0) {
      for (const m of envNameMessages(prefix, relaxedNames)) errs.push(invalid(idx.child('prefix'), goStr(prefix), m));
    }
    let sources = 0;
    for (const kind of ['configMapRef', 'secretRef'] as const) {
      if (!isSet(ev, kind)) continue;
      sources++;
      const name = asString(asObject(ev?.[kind])?.name);
      const namePath = idx.child(kind).child('name');
      if (name.length === 0) errs.push(required(namePath));
      else for (const m of nameIsDNSSubdomain(name, true)) errs.push(invalid(namePath, goStr(name), m));
    }
    if (sources === 0) errs.push(invalid(path, goStr(''), 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1) errs.push(invalid(path, goStr(''), 'may not have more than one field specified at a time'));
  });
  return errs;
}
