/**
 * `--update`: write each differing output into the page in place of its expected lines (src/check/extract's
 * rewriteExpected keeps wildcards, `...`, callouts and directives where they still fit). Edits go from the last
 * block to the first, and the page is read again before each, so every edit sees the positions it was made for.
 */
import { type ExtractedPage, extractPage, rewriteExpected } from '../extract/index.ts';
import type { StepMismatch } from './transcript.ts';
import type { CheckFailure, PageCheck, PageUpdate, RefusedUpdate } from './types.ts';

/** Failure codes that make a page unsafe to rewrite: its manifests are not what the transcripts ran. */
const BLOCKS_UPDATE: ReadonlySet<string> = new Set(['MANIFEST_INVALID', 'MANIFEST_ACCEPTED']);

export interface UpdateOutcome {
  source: string;
  updates: PageUpdate[];
  refused: RefusedUpdate[];
}

export function applyUpdates(source: string, file: string, mismatches: readonly StepMismatch[]): UpdateOutcome {
  const outcome: UpdateOutcome = { source, updates: [], refused: [] };
  const lastFirst = [...mismatches].sort((a, b) => b.example - a.example || b.step - a.step);
  for (const m of lastFirst) {
    const what: PageUpdate = { file, line: m.line, ...(m.command ? { command: m.command } : {}) };
    const example = extractPage(outcome.source, file).examples[m.example];
    if (!example) {
      outcome.refused.push({ ...what, reason: 'the block is gone after an earlier update; run --update again' });
      continue;
    }
    const result = rewriteExpected(outcome.source, example, m.step, m.actual);
    if (!result.ok) outcome.refused.push({ ...what, reason: result.reason });
    else if (result.changed) {
      outcome.source = result.source;
      outcome.updates.push(what);
    }
  }
  outcome.updates.reverse(); // page order
  outcome.refused.reverse();
  return outcome;
}

/** The problems to fix before outputs may be rewritten: invalid manifests and extraction errors. */
function blockers(page: ExtractedPage, failures: readonly CheckFailure[]): CheckFailure[] {
  const extraction = new Set<string>(page.errors.filter((e) => e.severity === 'error').map((e) => e.code));
  return failures.filter((f) => BLOCKS_UPDATE.has(f.code) || extraction.has(f.code));
}

/** The page with its differing outputs rewritten, or why it is left alone. */
export function updatePage(
  page: ExtractedPage,
  source: string | undefined,
  failures: readonly CheckFailure[],
  mismatches: readonly StepMismatch[],
): Pick<PageCheck, 'updatedSource' | 'updates' | 'refused'> {
  if (source === undefined) throw new Error('checkPage: `update` needs the page source (options.source)');
  if (mismatches.length === 0) return { updates: [], refused: [] };
  const blocking = blockers(page, failures);
  const first = blocking[0];
  if (first) {
    const count = `${blocking.length} problem${blocking.length === 1 ? '' : 's'}`;
    const reason = `the page has ${count} to fix first (${first.code} at ${first.file}:${first.line}:${first.col}); outputs are not rewritten`;
    const refused = mismatches.map((m) => ({
      file: page.file,
      line: m.line,
      ...(m.command ? { command: m.command } : {}),
      reason,
    }));
    return { updates: [], refused };
  }
  const outcome = applyUpdates(source, page.file, mismatches);
  return {
    updates: outcome.updates,
    refused: outcome.refused,
    ...(outcome.source !== source ? { updatedSource: outcome.source } : {}),
  };
}
