/** resource.Quantity parsing and canonical form (k8s.io/apimachinery pkg/api/resource quantity.go, suffix.go). */
import { describe, expect, it } from 'vitest';
import {
  addQuantities,
  canonicalQuantity,
  compareQuantities,
  formatQuantity,
  parseQuantity,
  QuantityParseError,
  roundUp,
} from '../../../src/k8s/defaults/quantity.ts';

describe('canonical form', () => {
  it.each([
    ['500m', '500m'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['100m', '100m'],
    ['1', '1'],
    ['0', '0'],
    ['000', '0'],
    ['1000k', '1M'],
    ['5G', '5G'],
    ['1E', '1E'],
    ['128Mi', '128Mi'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['1000Ki', '1000Ki'],
    ['1.1Ki', '1126400m'],
    ['0.1Ki', '102400m'],
    ['0.0001Ki', '102400u'],
    ['1e3', '1e3'],
    ['1.5e3', '1500'],
    ['12e6', '12e6'],
    ['1n', '1n'],
    ['0.1n', '1n'],
    ['-0.1n', '-1n'],
    ['-1Ki', '-1Ki'],
    ['+2', '2'],
  ])('%s -> %s', (input, canonical) => {
    expect(canonicalQuantity(input)).toBe(canonical);
  });

  it('accepts JSON numbers (a YAML `cpu: 1`) and prints strings', () => {
    expect(canonicalQuantity(1)).toBe('1');
    expect(canonicalQuantity(0.5)).toBe('500m');
    expect(canonicalQuantity(1e-7)).toBe('100e-9');
  });
});

describe('errors', () => {
  const format = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  it.each([
    ['', format],
    ['1x', format],
    ['abc', format],
    ['1 Gi', format],
    ['1e', "unable to parse quantity's suffix"],
    ['1Ki1', "unable to parse quantity's suffix"],
    ['1i', "unable to parse quantity's suffix"],
  ])('%j', (input, message) => {
    expect(() => parseQuantity(input)).toThrow(QuantityParseError);
    expect(() => parseQuantity(input)).toThrow(message);
  });
});

describe('arithmetic', () => {
  it('compares exactly across formats', () => {
    expect(compareQuantities(parseQuantity('1Gi'), parseQuantity('1073741824'))).toBe(0);
    expect(compareQuantities(parseQuantity('1'), parseQuantity('999m'))).toBe(1);
    expect(compareQuantities(parseQuantity('100m'), parseQuantity('0.2'))).toBe(-1);
  });

  it('adds, keeping the first non-zero format', () => {
    expect(formatQuantity(addQuantities(parseQuantity('500m'), parseQuantity('1')))).toBe('1500m');
    expect(formatQuantity(addQuantities(parseQuantity('512Mi'), parseQuantity('512Mi')))).toBe('1Gi');
    expect(formatQuantity(addQuantities(parseQuantity('0'), parseQuantity('1Ki')))).toBe('1Ki');
  });

  it('rounds up (away from zero) to a scale', () => {
    expect(formatQuantity(roundUp(parseQuantity('0.0001'), -3))).toBe('1m');
    expect(formatQuantity(roundUp(parseQuantity('1.5m'), -3))).toBe('2m');
    expect(formatQuantity(roundUp(parseQuantity('-1.5m'), -3))).toBe('-2m');
    const exact = parseQuantity('250m');
    expect(roundUp(exact, -3)).toBe(exact);
  });
});
