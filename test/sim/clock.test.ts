import { describe, expect, it } from 'vitest';
import { ClockError, lastTickAtOrBefore, nextTickAfter, VirtualClock } from '../../src/sim/clock.ts';

describe('VirtualClock', () => {
  it('runs actions in time order, same-time actions in scheduling order', () => {
    const c = new VirtualClock(100);
    const log: string[] = [];
    c.at(105, () => log.push('b'));
    c.at(101, () => log.push('a'));
    c.at(105, () => log.push('c'));
    c.advanceTo(110);
    expect(log).toEqual(['a', 'b', 'c']);
    expect(c.now()).toBe(110);
  });

  it('lets an action schedule more work, including at the same instant', () => {
    const c = new VirtualClock(0);
    const log: number[] = [];
    c.at(1, () => {
      log.push(c.now());
      c.after(0, () => log.push(c.now() + 0.5));
      c.after(2, () => log.push(c.now()));
    });
    c.advanceTo(2.5);
    expect(log).toEqual([1, 1.5]);
    c.advance(1);
    expect(log).toEqual([1, 1.5, 3]);
  });

  it('stops at the target and keeps later actions', () => {
    const c = new VirtualClock(0);
    let ran = false;
    c.at(10, () => {
      ran = true;
    });
    c.advanceTo(9.999);
    expect(ran).toBe(false);
    expect(c.nextTime()).toBe(10);
    c.advanceTo(10);
    expect(ran).toBe(true);
  });

  it('skips cancelled actions', () => {
    const c = new VirtualClock(0);
    let ran = false;
    const h = c.at(1, () => {
      ran = true;
    });
    c.cancel(h);
    c.advance(2);
    expect(ran).toBe(false);
  });

  it('refuses to go back in time or schedule in the past', () => {
    const c = new VirtualClock(50);
    expect(() => c.advanceTo(49)).toThrow(ClockError);
    expect(() => c.at(49, () => {})).toThrow(ClockError);
    expect(() => c.after(-1, () => {})).toThrow(ClockError);
    expect(() => new VirtualClock(Number.NaN)).toThrow(ClockError);
  });
});

describe('tickers', () => {
  it('finds the next tick strictly after a time, and the last one at or before it', () => {
    expect(nextTickAfter(10.2, 0.3)).toBeCloseTo(10.3);
    expect(nextTickAfter(10.3, 0.3)).toBeCloseTo(11.3);
    expect(lastTickAtOrBefore(10.2, 0.3)).toBeCloseTo(9.3);
    expect(lastTickAtOrBefore(10.3, 0.3)).toBeCloseTo(10.3);
  });
});
