/**
 * Go's encoding/json Marshal of decoded JSON values (map[string]interface{} trees, as kubectl holds an
 * unstructured object): object keys sorted by their bytes, no spaces, and strings escaped the way Go escapes them
 * (HTML-safe: `<`, `>` and `&` become \u003c \u003e \u0026; U+2028/U+2029 are escaped too).
 */
import { goStringLess } from '../../../k8s/kubectl/describe-input.ts';

export class GoJsonError extends Error {
  override name = 'GoJsonError';
}

// encoding/json encode.go appendString (escapeHTML = true, the default of json.Marshal and json.Encoder)
function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += '\\ufffd'; // a lone surrogate is not valid UTF-8: Go writes the replacement character
    } else out += ch;
  }
  return `${out}"`;
}

/** The bytes json.Marshal produces for a decoded JSON value (without json.Encoder's trailing newline). */
export function goJsonMarshal(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new GoJsonError(`json: unsupported value: ${value}`);
    // strconv 'f' below 1e21 and from 1e-6, 'e' outside: the same cut-offs as JavaScript's number printing
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(goJsonMarshal).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (goStringLess(a, b) ? -1 : goStringLess(b, a) ? 1 : 0));
    return `{${entries.map(([k, v]) => `${goJsonString(k)}:${goJsonMarshal(v)}`).join(',')}}`;
  }
  throw new GoJsonError(`json: unsupported type: ${typeof value}`);
}
