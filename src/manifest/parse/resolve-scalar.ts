/**
 * Scalar resolution as Kubernetes' YAML decoder does it: sigs.k8s.io/yaml decodes with go-yaml v2, which
 * resolves untagged plain scalars with YAML 1.1 rules (resolve.go resolve), then converts the result to JSON.
 * Followed here: kubernetes-sigs/yaml goyaml.v2/resolve.go (the fork sigs.k8s.io/yaml uses since v1.4; it adds
 * the big.Int branch to gopkg.in/yaml.v2 v2.4.0) and decode.go (*decoder).scalar.
 */

import { parseGoBigUint, parseGoInt64, parseGoUint64 } from './go-int.ts';

export const TAG_PREFIX = 'tag:yaml.org,2002:';
export const STR_TAG = `${TAG_PREFIX}str`;
export const BOOL_TAG = `${TAG_PREFIX}bool`;
export const INT_TAG = `${TAG_PREFIX}int`;
export const FLOAT_TAG = `${TAG_PREFIX}float`;
export const NULL_TAG = `${TAG_PREFIX}null`;
export const TIMESTAMP_TAG = `${TAG_PREFIX}timestamp`;
export const BINARY_TAG = `${TAG_PREFIX}binary`;
export const MERGE_TAG = `${TAG_PREFIX}merge`;

/** A resolved scalar with the Go type go-yaml gives it (int, uint64 and *big.Int all become JSON integers). */
export type ResolvedScalar =
  | { type: 'null'; value: null }
  | { type: 'bool'; value: boolean }
  /** `exact` is set when the value is outside ±(2^53−1), where a JS number cannot hold it exactly. */
  | { type: 'int' | 'uint64' | 'bigint'; value: number; exact: bigint | undefined }
  /** May be ±Infinity or NaN (`.inf`, `.nan`), which JSON cannot carry. */
  | { type: 'float'; value: number }
  | { type: 'string'; value: string };

/** A tag the value cannot have, e.g. `!!int foo`; go-yaml fails the whole document with this message. */
export class TagResolveError extends Error {
  override name = 'TagResolveError';
}

const NULL: ResolvedScalar = { type: 'null', value: null };
const TRUE: ResolvedScalar = { type: 'bool', value: true };
const FALSE: ResolvedScalar = { type: 'bool', value: false };

function stringScalar(value: string): ResolvedScalar {
  return { type: 'string', value };
}

function floatScalar(value: number): ResolvedScalar {
  return { type: 'float', value };
}

function integerScalar(type: 'int' | 'uint64' | 'bigint', value: bigint): ResolvedScalar {
  const asNumber = Number(value);
  return { type, value: asNumber, exact: Number.isSafeInteger(asNumber) ? undefined : value };
}

// resolve.go init: resolveMap, every YAML 1.1 spelling go-yaml v2 knows (merge "<<" is never reached, see below).
const RESOLVE_MAP = new Map<string, ResolvedScalar>();
for (const [value, spellings] of [
  [TRUE, 'y Y yes Yes YES true True TRUE on On ON'],
  [FALSE, 'n N no No NO false False FALSE off Off OFF'],
  [NULL, '~ null Null NULL'],
  [floatScalar(Number.NaN), '.nan .NaN .NAN'],
  [floatScalar(Number.POSITIVE_INFINITY), '.inf .Inf .INF +.inf +.Inf +.INF'],
  [floatScalar(Number.NEGATIVE_INFINITY), '-.inf -.Inf -.INF'],
] as const) {
  for (const spelling of spellings.split(' ')) RESOLVE_MAP.set(spelling, value);
}
RESOLVE_MAP.set('', NULL);

/** resolve.go resolveTable: the hint from the first byte; 0 means "a string, look no further". */
type Hint = 'sign' | 'digit' | 'map' | 'dot' | 0;
function hintOf(text: string): Hint {
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) return 'digit';
  if (c === 43 || c === 45) return 'sign';
  if (c === 46) return 'dot';
  // "yYnNtTfFoO~": the only other first characters that can start a resolveMap entry.
  if (c === 121 || c === 89 || c === 110 || c === 78 || c === 116 || c === 84) return 'map';
  if (c === 102 || c === 70 || c === 111 || c === 79 || c === 126) return 'map';
  return 0;
}

// resolve.go yamlStyleFloat
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
// What strconv.ParseFloat accepts from a string starting with '.' (decimal digits only, no underscores).
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
// Decimal integers that need no Go semantics: no sign, no leading zero (octal), at most 15 digits.
const SMALL_DECIMAL = /^[1-9][0-9]{0,14}$/;

// resolve.go parseTimestamp: the four time.Parse layouts go-yaml v2 tries, after a "YYYY-" quick check.
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})| (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isTimestamp(text: string): boolean {
  const m = TIMESTAMP.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  const [hour, minute, second] = [m[4] ?? m[7], m[5] ?? m[8], m[6] ?? m[9]].map((part) => Number(part ?? 0));
  return (hour ?? 0) < 24 && (minute ?? 0) < 60 && (second ?? 0) < 60;
}

/** The resolved tag (resolve's rtag) alongside the value, for the tag checks of explicitly tagged scalars. */
interface Resolution {
  tag: string;
  value: ResolvedScalar;
}

// resolve.go resolve(tag, in) for a resolvable tag other than !!str.
function resolveByHint(text: string, tryTimestamp: boolean): Resolution {
  const hint = text === '' ? 'map' : hintOf(text);
  if (hint === 0) return { tag: STR_TAG, value: stringScalar(text) };
  const known = RESOLVE_MAP.get(text);
  if (known) {
    const tag = known.type === 'null' ? NULL_TAG : known.type === 'bool' ? BOOL_TAG : FLOAT_TAG;
    return { tag, value: known };
  }
  if (hint === 'dot') {
    // Not in the map, so maybe a normal float.
    if (DOT_FLOAT.test(text)) return { tag: FLOAT_TAG, value: floatScalar(Number(text)) };
  } else if (hint === 'digit' || hint === 'sign') {
    if (tryTimestamp && isTimestamp(text)) return { tag: TIMESTAMP_TAG, value: stringScalar(text) };
    if (SMALL_DECIMAL.test(text))
      return { tag: INT_TAG, value: { type: 'int', value: Number(text), exact: undefined } };
    const plain = text.includes('_') ? text.replaceAll('_', '') : text;
    const signed = parseGoInt64(plain);
    if (signed.ok) return { tag: INT_TAG, value: integerScalar('int', signed.value) };
    const unsigned = parseGoUint64(plain);
    if (unsigned.ok) return { tag: INT_TAG, value: integerScalar('uint64', unsigned.value) };
    if (YAML_STYLE_FLOAT.test(plain)) {
      const float = Number(plain);
      // strconv.ParseFloat fails (ErrRange) where the value overflows to ±Inf.
      if (Number.isFinite(float)) return { tag: FLOAT_TAG, value: floatScalar(float) };
    }
    // The "0b" branch of resolve() is already covered: Go's base-0 ParseInt reads binary since Go 1.13.
    if (unsigned.rangeError) {
      const big = parseGoBigUint(plain);
      if (big !== undefined) return { tag: INT_TAG, value: integerScalar('bigint', big) };
    }
  }
  // Base 60 floats are a bad idea, were dropped in YAML 1.2, and are purposefully unsupported here.
  return { tag: STR_TAG, value: stringScalar(text) };
}

/** An untagged plain scalar: YAML 1.1 resolution; timestamps stay strings (decode.go keeps n.value). */
export function resolvePlainScalar(text: string): ResolvedScalar {
  if (hintOf(text) === 0 && text !== '') return stringScalar(text);
  return resolveByHint(text, true).value;
}

function shortTag(tag: string): string {
  return tag.startsWith(TAG_PREFIX) ? `!!${tag.slice(TAG_PREFIX.length)}` : tag;
}

// decode.go (*decoder).scalar: !!binary values are base64-decoded into a string.
function decodeBinary(text: string): ResolvedScalar {
  // encoding/base64 StdEncoding ignores \r and \n; any other stray character is an error.
  const compact = text.replace(/[\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) {
    throw new TagResolveError('!!binary value contains invalid base64 data');
  }
  const bytes = Uint8Array.from(atob(compact), (ch) => ch.charCodeAt(0));
  return stringScalar(new TextDecoder().decode(bytes));
}

/**
 * A scalar as go-yaml v2 decodes it into interface{}: `plain` says it is an unquoted, non-block scalar;
 * `tag` is its explicit tag in long form (undefined when it has none). Throws TagResolveError like failf.
 */
export function resolveScalar(text: string, plain: boolean, tag: string | undefined): ResolvedScalar {
  if (tag === undefined) return plain ? resolvePlainScalar(text) : stringScalar(text);
  if (tag === BINARY_TAG) return decodeBinary(text);
  const resolvable = tag === BOOL_TAG || tag === INT_TAG || tag === FLOAT_TAG || tag === NULL_TAG;
  if (!resolvable && tag !== TIMESTAMP_TAG) return stringScalar(text);
  const resolved = resolveByHint(text, true);
  if (resolved.tag === tag) return resolved.value;
  // resolve's deferred check: an int may be read as a !!float; every other mismatch fails.
  if (tag === FLOAT_TAG && resolved.tag === INT_TAG && resolved.value.type !== 'string') {
    return floatScalar(Number(resolved.value.value));
  }
  throw new TagResolveError(`cannot decode ${shortTag(resolved.tag)} \`${text}\` as a ${shortTag(tag)}`);
}
