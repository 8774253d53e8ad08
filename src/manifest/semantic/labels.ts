/**
 * Label maps and label selectors: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go,
 * and the selector matching of apimachinery/pkg/labels used by the workload controllers' checks.
 */
import { appendAll, forbidden, goStr, invalid, required, type ValidationFieldError } from './field-error.ts';
import type { Path } from './field-path.ts';
import { sortedKeys } from './go-value.ts';
import { asArray, asObject, asString, asStringMap } from './json-access.ts';
import { isQualifiedName, isValidLabelValue } from './name-rules.ts';

// metav1validation.ValidateLabelName
export function validateLabelName(name: string, path: Path): ValidationFieldError[] {
  return isQualifiedName(name).map((m) => invalid(path, goStr(name), m));
}

/** metav1validation.ValidateLabels. Go ranges over the map in random order; the model uses sorted keys. */
export function validateLabels(
  labels: Readonly<Record<string, string>> | undefined,
  path: Path,
): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  if (!labels) return errs;
  for (const k of sortedKeys(labels)) {
    appendAll(errs, validateLabelName(k, path));
    const v = labels[k] ?? '';
    for (const m of isValidLabelValue(v)) errs.push(invalid(path, goStr(v), m));
  }
  return errs;
}

// metav1validation.ValidateLabelSelectorRequirement
function validateSelectorRequirement(req: unknown, path: Path): ValidationFieldError[] {
  const r = asObject(req);
  const errs: ValidationFieldError[] = [];
  const op = asString(r?.operator);
  const values = asArray(r?.values);
  if (op === 'In' || op === 'NotIn') {
    if (values.length === 0)
      errs.push(required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (op === 'Exists' || op === 'DoesNotExist') {
    if (values.length > 0) {
      errs.push(forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    }
  } else {
    errs.push(invalid(path.child('operator'), goStr(op), 'not a valid selector operator'));
  }
  appendAll(errs, validateLabelName(asString(r?.key), path.child('key')));
  return errs;
}

// metav1validation.ValidateLabelSelector (values of matchExpressions are checked strictly for workloads)
export function validateLabelSelector(selector: unknown, path: Path): ValidationFieldError[] {
  const s = asObject(selector);
  if (!s) return [];
  const errs = validateLabels(asStringMap(s.matchLabels), path.child('matchLabels'));
  asArray(s.matchExpressions).forEach((expr, i) => {
    const ePath = path.child('matchExpressions').index(i);
    appendAll(errs, validateSelectorRequirement(expr, ePath));
    for (const [j, v] of asArray(asObject(expr)?.values).entries()) {
      for (const m of isValidLabelValue(asString(v)))
        errs.push(invalid(ePath.child('values').index(j), goStr(asString(v)), m));
    }
  });
  return errs;
}

/** Whether a selector is empty (matches everything): no matchLabels and no matchExpressions. */
export function selectorIsEmpty(selector: unknown): boolean {
  const s = asObject(selector);
  return Object.keys(asStringMap(s?.matchLabels) ?? {}).length + asArray(s?.matchExpressions).length === 0;
}

/**
 * labels.Selector.Matches for a metav1.LabelSelector (metav1.LabelSelectorAsSelector): every matchLabel equal,
 * every expression satisfied. Returns undefined when the selector cannot be converted (invalid operator).
 */
export function selectorMatches(
  selector: unknown,
  labels: Readonly<Record<string, string>> | undefined,
): boolean | undefined {
  const s = asObject(selector);
  if (!s) return false; // LabelSelectorAsSelector(nil) is labels.Nothing()
  const set = labels ?? {};
  for (const [k, v] of Object.entries(asStringMap(s.matchLabels) ?? {})) {
    if (set[k] !== v) return false;
  }
  for (const e of asArray(s.matchExpressions)) {
    const expr = asObject(e);
    const key = asString(expr?.key);
    const values = asArray(expr?.values).map(asString);
    const present = Object.hasOwn(set, key);
    switch (asString(expr?.operator)) {
      case 'In':
        if (!present || !values.includes(set[key] ?? '')) return false;
        break;
      case 'NotIn':
        if (present && values.includes(set[key] ?? '')) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
      default:
        return undefined;
    }
  }
  return true;
}
