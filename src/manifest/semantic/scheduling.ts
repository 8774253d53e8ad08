/**
 * Scheduling fields of a pod spec: pkg/apis/core/validation/validation.go ValidateTolerations,
 * validateAffinity (node affinity, pod affinity and anti-affinity), validateTopologySpreadConstraints,
 * validateReadinessGates and validateSchedulingGates.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import {
  appendAll,
  duplicate,
  forbidden,
  goInt,
  goStr,
  goTyped,
  invalid,
  notSupported,
  required,
  type ValidationFieldError,
} from './field-error.ts';
import type { Path } from './field-path.ts';
import { asArray, asInt, asObject, asOptInt, asOptString, asString, type JsonObject, present } from './json-access.ts';
import { validateLabelName, validateLabelSelector } from './labels.ts';
import { isQualifiedName, isValidLabelValue, nameIsDNSLabel, nameIsDNSSubdomain } from './name-rules.ts';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

// ValidateTolerations
export function validateTolerations(tolerations: unknown, path: Path, v: KubeVersion): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  asArray(tolerations).forEach((t, i) => {
    const tol = asObject(t);
    const idx = path.index(i);
    const key = asString(tol?.key);
    const operator = asString(tol?.operator);
    const value = asString(tol?.value);
    const effect = asString(tol?.effect);
    if (key.length > 0) appendAll(errs, validateLabelName(key, idx.child('key')));
    if (key.length === 0 && operator !== 'Exists') {
      errs.push(
        invalid(
          idx.child('operator'),
          goTyped(operator, v),
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (present(tol?.tolerationSeconds) && effect !== 'NoExecute') {
      errs.push(
        invalid(idx.child('effect'), goTyped(effect, v), "effect must be 'NoExecute' when `tolerationSeconds` is set"),
      );
    }
    if (operator === 'Equal' || operator === '') {
      const msgs = isValidLabelValue(value);
      if (msgs.length > 0) errs.push(invalid(idx.child('operator'), goStr(value), msgs.join(';')));
    } else if (operator === 'Exists') {
      if (value.length > 0)
        errs.push(invalid(idx.child('operator'), goStr(value), "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(idx.child('operator'), goTyped(operator, v), ['Equal', 'Exists']));
    }
    if (effect.length > 0 && !TAINT_EFFECTS.includes(effect)) {
      errs.push(notSupported(idx.child('effect'), goTyped(effect, v), TAINT_EFFECTS));
    }
  });
  return errs;
}

// ValidateNodeSelectorRequirement
function validateNodeSelectorRequirement(req: unknown, allowInvalidValues: boolean, path: Path, v: KubeVersion) {
  const r = asObject(req);
  const errs: ValidationFieldError[] = [];
  const operator = asString(r?.operator);
  const values = asArray(r?.values).map(asString);
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length === 0)
      errs.push(required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (values.length > 0) {
      errs.push(forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    }
  } else if (operator === 'Gt' || operator === 'Lt') {
    if (values.length !== 1)
      errs.push(required(path.child('values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
  } else {
    errs.push(invalid(path.child('operator'), goTyped(operator, v), 'not a valid selector operator'));
  }
  appendAll(errs, validateLabelName(asString(r?.key), path.child('key')));
  if (!allowInvalidValues) {
    values.forEach((value, j) => {
      for (const m of isValidLabelValue(value)) errs.push(invalid(path.child('values').index(j), goStr(value), m));
    });
  }
  return errs;
}

// ValidateNodeFieldSelectorRequirement
function validateNodeFieldSelectorRequirement(req: unknown, path: Path, v: KubeVersion): ValidationFieldError[] {
  const r = asObject(req);
  const errs: ValidationFieldError[] = [];
  const operator = asString(r?.operator);
  const values = asArray(r?.values).map(asString);
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length !== 1) {
      errs.push(
        required(
          path.child('values'),
          "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
        ),
      );
    }
  } else {
    errs.push(invalid(path.child('operator'), goTyped(operator, v), 'not a valid selector operator'));
  }
  const key = asString(r?.key);
  if (key !== 'metadata.name') errs.push(invalid(path.child('key'), goStr(key), 'not a valid field selector key'));
  else {
    values.forEach((value, i) => {
      for (const m of nameIsDNSSubdomain(value, false))
        errs.push(invalid(path.child('values').index(i), goStr(value), m));
    });
  }
  return errs;
}

// ValidateNodeSelectorTerm
function validateNodeSelectorTerm(term: unknown, allowInvalidValues: boolean, path: Path, v: KubeVersion) {
  const t = asObject(term);
  const errs: ValidationFieldError[] = [];
  asArray(t?.matchExpressions).forEach((e, j) => {
    appendAll(errs, validateNodeSelectorRequirement(e, allowInvalidValues, path.child('matchExpressions').index(j), v));
  });
  asArray(t?.matchFields).forEach((e, j) => {
    appendAll(errs, validateNodeFieldSelectorRequirement(e, path.child('matchFields').index(j), v));
  });
  return errs;
}

// validateNodeAffinity (required terms with strict values, preferred terms with any values)
function validateNodeAffinity(na: JsonObject, path: Path, v: KubeVersion): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  if (present(na?.requiredDuringSchedulingIgnoredDuringExecution)) {
    const reqPath = path.child('requiredDuringSchedulingIgnoredDuringExecution');
    const terms = asArray(asObject(na.requiredDuringSchedulingIgnoredDuringExecution)?.nodeSelectorTerms);
    const termsPath = reqPath.child('nodeSelectorTerms');
    if (terms.length === 0) errs.push(required(termsPath, 'must have at least one node selector term'));
    terms.forEach((t, i) => {
      appendAll(errs, validateNodeSelectorTerm(t, false, termsPath.index(i), v));
    });
  }
  const preferred = asArray(na.preferredDuringSchedulingIgnoredDuringExecution);
  preferred.forEach((p, i) => {
    const term = asObject(p);
    const idx = path.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
    const weight = asInt(term?.weight);
    if (weight <= 0 || weight > 100)
      errs.push(invalid(idx.child('weight'), goInt(weight), 'must be in the range 1-100'));
    appendAll(errs, validateNodeSelectorTerm(term?.preference, true, idx.child('preference'), v));
  });
  return errs;
}

// validatePodAffinityTerm (matchLabelKeys/mismatchLabelKeys are not modelled)
function validatePodAffinityTerm(term: unknown, path: Path): ValidationFieldError[] {
  const t = asObject(term);
  const errs = [
    ...validateLabelSelector(t?.labelSelector, path.child('labelSelector')),
    ...validateLabelSelector(t?.namespaceSelector, path.child('namespaceSelector')),
  ];
  for (const ns of asArray(t?.namespaces).map(asString)) {
    for (const m of nameIsDNSLabel(ns, false)) errs.push(invalid(path.child('namespace'), goStr(ns), m));
  }
  const topologyKey = asString(t?.topologyKey);
  if (topologyKey.length === 0) errs.push(required(path.child('topologyKey'), 'can not be empty'));
  appendAll(errs, validateLabelName(topologyKey, path.child('topologyKey')));
  return errs;
}

// validatePodAffinity / validatePodAntiAffinity
function validatePodAffinity(pa: JsonObject, path: Path): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  asArray(pa.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
    appendAll(errs, validatePodAffinityTerm(t, path.child('requiredDuringSchedulingIgnoredDuringExecution').index(i)));
  });
  asArray(pa.preferredDuringSchedulingIgnoredDuringExecution).forEach((w, i) => {
    const wt = asObject(w);
    const idx = path.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
    const weight = asInt(wt?.weight);
    if (weight <= 0 || weight > 100)
      errs.push(invalid(idx.child('weight'), goInt(weight), 'must be in the range 1-100'));
    appendAll(errs, validatePodAffinityTerm(wt?.podAffinityTerm, idx.child('podAffinityTerm')));
  });
  return errs;
}

// validateAffinity
export function validateAffinity(affinity: unknown, path: Path, v: KubeVersion): ValidationFieldError[] {
  const a = asObject(affinity);
  if (!a) return [];
  const errs: ValidationFieldError[] = [];
  const na = asObject(a.nodeAffinity);
  if (na) appendAll(errs, validateNodeAffinity(na, path.child('nodeAffinity'), v));
  const pa = asObject(a.podAffinity);
  if (pa) appendAll(errs, validatePodAffinity(pa, path.child('podAffinity')));
  const paa = asObject(a.podAntiAffinity);
  if (paa) appendAll(errs, validatePodAffinity(paa, path.child('podAntiAffinity')));
  return errs;
}

// validateTopologySpreadConstraints (matchLabelKeys and the node inclusion policies included)
export function validateTopologySpreadConstraints(
  constraints: unknown,
  path: Path,
  v: KubeVersion,
): ValidationFieldError[] {
  const list = asArray(constraints).map((c) => asObject(c));
  const errs: ValidationFieldError[] = [];
  list.forEach((c, i) => {
    const idx = path.index(i);
    const maxSkew = asInt(c?.maxSkew);
    if (maxSkew <= 0) errs.push(invalid(idx.child('maxSkew'), goInt(maxSkew), 'must be greater than zero'));
    const topologyKey = asString(c?.topologyKey);
    if (topologyKey.length === 0) errs.push(required(idx.child('topologyKey'), 'can not be empty'));
    const action = asString(c?.whenUnsatisfiable);
    if (action !== 'DoNotSchedule' && action !== 'ScheduleAnyway') {
      errs.push(notSupported(idx.child('whenUnsatisfiable'), goTyped(action, v), ['DoNotSchedule', 'ScheduleAnyway']));
    }
    const dup = list
      .slice(i + 1)
      .some((o) => asString(o?.topologyKey) === topologyKey && asString(o?.whenUnsatisfiable) === action);
    if (dup) errs.push(duplicate(idx.child('{topologyKey, whenUnsatisfiable}'), goStr(`{${topologyKey}, ${action}}`)));
    const minDomains = asOptInt(c?.minDomains);
    if (minDomains !== undefined) {
      if (minDomains <= 0) errs.push(invalid(idx.child('minDomains'), goInt(minDomains), 'must be greater than zero'));
      if (action !== 'DoNotSchedule') {
        errs.push(
          invalid(
            idx.child('minDomains'),
            goInt(minDomains),
            `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`,
          ),
        );
      }
    }
    for (const policy of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      const p = asOptString(c?.[policy]);
      if (p !== undefined && p !== 'Honor' && p !== 'Ignore')
        errs.push(notSupported(idx.child(policy), goTyped(p, v), ['Honor', 'Ignore']));
    }
    appendAll(errs, validateLabelSelector(c?.labelSelector, idx.child('labelSelector')));
  });
  return errs;
}

// validateReadinessGates
export function validateReadinessGates(gates: unknown, path: Path): ValidationFieldError[] {
  return asArray(gates).flatMap((g, i) => {
    const type = asString(asObject(g)?.conditionType);
    return isQualifiedName(type).map((m) => invalid(path.index(i).child('conditionType'), goStr(type), m));
  });
}

// validateSchedulingGates
export function validateSchedulingGates(gates: unknown, path: Path): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  const seen = new Set<string>();
  asArray(gates).forEach((g, i) => {
    const name = asString(asObject(g)?.name);
    appendAll(
      errs,
      isQualifiedName(name).map((m) => invalid(path.index(i), goStr(name), m)),
    );
    if (seen.has(name)) errs.push(duplicate(path.index(i), goStr(name)));
    seen.add(name);
  });
  return errs;
}
