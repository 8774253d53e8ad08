/**
 * How a field.Error's bad value is printed, in the two ways apimachinery has used:
 * Go syntax (`%#v`, before 1.34) and JSON (1.34+, kubernetes/kubernetes#132314 "Nicer value rendering in API
 * errors") for values that are not plain strings or integers.
 */
import { codePoints, goQuote, isPlainAscii } from './go-quote.ts';

/** What encoding/json escapes among printable ASCII: '"', '\\' and (escapeHTML) '<', '>', '&'. */
const JSON_ESCAPED = [0x22, 0x5c, 0x3c, 0x3e, 0x26];

// encoding/json encodeState.string with escapeHTML (json.Marshal); Go ≥1.22 writes \b and \f short.
export function goJsonString(s: string): string {
  if (isPlainAscii(s, JSON_ESCAPED)) return `"${s}"`;
  let out = '"';
  for (const r of codePoints(s)) {
    if (r === 0x22) out += '\\"';
    else if (r === 0x5c) out += '\\\\';
    else if (r === 0x0a) out += '\\n';
    else if (r === 0x0d) out += '\\r';
    else if (r === 0x09) out += '\\t';
    else if (r === 0x08) out += '\\b';
    else if (r === 0x0c) out += '\\f';
    else if (r < 0x20 || r === 0x3c || r === 0x3e || r === 0x26 || r === 0x2028 || r === 0x2029) {
      out += `\\u${r.toString(16).padStart(4, '0')}`;
    } else out += String.fromCodePoint(r);
  }
  return `${out}"`;
}

/** json.Marshal of a decoded JSON value: compact, map keys sorted (byte order of their UTF-8). */
export function goJsonMarshal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(goJsonMarshal).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => compareGoStrings(a, b));
    return `{${entries.map(([k, v]) => `${goJsonString(k)}:${goJsonMarshal(v)}`).join(',')}}`;
  }
  return 'null';
}

/** Go compares strings by bytes; for UTF-8 that is code-point order. */
export function compareGoStrings(a: string, b: string): number {
  // Below the surrogates, UTF-16 units are code points: compare units until the first difference.
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  const x = i < a.length ? a.charCodeAt(i) : -1;
  const y = i < b.length ? b.charCodeAt(i) : -1;
  const before = i > 0 ? a.charCodeAt(i - 1) : 0;
  if (x < 0xd800 && y < 0xd800 && (before < 0xd800 || before > 0xdfff))
    return x === y ? 0 : x < 0 ? -1 : y < 0 ? 1 : x - y;
  return compareCodePoints(a, b);
}

function compareCodePoints(a: string, b: string): number {
  const ca = codePoints(a);
  const cb = codePoints(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = (ca[i] ?? 0) - (cb[i] ?? 0);
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}

/** Keys of a string map in Go's sorted order (fmt prints maps sorted; sets.List sorts). */
export function sortedKeys(map: Readonly<Record<string, unknown>>): string[] {
  const keys = Object.keys(map);
  if (keys.length === 2) {
    // the usual label or resource map: one comparison instead of a sort
    const [a, b] = keys as [string, string];
    return compareGoStrings(a, b) > 0 ? [b, a] : keys;
  }
  return keys.length < 2 ? keys : keys.sort(compareGoStrings);
}

/** `%#v` of a map[string]string: `map[string]string{"a":"1", "b":"2"}`, or `map[string]string(nil)`. */
export function goSharpVStringMap(map: Readonly<Record<string, string>> | undefined): string {
  if (map === undefined) return 'map[string]string(nil)';
  const body = sortedKeys(map)
    .map((k) => `${goQuote(k)}:${goQuote(map[k] ?? '')}`)
    .join(', ');
  return `map[string]string{${body}}`;
}
