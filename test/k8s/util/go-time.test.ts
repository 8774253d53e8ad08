import { describe, expect, it } from 'vitest';
import {
  civilTime,
  formatRFC1123Z,
  formatRFC3339,
  GoTimeError,
  unixSeconds,
  ZERO_TIME_RFC1123Z,
} from '../../../src/k8s/util/go-time.ts';

// Expected texts are Go's layouts written out by hand; the Unix seconds were checked with an independent calendar
// (Python's calendar.timegm), not with the code under test.

describe('formatRFC3339 (metav1.Time MarshalJSON)', () => {
  it('prints UTC with a Z', () => {
    expect(formatRFC3339(1691548508)).toBe('2023-08-09T02:35:08Z');
    expect(formatRFC3339(0)).toBe('1970-01-01T00:00:00Z');
  });
  it('drops fractions toward the past (the wire form has whole seconds)', () => {
    expect(formatRFC3339(1691548508.999)).toBe('2023-08-09T02:35:08Z');
    expect(formatRFC3339(-0.5)).toBe('1969-12-31T23:59:59Z');
  });
  it('handles leap days and times before 1970', () => {
    expect(formatRFC3339(951868799)).toBe('2000-02-29T23:59:59Z');
    expect(formatRFC3339(-1)).toBe('1969-12-31T23:59:59Z');
  });
  it('refuses non-finite instants and years Go cannot marshal', () => {
    expect(() => formatRFC3339(Number.NaN)).toThrow(GoTimeError);
    expect(() => formatRFC3339(unixSeconds(10000, 1, 1))).toThrow(GoTimeError);
  });
});

describe('formatRFC1123Z (kubectl describe times)', () => {
  it('prints +0000 in UTC', () => {
    expect(formatRFC1123Z(1719512244)).toBe('Thu, 27 Jun 2024 18:17:24 +0000');
    expect(formatRFC1123Z(1691548508)).toBe('Wed, 09 Aug 2023 02:35:08 +0000');
  });
  it('shifts the wall clock by a zone offset and prints it as ±hhmm', () => {
    expect(formatRFC1123Z(1791194835, 7 * 60)).toBe('Mon, 05 Oct 2026 17:07:15 +0700');
    expect(formatRFC1123Z(1691548508, -(5 * 60 + 30))).toBe('Tue, 08 Aug 2023 21:05:08 -0530');
  });
  it('zero-pads the day of the month', () => {
    expect(formatRFC1123Z(1791571551)).toBe('Fri, 09 Oct 2026 18:45:51 +0000');
  });
  it('rejects offsets that are not whole minutes within a day', () => {
    expect(() => formatRFC1123Z(0, 1.5)).toThrow(GoTimeError);
    expect(() => formatRFC1123Z(0, 24 * 60)).toThrow(GoTimeError);
  });
  it('names Go zero time', () => {
    expect(ZERO_TIME_RFC1123Z).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
    expect(formatRFC1123Z(unixSeconds(1, 1, 1))).toBe(ZERO_TIME_RFC1123Z);
  });
});

describe('unixSeconds / civilTime', () => {
  it('converts calendar times to Unix seconds', () => {
    expect(unixSeconds(2023, 8, 9, 2, 35, 8)).toBe(1691548508);
    expect(unixSeconds(2026, 10, 9, 18, 45, 51)).toBe(1791571551);
    expect(unixSeconds(1969, 12, 31, 23, 59, 59)).toBe(-1);
  });
  it('reads an instant back with its weekday', () => {
    expect(civilTime(951868799)).toEqual({
      year: 2000,
      month: 2,
      day: 29,
      hour: 23,
      minute: 59,
      second: 59,
      weekday: 2,
    });
  });
  it('rejects bad fields', () => {
    expect(() => unixSeconds(2024, 13, 1)).toThrow(GoTimeError);
    expect(() => unixSeconds(2024, 1, 1.5)).toThrow(GoTimeError);
  });
});
