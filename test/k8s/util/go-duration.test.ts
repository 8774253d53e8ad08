/**
 * Go time.Duration.String (time/time.go (Duration).format, fmtFrac, fmtInt) and Duration.Truncate.
 * Expected texts follow Go's documented output (e.g. `1h15m30.918273645s`, `2m40s`, `5m0s`, `1.5ms`).
 */
import { describe, expect, it } from 'vitest';
import {
  formatGoDuration,
  formatGoDurationNanos,
  formatPullDuration,
  GoDurationError,
  truncateToMillisecond,
} from '../../../src/k8s/util/go-duration.ts';

describe('formatGoDuration (Duration.String)', () => {
  it.each([
    [0, '0s'],
    [1, '1s'],
    [10, '10s'],
    [59, '59s'],
    [60, '1m0s'],
    [80, '1m20s'],
    [160, '2m40s'],
    [300, '5m0s'],
    [600, '10m0s'],
    [3600, '1h0m0s'],
    [3661, '1h1m1s'],
    [90061, '25h1m1s'],
    [1.462, '1.462s'],
    [30.68, '30.68s'],
    [61.5, '1m1.5s'],
    [0.685, '685ms'],
    [0.0015, '1.5ms'],
    [0.000001, '1µs'],
    [0.0000015, '1.5µs'],
    [1e-9, '1ns'],
    [-160, '-2m40s'],
    [-0.5, '-500ms'],
  ])('%s s -> %s', (seconds, text) => {
    expect(formatGoDuration(seconds)).toBe(text);
  });

  it('formats whole nanoseconds, as in the Go docs example', () => {
    // time.Duration(1*time.Hour + 15*time.Minute + 30*time.Second + 918273645*time.Nanosecond).String()
    expect(formatGoDurationNanos(4_530_918_273_645)).toBe('1h15m30.918273645s');
  });

  it('rounds seconds to whole nanoseconds, so float noise does not show', () => {
    expect(formatGoDuration(0.1 + 0.2)).toBe('300ms');
  });

  it('rejects what it cannot format exactly', () => {
    expect(() => formatGoDuration(Number.NaN)).toThrow(GoDurationError);
    expect(() => formatGoDuration(Number.POSITIVE_INFINITY)).toThrow(GoDurationError);
    expect(() => formatGoDuration(1e8)).toThrow(/too large/);
    expect(() => formatGoDurationNanos(1.5)).toThrow(GoDurationError);
  });
});

describe('Duration.Truncate(time.Millisecond) for pull durations', () => {
  it('drops everything below a millisecond, toward zero', () => {
    expect(truncateToMillisecond(1.4629999)).toBeCloseTo(1.462, 12);
    expect(truncateToMillisecond(0.6859)).toBeCloseTo(0.685, 12);
    expect(truncateToMillisecond(-0.0015)).toBeCloseTo(-0.001, 12);
  });

  it('prints like the kubelet Pulled event', () => {
    expect(formatPullDuration(49.18401355)).toBe('49.184s');
    expect(formatPullDuration(0.6859)).toBe('685ms');
    expect(formatPullDuration(30.6801)).toBe('30.68s');
    expect(formatPullDuration(81.284220239)).toBe('1m21.284s');
    expect(formatPullDuration(0.0004)).toBe('0s');
  });
});
