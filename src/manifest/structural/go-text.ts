/**
 * How Go spells values in the decoder's messages. The apiserver receives the JSON that kubectl encodes from the
 * decoded YAML (a Go map), so numbers arrive as Go's encoding/json prints a float64 or int64.
 */

/**
 * The JSON text of a number as kubectl sends it: encoding/json floatEncoder (shortest digits, exponent form below
 * 1e-6 and from 1e21 with "e-07" cleaned to "e-7"), which JavaScript's Number#toString matches except for -0.
 */
export function jsonNumberText(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

/** strconv.Quote: Go-escaped, double-quoted; printable Unicode (unicode.IsPrint) is kept as is. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c === 0x07) out += '\\a';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0b) out += '\\v';
    else if (c < 0x80) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/**
 * The bytes between the quotes of a JSON string as Go's encoding/json writes it (HTML-safe escaping, the default of
 * json.Marshal): custom UnmarshalJSON methods such as resource.Quantity's see these raw bytes, not the decoded text.
 */
export function goJsonStringBody(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out;
}

/** unicode.IsSpace: ASCII white space, U+0085, U+00A0 and the Unicode space separators (not U+FEFF). */
const GO_SPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/** strings.TrimSpace */
export function goTrimSpace(s: string): string {
  return s.replace(GO_SPACE, '');
}
