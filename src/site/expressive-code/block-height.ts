/**
 * The height a block is expected to have, for `contain-intrinsic-size` (styles.ts): the browser does not lay out a
 * block far from the viewport (`content-visibility: auto`) and reserves this height for it instead, until it has
 * laid it out once (then it remembers the real one). An estimate close to the real height keeps the page's length,
 * its scroll bar and the positions of later headings right before then.
 *
 * Code lines do not wrap (a wide block scrolls), so the code's height is its line count times the line height;
 * callout texts do wrap, as on a phone. The block's frame gets the estimate as `--pb-block-height`.
 */
import { type Element, selectAll, toText } from '@astrojs/starlight/expressive-code/hast';

/** Measured in Chromium on the built site at 390 and 1280 px (rem). A code line: 0.875rem × 1.75. */
const CODE_LINE = 1.53;
/** The frame's borders and the code's padding; the title bar of a frame with a title or a terminal frame. */
const FRAME = 1.6;
const HEADER = 2.1;
/** The callouts' list: its padding and borders, then each text line of an item, and the gap between items. */
const CALLOUT_LIST = 1.65;
const CALLOUT_LINE = 1.36;
const CALLOUT_GAP = 0.35;
/** How much text fits on a callout's line on a phone, counting a CJK character as two. */
const CALLOUT_WIDTH = 40;
const NOTE = 2;

function classes(element: Element): string[] {
  return [element.properties.className].flat().map(String);
}

/** The lines a callout's text takes: its own lines (`<br>`), each wrapped at CALLOUT_WIDTH. */
function calloutLines(text: Element): number {
  return toText(text, { whitespace: 'pre' })
    .split('\n')
    .reduce((lines, line) => {
      const width = [...line].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
      return lines + Math.max(1, Math.ceil(width / CALLOUT_WIDTH));
    }, 0);
}

/** The estimate in rem, rounded to a tenth. */
export function blockHeightEstimate(root: Element): number {
  const lines = selectAll('.ec-line', root).length;
  const rootClasses = classes(root);
  const header = rootClasses.includes('has-title') || rootClasses.includes('is-terminal') ? HEADER : 0;
  const callouts = selectAll('.pb-callout-text', root).map(calloutLines);
  const list =
    callouts.length > 0
      ? CALLOUT_LIST + callouts.reduce((a, b) => a + b, 0) * CALLOUT_LINE + (callouts.length - 1) * CALLOUT_GAP
      : 0;
  const note = selectAll('.pb-generated-note', root).length * NOTE;
  return Math.round((FRAME + header + lines * CODE_LINE + list + note) * 10) / 10;
}

export function setHeightEstimate(root: Element): void {
  const style = root.properties.style ? `${String(root.properties.style).replace(/;?\s*$/, ';')}` : '';
  root.properties.style = `${style}--pb-block-height:${blockHeightEstimate(root)}rem`;
}
