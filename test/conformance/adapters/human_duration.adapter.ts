/**
 * human_duration.json: apimachinery duration.HumanDuration / ShortHumanDuration cases. The vectors give Go
 * durations in nanoseconds; the model takes seconds, so the adapter divides by 1e9 (fractions are kept and truncate
 * inside the model, as Go's int(d.Seconds()) does).
 */
import { humanDuration, shortHumanDuration } from '../../../src/k8s/kubectl/human-duration.ts';
import { type CaseOutcome, casesOf, defaultCaseName, type VectorAdapter, type VectorCase } from '../adapter.ts';

const FUNCTIONS: Record<string, (seconds: number) => string> = {
  HumanDuration: humanDuration,
  ShortHumanDuration: shortHumanDuration,
};

export const adapter: VectorAdapter = {
  file: 'human_duration.json',
  versionNote:
    'no version: duration.go is unchanged in substance across 1.23..1.35 (the vectors cite the ~v1.19+ file)',
  cases: casesOf,
  caseName(c: VectorCase, index: number): string {
    const input = c.input as { durationNs?: unknown } | undefined;
    return `${defaultCaseName(c, index)} ${String(c.function)}(${String(input?.durationNs)}ns)`;
  },
  run(c: VectorCase): CaseOutcome {
    const fn = FUNCTIONS[String(c.function)];
    if (!fn) throw new Error(`human_duration.json: unknown function ${String(c.function)}`);
    const durationNs = (c.input as { durationNs?: unknown } | undefined)?.durationNs;
    if (typeof durationNs !== 'number') throw new Error('human_duration.json: input.durationNs must be a number');
    return { actual: fn(durationNs / 1e9), expected: c.expected };
  },
};
