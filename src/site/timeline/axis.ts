/**
 * The time axis: a length for the chart (at least 1s, so nothing divides by zero) and round ticks, 4 to 8 of
 * them, at steps people count in (10s, 30s, 1m, 5m, ...).
 */

const STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 21600, 43200];

/** The axis length for a timeline ending at `end` seconds. */
export function axisEnd(end: number): number {
  return Number.isFinite(end) && end > 0 ? end : 1;
}

/** Tick times from 0 to `end` (the end itself only when it falls on a step). */
export function axisTicks(end: number, maxTicks = 8): number[] {
  const length = axisEnd(end);
  const step = STEPS.find((s) => length / s <= maxTicks) ?? Math.ceil(length / maxTicks / 3600) * 3600;
  const ticks: number[] = [];
  for (let t = 0; t <= length + 1e-9; t += step) ticks.push(t);
  return ticks;
}
