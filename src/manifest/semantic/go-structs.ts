/**
 * Go renderings of the few struct values workload validation puts in its messages. Before 1.34 the apiserver
 * prints them with `%#v`; from 1.34 as JSON (kubernetes#132314). The `%#v` forms here match the messages users
 * have reported (e.g. `v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.Label
 * SelectorRequirement(nil)}` for an empty StatefulSet selector).
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import type { GoValue } from './field-error.ts';
import { goQuote } from './go-quote.ts';
import { goJsonMarshal, goSharpVStringMap } from './go-value.ts';
import { asArray, asObject, asString, asStringMap } from './json-access.ts';
import { valueRendering } from './version-rules.ts';

function sharpVStrings(values: unknown): string {
  if (!Array.isArray(values)) return '[]string(nil)';
  return `[]string{${values.map((s) => goQuote(asString(s))).join(', ')}}`;
}

/** A *metav1.LabelSelector value (pointer dereferenced by ErrorBody). */
export function goLabelSelector(selector: unknown, v: KubeVersion): GoValue {
  const s = asObject(selector);
  // ErrorBody turns a nil pointer into the string "null", which then prints quoted
  if (!s) return { raw: null, text: '"null"' };
  if (valueRendering(v) === 'json') return { raw: s, text: goJsonMarshal(s) };
  const labels = goSharpVStringMap(asStringMap(s.matchLabels));
  let exprs = '[]v1.LabelSelectorRequirement(nil)';
  if (Array.isArray(s.matchExpressions)) {
    const items = asArray(s.matchExpressions).map((e) => {
      const r = asObject(e);
      return `v1.LabelSelectorRequirement{Key:${goQuote(asString(r?.key))}, Operator:${goQuote(asString(r?.operator))}, Values:${sharpVStrings(r?.values)}}`;
    });
    exprs = `[]v1.LabelSelectorRequirement{${items.join(', ')}}`;
  }
  return { raw: s, text: `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}` };
}
