/**
 * Expected texts written by hand from apimachinery pkg/util/duration/duration.go (HumanDuration,
 * ShortHumanDuration) and printers.go translateTimestampSince.
 */
import { describe, expect, it } from 'vitest';
import {
  DurationError,
  humanDuration,
  shortHumanDuration,
  translateTimestampSince,
} from '../../../src/k8s/kubectl/human-duration.ts';

describe('humanDuration', () => {
  it.each([
    [0, '0s'],
    [59, '59s'],
    [119, '119s'], // seconds up to 2 minutes
    [120, '2m'], // whole minutes drop "0s"
    [121, '2m1s'],
    [279, '4m39s'],
    [599, '9m59s'],
    [600, '10m'], // from 10 minutes, minutes only
    [4920, '82m'],
    [10799, '179m'],
    [10800, '3h'], // from 3 hours, hours and minutes
    [10860, '3h1m'],
    [28740, '7h59m'],
    [28800, '8h'], // from 8 hours, hours only
    [172799, '47h'],
    [172800, '2d'], // from 48 hours, days and hours
    [176400, '2d1h'],
    [691199, '7d23h'],
    [691200, '8d'], // from 8 days, days only
    [63071999, '729d'],
    [63072000, '2y'], // from 2 years (of 365 days), years and days
    [63158400, '2y1d'],
    [252287999, '7y364d'],
    [252288000, '8y'], // from 8 years, years only
  ])('%ss -> %s', (seconds, text) => {
    expect(humanDuration(seconds)).toBe(text);
  });

  it('truncates fractions toward zero like int(d.Seconds())', () => {
    expect(humanDuration(119.999)).toBe('119s');
    expect(humanDuration(1.5)).toBe('1s');
    expect(humanDuration(599.999)).toBe('9m59s');
  });

  it('tolerates up to 2s (excluded) of clock skew as now, and calls more "<invalid>"', () => {
    expect(humanDuration(-1)).toBe('0s');
    expect(humanDuration(-1.999)).toBe('0s');
    expect(humanDuration(-2)).toBe('<invalid>');
    expect(humanDuration(-3600)).toBe('<invalid>');
  });

  it('rejects a non-finite duration', () => {
    expect(() => humanDuration(Number.NaN)).toThrow(DurationError);
    expect(() => humanDuration(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });
});

describe('shortHumanDuration', () => {
  it.each([
    [0, '0s'],
    [59.9, '59s'],
    [60, '1m'],
    [3599, '59m'],
    [3600, '1h'],
    [86399, '23h'],
    [86400, '1d'],
    [172799, '1d'],
    [31535999, '364d'],
    [31536000, '1y'],
    [63071999, '1y'],
    [63072000, '2y'],
  ])('%ss -> %s', (seconds, text) => {
    expect(shortHumanDuration(seconds)).toBe(text);
  });

  it('has the same skew tolerance', () => {
    expect(shortHumanDuration(-1.5)).toBe('0s');
    expect(shortHumanDuration(-2)).toBe('<invalid>');
  });
});

describe('translateTimestampSince', () => {
  it('prints <unknown> for a timestamp that was never set (Go zero time)', () => {
    expect(translateTimestampSince(undefined, 500)).toBe('<unknown>');
    expect(translateTimestampSince(null, 500)).toBe('<unknown>');
  });

  it('treats 0 as a real instant on the virtual clock', () => {
    expect(translateTimestampSince(0, 500)).toBe('8m20s');
  });

  it('is HumanDuration(now - timestamp)', () => {
    expect(translateTimestampSince(1000, 1279)).toBe('4m39s');
    expect(translateTimestampSince(1000, 999)).toBe('0s');
    expect(translateTimestampSince(1000, 990)).toBe('<invalid>');
  });
});
