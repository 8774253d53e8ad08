/**
 * Comparing what a page shows with what the simulator printed, and saying how they differ:
 *
 *   --- expected (page lines)
 *   +++ actual (output lines)
 *   @@ page line 14, output line 2 @@
 *     14   2 | NAME      READY   STATUS              RESTARTS   AGE
 *   - 15     | nginx-5   1/1     Running             0          4m39s
 *   +      3 | nginx-5   0/1     ErrImageNeverPull   0          4m39s
 *
 * Rules: wildcards and placeholders as in output-line.ts; `...` lines absorb any lines; trailing whitespace on
 * every line and blank lines at the end are not compared (editors strip the first, blocks end with the second);
 * CRLF in the actual text reads as LF. Everything else must be equal.
 */

import { type AlignOp, actualLines, align, matchesAll, significantExpected } from './align.ts';
import type { ExpectedLine } from './types.ts';

export interface MatchResult {
  ok: boolean;
  /** A unified diff with page line numbers on the expected side; `''` when ok. */
  diff: string;
}

const CONTEXT = 3;

interface Row {
  mark: ' ' | '-' | '+';
  expectedLine?: number;
  actualLine?: string;
  text: string;
}

function rowsOf(ops: readonly AlignOp[], expected: readonly ExpectedLine[], actual: readonly string[]): Row[] {
  return ops.map((op): Row => {
    switch (op.op) {
      case 'match':
        return {
          mark: ' ',
          expectedLine: expected[op.e]?.line,
          actualLine: String(op.a + 1),
          text: actual[op.a] ?? '',
        };
      case 'any': {
        const span = op.to === op.from ? '' : op.to - op.from === 1 ? String(op.from + 1) : `${op.from + 1}-${op.to}`;
        return {
          mark: ' ',
          expectedLine: expected[op.e]?.line,
          actualLine: span,
          text: expected[op.e]?.source ?? '...',
        };
      }
      case 'delete':
        return { mark: '-', expectedLine: expected[op.e]?.line, text: expected[op.e]?.source ?? '' };
      default:
        return { mark: '+', actualLine: String(op.a + 1), text: actual[op.a] ?? '' };
    }
  });
}

function renderDiff(rows: readonly Row[]): string {
  const eWidth = Math.max(1, ...rows.map((r) => String(r.expectedLine ?? '').length));
  const aWidth = Math.max(1, ...rows.map((r) => (r.actualLine ?? '').length));
  const changed = rows.map((r) => r.mark !== ' ');
  const shown = rows.map((_, i) => {
    for (let k = Math.max(0, i - CONTEXT); k <= Math.min(rows.length - 1, i + CONTEXT); k++)
      if (changed[k]) return true;
    return false;
  });
  const out = ['--- expected (page lines)', '+++ actual (output lines)'];
  let previous = -2;
  rows.forEach((row, i) => {
    if (!shown[i]) return;
    if (i !== previous + 1) {
      const firstE = rows.slice(i).find((r) => r.expectedLine !== undefined)?.expectedLine;
      const firstA = rows
        .slice(i)
        .find((r) => r.actualLine)
        ?.actualLine?.split('-')[0];
      const where = [firstE === undefined ? '' : `page line ${firstE}`, firstA ? `output line ${firstA}` : '']
        .filter(Boolean)
        .join(', ');
      out.push(`@@ ${where || 'end of output'} @@`);
    }
    previous = i;
    const e = String(row.expectedLine ?? '').padStart(eWidth);
    const a = (row.actualLine ?? '').padStart(aWidth);
    out.push(`${row.mark} ${e} ${a} | ${row.text}`.trimEnd());
  });
  return `${out.join('\n')}\n`;
}

/** Whether `actualText` is what `expected` shows, and if not, a readable diff. */
export function matchOutput(expected: readonly ExpectedLine[], actualText: string): MatchResult {
  const wanted = significantExpected(expected);
  const actual = actualLines(actualText);
  if (matchesAll(wanted, actual)) return { ok: true, diff: '' };
  return { ok: false, diff: renderDiff(rowsOf(align(wanted, actual), wanted, actual)) };
}
