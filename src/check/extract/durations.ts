/**
 * Durations in directives (`#@ wait 2m30s`, `#@ at 105s`), written the way Go's time.ParseDuration reads them
 * (and kubectl prints ages): a sequence of decimal numbers with units h, m, s, ms, us/µs, ns, e.g. `45s`,
 * `2m30s`, `1h`, `1.5s`, `500ms`. No sign: the virtual clock only moves forward. A lone `0` is zero.
 */

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  h: 3600,
  m: 60,
  s: 1,
  ms: 1e-3,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ns: 1e-9,
};

const PART = /(\d+(?:\.\d*)?|\.\d+)(h|ms|m|s|us|µs|μs|ns)/y;

/** Seconds, or undefined when `text` is not a duration. */
export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  if (text === '') return undefined;
  let seconds = 0;
  let at = 0;
  while (at < text.length) {
    PART.lastIndex = at;
    const m = PART.exec(text);
    if (!m) return undefined;
    seconds += Number(m[1]) * (UNIT_SECONDS[m[2] as string] ?? Number.NaN);
    at = PART.lastIndex;
  }
  // Round away binary noise (0.1s + 0.2s) at nanosecond resolution, Go's.
  const rounded = Math.round(seconds * 1e9) / 1e9;
  return Number.isFinite(rounded) ? rounded : undefined;
}
