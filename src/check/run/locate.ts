/**
 * Where on the page a failure points: the first expected line that differs from the actual output (so an editor
 * jumps to the line to fix), the step's prompt when the output only lacks lines at its end.
 */
import { actualLines, align, significantExpected } from '../extract/align.ts';
import type { Example, ExpectedLine } from '../extract/index.ts';

export interface PagePoint {
  line: number;
  col: number;
}

/** The page column where a body line's text starts (after list or blockquote indentation). */
export function lineStart(example: Example, line: number): PagePoint {
  const body = example.lines.find((l) => l.line === line);
  return { line, col: (body?.prefix.length ?? 0) + 1 };
}

/**
 * The first expected line that the actual output does not match; for output that has extra lines at a place
 * where nothing is expected, the expected line after that place; `fallback` when there is none.
 */
export function firstDifference(
  example: Example,
  expected: readonly ExpectedLine[],
  actualText: string,
  fallback: PagePoint,
): PagePoint {
  const wanted = significantExpected(expected);
  const ops = align(wanted, actualLines(actualText));
  const first = ops.findIndex((op) => op.op === 'delete' || op.op === 'insert');
  if (first === -1) return fallback;
  const next = ops.slice(first).find((op) => op.op !== 'insert');
  const e = next && 'e' in next ? wanted[next.e] : undefined;
  return e ? lineStart(example, e.line) : fallback;
}
