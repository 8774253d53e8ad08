/**
 * go-yaml v2's implicit-tag resolver, the half of quoting that decides whether a string would read back as
 * something else when written plain (`"True"`, `"116336"`, `"2023-08-09T02:35:08Z"`, `""` must be quoted;
 * `nginx` must not). Source: sigs.k8s.io/yaml goyaml.v2/resolve.go (resolve, parseTimestamp) and encode.go
 * (isBase60Float), with Go's strconv.ParseInt/ParseUint/ParseFloat and time.Parse rules they rely on.
 */
import { daysIn } from './go-time.ts';

// resolve.go init: resolveTable hints by first byte
const HINTS: Readonly<Record<string, 'S' | 'D' | 'M' | '.'>> = (() => {
  const t: Record<string, 'S' | 'D' | 'M' | '.'> = { '+': 'S', '-': 'S', '.': '.' };
  for (const c of '0123456789') t[c] = 'D';
  for (const c of 'yYnNtTfFoO~') t[c] = 'M';
  return t;
})();

// resolve.go init: resolveMapList (booleans, nulls, special floats, the merge key)
const RESOLVE_MAP = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'true',
  'True',
  'TRUE',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  '',
  '~',
  'null',
  'Null',
  'NULL',
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
  '<<',
]);

type IntResult = 'ok' | 'range' | 'syntax';
const UINT64_MAX = (1n << 64n) - 1n;
const INT64_CUTOFF = 1n << 63n;

// strconv.ParseUint(s, 0, 64): base prefixes 0b/0o/0x, a leading 0 means octal, underscores only with base 0
function parseUintBase0(s0: string): IntResult {
  if (s0 === '') return 'syntax';
  let s = s0;
  let base = 10n;
  if (s[0] === '0') {
    const p = s.length >= 3 ? s[1]!.toLowerCase() : '';
    if (p === 'b' || p === 'o' || p === 'x') {
      base = p === 'b' ? 2n : p === 'o' ? 8n : 16n;
      s = s.slice(2);
    } else {
      base = 8n;
      s = s.slice(1);
    }
  }
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    let d: bigint;
    if (/^[0-9]$/.test(c)) d = BigInt(c.charCodeAt(0) - 48);
    else if (/^[a-zA-Z]$/.test(c)) d = BigInt(c.toLowerCase().charCodeAt(0) - 87);
    else return 'syntax';
    if (d >= base) return 'syntax';
    n = n * base + d;
    if (n > UINT64_MAX) return 'range';
  }
  if (underscores && !underscoreOK(s0)) return 'syntax';
  return 'ok';
}

// strconv.ParseInt(s, 0, 64): a sign, then ParseUint and the int64 range
function parseIntBase0(s: string): IntResult {
  if (s === '') return 'syntax';
  const neg = s[0] === '-';
  const body = s[0] === '+' || s[0] === '-' ? s.slice(1) : s;
  const u = parseUintBase0(body);
  if (u === 'syntax') return 'syntax';
  if (u === 'range') return 'range';
  const value = bigFromGoLiteral(body)!;
  return (neg ? value > INT64_CUTOFF : value >= INT64_CUTOFF) ? 'range' : 'ok';
}

// strconv underscoreOK: underscores only between digits (or right after a base prefix)
function underscoreOK(s0: string): boolean {
  let s = s0;
  let saw = '^';
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  let i = 0;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(s[1]!.toLowerCase())) {
    i = 2;
    saw = '0';
    hex = s[1]!.toLowerCase() === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && c.toLowerCase() >= 'a' && c.toLowerCase() <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

// math/big (*Int).SetString(s, 0) for an unsigned literal without underscores (they were removed before)
function bigFromGoLiteral(s: string): bigint | undefined {
  const m = /^(?:0[bB]([01]+)|0[oO]([0-7]+)|0[xX]([0-9a-fA-F]+)|0([0-7]*)|([1-9][0-9]*))$/.exec(s);
  if (!m) return undefined;
  if (m[1] !== undefined) return BigInt(`0b${m[1]}`);
  if (m[2] !== undefined) return BigInt(`0o${m[2]}`);
  if (m[3] !== undefined) return BigInt(`0x${m[3]}`);
  if (m[4] !== undefined) return m[4] === '' ? 0n : BigInt(`0o${m[4]}`);
  return BigInt(m[5]!);
}

// resolve.go yamlStyleFloat
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

// strconv.ParseFloat on a string that starts with '.': decimal only (no sign, no hex, no inf/nan after a dot)
function parsesAsDotFloat(s: string): boolean {
  if (!/^\.[0-9](_?[0-9])*([eE][-+]?[0-9](_?[0-9])*)?$/.test(s)) return false;
  return Number.isFinite(Number(s.replaceAll('_', '')));
}

// encode.go base60float: YAML 1.1 sexagesimal numbers are quoted for old parsers
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** encode.go isBase60Float */
export function isBase60Float(s: string): boolean {
  if (s === '') return false;
  const c = s[0]!;
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false;
  return BASE60_FLOAT.test(s);
}

/** What resolve("", s) decides a plain scalar means. */
export type ResolvedTag = 'str' | 'bool' | 'null' | 'int' | 'float' | 'timestamp' | 'merge';

// resolve.go resolve(tag = "", in)
export function resolvePlain(s: string): ResolvedTag {
  // the hint comes from the first byte; a non-ASCII first character has none
  const hint = s === '' ? 'N' : s.charCodeAt(0) < 0x80 ? HINTS[s[0]!] : undefined;
  if (hint === undefined) return 'str';
  if (RESOLVE_MAP.has(s)) return mapTag(s);
  if (hint === '.') return parsesAsDotFloat(s) ? 'float' : 'str';
  if (hint !== 'D' && hint !== 'S') return 'str';
  if (parseTimestamp(s)) return 'timestamp';
  const plain = s.replaceAll('_', '');
  if (parseIntBase0(plain) === 'ok') return 'int';
  const uint = parseUintBase0(plain);
  if (uint === 'ok') return 'int';
  if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return 'float';
  // the 0b / -0b branches only accept what ParseInt(plain, 0, 64) already accepted
  // an integer literal too large for 64 bits becomes a big.Int (only when ParseUint said "out of range")
  if (uint === 'range' && bigFromGoLiteral(plain) !== undefined) return 'int';
  return 'str';
}

function mapTag(s: string): ResolvedTag {
  if (s === '' || s === '~' || s.toLowerCase() === 'null') return 'null';
  if (s === '<<') return 'merge';
  if (s.startsWith('.') || s.startsWith('+.') || s.startsWith('-.')) return 'float';
  return 'bool';
}

// ---------------------------------------------------------------------------------------------------------------
// resolve.go parseTimestamp: the four time.Parse layouts go-yaml tries, after a YYYY- quick check.

const DIGIT = /[0-9]/;

/** time.getnum(s, false): one or two digits. */
function getnum(s: string): [number, string] | undefined {
  if (!DIGIT.test(s[0] ?? '')) return undefined;
  if (!DIGIT.test(s[1] ?? '')) return [Number(s[0]), s.slice(1)];
  return [Number(s.slice(0, 2)), s.slice(2)];
}

/** time.skip for a one-character literal; a space matches a run of spaces. */
function skip(s: string, literal: string): string | undefined {
  if (literal === ' ') {
    if (s.length > 0 && s[0] !== ' ') return undefined;
    return s.replace(/^ +/, '');
  }
  return s[0] === literal ? s.slice(1) : undefined;
}

// time.Parse with "2006-1-2" followed by the rest of one of the allowed layouts
function parseLayout(s: string, separator: 'T' | 't' | ' ' | null): boolean {
  let rest = s.slice(4); // the quick check guaranteed four digits
  const year = Number(s.slice(0, 4));
  let r: string | undefined = skip(rest, '-');
  const month = r === undefined ? undefined : getnum(r);
  if (!month || month[0] < 1 || month[0] > 12) return false;
  r = skip(month[1], '-');
  const day = r === undefined ? undefined : getnum(r);
  if (!day) return false;
  rest = day[1];
  if (separator !== null) {
    r = skip(rest, separator);
    if (r === undefined) return false;
    const clock = parseClock(r, separator !== ' ');
    if (clock === undefined) return false;
    rest = clock;
  }
  // time.Parse: extra text is an error; the day is checked against the month at the end
  return rest === '' && day[0] >= 1 && day[0] <= daysIn(month[0], year);
}

// "15:4:5.999999999" and, for the T/t layouts, "Z07:00"
function parseClock(s: string, zone: boolean): string | undefined {
  const hour = getnum(s);
  if (!hour || hour[0] >= 24) return undefined;
  let r = skip(hour[1], ':');
  const minute = r === undefined ? undefined : getnum(r);
  if (!minute || minute[0] >= 60) return undefined;
  r = skip(minute[1], ':');
  const second = r === undefined ? undefined : getnum(r);
  if (!second || second[0] >= 60) return undefined;
  let rest = second[1];
  // stdFracSecond9: optional; ',' or '.' then any number of digits
  const frac = /^[.,][0-9]+/.exec(rest);
  if (frac) rest = rest.slice(frac[0].length);
  if (!zone) return rest;
  // stdISO8601ColonTZ: Z, or ±hh:mm (hour ≤ 24, minute ≤ 60)
  if (rest[0] === 'Z') return rest.slice(1);
  const tz = /^([+-])([0-9]{2}):([0-9]{2})/.exec(rest);
  if (!tz || Number(tz[2]) > 24 || Number(tz[3]) > 60) return undefined;
  return rest.slice(6);
}

/** resolve.go parseTimestamp: whether go-yaml would read the plain scalar as a !!timestamp. */
export function parseTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  return (
    parseLayout(s, 'T') || // "2006-1-2T15:4:5.999999999Z07:00"
    parseLayout(s, 't') || // "2006-1-2t15:4:5.999999999Z07:00"
    parseLayout(s, ' ') || // "2006-1-2 15:4:5.999999999"
    parseLayout(s, null) // "2006-1-2"
  );
}
