/**
 * client-go util/flowcontrol/backoff.go. Expected values follow backoff_test.go (TestSlowBackoff,
 * TestBackoffReset, TestBackoffHighWaterMark, TestBackoffGC, TestIsInBackOffSinceUpdate) and the code's rules:
 * Next doubles up to max, restarts at initial after hasExpired, lastUpdate = clock now.
 */
import { describe, expect, it } from 'vitest';
import { Backoff, BackoffInputError, ManualClock } from '../../../src/k8s/kubelet/backoff.ts';

function make(initial: number, max: number, start = 0) {
  const clock = new ManualClock(start);
  return { clock, b: new Backoff({ initial, max, clock }) };
}

describe('Next and Get', () => {
  it('starts at initial and doubles up to max (TestSlowBackoff: 1s then 2,4,8,16,32,50 capped at 50)', () => {
    const { clock, b } = make(1, 50);
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) {
      clock.step(1);
      b.next('id', clock.now());
      seen.push(b.get('id'));
    }
    expect(seen).toEqual([1, 2, 4, 8, 16, 32, 50, 50]);
  });

  it('Get is 0 without an entry, and Reset forgets the key', () => {
    const { b } = make(10, 300);
    expect(b.get('x')).toBe(0);
    b.next('x', 0);
    expect(b.get('x')).toBe(10);
    b.reset('x');
    expect(b.get('x')).toBe(0);
    expect(b.entry('x')).toBeUndefined();
  });

  it('records the clock time as lastUpdate, not eventTime', () => {
    const { clock, b } = make(10, 300, 100);
    b.next('x', 40);
    expect(b.entry('x')).toEqual({ backoff: 10, lastUpdate: 100 });
    clock.step(5);
    b.next('x', 40);
    expect(b.entry('x')).toEqual({ backoff: 20, lastUpdate: 105 });
  });

  it('TestBackoffReset: more than 2*max without updates starts over at initial', () => {
    const { clock, b } = make(1, 5);
    for (let i = 0; i < 3; i++) {
      clock.step(1);
      b.next('id', clock.now());
    }
    expect(b.get('id')).toBe(4);
    clock.step(10); // exactly 2*max: not yet expired (strict >)
    b.next('id', clock.now());
    expect(b.get('id')).toBe(5);
    clock.step(10.001);
    b.next('id', clock.now());
    expect(b.get('id')).toBe(1);
  });

  it('TestBackoffHighWaterMark: max+step later the delay stays at the cap', () => {
    const { clock, b } = make(1, 5);
    for (let i = 0; i <= 5; i++) {
      clock.step(1);
      b.next('id', clock.now());
    }
    clock.step(6);
    b.next('id', clock.now());
    expect(b.get('id')).toBe(5);
  });
});

describe('IsInBackOffSince and IsInBackOffSinceUpdate', () => {
  it('IsInBackOffSince measures from eventTime with the clock, strictly less than the delay', () => {
    const { clock, b } = make(10, 300);
    expect(b.isInBackOffSince('c', 0)).toBe(false); // no entry
    b.next('c', 0);
    clock.set(9.999);
    expect(b.isInBackOffSince('c', 0)).toBe(true);
    clock.set(10);
    expect(b.isInBackOffSince('c', 0)).toBe(false);
    // a later eventTime restarts the window
    expect(b.isInBackOffSince('c', 5)).toBe(true);
  });

  it('IsInBackOffSinceUpdate measures from the last update to eventTime', () => {
    const { clock, b } = make(1, 10);
    clock.set(1);
    b.next('p', 1);
    expect(b.isInBackOffSinceUpdate('p', 1.5)).toBe(true);
    expect(b.isInBackOffSinceUpdate('p', 2)).toBe(false);
  });

  it('both are false once the entry expired (2*max since the last update)', () => {
    const { clock, b } = make(10, 300);
    b.next('c', 0);
    clock.set(600.5);
    expect(b.isInBackOffSince('c', 600.5)).toBe(false);
    expect(b.isInBackOffSinceUpdate('c', 600.5)).toBe(false);
  });

  it('replays TestIsInBackOffSinceUpdate (1s..10s, Next whenever not in back-off)', () => {
    const { clock, b } = make(1, 10);
    const table: [number, boolean, number][] = [
      [0, false, 0],
      [1, false, 1],
      [2, true, 2],
      [3, false, 2],
      [4, true, 4],
      [5, true, 4],
      [6, true, 4],
      [7, false, 4],
      [8, true, 8],
      [9, true, 8],
      [10, true, 8],
      [11, true, 8],
      [12, true, 8],
      [13, true, 8],
      [14, true, 8],
      [15, false, 8],
      [16, true, 10],
      [17, true, 10],
      [24, true, 10],
      [25, false, 10],
      [26, true, 10],
      [34, true, 10],
      [35, false, 10],
      [56, false, 0],
      [57, false, 1],
    ];
    // ticks 18..23 and 27..33 behave like their neighbours; the table above keeps the ones that change state
    const fullTicks = [...Array.from({ length: 36 }, (_, i) => i), 56, 57];
    const expected = new Map(table.map(([t, inBackOff, value]) => [t, { inBackOff, value }]));
    for (const tick of fullTicks) {
      clock.set(tick);
      const inBackOff = b.isInBackOffSinceUpdate('id', clock.now());
      const want = expected.get(tick);
      if (want) {
        expect(inBackOff, `tick ${tick}`).toBe(want.inBackOff);
        if (want.inBackOff) expect(b.get('id'), `tick ${tick}`).toBe(want.value);
      }
      if (!inBackOff) b.next('id', clock.now());
    }
  });
});

describe('HasExpiredFunc and GC', () => {
  it('a custom rule replaces 2*max (the kubelet fixes 600s for crash loops)', () => {
    const clock = new ManualClock(0);
    const b = new Backoff({ initial: 1, max: 30, clock, hasExpired: (e, last) => e - last > 600 });
    b.next('c', 0);
    clock.set(100); // 2*max would have expired at 60s
    b.next('c', 100);
    expect(b.get('c')).toBe(2);
    clock.set(701);
    b.next('c', 701);
    expect(b.get('c')).toBe(1);
  });

  it('TestBackoffGC: keeps an entry up to 2*max, removes it after', () => {
    const { clock, b } = make(1, 5);
    for (let i = 0; i <= 5; i++) {
      clock.step(1);
      b.next('id', clock.now());
    }
    clock.step(6);
    b.gc();
    expect(b.keys()).toEqual(['id']);
    clock.step(6);
    b.gc();
    expect(b.keys()).toEqual([]);
  });

  it('rejects bad input', () => {
    expect(() => new Backoff({ initial: -1, max: 1, clock: new ManualClock() })).toThrow(BackoffInputError);
    expect(() => new Backoff({ initial: 1, max: Number.NaN, clock: new ManualClock() })).toThrow(BackoffInputError);
    const { b } = make(1, 2);
    expect(() => b.next('x', Number.NaN)).toThrow(BackoffInputError);
    expect(() => new ManualClock().step(Number.POSITIVE_INFINITY)).toThrow(BackoffInputError);
  });
});
