/**
 * The multi-line fields of `kubectl describe pod`: Labels, Annotations, Node-Selectors, Tolerations and Topology
 * Spread Constraints. Continuation lines start with a tab, so their values line up with the first one.
 * Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go (functions named per rule below).
 */
import { goSort } from './describe-events.ts';
import {
  goStringLess,
  intAt,
  type JsonRecord,
  objectAt,
  objectsAt,
  sortGoStrings,
  stringMapAt,
  stringsAt,
  textAt,
  utf8Length,
  utf8Prefix,
} from './describe-input.ts';
import { LEVEL_0, type PrefixWriter } from './describe-writer.ts';

// describe.go skipAnnotations: the client-side apply record is never shown
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
// describe.go maxAnnotationLen
const MAX_ANNOTATION_LEN = 140;

// describe.go printLabelsMultilineWithIndent (initial indent "", inner indent "\t"), keys in sort.Strings order
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string>): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortGoStrings(Object.keys(labels));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, '');
      w.write(LEVEL_0, '\t');
    }
    w.write(LEVEL_0, `${key}=${labels[key]}\n`);
  });
}

// describe.go shorten: cut at maxLength bytes and mark with "..."
function shorten(s: string, maxLength: number): string {
  return utf8Length(s) > maxLength ? `${utf8Prefix(s, maxLength)}...` : s;
}

// describe.go printAnnotationsMultiline: long (over 140 bytes with the key) or multi-line values go on their own
// indented lines, each cut at 138 bytes
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string>): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortGoStrings(Object.keys(annotations).filter((k) => !SKIPPED_ANNOTATIONS.has(k)));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations[key]!.replace(/\n$/, '');
    if (utf8Length(value) + utf8Length(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const line of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

// describe.go printTolerationsMultilineWithIndent: sorted by key with sort.Slice (not stable), then
// `key[=value][:effect][ op=Exists][ for Ns]`
export function printPodTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly JsonRecord[],
  kubectlMinor: number,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = sortSlice(tolerations, (t) => textAt(t, 'key', 'spec.tolerations'), kubectlMinor);
  sorted.forEach((t, i) => {
    const path = `spec.tolerations[${i}]`;
    if (i !== 0) {
      w.write(LEVEL_0, '');
      w.write(LEVEL_0, '\t');
    }
    const key = textAt(t, 'key', path);
    const value = textAt(t, 'value', path);
    const effect = textAt(t, 'effect', path);
    let line = key;
    if (value.length !== 0) line += `=${value}`;
    if (effect.length !== 0) line += `:${effect}`;
    // an Exists toleration with no key and no effect tolerates everything
    if (textAt(t, 'operator', path) === 'Exists' && value.length === 0) {
      line += key.length !== 0 || effect.length !== 0 ? ' op=Exists' : 'op=Exists';
    }
    const seconds = intAt(t, 'tolerationSeconds', path);
    if (seconds !== undefined) line += ` for ${seconds}s`;
    w.write(LEVEL_0, `${line}\n`);
  });
}

/** PR #109563 (CHANGELOG-1.25): pods show their topology spread constraints. */
export const TOPOLOGY_SPREAD_CONSTRAINTS_SINCE = 25;

// describe.go describeTopologySpreadConstraints: nothing when there are none; sorted by topologyKey (sort.Slice)
export function describeTopologySpreadConstraints(
  w: PrefixWriter,
  constraints: readonly JsonRecord[],
  kubectlMinor: number,
): void {
  if (constraints.length === 0) return;
  const sorted = sortSlice(
    constraints,
    (c) => textAt(c, 'topologyKey', 'spec.topologySpreadConstraints'),
    kubectlMinor,
  );
  w.write(LEVEL_0, 'Topology Spread Constraints:\t');
  sorted.forEach((c, i) => {
    const path = `spec.topologySpreadConstraints[${i}]`;
    if (i !== 0) {
      w.write(LEVEL_0, '');
      w.write(LEVEL_0, '\t');
    }
    let line = `${textAt(c, 'topologyKey', path)}:${textAt(c, 'whenUnsatisfiable', path)}`;
    line += ` when max skew ${intAt(c, 'maxSkew', path) ?? 0} is exceeded`;
    const selector = objectAt(c, 'labelSelector', path);
    if (selector) line += ` for selector ${formatLabelSelector(selector, `${path}.labelSelector`, kubectlMinor)}`;
    w.write(LEVEL_0, `${line}\n`);
  });
}

const SELECTOR_OPERATORS: Readonly<Record<string, string>> = {
  In: ' in ',
  NotIn: ' notin ',
  Exists: '',
  DoesNotExist: '',
};

/**
 * metav1.FormatLabelSelector: `<none>` for an empty selector, `<error>` for an invalid operator, else the
 * requirements sorted by key: `k=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, joined by ",".
 * matchLabels come from a Go map, so requirements that share a key may come out in any order; the model takes
 * matchLabels in key order, then matchExpressions.
 */
// staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go FormatLabelSelector, LabelSelectorAsSelector;
// staging/src/k8s.io/apimachinery/pkg/labels/selector.go (*Requirement).String
export function formatLabelSelector(selector: JsonRecord, path: string, kubectlMinor: number): string {
  const requirements: { key: string; text: string }[] = [];
  const matchLabels = stringMapAt(selector, 'matchLabels', path);
  for (const key of sortGoStrings(Object.keys(matchLabels))) {
    requirements.push({ key, text: `${key}=${matchLabels[key]}` });
  }
  for (const [i, expr] of objectsAt(selector, 'matchExpressions', path).entries()) {
    const exprPath = `${path}.matchExpressions[${i}]`;
    const key = textAt(expr, 'key', exprPath);
    const operator = textAt(expr, 'operator', exprPath);
    const op = SELECTOR_OPERATORS[operator];
    if (op === undefined) return '<error>';
    const values = sortGoStrings(stringsAt(expr, 'values', exprPath));
    let text: string;
    if (operator === 'Exists') text = key;
    else if (operator === 'DoesNotExist') text = `!${key}`;
    else text = `${key}${op}(${values.join(',')})`;
    requirements.push({ key, text });
  }
  if (requirements.length === 0) return '<none>';
  return sortSlice(requirements, (r) => r.key, kubectlMinor)
    .map((r) => r.text)
    .join(',');
}

/** sort.Slice / sort.Sort by a string key, with the Go release's (unstable) algorithm; returns a sorted copy. */
export function sortSlice<T>(items: readonly T[], keyOf: (item: T) => string, kubectlMinor: number): T[] {
  const list = [...items];
  const keys = list.map(keyOf);
  goSort(
    {
      less: (i, j) => goStringLess(keys[i]!, keys[j]!),
      swap: (i, j) => {
        [list[i], list[j]] = [list[j]!, list[i]!];
        [keys[i], keys[j]] = [keys[j]!, keys[i]!];
      },
    },
    list.length,
    kubectlMinor,
  );
  return list;
}
