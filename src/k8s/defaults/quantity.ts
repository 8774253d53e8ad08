/**
 * resource.Quantity as the apiserver parses, rounds, compares and prints it (k8s.io/apimachinery
 * pkg/api/resource). Values are exact: a signed integer mantissa times a power of ten. What this changes in
 * `kubectl get -o yaml`: `cpu: 0.5` is stored as `500m`, `memory: 1024Mi` as `1Gi`, a YAML number `cpu: 1`
 * as the string `"1"`, and container requests/limits are rounded up to milli-units.
 * Not modelled: the BinarySI cap at 2^63-1.
 */

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

export interface Quantity {
  /** value = mantissa * 10^exponent */
  readonly mantissa: bigint;
  readonly exponent: number;
  readonly format: QuantityFormat;
}

/** A string that ParseQuantity rejects; the message is the apimachinery error text. */
export class QuantityParseError extends Error {
  override name = 'QuantityParseError';
}

// quantity.go splitREString / ErrFormatWrong, ErrNumeric, ErrSuffix
const SPLIT_RE_STRING = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const ERR_QUANTITY_FORMAT = `quantities must match the regular expression '${SPLIT_RE_STRING}'`;
export const ERR_QUANTITY_SUFFIX = "unable to parse quantity's suffix";
const ERR_QUANTITY_NUMERIC = 'unable to parse numeric part of quantity';

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = 'eEinumkKMGTP';
const NANO = -9;

interface Suffix {
  readonly base: 2 | 10;
  readonly exponent: number;
  readonly format: QuantityFormat;
}

/** The fixed suffixes, interpreted once (an exponent suffix such as `e3` is interpreted per call). */
const KNOWN_SUFFIXES: ReadonlyMap<string, Suffix> = new Map([
  ...Object.entries(DECIMAL_SUFFIXES).map(([s, e]): [string, Suffix] => [
    s,
    { base: 10, exponent: e, format: 'DecimalSI' },
  ]),
  ...Object.entries(BINARY_SUFFIXES).map(([s, e]): [string, Suffix] => [
    s,
    { base: 2, exponent: e, format: 'BinarySI' },
  ]),
]);
/** Suffix by exponent, for printing. */
const DECIMAL_SUFFIX_OF = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_SUFFIX_OF = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]));

/** 10^n as a bigint; the small powers every quantity needs are computed once. */
const POWERS_OF_TEN: bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));
function pow10(n: number): bigint {
  return POWERS_OF_TEN[n] ?? 10n ** BigInt(n);
}

interface Split {
  readonly negative: boolean;
  readonly num: string;
  readonly denom: string;
  readonly suffix: string;
}

// quantity.go parseQuantityString: the parts, or the format error (no exceptions: bad input is common here)
function splitQuantity(str: string): Split | undefined {
  let pos = 0;
  const end = str.length;
  let negative = false;
  if (str[0] === '-' || str[0] === '+') {
    negative = str[0] === '-';
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { negative, num: '0', denom: '', suffix: '' };
  const numStart = pos;
  while (pos < end && isDigit(str[pos])) pos++;
  const num = str.slice(numStart, pos) || '0';
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    const denomStart = pos;
    while (pos < end && isDigit(str[pos])) pos++;
    denom = str.slice(denomStart, pos);
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos] ?? '')) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end) return undefined;
  return { negative, num, denom, suffix: str.slice(suffixStart) };
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

// suffix.go (suffixHandler).interpret
function interpretSuffix(suffix: string): Suffix | undefined {
  const known = KNOWN_SUFFIXES.get(suffix);
  if (known !== undefined) return known;
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    return { base: 10, exponent: Number.parseInt(suffix.slice(1), 10), format: 'DecimalExponent' };
  }
  return undefined;
}

/** Parsed quantities by text: manifests repeat the same few values (`500m`, `128Mi`), and a Quantity is immutable. */
const parsedByText = new Map<string, Quantity | string>();
const PARSED_CACHE_LIMIT = 512;

/** ParseQuantity. Accepts the JSON forms a Quantity decodes from: a string or a number. */
// staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go ParseQuantity (and UnmarshalJSON for numbers)
export function parseQuantity(input: string | number): Quantity {
  const result = parseQuantityOrError(input);
  if (typeof result === 'string') throw new QuantityParseError(result);
  return result;
}

/** ParseQuantity without exceptions: the quantity, or the apimachinery error text. */
export function parseQuantityOrError(input: string | number): Quantity | string {
  if (typeof input === 'number' && !Number.isFinite(input)) return ERR_QUANTITY_NUMERIC;
  const str = typeof input === 'number' ? String(input) : input;
  const cached = parsedByText.get(str);
  if (cached !== undefined) return cached;
  const result = parseText(str);
  if (parsedByText.size >= PARSED_CACHE_LIMIT) parsedByText.clear();
  parsedByText.set(str, result);
  return result;
}

function parseText(str: string): Quantity | string {
  if (str.length === 0) return ERR_QUANTITY_FORMAT;
  const split = splitQuantity(str);
  if (split === undefined) return ERR_QUANTITY_FORMAT;
  const { negative, num, denom, suffix } = split;
  const interpreted = interpretSuffix(suffix);
  if (interpreted === undefined) return ERR_QUANTITY_SUFFIX;
  const { base, exponent, format } = interpreted;
  let mantissa = BigInt(num + denom);
  let exp = -denom.length;
  if (base === 10) exp += exponent;
  else mantissa *= 1n << BigInt(exponent);
  if (negative) mantissa = -mantissa;
  // Round non-zero values away from zero to nano: "if you want some resources, you should get some".
  let q: Quantity = { mantissa, exponent: exp, format };
  if (exp < NANO) q = roundUp(q, NANO);
  // A fractional BinarySI value between 0 and 1 is kept as DecimalSI.
  if (q.format === 'BinarySI' && q.mantissa !== 0n && compareMagnitudeToOne(q) < 0) q = { ...q, format: 'DecimalSI' };
  return q;
}

function compareMagnitudeToOne(q: Quantity): number {
  const abs = q.mantissa < 0n ? -q.mantissa : q.mantissa;
  return compareQuantities({ ...q, mantissa: abs }, { mantissa: 1n, exponent: 0, format: 'DecimalSI' });
}

/** RoundUp(scale): round away from zero to 10^scale (a no-op when already that precise). */
// quantity.go (*Quantity).RoundUp
export function roundUp(q: Quantity, scale: number): Quantity {
  if (q.exponent >= scale) return q;
  const divisor = pow10(scale - q.exponent);
  const abs = q.mantissa < 0n ? -q.mantissa : q.mantissa;
  let rounded = abs / divisor;
  if (rounded * divisor !== abs) rounded += 1n;
  return { ...q, mantissa: q.mantissa < 0n ? -rounded : rounded, exponent: scale };
}

/** Cmp: -1, 0 or 1. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const e = Math.min(a.exponent, b.exponent);
  const x = a.exponent === e ? a.mantissa : a.mantissa * pow10(a.exponent - e);
  const y = b.exponent === e ? b.mantissa : b.mantissa * pow10(b.exponent - e);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Add: the sum keeps the first operand's format unless it is zero (then the second's). */
// quantity.go (*Quantity).Add
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const e = Math.min(a.exponent, b.exponent);
  const mantissa = a.mantissa * pow10(a.exponent - e) + b.mantissa * pow10(b.exponent - e);
  return { mantissa, exponent: e, format: a.mantissa === 0n ? b.format : a.format };
}

export function isZeroQuantity(q: Quantity): boolean {
  return q.mantissa === 0n;
}

/** Canonical strings already printed, per (immutable) quantity. */
const formatted = new WeakMap<Quantity, string>();

/** The canonical string (Quantity.String / MarshalJSON). */
export function formatQuantity(q: Quantity): string {
  let text = formatted.get(q);
  if (text === undefined) {
    text = canonicalText(q);
    formatted.set(q, text);
  }
  return text;
}

// quantity.go (*Quantity).CanonicalizeBytes
function canonicalText(q: Quantity): string {
  if (q.mantissa === 0n) return '0';
  let format = q.format;
  let integer: bigint | undefined;
  if (format === 'BinarySI') {
    if (compareMagnitude(q, 1024n) < 0) {
      format = 'DecimalSI';
    } else {
      const rounded = roundUp(q, 0);
      if (compareQuantities(rounded, q) !== 0) format = 'DecimalSI';
      else integer = rounded.mantissa * pow10(rounded.exponent);
    }
  }
  if (format === 'BinarySI' && integer !== undefined) {
    // AsCanonicalBase1024Bytes: remove factors of 1024; suffixes exist for 2^10..2^60 only.
    let n = integer;
    let times = 0;
    while (n % 1024n === 0n && (n >= 1024n || n <= -1024n)) {
      n /= 1024n;
      times++;
    }
    const suffix = BINARY_SUFFIX_OF.get(times * 10) ?? '';
    return `${n}${suffix}`;
  }
  // AsCanonicalBytes: move factors of ten into the exponent, then lower it to a multiple of 3.
  let n = q.mantissa;
  let exponent = q.exponent;
  while (n % 10n === 0n) {
    n /= 10n;
    exponent++;
  }
  while (exponent % 3 !== 0) {
    n *= 10n;
    exponent--;
  }
  if (format === 'DecimalExponent') return exponent === 0 ? `${n}` : `${n}e${exponent}`;
  const suffix = DECIMAL_SUFFIX_OF.get(exponent) ?? '';
  return `${n}${suffix}`;
}

function compareMagnitude(q: Quantity, bound: bigint): number {
  const abs = q.mantissa < 0n ? -q.mantissa : q.mantissa;
  return compareQuantities({ ...q, mantissa: abs }, { mantissa: bound, exponent: 0, format: 'DecimalSI' });
}

/** Parse then print: the form the apiserver stores for a written quantity. */
export function canonicalQuantity(input: string | number): string {
  return formatQuantity(parseQuantity(input));
}
