/**
 * The few Go formatting verbs that appear in the messages Kubernetes' YAML decoder prints: %q for strings,
 * %#v for decoded YAML keys, and strconv.FormatFloat(f, 'g', -1, bits) for float map keys.
 */

const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

// strconv/quote.go Quote: printable runes stay, the rest are escaped. unicode.IsPrint is approximated by
// "not a control, format, private-use, surrogate or separator character, except the ASCII space".
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (ch === ' ' || !NON_PRINTABLE.test(ch)) out += ch;
    else if (code < 0x80) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** Shortest decimal digits and decimal-point position of a finite non-zero number at the given float width. */
function shortestDigits(value: number, bits: 32 | 64): { digits: string; pointAt: number } {
  const target = bits === 32 ? Math.fround(value) : value;
  const maxPrecision = bits === 32 ? 9 : 17;
  let text = target.toExponential();
  for (let precision = 1; precision <= maxPrecision; precision++) {
    const candidate = target.toExponential(precision - 1);
    const back = Number(candidate);
    if ((bits === 32 ? Math.fround(back) : back) === target) {
      text = candidate;
      break;
    }
  }
  const [mantissa = '0', exponent = '0'] = text.split('e');
  return { digits: mantissa.replace('.', ''), pointAt: Number(exponent) + 1 };
}

// strconv/ftoa.go FormatFloat(f, 'g', -1, bits): %e form when the exponent is < -4 or >= 6 (the shortest
// mode's fixed threshold), %f form otherwise; Inf and NaN as "+Inf", "-Inf", "NaN".
export function formatGoFloat(value: number, bits: 32 | 64): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (value === 0) return `${sign}0`;
  const { digits, pointAt } = shortestDigits(Math.abs(value), bits);
  const exponent = pointAt - 1;
  if (exponent < -4 || exponent >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const magnitude = Math.abs(exponent).toString().padStart(2, '0');
    return `${sign}${digits[0]}${fraction}e${exponent < 0 ? '-' : '+'}${magnitude}`;
  }
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/** A decoded YAML value as go-yaml v2 holds it, for printing with %#v. */
export type GoValue =
  | { type: 'null' }
  | { type: 'bool'; value: boolean }
  | { type: 'int'; value: bigint }
  | { type: 'uint64'; value: bigint }
  | { type: 'bigint'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'string'; value: string };

// fmt %#v of the interface{} key go-yaml stores: Go-quoted strings, hex for uint64, shortest floats.
export function goSyntax(value: GoValue): string {
  switch (value.type) {
    case 'null':
      return '<nil>';
    case 'bool':
      return String(value.value);
    case 'int':
      return value.value.toString();
    case 'uint64':
      return `0x${value.value.toString(16)}`;
    case 'bigint':
      return value.value.toString();
    case 'float':
      return formatGoFloat(value.value, 64);
    case 'string':
      return goQuote(value.value);
  }
}
