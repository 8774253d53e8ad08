/**
 * A page split into lines, keeping each line's ending so that a rewrite can put back exactly what was there.
 * Line breaks are LF, CRLF and a lone CR, as editors count them; a byte-order mark is not part of line 1.
 */

export interface SourceLine {
  /** 1-based. */
  number: number;
  /** Offset of the line's first character. */
  offset: number;
  text: string;
  /** `\n`, `\r\n`, `\r`, or `''` for a last line without a line break. */
  eol: string;
}

const LINE = /([^\r\n]*)(\r\n|\r|\n|$)/y;

export function splitLines(source: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let offset = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (offset < source.length) {
    LINE.lastIndex = offset;
    const match = LINE.exec(source);
    // The pattern always matches at least the empty string; guard anyway so that a bug cannot loop forever.
    if (!match || match[0].length === 0) break;
    const text = match[1] ?? '';
    const eol = match[2] ?? '';
    lines.push({ number: lines.length + 1, offset, text, eol });
    offset += match[0].length;
  }
  if (lines.length === 0) lines.push({ number: 1, offset, text: '', eol: '' });
  return lines;
}

/** The line ending most lines of the page use (LF for a page without any). */
export function dominantEol(lines: readonly SourceLine[]): string {
  const counts = new Map<string, number>();
  for (const line of lines) if (line.eol) counts.set(line.eol, (counts.get(line.eol) ?? 0) + 1);
  let best = '\n';
  let bestCount = 0;
  for (const [eol, count] of counts) {
    if (count > bestCount) [best, bestCount] = [eol, count];
  }
  return best;
}

/** The 1-based line and code-unit column of an offset (clamped to the page). */
export function positionAt(
  lines: readonly SourceLine[],
  offset: number,
): { line: number; col: number; offset: number } {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lines[mid] as SourceLine).offset <= offset) low = mid;
    else high = mid - 1;
  }
  const line = lines[low] as SourceLine;
  const col = Math.max(0, Math.min(offset - line.offset, line.text.length + line.eol.length)) + 1;
  return { line: line.number, col, offset: line.offset + col - 1 };
}
