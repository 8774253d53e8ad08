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

interface Split {
  readonly negative: boolean;
  readonly num: string;
  readonly denom: string;
  readonly suffix: string;
}

// quantity.go parseQuantityString
function splitQuantity(str: string): Split {
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
  if (pos < end) throw new QuantityParseError(ERR_QUANTITY_FORMAT);
  return { negative, num, denom, suffix: str.slice(suffixStart) };
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

// suffix.go (suffixHandler).interpret
function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } {
  const decimal = DECIMAL_SUFFIXES[suffix];
  if (decimal !== undefined && Object.hasOwn(DECIMAL_SUFFIXES, suffix)) {
    return { base: 10, exponent: decimal, format: 'DecimalSI' };
  }
  const binary = BINARY_SUFFIXES[suffix];
  if (binary !== undefined && Object.hasOwn(BINARY_SUFFIXES, suffix)) {
    return { base: 2, exponent: binary, format: 'BinarySI' };
  }
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    return { base: 10, exponent: Number.parseInt(suffix.slice(1), 10), format: 'DecimalExponent' };
  }
  throw new QuantityParseError(ERR_QUANTITY_SUFFIX);
}

/** ParseQuantity. Accepts the JSON forms a Quantity decodes from: a string or a number. */
// staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go ParseQuantity (and UnmarshalJSON for numbers)
export function parseQuantity(input: string | number): Quantity {
  const str = typeof input === 'number' ? numberText(input) : input;
  if (str.length === 0) throw new QuantityParseError(ERR_QUANTITY_FORMAT);
  const { negative, num, denom, suffix } = splitQuantity(str);
  const { base, exponent, format } = interpretSuffix(suffix);
  let mantissa = BigInt(num + denom);
  let exp = -denom.length;
  if (base === 10) exp += exponent;
  else mantissa *= 1n << BigInt(exponent);
  if (negative) mantissa = -mantissa;
  // Round non-zero values away from zero to nano: "if you want some resources, you should get some".
  let q: Quantity = { mantissa, exponent: exp, format };
  if (exp < NANO) q = roundUp(q, NANO);
  // A fractional BinarySI value between 0 and 1 is kept as DecimalSI.
  const magnitude = compareMagnitudeToOne(q);
  if (q.format === 'BinarySI' && q.mantissa !== 0n && magnitude < 0) q = { ...q, format: 'DecimalSI' };
  return q;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new QuantityParseError(ERR_QUANTITY_NUMERIC);
  return String(n);
}

function compareMagnitudeToOne(q: Quantity): number {
  const abs = q.mantissa < 0n ? -q.mantissa : q.mantissa;
  return compareQuantities({ ...q, mantissa: abs }, { mantissa: 1n, exponent: 0, format: 'DecimalSI' });
}

/** RoundUp(scale): round away from zero to 10^scale (a no-op when already that precise). */
// quantity.go (*Quantity).RoundUp
export function roundUp(q: Quantity, scale: number): Quantity {
  if (q.exponent >= scale) return q;
  const divisor = 10n ** BigInt(scale - q.exponent);
  const abs = q.mantissa < 0n ? -q.mantissa : q.mantissa;
  let rounded = abs / divisor;
  if (rounded * divisor !== abs) rounded += 1n;
  return { ...q, mantissa: q.mantissa < 0n ? -rounded : rounded, exponent: scale };
}

/** Cmp: -1, 0 or 1. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const e = Math.min(a.exponent, b.exponent);
  const x = a.mantissa * 10n ** BigInt(a.exponent - e);
  const y = b.mantissa * 10n ** BigInt(b.exponent - e);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Add: the sum keeps the first operand's format unless it is zero (then the second's). */
// quantity.go (*Quantity).Add
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const e = Math.min(a.exponent, b.exponent);
  const mantissa = a.mantissa * 10n ** BigInt(a.exponent - e) + b.mantissa * 10n ** BigInt(b.exponent - e);
  return { mantissa, exponent: e, format: a.mantissa === 0n ? b.format : a.format };
}

export function isZeroQuantity(q: Quantity): boolean {
  return q.mantissa === 0n;
}

/** The canonical string (Quantity.String / MarshalJSON). */
// quantity.go (*Quantity).CanonicalizeBytes
export function formatQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return '0';
  let format = q.format;
  let integer: bigint | undefined;
  if (format === 'BinarySI') {
    if (compareMagnitude(q, 1024n) < 0) {
      format = 'DecimalSI';
    } else {
      const rounded = roundUp(q, 0);
      if (compareQuantities(rounded, q) !== 0) format = 'DecimalSI';
      else integer = rounded.mantissa * 10n ** BigInt(rounded.exponent);
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
    const suffix = Object.entries(BINARY_SUFFIXES).find(([, e]) => e === times * 10)?.[0] ?? '';
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
  const suffix = Object.entries(DECIMAL_SUFFIXES).find(([, e]) => e === exponent)?.[0] ?? '';
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
