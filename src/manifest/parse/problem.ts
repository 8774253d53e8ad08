/**
 * A problem found while parsing, located by offsets; turned into a SourceError (with line/column) only when
 * reported, so that the common error-free parse never computes positions.
 */

import type { ManifestErrorCode, SourceError } from '../types.ts';
import type { LineIndex } from './line-index.ts';

export interface Problem {
  code: ManifestErrorCode;
  message: string;
  /** [start, end) offsets, relative to whatever the producer documents (a chunk or the whole file). */
  start: number;
  end: number;
}

/** Thrown inside a decoding pass to abandon the document; carries the problem to report. */
export class ProblemFound extends Error {
  override name = 'ProblemFound';
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.message);
    this.problem = problem;
  }
}

export function shiftProblem(problem: Problem, by: number): Problem {
  return { ...problem, start: problem.start + by, end: problem.end + by };
}

export function toSourceError(problem: Problem, lines: LineIndex): SourceError {
  return { code: problem.code, message: problem.message, span: lines.span(problem.start, problem.end) };
}

/** The earliest of some problems (libyaml stops at the first one it meets). */
export function earliestProblem(problems: readonly (Problem | undefined)[]): Problem | undefined {
  let first: Problem | undefined;
  for (const problem of problems) if (problem && (!first || problem.start < first.start)) first = problem;
  return first;
}
