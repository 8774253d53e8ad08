/**
 * The runner's checks from answers worked out at build time (src/site/runner/build/check-answers.ts). A question
 * the build did not see is answered as "nothing" and remembered in `missed`: the replay is then thrown away and
 * run again with the validator (live.ts). Replays are deterministic, so the second one asks the same questions.
 */
import { fileKey, objectKey } from './key.ts';
import type { CheckAnswers, RunnerChecks } from './types.ts';

export interface AnsweredChecks extends RunnerChecks {
  /** A question had no stored answer. */
  readonly missed: boolean;
}

export function answeredChecks(answers: CheckAnswers, release: string): AnsweredChecks {
  let missed = false;
  const miss = <T>(fallback: T): T => {
    missed = true;
    return fallback;
  };
  return {
    release,
    get missed() {
      return missed;
    },
    readFile: (text, filename) => answers.files[fileKey('file', release, filename, text)] ?? miss({ objects: [] }),
    validateObject: (obj) => answers.objects[objectKey(release, obj)] ?? miss([]),
    diagnostics: (text, filename) => answers.diagnostics[fileKey('diagnostics', release, filename, text)] ?? miss([]),
  };
}

/** Stored answers read from the page; anything that is not their shape counts as no answers. */
export function readAnswers(value: unknown): CheckAnswers {
  const table = (v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, never>) : {};
  const o = table(value);
  return { files: table(o.files), objects: table(o.objects), diagnostics: table(o.diagnostics) };
}
