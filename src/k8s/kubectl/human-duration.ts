/**
 * Durations as kubectl prints them (AGE, RESTARTS "(Xs ago)", describe event ages).
 * Source: staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go, unchanged in substance across 1.23..1.35.
 * Durations are seconds on the virtual clock; fractions are allowed and truncate like Go's int(d.Seconds()).
 */

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const HOURS_PER_DAY = 24;
const DAYS_PER_YEAR = 365;

export class DurationError extends Error {
  override name = 'DurationError';
}

function checkFinite(seconds: number): void {
  if (!Number.isFinite(seconds))
    throw new DurationError(`a duration must be a finite number of seconds, got ${seconds}`);
}

/** A value that is neither negative past the 2s tolerance nor a positive duration ("<invalid>" / "0s"), else null. */
// duration.go: both functions tolerate up to 2 seconds (excluded) of clock skew as "now".
function nearNow(seconds: number): string | null {
  const whole = Math.trunc(seconds);
  if (whole < -1) return '<invalid>';
  if (whole < 0) return '0s';
  return null;
}

/**
 * ~2-3 significant figures: 59s, 119s, 2m1s, 9m59s, 10m, 179m, 3h, 3h1m, 7h59m, 8h, 47h, 2d1h, 7d23h, 8d, 729d, 2y,
 * 2y1d, 7y364d, 8y.
 */
// staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go HumanDuration
export function humanDuration(seconds: number): string {
  checkFinite(seconds);
  const skew = nearNow(seconds);
  if (skew !== null) return skew;
  const s = Math.trunc(seconds);
  if (s < 2 * MINUTE) return `${s}s`;
  const minutes = Math.trunc(seconds / MINUTE);
  if (minutes < 10) {
    const rest = s % 60;
    return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
  }
  if (minutes < 3 * 60) return `${minutes}m`;
  const hours = Math.trunc(seconds / HOUR);
  if (hours < 8) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / HOURS_PER_DAY);
  if (hours < HOURS_PER_DAY * 8) {
    const rest = hours % HOURS_PER_DAY;
    return rest === 0 ? `${days}d` : `${days}d${rest}h`;
  }
  if (hours < HOURS_PER_DAY * DAYS_PER_YEAR * 2) return `${days}d`;
  const years = Math.trunc(days / DAYS_PER_YEAR);
  if (hours < HOURS_PER_DAY * DAYS_PER_YEAR * 8) {
    const rest = days % DAYS_PER_YEAR;
    return rest === 0 ? `${years}y` : `${years}y${rest}d`;
  }
  return `${years}y`;
}

/** One unit only: 59s, 1m, 59m, 1h, 1d, 364d, 1y. */
// staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go ShortHumanDuration
export function shortHumanDuration(seconds: number): string {
  checkFinite(seconds);
  const skew = nearNow(seconds);
  if (skew !== null) return skew;
  const s = Math.trunc(seconds);
  if (s < 60) return `${s}s`;
  const minutes = Math.trunc(seconds / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(seconds / HOUR);
  if (hours < HOURS_PER_DAY) return `${hours}h`;
  if (hours < HOURS_PER_DAY * DAYS_PER_YEAR) return `${Math.trunc(hours / HOURS_PER_DAY)}d`;
  return `${Math.trunc(seconds / HOUR / HOURS_PER_DAY / DAYS_PER_YEAR)}y`;
}

/**
 * Elapsed time since a timestamp, `<unknown>` for a zero timestamp. On the virtual clock a timestamp that was never
 * set (undefined or null) is Go's zero time; 0 is a real instant (the clock's start).
 */
// pkg/printers/internalversion/printers.go translateTimestampSince (HumanDuration(time.Since(t)))
export function translateTimestampSince(timestamp: number | undefined | null, now: number): string {
  if (timestamp === undefined || timestamp === null) return '<unknown>';
  return humanDuration(now - timestamp);
}
