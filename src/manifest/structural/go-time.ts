/**
 * metav1.Time's UnmarshalJSON parses with time.Parse(time.RFC3339, s). This is Go's time/format.go parse() walking
 * that one layout ("2006-01-02T15:04:05Z07:00"), far enough to produce its *time.ParseError texts.
 */
import { daysIn } from '../../k8s/util/go-time.ts';

const LAYOUT = '2006-01-02T15:04:05Z07:00';

/** time.quote: double quotes, `"` and `\` escaped, bytes outside printable ASCII as \xNN. */
function timeQuote(s: string): string {
  let out = '"';
  for (const byte of new TextEncoder().encode(s)) {
    if (byte >= 0x80 || byte < 0x20) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    else {
      const ch = String.fromCharCode(byte);
      out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
    }
  }
  return `${out}"`;
}

const cannotParse = (value: string, valueElem: string, layoutElem: string) =>
  `parsing time ${timeQuote(value)} as ${timeQuote(LAYOUT)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`;
const withMessage = (value: string, message: string) => `parsing time ${timeQuote(value)}${message}`;

const digit = (s: string, i: number) => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

/** time.getnum: one or two digits (exactly two when fixed). */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!digit(s, 0)) return undefined;
  if (!digit(s, 1)) return fixed ? undefined : [s.charCodeAt(0) - 48, s.slice(1)];
  return [(s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48), s.slice(2)];
}

type Chunk = { literal: string } | { std: '2006' | '01' | '02' | '15' | '04' | '05' | 'Z07:00' };
const CHUNKS: Chunk[] = [
  { std: '2006' },
  { literal: '-' },
  { std: '01' },
  { literal: '-' },
  { std: '02' },
  { literal: 'T' },
  { std: '15' },
  { literal: ':' },
  { std: '04' },
  { literal: ':' },
  { std: '05' },
  { std: 'Z07:00' },
];

/** The error time.Parse(time.RFC3339, value) returns, or undefined when it parses. */
export function rfc3339Error(value: string): string | undefined {
  let rest = value;
  let year = 0;
  let month = 0;
  let day = 0;
  for (const chunk of CHUNKS) {
    if ('literal' in chunk) {
      if (!rest.startsWith(chunk.literal)) return cannotParse(value, rest, chunk.literal);
      rest = rest.slice(chunk.literal.length);
      continue;
    }
    const hold = rest;
    let range: string | undefined;
    switch (chunk.std) {
      case '2006': {
        if (rest.length < 4 || !digit(rest, 0) || !/^\d{4}$/.test(rest.slice(0, 4)))
          return cannotParse(value, hold, '2006');
        year = Number(rest.slice(0, 4));
        rest = rest.slice(4);
        break;
      }
      case '01':
      case '02':
      case '15':
      case '04':
      case '05': {
        const got = getnum(rest, chunk.std !== '15');
        if (!got) return cannotParse(value, hold, chunk.std);
        const [n, after] = got;
        rest = after;
        if (chunk.std === '01') {
          month = n;
          if (n <= 0 || n > 12) range = 'month';
        } else if (chunk.std === '02') day = n;
        else if (chunk.std === '15' && n >= 24) range = 'hour';
        else if (chunk.std === '04' && n >= 60) range = 'minute';
        else if (chunk.std === '05') {
          if (n >= 60) range = 'second';
          // A fractional second the layout does not mention is accepted after the seconds (",123" or ".123").
          else if (rest.length >= 2 && (rest[0] === '.' || rest[0] === ',') && digit(rest, 1)) {
            let i = 2;
            while (digit(rest, i)) i++;
            rest = rest.slice(i);
          }
        }
        break;
      }
      case 'Z07:00': {
        if (rest.startsWith('Z')) {
          rest = rest.slice(1);
          break;
        }
        if (rest.length < 6 || rest[3] !== ':') return cannotParse(value, hold, 'Z07:00');
        const hh = getnum(rest.slice(1, 3), true);
        const mm = hh ? getnum(rest.slice(4, 6), true) : undefined;
        // Go sets the range message before it looks at the sign, and a later range check overrides an earlier one.
        if (hh && hh[0] > 24) range = 'time zone offset hour';
        if (mm && mm[0] > 60) range = 'time zone offset minute';
        if (!range && (!hh || !mm || (rest[0] !== '+' && rest[0] !== '-'))) return cannotParse(value, hold, 'Z07:00');
        rest = rest.slice(6);
        break;
      }
    }
    if (range) return cannotParseRange(value, rest, range);
  }
  if (rest.length > 0) return withMessage(value, `: extra text: ${timeQuote(rest)}`);
  if (day < 1 || day > daysIn(month, year)) return withMessage(value, ': day out of range');
  return undefined;
}

/** newParseError(alayout, avalue, stdstr, value, ": <x> out of range") prints only the value and the message. */
function cannotParseRange(value: string, _rest: string, what: string): string {
  return withMessage(value, `: ${what} out of range`);
}
