/**
 * resource.Quantity parsing as far as its errors go: apimachinery pkg/api/resource/quantity.go ParseQuantity and
 * parseQuantityString, suffix.go (suffixHandler).interpret. The three error texts are the package's
 * ErrFormatWrong, ErrSuffix and ErrNumeric.
 */
import { goJsonStringBody, goTrimSpace, jsonNumberText } from './go-text.ts';

export const QUANTITY_FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX = "unable to parse quantity's suffix";
export const QUANTITY_NUMERIC = 'unable to parse numeric part of quantity';

const SUFFIX_CHARS = 'eEinumkKMGTP';
/** Strings that Go's JSON encoder writes unchanged and TrimSpace leaves alone. */
const PLAIN = /^[0-9A-Za-z.+-]*$/;
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

// suffix.go: the decimal SI, binary SI and "" suffixes the suffixer knows.
const KNOWN_SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/** suffix.go (suffixHandler).interpret: a known suffix, or e/E followed by an int64 (strconv.ParseInt). */
function suffixOk(suffix: string): boolean {
  if (KNOWN_SUFFIXES.has(suffix)) return true;
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const exponent = suffix.slice(1);
    if (!/^[+-]?\d+$/.test(exponent)) return false;
    const n = BigInt(exponent); // strconv.ParseInt(s, 10, 64): the exponent must fit an int64
    return n >= -(2n ** 63n) && n < 2n ** 63n;
  }
  return false;
}

/** ParseQuantity's error for a string, or undefined when it parses. */
export function quantityError(str: string): string | undefined {
  if (str.length === 0) return QUANTITY_FORMAT_WRONG;
  if (str === '0') return undefined;
  // parseQuantityString: sign, leading zeros, digits, optional "." and digits, then the suffix.
  let pos = 0;
  const end = str.length;
  if (str[0] === '-' || str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return undefined; // all zeros: "0"
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end && str[pos] === '.') {
    pos++;
    while (pos < end && isDigit(str[pos])) pos++;
    if (pos >= end) return undefined;
  } else if (pos >= end) {
    return undefined;
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos] as string)) pos++;
  if (pos < end) {
    if (str[pos] === '-' || str[pos] === '+') pos++;
    while (pos < end && isDigit(str[pos])) pos++;
    // a non-digit after the suffix letters: the suffix cannot be an exponent
    if (pos < end) return QUANTITY_FORMAT_WRONG;
  }
  return suffixOk(str.slice(suffixStart)) ? undefined : QUANTITY_SUFFIX;
}

/** quantityError results for plain strings; `null` for a string that parses (Map.get gives undefined when unseen). */
const plainResults = new Map<string, string | null>();
const PLAIN_RESULTS_LIMIT = 512;

function plainQuantityError(value: string): string | undefined {
  let result = plainResults.get(value);
  if (result === undefined) {
    result = quantityError(value) ?? null;
    if (plainResults.size >= PLAIN_RESULTS_LIMIT) plainResults.clear();
    plainResults.set(value, result);
  }
  return result ?? undefined;
}

/**
 * (*Quantity).UnmarshalJSON on the JSON value kubectl sends: null is accepted; a string's raw bytes (without the
 * quotes, still JSON-escaped) and any other value's JSON text are trimmed and parsed.
 */
export function quantityJsonError(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  let raw: string;
  if (typeof value === 'string') {
    // the common case needs no JSON escaping and no trimming: parse the string itself (manifests repeat a few)
    if (PLAIN.test(value)) return plainQuantityError(value);
    raw = goJsonStringBody(value);
  } else if (typeof value === 'number') raw = jsonNumberText(value);
  else if (typeof value === 'boolean') raw = String(value);
  else raw = Array.isArray(value) ? '[' : '{'; // any object or array text fails at its first byte
  return quantityError(goTrimSpace(raw));
}
