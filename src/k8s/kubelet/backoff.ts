/**
 * client-go util/flowcontrol/backoff.go `Backoff`: a per-key exponential back-off that the kubelet uses for
 * CrashLoopBackOff (key = container identity) and for image pulls (key = `<podUID>_<image>`).
 * Times are seconds on the virtual clock. The kubelet never uses jitter (NewBackOff passes a factor of 0),
 * so jitter is not modelled.
 */

/** The clock the back-off reads for "now" (Go: `Backoff.Clock`). */
export interface Clock {
  now(): number;
}

/** A clock the caller moves by hand, like k8s.io/utils/clock/testing.FakeClock. */
export class ManualClock implements Clock {
  private time: number;
  constructor(start = 0) {
    this.time = checkTime(start, 'start');
  }
  now(): number {
    return this.time;
  }
  /** FakeClock.Step */
  step(seconds: number): void {
    this.time += checkTime(seconds, 'step');
  }
  /** FakeClock.SetTime */
  set(time: number): void {
    this.time = checkTime(time, 'time');
  }
}

/** Decides whether an entry is stale enough to reset (Go: `Backoff.HasExpiredFunc`). */
export type HasExpiredFunc = (eventTime: number, lastUpdate: number, maxDuration: number) => boolean;

export interface BackoffEntry {
  /** current delay, seconds */
  readonly backoff: number;
  /** clock time of the last Next, seconds */
  readonly lastUpdate: number;
}

export interface BackoffOptions {
  /** first delay, seconds (Go: defaultDuration) */
  initial: number;
  /** cap, seconds (Go: maxDuration) */
  max: number;
  clock: Clock;
  /** override of the reset rule; default: reset after 2*max without an update */
  hasExpired?: HasExpiredFunc;
}

export class BackoffInputError extends Error {
  override name = 'BackoffInputError';
}

function checkTime(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new BackoffInputError(`${what} must be a finite number of seconds, got ${value}`);
  return value;
}

function checkDuration(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new BackoffInputError(`${what} must be a non-negative number of seconds, got ${value}`);
  }
  return value;
}

export class Backoff {
  readonly clock: Clock;
  readonly initial: number;
  readonly max: number;
  private readonly hasExpiredFunc: HasExpiredFunc | undefined;
  private readonly entries = new Map<string, { backoff: number; lastUpdate: number }>();

  constructor(options: BackoffOptions) {
    this.initial = checkDuration(options.initial, 'initial back-off');
    this.max = checkDuration(options.max, 'maximum back-off');
    this.clock = options.clock;
    this.hasExpiredFunc = options.hasExpired;
  }

  /** backoff.go (Backoff).Get: the current delay for a key, 0 when there is no entry. */
  get(id: string): number {
    return this.entries.get(id)?.backoff ?? 0;
  }

  /** The raw entry, for inspection and snapshots. */
  entry(id: string): BackoffEntry | undefined {
    const e = this.entries.get(id);
    return e ? { backoff: e.backoff, lastUpdate: e.lastUpdate } : undefined;
  }

  /**
   * backoff.go (Backoff).Next: start at the initial delay (no entry, or the entry has expired relative to
   * eventTime), else double it up to max. lastUpdate becomes the clock's now, not eventTime.
   */
  next(id: string, eventTime: number): void {
    checkTime(eventTime, 'eventTime');
    const current = this.entries.get(id);
    const backoff =
      !current || this.hasExpired(eventTime, current.lastUpdate)
        ? this.initial
        : Math.min(current.backoff * 2, this.max);
    this.entries.set(id, { backoff, lastUpdate: this.clock.now() });
  }

  /** backoff.go (Backoff).Reset: forget a key. */
  reset(id: string): void {
    this.entries.delete(id);
  }

  /** backoff.go (Backoff).DeleteEntry: same as Reset. */
  deleteEntry(id: string): void {
    this.entries.delete(id);
  }

  /**
   * backoff.go (Backoff).IsInBackOffSince: true while less than the current delay has passed since eventTime
   * (measured with the clock), unless the entry expired relative to eventTime. CrashLoopBackOff uses this with the
   * container's finishedAt.
   */
  isInBackOffSince(id: string, eventTime: number): boolean {
    checkTime(eventTime, 'eventTime');
    const e = this.entries.get(id);
    if (!e || this.hasExpired(eventTime, e.lastUpdate)) return false;
    return this.clock.now() - eventTime < e.backoff;
  }

  /**
   * backoff.go (Backoff).IsInBackOffSinceUpdate: true while less than the current delay has passed between the
   * last update and eventTime. The image manager uses this with the clock's now.
   */
  isInBackOffSinceUpdate(id: string, eventTime: number): boolean {
    checkTime(eventTime, 'eventTime');
    const e = this.entries.get(id);
    if (!e || this.hasExpired(eventTime, e.lastUpdate)) return false;
    return eventTime - e.lastUpdate < e.backoff;
  }

  /** backoff.go (Backoff).GC: drop entries that have expired at the clock's now. */
  gc(): void {
    const now = this.clock.now();
    for (const [id, e] of this.entries) {
      if (this.hasExpired(now, e.lastUpdate)) this.entries.delete(id);
    }
  }

  /** The keys that currently have an entry. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** backoff.go (Backoff).hasExpired: HasExpiredFunc when set, else "more than 2*max since the last update". */
  hasExpired(eventTime: number, lastUpdate: number): boolean {
    if (this.hasExpiredFunc) return this.hasExpiredFunc(eventTime, lastUpdate, this.max);
    return eventTime - lastUpdate > this.max * 2;
  }
}
