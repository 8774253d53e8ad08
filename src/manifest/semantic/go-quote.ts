/**
 * Go's string quoting, as the apiserver prints string values in validation errors (`%q`, `%#v` of a string).
 * Both are strconv.Quote: printable runes (unicode.IsPrint, so non-ASCII letters too) stay as they are.
 */

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space (no other spaces).
export function goIsPrint(codePoint: number): boolean {
  if (codePoint < 0x80) return codePoint >= 0x20 && codePoint < 0x7f;
  return PRINTABLE.test(String.fromCodePoint(codePoint));
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  7: '\\a',
  8: '\\b',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
  11: '\\v',
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** The code points of a JS string; a lone surrogate becomes U+FFFD, as Go's JSON decoder makes it. */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    out.push(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
  }
  return out;
}

// strconv.Quote / appendEscapedRune
export function goQuote(s: string): string {
  let out = '"';
  for (const r of codePoints(s)) {
    if (r === 0x22 || r === 0x5c) {
      out += `\\${String.fromCodePoint(r)}`;
    } else if (goIsPrint(r)) {
      out += String.fromCodePoint(r);
    } else if (SHORT_ESCAPES[r] !== undefined) {
      out += SHORT_ESCAPES[r];
    } else if (r < 0x20 || r === 0x7f) {
      out += `\\x${hex(r, 2)}`;
    } else if (r < 0x10000) {
      out += `\\u${hex(r, 4)}`;
    } else {
      out += `\\U${hex(r, 8)}`;
    }
  }
  return `${out}"`;
}

/** The number of bytes of the UTF-8 encoding: Go's `len(string)`. */
export function utf8Length(s: string): number {
  let n = 0;
  for (const r of codePoints(s)) n += r < 0x80 ? 1 : r < 0x800 ? 2 : r < 0x10000 ? 3 : 4;
  return n;
}
