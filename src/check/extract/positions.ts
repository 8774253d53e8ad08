/**
 * From a position inside a block's body to the page: what the manifest validator or the transcript replayer
 * reports as body line/column becomes the file:line:col an author can jump to.
 */
import type { Example, SourcePosition } from './types.ts';

/**
 * The page position of a 1-based body line and column. Body line k is page line `bodyStart.line + k - 1`;
 * columns shift by what was removed in front of that line (list or blockquote indentation).
 */
export function sourcePosition(example: Example, bodyLine: number, bodyCol: number): SourcePosition {
  const line = example.lines[bodyLine - 1];
  if (!line) {
    // Past the end (an error "at end of input"): the line after the body, at the given column.
    const last = example.lines[example.lines.length - 1];
    const next = last
      ? last.offset + last.prefix.length + last.text.length - (last.pad ?? 0) + last.eol.length
      : example.bodyStart.offset;
    return { line: example.bodyStart.line + bodyLine - 1, col: Math.max(1, bodyCol), offset: next };
  }
  const col = line.prefix.length + Math.max(1, bodyCol - (line.pad ?? 0));
  return { line: line.line, col, offset: line.offset + col - 1 };
}
