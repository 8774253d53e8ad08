/**
 * Indentation in visual columns, as CommonMark counts it: a tab advances to the next multiple of 4.
 * Columns here are 0-based visual columns from the start of the source line; positions reported to authors are
 * code-unit columns instead (see types.ts), which is why both are tracked.
 */

export const TAB_STOP = 4;

/** Skips spaces and tabs from `from` (at visual column `col`): where the text starts and at which column. */
export function skipSpace(text: string, from: number, col: number): { end: number; col: number } {
  let i = from;
  let c = col;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x20) c += 1;
    else if (ch === 0x09) c += TAB_STOP - (c % TAB_STOP);
    else break;
    i++;
  }
  return { end: i, col: c };
}

/**
 * Removes whitespace from `from` up to visual column `target`. A tab that reaches past `target` is removed and
 * the columns it covered beyond `target` come back as `pad` spaces (CommonMark's partial-tab rule).
 */
export function stripToColumn(text: string, from: number, col: number, target: number): { end: number; pad: number } {
  let i = from;
  let c = col;
  while (i < text.length && c < target) {
    const ch = text.charCodeAt(i);
    if (ch === 0x20) {
      c += 1;
    } else if (ch === 0x09) {
      const next = c + TAB_STOP - (c % TAB_STOP);
      if (next > target) return { end: i + 1, pad: next - target };
      c = next;
    } else {
      break;
    }
    i++;
  }
  return { end: i, pad: 0 };
}
