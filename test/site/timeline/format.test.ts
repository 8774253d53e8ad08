/** Axis ticks and lengths as people read them (kubectl's units: s, m, h). */
import { describe, expect, it } from 'vitest';
import { axisEnd, axisTicks } from '../../../src/site/timeline/axis.ts';
import { formatAxisTime, formatLength } from '../../../src/site/timeline/index.ts';

describe('formatAxisTime', () => {
  it.each([
    [0, '0'],
    [30, '30s'],
    [60, '1m'],
    [90, '1m30s'],
    [3600, '1h'],
    [3690, '1h1m30s'],
    [59.6, '1m'],
  ])('%s → %s', (seconds, text) => expect(formatAxisTime(seconds)).toBe(text));
});

describe('formatLength', () => {
  it.each([
    [0, '0s'],
    [-1, '0s'],
    [Number.NaN, '0s'],
    [0.4, '<1s'],
    [0.6, '1s'],
    [14.2, '14s'],
    [80, '1m20s'],
    [599.4, '9m59s'],
    [600, '10m'],
    [7500, '2h5m'],
  ])('%s → %s', (seconds, text) => expect(formatLength(seconds)).toBe(text));
});

describe('axisTicks', () => {
  it('uses round steps, at most 8 intervals, from 0 to the end', () => {
    expect(axisTicks(360)).toEqual([0, 60, 120, 180, 240, 300, 360]);
    expect(axisTicks(180)).toEqual([0, 30, 60, 90, 120, 150, 180]);
    expect(axisTicks(3600)).toEqual([0, 600, 1200, 1800, 2400, 3000, 3600]);
    expect(axisTicks(45)).toEqual([0, 10, 20, 30, 40]);
    for (const end of [1, 7, 59, 61, 1000, 86400]) {
      const ticks = axisTicks(end);
      expect(ticks[0]).toBe(0);
      expect(ticks.length - 1).toBeLessThanOrEqual(8);
      expect(ticks.at(-1)).toBeLessThanOrEqual(end);
    }
  });

  it('never divides by zero', () => {
    for (const end of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(axisEnd(end)).toBe(1);
      expect(axisTicks(end)).toEqual([0, 1]);
    }
  });
});
