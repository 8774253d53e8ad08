/**
 * Offsets to 1-based line/column positions, built on first use (most parses never need a position).
 * Line breaks are LF, CRLF and a lone CR, as editors count them; columns count UTF-16 code units, and a
 * byte-order mark at the very start is not part of line 1's columns.
 */

import type { SourcePosition, SourceSpan } from '../types.ts';

const LINE_BREAK = /\r\n?|\n/g;

export class LineIndex {
  readonly text: string;
  #lineStarts: number[] | undefined;

  constructor(text: string) {
    this.text = text;
  }

  #starts(): number[] {
    if (this.#lineStarts) return this.#lineStarts;
    const starts = [this.text.charCodeAt(0) === 0xfeff ? 1 : 0];
    LINE_BREAK.lastIndex = 0;
    for (let m = LINE_BREAK.exec(this.text); m; m = LINE_BREAK.exec(this.text)) starts.push(m.index + m[0].length);
    this.#lineStarts = starts;
    return starts;
  }

  /** The 0-based index of the line holding `offset` (a line break belongs to the line it ends). */
  lineIndexOf(offset: number): number {
    const starts = this.#starts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The offset where the line with 0-based index `line` starts. */
  lineStart(line: number): number {
    return this.#starts()[line] ?? this.text.length;
  }

  position(offset: number): SourcePosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineIndexOf(clamped);
    const start = this.lineStart(line);
    return { line: line + 1, col: Math.max(clamped - start, 0) + 1, offset: clamped };
  }

  span(start: number, end: number): SourceSpan {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }
}
