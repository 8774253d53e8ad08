/**
 * How wide a block's widest line is, in columns of the code font (`ch`), for scroll-region-client.ts: while the
 * browser skips rendering a block (content-visibility), Expressive Code cannot measure whether it scrolls, so the
 * client predicts it from this and the frame's width. A wide (East Asian) character takes two columns, a callout
 * marker at the end of a line MARKER columns. The count errs on the wide side: a block taken for wide is only an
 * extra Tab stop until it is rendered and measured.
 */
import type { ExpressiveCodeLine } from '@astrojs/starlight/expressive-code';

/** A marker: its margin (1.5ch) and a badge of about 2ch, rounded up. */
const MARKER = 4;
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function columnsOf(text: string): number {
  let columns = 0;
  for (const ch of text) columns += WIDE.test(ch) || (ch.codePointAt(0) ?? 0) > 0xffff ? 2 : 1;
  return columns;
}

/** The widest line of the block, with its callout markers. */
export function blockColumns(
  lines: readonly ExpressiveCodeLine[],
  markers: (line: ExpressiveCodeLine) => number,
): number {
  return lines.reduce((widest, line) => Math.max(widest, columnsOf(line.text) + markers(line) * MARKER), 0);
}
