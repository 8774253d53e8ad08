/**
 * Where a placeholder that starts at position p can end, without trying every slice: each shape is a run of
 * characters of one class, a fixed form, or a short sequence of tokens, so its possible ends are found directly.
 * (Trying the 128 possible lengths at every position with a RegExp made `[HASH][HASH]...` on a long line slow.)
 * Agreement with PLACEHOLDER_PATTERNS is tested in test/check/extract/placeholders.test.ts.
 */
import { PLACEHOLDER_MAX_LENGTH } from './output-line.ts';
import type { PlaceholderName } from './types.ts';

type Ends = (text: string, p: number, mark: (q: number) => void) => void;

/** Length of the run of characters matching `char` from p, at most `max`. */
function run(text: string, p: number, char: RegExp, max: number): number {
  let q = p;
  while (q < text.length && q - p < max && char.test(text[q] as string)) q++;
  return q - p;
}

/** One sticky RegExp: at most one end (its forms leave no choice of length). */
function sticky(...patterns: RegExp[]): Ends {
  return (text, p, mark) => {
    for (const re of patterns) {
      re.lastIndex = p;
      if (re.test(text)) mark(re.lastIndex);
    }
  };
}

const HEX_OR_DOT_OR_COLON = /[0-9a-fA-F.:]/;
const IP_SLICE = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7})$/;
const AGE_UNIT = /\d+[smhdy]/y;
const HASH_CHAR = /[0-9a-z]/;

export const PLACEHOLDER_ENDS: Readonly<Record<PlaceholderName, Ends>> = {
  UID: sticky(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/y),
  IP: (text, p, mark) => {
    // At most 39 characters (a full IPv6 address) of hex digits, dots and colons.
    const length = run(text, p, HEX_OR_DOT_OR_COLON, 39);
    for (let q = p + 2; q <= p + length; q++) if (IP_SLICE.test(text.slice(p, q))) mark(q);
  },
  AGE: (text, p, mark) => {
    // One or two `<digits><unit>` tokens; digits cannot be split, since a digit is not a unit.
    AGE_UNIT.lastIndex = p;
    if (AGE_UNIT.test(text)) {
      const first = AGE_UNIT.lastIndex;
      mark(first);
      if (AGE_UNIT.test(text)) mark(AGE_UNIT.lastIndex);
    }
    for (const word of ['<invalid>', '<unknown>']) if (text.startsWith(word, p)) mark(p + word.length);
  },
  HASH: (text, p, mark) => {
    const length = run(text, p, HASH_CHAR, PLACEHOLDER_MAX_LENGTH);
    for (let q = p + 5; q <= p + length; q++) mark(q);
  },
  TIME: sticky(
    /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/y,
    /[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}/y,
  ),
};
