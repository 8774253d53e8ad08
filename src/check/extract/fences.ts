/**
 * A small CommonMark fenced-code scanner: finds every ``` and ~~~ block of a page with its exact lines, the way
 * the Markdown renderer will see it, without parsing the rest of the Markdown. It knows just enough of the
 * containers to get fences right:
 *   - blockquotes (`> `) and list items (`- `, `1. `): a fence may be indented to the item's content, its body
 *     loses that indentation, and the end of the container ends the fence;
 *   - `.md` has indented code (a fence indented 4+ columns beyond its container is code text, not a fence);
 *     MDX turns indented code off, so a fence inside `<Tabs>` may be indented as deep as the author likes;
 *   - HTML comments (`.md`) and JSX comments (`.mdx`: `{/*` to `*\/}`) hide what they contain.
 * Linear in the page size; never fails: an unterminated fence is returned with the reason it ended.
 */

import { skipSpace, stripToColumn, TAB_STOP } from './columns.ts';
import type { SourceLine } from './source-lines.ts';
import type { BodyLine } from './types.ts';

export interface RawBlock {
  /** File line and 1-based code-unit column of the first fence character. */
  line: number;
  col: number;
  char: '`' | '~';
  length: number;
  /** Visual columns of indentation relative to the container (list item content or page). */
  indent: number;
  /** The info string, trimmed, and the column where it starts. */
  info: string;
  infoCol: number;
  lines: BodyLine[];
  closeLine?: number;
  /** Set when the block has no closing fence: what ended it and on which line. */
  end?: { reason: 'end of file' | 'end of list item' | 'end of blockquote'; line: number };
}

/** A line that looks like an opening fence but Markdown reads as indented code (`.md` only). */
export interface IndentedFence {
  line: number;
  col: number;
  info: string;
  indent: number;
}

export interface ScanResult {
  blocks: RawBlock[];
  indentedFences: IndentedFence[];
}

interface OpenBlock {
  block: RawBlock;
  quoteDepth: number;
  /** Visual column of the container's content and of the fence itself. */
  container: number;
  fenceCol: number;
}

const OPENING_FENCE = /^(`{3,}|~{3,})(.*)$/;
const CLOSING_FENCE = /^(`{3,}|~{3,})[ \t]*$/;
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const THEMATIC_BREAK = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/** Strips up to `max` blockquote markers: how many there were, and where the rest starts. */
function stripQuotes(text: string, max: number): { depth: number; end: number; col: number } {
  let end = 0;
  let col = 0;
  let depth = 0;
  while (depth < max) {
    const space = skipSpace(text, end, col);
    if (space.col - col > 3 || text.charCodeAt(space.end) !== 0x3e /* > */) break;
    end = space.end + 1;
    col = space.col + 1;
    depth++;
    const next = text.charCodeAt(end);
    if (next === 0x20) {
      end++;
      col++;
    } else if (next === 0x09) {
      end++;
      col += TAB_STOP - (col % TAB_STOP);
    }
  }
  return { depth, end, col };
}

export function scanFences(lines: readonly SourceLine[], firstIndex: number, mdx: boolean): ScanResult {
  const blocks: RawBlock[] = [];
  const indentedFences: IndentedFence[] = [];
  let open: OpenBlock | undefined;
  let comment: 'html' | 'mdx' | undefined;
  let listStack: number[] = [];
  let quoteDepth = 0;

  const close = (reason: NonNullable<RawBlock['end']>['reason'], line: number) => {
    if (open) open.block.end = { reason, line };
    open = undefined;
  };

  for (let index = firstIndex; index < lines.length; index++) {
    const source = lines[index] as SourceLine;
    const text = source.text;

    if (open) {
      const quotes = stripQuotes(text, open.quoteDepth);
      const space = skipSpace(text, quotes.end, quotes.col);
      const blank = space.end === text.length;
      if (quotes.depth < open.quoteDepth) {
        close('end of blockquote', source.number);
      } else if (!blank && space.col < open.container) {
        close('end of list item', source.number);
      } else {
        const fence = CLOSING_FENCE.exec(text.slice(space.end));
        const closes =
          fence?.[1] !== undefined &&
          fence[1][0] === open.block.char &&
          fence[1].length >= open.block.length &&
          (mdx || space.col - open.container <= 3);
        if (closes) {
          open.block.closeLine = source.number;
          open = undefined;
        } else {
          const strip = stripToColumn(text, quotes.end, quotes.col, open.fenceCol);
          const body: BodyLine = {
            text: ' '.repeat(strip.pad) + text.slice(strip.end),
            line: source.number,
            offset: source.offset,
            prefix: text.slice(0, strip.end),
            eol: source.eol,
          };
          if (strip.pad > 0) body.pad = strip.pad;
          open.block.lines.push(body);
        }
        continue;
      }
    }

    if (comment) {
      if (comment === 'html' ? text.includes('-->') : text.includes('*/}')) comment = undefined;
      continue;
    }

    const quotes = stripQuotes(text, Number.POSITIVE_INFINITY);
    if (quotes.depth !== quoteDepth) {
      // Lists inside blockquotes are tracked per quote level only roughly: a new level starts afresh.
      listStack = [];
      quoteDepth = quotes.depth;
    }
    let space = skipSpace(text, quotes.end, quotes.col);
    if (space.end === text.length) continue; // blank lines keep lists open
    while (listStack.length > 0 && (listStack[listStack.length - 1] as number) > space.col) listStack.pop();
    let container = listStack[listStack.length - 1] ?? quotes.col;
    const rest = text.slice(space.end);

    if (!mdx && space.col - container <= 3 && /^<!--/.test(rest)) {
      if (!rest.slice(4).includes('-->')) comment = 'html';
      continue;
    }
    if (mdx && /^\{\/\*/.test(rest)) {
      if (!rest.includes('*/}')) comment = 'mdx';
      continue;
    }

    const marker = (mdx || space.col - container <= 3) && !THEMATIC_BREAK.test(rest) ? LIST_MARKER.exec(rest) : null;
    if (marker) {
      const markerEnd = space.end + marker[0].length;
      const markerCol = space.col + marker[0].length;
      const after = skipSpace(text, markerEnd, markerCol);
      const content = after.end === text.length || after.col - markerCol >= 5 ? markerCol + 1 : after.col;
      listStack.push(content);
      container = content;
      space = after;
    }

    const fence = OPENING_FENCE.exec(text.slice(space.end));
    const run = fence?.[1];
    if (!fence || run === undefined) continue;
    const info = fence[2] ?? '';
    if (run[0] === '`' && info.includes('`')) continue; // not a fence: inline code
    const indent = space.col - container;
    const infoStart = space.end + run.length + (info.length - info.trimStart().length);
    if (!mdx && indent > 3) {
      indentedFences.push({ line: source.number, col: space.end + 1, info: info.trim(), indent });
      continue;
    }
    const block: RawBlock = {
      line: source.number,
      col: space.end + 1,
      char: run[0] as '`' | '~',
      length: run.length,
      indent,
      info: info.trim(),
      infoCol: infoStart + 1,
      lines: [],
    };
    blocks.push(block);
    open = { block, quoteDepth: quotes.depth, container, fenceCol: space.col };
  }
  if (open) close('end of file', lines[lines.length - 1]?.number ?? 1);
  return { blocks, indentedFences };
}

/** Whether `text` would close a block opened with `char` × `length` (used before writing a line into a body). */
export function wouldCloseFence(text: string, char: '`' | '~', length: number): boolean {
  const fence = CLOSING_FENCE.exec(text.trimStart());
  return fence?.[1] !== undefined && fence[1][0] === char && fence[1].length >= length;
}
