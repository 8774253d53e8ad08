/**
 * Go time.Time text for the instants kubectl prints: RFC 3339 (`2023-08-09T02:35:08Z`, how metav1.Time is
 * serialized) and RFC 1123 with a numeric zone (`Thu, 27 Jun 2024 18:17:24 +0000`, `kubectl describe`).
 * Instants are seconds on the virtual clock, read as Unix seconds (1970-01-01T00:00:00Z is 0). metav1.Time carries
 * whole seconds on the wire, so fractions are dropped toward the past, as Go's Format does for a truncated time.
 */

export class GoTimeError extends RangeError {
  override name = 'GoTimeError';
}

const SECONDS_PER_DAY = 86400;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** A calendar reading of an instant (proleptic Gregorian, like Go). */
export interface CivilTime {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** 1..31 */
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday */
  readonly weekday: number;
}

function wholeSeconds(seconds: number): number {
  if (!Number.isFinite(seconds)) throw new GoTimeError(`a time must be a finite number of seconds, got ${seconds}`);
  return Math.floor(seconds);
}

// Days since 1970-01-01 for a civil date (H. Hinnant's days_from_civil).
/** Days in a month of the proleptic Gregorian calendar, as Go's time package counts them (month 1-12). */
export function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// The civil date of a day count since 1970-01-01 (H. Hinnant's civil_from_days).
function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** The calendar reading of an instant, shifted by a zone offset (seconds east of UTC). */
export function civilTime(seconds: number, utcOffsetSeconds = 0): CivilTime {
  const local = wholeSeconds(seconds) + utcOffsetSeconds;
  const days = Math.floor(local / SECONDS_PER_DAY);
  const inDay = local - days * SECONDS_PER_DAY;
  const [year, month, day] = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(inDay / 3600),
    minute: Math.floor((inDay % 3600) / 60),
    second: inDay % 60,
    weekday: (((days + 4) % 7) + 7) % 7, // 1970-01-01 was a Thursday
  };
}

/** Unix seconds of a UTC calendar time (the inverse of civilTime), e.g. to place the virtual clock's origin. */
export function unixSeconds(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  for (const [name, value] of Object.entries({ year, month, day, hour, minute, second })) {
    if (!Number.isInteger(value)) throw new GoTimeError(`${name} must be an integer, got ${value}`);
  }
  if (month < 1 || month > 12) throw new GoTimeError(`month out of range: ${month}`);
  return daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// time/format.go appendInt for the "2006" layout element: at least four digits
function year4(year: number): string {
  if (year < 0 || year > 9999) throw new GoTimeError(`year ${year} is outside [0,9999]`);
  return pad(year, 4);
}

/** time.RFC3339 in UTC, as metav1.Time.MarshalJSON writes it: `2006-01-02T15:04:05Z`. */
// staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/time.go (Time).MarshalJSON: t.UTC().Format(time.RFC3339)
export function formatRFC3339(seconds: number): string {
  const t = civilTime(seconds);
  return `${year4(t.year)}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}Z`;
}

/** Go's zero time.Time formatted with time.RFC1123Z (what describe prints for an unset metav1.Time). */
export const ZERO_TIME_RFC1123Z = 'Mon, 01 Jan 0001 00:00:00 +0000';

/**
 * time.RFC1123Z, `Mon, 02 Jan 2006 15:04:05 -0700`, in a fixed zone `utcOffsetMinutes` east of UTC (kubectl prints
 * in the local zone of the machine it runs on; 0 gives `+0000`).
 */
// time/format.go (Time).Format with layout time.RFC1123Z; stdNumTZ writes the offset as ±hhmm
export function formatRFC1123Z(seconds: number, utcOffsetMinutes = 0): string {
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) >= 24 * 60) {
    throw new GoTimeError(`a zone offset must be whole minutes within a day, got ${utcOffsetMinutes}`);
  }
  const t = civilTime(seconds, utcOffsetMinutes * 60);
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  const zone = `${sign}${pad(Math.floor(abs / 60), 2)}${pad(abs % 60, 2)}`;
  const clock = `${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}`;
  return `${WEEKDAYS[t.weekday]}, ${pad(t.day, 2)} ${MONTHS[t.month - 1]} ${year4(t.year)} ${clock} ${zone}`;
}
