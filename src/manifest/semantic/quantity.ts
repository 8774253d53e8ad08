/**
 * resource.Quantity for validation: parsing, comparison and the canonical String() come from the model's
 * implementation in src/k8s/defaults (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go); this file
 * adds the few questions validation asks of a quantity.
 */
import { compareQuantities, formatQuantity, parseQuantityOrError, type Quantity } from '../../k8s/defaults/index.ts';

export type { Quantity };
export { compareQuantities };

/** A quantity from a decoded JSON value, or undefined when the decoder would have rejected it. */
export function quantityFromJson(v: unknown): Quantity | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  try {
    const parsed = parseQuantityOrError(v);
    return typeof parsed === 'string' ? undefined : parsed;
  } catch {
    return undefined; // an exponent too large for a bigint
  }
}

/** (*Quantity).String */
export function quantityString(q: Quantity): string {
  return formatQuantity(q);
}

export function quantitySign(q: Quantity): number {
  return q.mantissa === 0n ? 0 : q.mantissa < 0n ? -1 : 1;
}

/** (*Quantity).MilliValue: the value in thousandths, rounded up. */
export function milliValue(q: Quantity): bigint {
  const shift = q.exponent + 3;
  if (shift >= 0) return q.mantissa * 10n ** BigInt(shift);
  const d = 10n ** BigInt(-shift);
  const quotient = q.mantissa / d;
  return q.mantissa % d !== 0n && q.mantissa > 0n ? quotient + 1n : quotient;
}

/** Whether q is a whole, positive multiple of unit (hugepages values must be). */
export function isPositiveMultipleOf(q: Quantity, unit: Quantity): boolean {
  if (quantitySign(q) <= 0 || quantitySign(unit) <= 0) return false;
  const e = Math.min(q.exponent, unit.exponent);
  const a = q.mantissa * 10n ** BigInt(q.exponent - e);
  const b = unit.mantissa * 10n ** BigInt(unit.exponent - e);
  return a % b === 0n;
}

/** A quantity from text, or undefined. */
export function tryParseQuantity(text: string): Quantity | undefined {
  return quantityFromJson(text);
}
