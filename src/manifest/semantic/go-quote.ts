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

/** Printable ASCII other than the characters in `except` (char codes): such strings need no escaping. */
export function isPlainAscii(s: string, except: readonly number[]): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || except.includes(c)) return false;
  }
  return true;
}

const QUOTE_ESCAPED = [0x22, 0x5c]; // '"' and '\'

// strconv.Quote / appendEscapedRune
export function goQuote(s: string): string {
  if (isPlainAscii(s, QUOTE_ESCAPED)) return `"${s}"`;
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

/**
 * Whether the UTF-8 encoding is longer than `limit` bytes. Each UTF-16 unit takes one to three bytes, so most
 * strings are decided by their length alone.
 */
export function utf8LongerThan(s: string, limit: number): boolean {
  if (s.length > limit) return true;
  if (s.length * 3 <= limit) return false;
  return utf8Length(s) > limit;
}

/** The number of bytes of the UTF-8 encoding: Go's `len(string)`. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      // a surrogate pair is one 4-byte rune; a lone surrogate becomes U+FFFD (3 bytes)
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
