/**
 * Number formatting crictl uses: fmt's `%.*g` (strconv 'g' with a precision, rounding the exact binary value half
 * to even) and github.com/docker/go-units HumanSizeWithPrecision (decimal units: 145MB, 72.8MB, 1.24kB).
 */

/** The exact decimal digits of a finite positive double and the position of its decimal point. */
function exactDecimal(x: number): { digits: string; dp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const e = (exponent === 0 ? 1 : exponent) - 1075;
  let digits: string;
  let dp: number;
  if (e >= 0) {
    digits = (mantissa << BigInt(e)).toString();
    dp = digits.length;
  } else {
    // mantissa * 2^e = mantissa * 5^-e / 10^-e
    digits = (mantissa * 5n ** BigInt(-e)).toString();
    dp = digits.length + e;
  }
  const trimmed = digits.replace(/^0+/, '');
  dp -= digits.length - trimmed.length;
  return { digits: trimmed.replace(/0+$/, ''), dp };
}

// strconv decimal.go (*decimal).Round / shouldRoundUp: half way rounds to even
function roundDigits(digits: string, dp: number, n: number): { digits: string; dp: number } {
  if (digits.length <= n) return { digits, dp };
  const next = digits[n]!;
  const exactHalf = next === '5' && digits.length === n + 1;
  const up = next > '5' || (next === '5' && !exactHalf) || (exactHalf && n > 0 && Number(digits[n - 1]) % 2 === 1);
  let kept = digits.slice(0, n);
  if (up) {
    const bumped = (BigInt(kept || '0') + 1n).toString();
    if (bumped.length > kept.length) dp++;
    kept = bumped.slice(0, Math.max(n, 1));
  }
  return { digits: kept.replace(/0+$/, ''), dp };
}

/** fmt.Sprintf("%.*g", prec, x) for finite x >= 0. */
// strconv ftoa.go formatDigits, case 'g'
export function formatG(x: number, prec: number): string {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`formatG needs a finite non-negative number, got ${x}`);
  if (x === 0) return '0';
  const exact = exactDecimal(x);
  const d = roundDigits(exact.digits, exact.dp, prec);
  let eprec = prec;
  if (eprec > d.digits.length && d.digits.length >= d.dp) eprec = d.digits.length;
  const exp = d.dp - 1;
  if (exp < -4 || exp >= eprec) {
    const p = Math.min(prec, d.digits.length);
    const mantissa = d.digits[0]! + (p > 1 ? `.${d.digits.slice(1, p).padEnd(p - 1, '0')}` : '');
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const p = prec > d.dp ? d.digits.length : prec;
  const decimals = Math.max(p - d.dp, 0);
  const all = d.dp <= 0 ? '0'.repeat(1 - d.dp) + d.digits : d.digits.padEnd(d.dp, '0');
  const intLen = Math.max(d.dp, 1);
  const intPart = all.slice(0, intLen);
  const frac = all.slice(intLen).padEnd(decimals, '0').slice(0, decimals);
  return decimals > 0 ? `${intPart}.${frac}` : intPart;
}

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/** go-units size.go HumanSizeWithPrecision(size, precision): base 1000, `%.*g%s`. */
export function humanSizeWithPrecision(bytes: number, precision: number): string {
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < DECIMAL_UNITS.length - 1) {
    size /= 1000;
    i++;
  }
  return `${formatG(size, precision)}${DECIMAL_UNITS[i]}`;
}
