/**
 * Go's strconv.ParseInt / ParseUint with base 0 and bitSize 64, which go-yaml v2's resolve() uses to read
 * integers: optional sign (ParseInt only), `0x`/`0o`/`0b` prefixes, a leading `0` for octal, decimal otherwise.
 * Underscores are not handled here: resolve() removes them before calling.
 */

/** The outcome of a Go integer parse: the value, or whether the failure was strconv.ErrRange (else ErrSyntax). */
export type GoIntParse = { ok: true; value: bigint } | { ok: false; rangeError: boolean };

const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MIN_MAGNITUDE = 1n << 63n;

const SYNTAX_ERROR: GoIntParse = { ok: false, rangeError: false };
const RANGE_ERROR: GoIntParse = { ok: false, rangeError: true };

/** The digit value of a character code in bases up to 36, or 99 when it is no digit. */
function digitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  if (lower >= 97 && lower <= 122) return lower - 97 + 10;
  return 99;
}

/** The base and the start of the digits for base-0 parsing. */
function basePrefix(s: string): [base: number, start: number] {
  if (s.charCodeAt(0) !== 48 /* 0 */) return [10, 0];
  if (s.length >= 3) {
    const marker = s.charCodeAt(1) | 0x20;
    if (marker === 98 /* b */) return [2, 2];
    if (marker === 111 /* o */) return [8, 2];
    if (marker === 120 /* x */) return [16, 2];
  }
  return [8, 1];
}

/**
 * Unsigned digits with a base-0 prefix, up to `limit` (none when undefined). Like Go, overflow is reported as
 * soon as it happens, even if an invalid character follows.
 */
function parseUnsigned(s: string, limit: bigint | undefined): GoIntParse {
  if (s.length === 0) return SYNTAX_ERROR;
  const [base, start] = basePrefix(s);
  const bigBase = BigInt(base);
  let n = 0n;
  for (let i = start; i < s.length; i++) {
    const d = digitValue(s.charCodeAt(i));
    if (d >= base) return SYNTAX_ERROR;
    n = n * bigBase + BigInt(d);
    if (limit !== undefined && n > limit) return RANGE_ERROR;
  }
  return { ok: true, value: n };
}

// strconv/atoi.go ParseUint(s, 0, 64)
export function parseGoUint64(s: string): GoIntParse {
  return parseUnsigned(s, UINT64_MAX);
}

// strconv/atoi.go ParseInt(s, 0, 64)
export function parseGoInt64(s: string): GoIntParse {
  if (s.length === 0) return SYNTAX_ERROR;
  const first = s.charCodeAt(0);
  const negative = first === 45; /* - */
  const digits = first === 43 /* + */ || negative ? s.slice(1) : s;
  const magnitude = parseUnsigned(digits, UINT64_MAX);
  if (!magnitude.ok) return magnitude;
  if (negative) return magnitude.value > INT64_MIN_MAGNITUDE ? RANGE_ERROR : { ok: true, value: -magnitude.value };
  return magnitude.value >= INT64_MIN_MAGNITUDE ? RANGE_ERROR : magnitude;
}

// math/big (*Int).SetString(s, 0) for the unsigned strings resolve() hands it: no size limit.
export function parseGoBigUint(s: string): bigint | undefined {
  const parsed = parseUnsigned(s, undefined);
  return parsed.ok ? parsed.value : undefined;
}
