/**
 * Go's `time.Duration` text, as the kubelet prints it in event and status messages
 * (`back-off 2m40s restarting failed container=…`, `Successfully pulled image "x" in 685ms (1.462s including waiting)`).
 * Durations are given in seconds of the virtual clock and rounded to whole nanoseconds, Go's resolution.
 * Not kubectl's HumanDuration (AGE column): that one lives with the kubectl printers.
 */

const NANOS_PER_SECOND = 1e9;
const NANOS_PER_MILLISECOND = 1e6;
const NANOS_PER_MICROSECOND = 1e3;

export class GoDurationError extends RangeError {
  override name = 'GoDurationError';
}

/** Seconds to whole nanoseconds; throws on NaN, infinities and values beyond exact integer range (~104 days). */
export function secondsToNanos(seconds: number): number {
  if (!Number.isFinite(seconds))
    throw new GoDurationError(`duration must be a finite number of seconds, got ${seconds}`);
  const nanos = Math.round(seconds * NANOS_PER_SECOND);
  if (!Number.isSafeInteger(nanos)) {
    throw new GoDurationError(`duration of ${seconds}s is too large to format exactly`);
  }
  return nanos === 0 ? 0 : nanos; // no "-0"
}

// time/time.go fmtFrac: the fraction v/10^prec without trailing zeros, or nothing when it is zero.
function fractionDigits(value: number, prec: number): { text: string; rest: number } {
  let v = value;
  let digits = '';
  let printed = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10;
    printed = printed || digit !== 0;
    if (printed) digits = String(digit) + digits;
    v = Math.floor(v / 10);
  }
  return { text: printed ? `.${digits}` : '', rest: v };
}

/** time/time.go (Duration).String for a duration in whole nanoseconds: `0s`, `1.5ms`, `685ms`, `1.462s`, `2m40s`, `5m0s`, `1h0m0s`. */
export function formatGoDurationNanos(nanos: number): string {
  if (!Number.isSafeInteger(nanos)) throw new GoDurationError(`nanoseconds must be a safe integer, got ${nanos}`);
  if (nanos === 0) return '0s';
  const sign = nanos < 0 ? '-' : '';
  const u = Math.abs(nanos);
  if (u < NANOS_PER_SECOND) {
    // Below one second Go switches to ns, µs or ms with a fraction.
    if (u < NANOS_PER_MICROSECOND) return `${sign}${u}ns`;
    const [prec, unit] = u < NANOS_PER_MILLISECOND ? [3, 'µs'] : [6, 'ms'];
    const { text, rest } = fractionDigits(u, prec);
    return `${sign}${rest}${text}${unit}`;
  }
  const { text, rest: wholeSeconds } = fractionDigits(u, 9);
  const seconds = `${wholeSeconds % 60}${text}s`;
  const totalMinutes = Math.floor(wholeSeconds / 60);
  if (totalMinutes === 0) return sign + seconds;
  const minutes = `${totalMinutes % 60}m`;
  const hours = Math.floor(totalMinutes / 60);
  return sign + (hours > 0 ? `${hours}h` : '') + minutes + seconds;
}

/** (Duration).String for a duration given in seconds, e.g. `formatGoDuration(160)` is `2m40s`. */
export function formatGoDuration(seconds: number): string {
  return formatGoDurationNanos(secondsToNanos(seconds));
}

/**
 * time/time.go (Duration).Truncate(time.Millisecond), which the kubelet applies to pull durations before printing
 * (pkg/kubelet/images/image_manager.go pullImage). Rounds toward zero, like Go. Returns seconds.
 */
export function truncateToMillisecond(seconds: number): number {
  const nanos = secondsToNanos(seconds);
  return (nanos - (nanos % NANOS_PER_MILLISECOND)) / NANOS_PER_SECOND;
}

/** The kubelet's pull-duration text: truncate to ms, then print as a Go duration (`1.462s`, `685ms`). */
export function formatPullDuration(seconds: number): string {
  const nanos = secondsToNanos(seconds);
  return formatGoDurationNanos(nanos - (nanos % NANOS_PER_MILLISECOND));
}
