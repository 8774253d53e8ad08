/**
 * Aligning expected output (with wildcards) against actual output, line by line: the cheapest sequence of
 * matches, deletions (expected lines missing from the actual output) and insertions (actual lines not
 * expected), where a `...` line absorbs any run of actual lines for free; used for the diff and `--update`.
 * Quadratic in the differing middle only: equal leading and trailing lines are taken first. The verdict itself
 * comes from matchesAll (below), which is exact at any size.
 */

import { lineMatcher, lineMatches } from './line-match.ts';
import { isBlankLine, trimTrailingBlanks } from './output-line.ts';
import type { ExpectedLine } from './types.ts';

export type AlignOp =
  | { op: 'match'; e: number; a: number }
  /** A `...` line and the actual lines [from, to) it absorbed. */
  | { op: 'any'; e: number; from: number; to: number }
  | { op: 'delete'; e: number }
  | { op: 'insert'; a: number };

/** Above this many cells the middle is reported as replaced wholesale instead of aligned. */
const MAX_CELLS = 1_000_000;

/** Actual output as lines: CRLF read as LF, trailing whitespace and trailing blank lines dropped. */
export function actualLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map(trimTrailingBlanks);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Expected lines without the trailing blank ones (output blocks end with blank separator lines). */
export function significantExpected(expected: readonly ExpectedLine[]): ExpectedLine[] {
  let end = expected.length;
  while (end > 0) {
    const line = expected[end - 1] as ExpectedLine;
    if (line.kind !== 'text' || !isBlankLine(line.source)) break;
    end--;
  }
  return expected.slice(0, end);
}

export function align(expected: readonly ExpectedLine[], actual: readonly string[]): AlignOp[] {
  const matchers = expected.map((line) => (line.kind === 'text' ? lineMatcher(line.segments) : undefined));
  const fits = (e: number, a: number) => {
    const m = matchers[e];
    return m !== undefined && lineMatches(m, actual[a] as string);
  };

  const head: AlignOp[] = [];
  let e0 = 0;
  let a0 = 0;
  while (e0 < expected.length && a0 < actual.length && fits(e0, a0)) head.push({ op: 'match', e: e0++, a: a0++ });
  const tail: AlignOp[] = [];
  let e1 = expected.length;
  let a1 = actual.length;
  while (e1 > e0 && a1 > a0 && fits(e1 - 1, a1 - 1)) tail.unshift({ op: 'match', e: --e1, a: --a1 });

  const n = e1 - e0;
  const m = a1 - a0;
  const middle: AlignOp[] = [];
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    for (let e = e0; e < e1; e++) middle.push({ op: 'delete', e });
    for (let a = a0; a < a1; a++) middle.push({ op: 'insert', a });
    return [...head, ...middle, ...tail];
  }

  // cost[i][j]: cheapest alignment of expected[e0+i..e1) with actual[a0+j..a1).
  const width = m + 1;
  const cost = new Uint32Array((n + 1) * width);
  const isAny = (i: number) => expected[e0 + i]?.kind === 'any-lines';
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n) {
        cost[i * width + j] = m - j;
        continue;
      }
      if (isAny(i)) {
        const skip = cost[(i + 1) * width + j] as number;
        cost[i * width + j] = j < m ? Math.min(skip, cost[i * width + j + 1] as number) : skip;
        continue;
      }
      let best = 1 + (cost[(i + 1) * width + j] as number);
      if (j < m) {
        best = Math.min(best, 1 + (cost[i * width + j + 1] as number));
        if (fits(e0 + i, a0 + j)) best = Math.min(best, cost[(i + 1) * width + j + 1] as number);
      }
      cost[i * width + j] = best;
    }
  }

  // Walk forward along cheapest choices: match first, then deletion before insertion (readable hunks).
  let i = 0;
  let j = 0;
  let anyFrom = -1;
  while (i < n || j < m) {
    const here = cost[i * width + j] as number;
    if (i < n && isAny(i)) {
      // Leave the `...` as soon as leaving is as cheap as absorbing another line.
      if (anyFrom < 0) anyFrom = j;
      if (cost[(i + 1) * width + j] !== here) {
        j++;
        continue;
      }
      middle.push({ op: 'any', e: e0 + i, from: a0 + anyFrom, to: a0 + j });
      anyFrom = -1;
      i++;
      continue;
    }
    if (i < n && j < m && fits(e0 + i, a0 + j) && cost[(i + 1) * width + j + 1] === here) {
      middle.push({ op: 'match', e: e0 + i++, a: a0 + j++ });
    } else if (i < n && cost[(i + 1) * width + j] === here - 1) {
      middle.push({ op: 'delete', e: e0 + i++ });
    } else {
      middle.push({ op: 'insert', a: a0 + j++ });
    }
  }
  return [...head, ...middle, ...tail];
}

/**
 * Whether the actual lines match the expected ones, `...` included: glob matching over lines (backtracking only
 * to the last `...`), so large outputs are judged exactly even where the diff would give up aligning.
 */
export function matchesAll(expected: readonly ExpectedLine[], actual: readonly string[]): boolean {
  const matchers = expected.map((line) => (line.kind === 'text' ? lineMatcher(line.segments) : undefined));
  let e = 0;
  let a = 0;
  let star = -1;
  let starA = 0;
  while (a < actual.length) {
    const matcher = matchers[e];
    if (e < expected.length && expected[e]?.kind === 'any-lines') {
      star = e++;
      starA = a;
    } else if (e < expected.length && matcher !== undefined && lineMatches(matcher, actual[a] as string)) {
      e++;
      a++;
    } else if (star >= 0) {
      e = star + 1;
      a = ++starA;
    } else {
      return false;
    }
  }
  while (e < expected.length && expected[e]?.kind === 'any-lines') e++;
  return e === expected.length;
}
