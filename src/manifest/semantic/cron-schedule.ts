/**
 * The cron schedule check of CronJobs: github.com/robfig/cron/v3 ParseStandard as
 * pkg/apis/batch/validation/validation.go validateScheduleFormat calls it. Field count, descriptors,
 * steps, ranges and names are checked with the library's messages.
 */

const BOUNDS = [
  { min: 0, max: 59, names: {} as Record<string, number> },
  { min: 0, max: 23, names: {} },
  { min: 1, max: 31, names: {} },
  {
    min: 1,
    max: 12,
    names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
  },
  { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } },
] as const;

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

// robfig/cron parseIntOrName / mustParseInt
function parseValue(expr: string, names: Readonly<Record<string, number>>): number | string {
  const named = names[expr.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^-?\d+$/.test(expr))
    return `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`;
  const n = Number(expr);
  return n < 0 ? `negative number (${n}) not allowed: ${expr}` : n;
}

// robfig/cron getRange
function checkRange(expr: string, bound: (typeof BOUNDS)[number]): string | undefined {
  const [rangePart = '', step, ...rest] = expr.split('/');
  if (rest.length > 0) return `too many slashes: ${expr}`;
  const lowHigh = rangePart.split('-');
  let start: number;
  let end: number;
  if (lowHigh[0] === '*' || lowHigh[0] === '?') {
    start = bound.min;
    end = bound.max;
    if (lowHigh.length > 1) return `too many hyphens: ${expr}`;
  } else {
    const s = parseValue(lowHigh[0] ?? '', bound.names);
    if (typeof s === 'string') return s;
    start = s;
    end = s;
    if (lowHigh.length === 2) {
      const e = parseValue(lowHigh[1] ?? '', bound.names);
      if (typeof e === 'string') return e;
      end = e;
    } else if (lowHigh.length > 2) return `too many hyphens: ${expr}`;
  }
  if (step !== undefined) {
    const st = parseValue(step, {});
    if (typeof st === 'string') return st;
    if (st === 0) return `step of range should be a positive number: ${expr}`;
  }
  if (start < bound.min) return `beginning of range (${start}) below minimum (${bound.min}): ${expr}`;
  if (end > bound.max) return `end of range (${end}) above maximum (${bound.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  return undefined;
}

/** The error text robfig/cron returns for a standard (5-field) spec, or undefined when it parses. */
export function cronScheduleError(schedule: string): string | undefined {
  if (schedule.length === 0) return 'empty spec string';
  let spec = schedule;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    spec = i < 0 ? '' : spec.slice(i).trim();
  }
  if (spec.startsWith('@')) {
    if (DESCRIPTORS.has(spec) || spec.startsWith('@every ')) return undefined;
    return `unrecognized descriptor: ${spec}`;
  }
  const fields = spec.split(/\s+/).filter((f) => f.length > 0);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (let i = 0; i < 5; i++) {
    for (const part of (fields[i] ?? '').split(',')) {
      const err = checkRange(part, BOUNDS[i] ?? BOUNDS[0]);
      if (err) return err;
    }
  }
  return undefined;
}
