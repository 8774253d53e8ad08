/**
 * The virtual clock: seconds (Unix time on the simulated wall clock) and a queue of timed actions. Nothing in
 * the cluster reads a real clock; components schedule what happens next and `advanceTo` runs it in time order.
 * Actions due at the same instant run in the order they were scheduled, so a run is fully determined.
 */
import type { Clock } from '../k8s/kubelet/backoff.ts';

export class ClockError extends Error {
  override name = 'ClockError';
}

interface Timer {
  readonly time: number;
  readonly seq: number;
  readonly action: () => void;
  readonly label: string;
  cancelled: boolean;
}

/** What `at` returns: pass it to `cancel`. */
export interface TimerHandle {
  readonly time: number;
  readonly label: string;
}

/** A binary min-heap ordered by (time, seq). */
class TimerHeap {
  private readonly items: Timer[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Timer | undefined {
    return this.items[0];
  }

  push(t: Timer): void {
    const a = this.items;
    a.push(t);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }

  pop(): Timer | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(x: Timer, y: Timer): boolean {
  return x.time < y.time || (x.time === y.time && x.seq < y.seq);
}

function checkTime(t: number, what: string): number {
  if (!Number.isFinite(t)) throw new ClockError(`${what} must be a finite number of seconds, got ${t}`);
  return t;
}

export class VirtualClock implements Clock {
  private time: number;
  private seq = 0;
  private readonly heap = new TimerHeap();
  private running = false;

  constructor(start: number) {
    this.time = checkTime(start, 'start time');
  }

  now(): number {
    return this.time;
  }

  /** Run `action` at `time` (not before now). */
  at(time: number, action: () => void, label = ''): TimerHandle {
    checkTime(time, 'time');
    if (time < this.time) {
      throw new ClockError(`cannot schedule "${label}" at ${time}: the clock is already at ${this.time}`);
    }
    const timer: Timer = { time, seq: this.seq++, action, label, cancelled: false };
    this.heap.push(timer);
    return timer;
  }

  /** Run `action` `seconds` from now. */
  after(seconds: number, action: () => void, label = ''): TimerHandle {
    checkTime(seconds, 'delay');
    if (seconds < 0) throw new ClockError(`delay must not be negative, got ${seconds} for "${label}"`);
    return this.at(this.time + seconds, action, label);
  }

  cancel(handle: TimerHandle): void {
    (handle as Timer).cancelled = true;
  }

  /** Number of actions still queued (cancelled ones included until they are reached). */
  pending(): number {
    return this.heap.size;
  }

  /** Time of the next queued action, if any. */
  nextTime(): number | undefined {
    this.dropCancelled();
    return this.heap.peek()?.time;
  }

  /** Run every action due up to and including `target`, then stand at `target`. */
  advanceTo(target: number): void {
    checkTime(target, 'target time');
    if (target < this.time) throw new ClockError(`cannot go back in time from ${this.time} to ${target}`);
    if (this.running) throw new ClockError('advanceTo called from inside a scheduled action');
    this.running = true;
    try {
      for (;;) {
        this.dropCancelled();
        const next = this.heap.peek();
        if (!next || next.time > target) break;
        this.heap.pop();
        this.time = next.time;
        next.action();
      }
      this.time = target;
    } finally {
      this.running = false;
    }
  }

  advance(seconds: number): void {
    checkTime(seconds, 'seconds');
    if (seconds < 0) throw new ClockError(`cannot advance by a negative duration (${seconds})`);
    this.advanceTo(this.time + seconds);
  }

  private dropCancelled(): void {
    while (this.heap.peek()?.cancelled) this.heap.pop();
  }
}

/** The first instant of a ticker of `period` seconds with offset `phase` that is strictly after `t`. */
export function nextTickAfter(t: number, phase: number, period = 1): number {
  const k = Math.floor((t - phase) / period) + 1;
  return phase + k * period;
}

/** The last instant of that ticker at or before `t`. */
export function lastTickAtOrBefore(t: number, phase: number, period = 1): number {
  return phase + Math.floor((t - phase) / period) * period;
}
