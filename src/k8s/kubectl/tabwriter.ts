/**
 * Go's text/tabwriter (elastic tabstops), as kubectl uses it, including the liggitt/tabwriter fork's RememberWidths.
 * Source read: github.com/liggitt/tabwriter tabwriter.go (a copy of Go's text/tabwriter plus RememberWidths).
 *
 * How it lays out text (this is what makes output exact):
 * - Input is cells terminated by '\t' (or the soft '\v'); a line's text after its last tab is a trailing cell that
 *   belongs to no column and is never padded.
 * - A column is a run of consecutive lines that all have a tab-terminated cell at that index (a column block), not
 *   a global column: a line with fewer cells ends the block, and the next block is measured on its own.
 * - A block's width is max(minWidth, widest cell + padding); each cell is padded to it.
 * - A line with no tab (one cell), or a '\f', flushes everything before it: widths start over after it.
 * Escapes and HTML filtering are not modelled (kubectl does not use them).
 */

export interface TabWriterOptions {
  /** minimal cell width including padding */
  readonly minWidth: number;
  /** width of a tab character, used when padding with tabs */
  readonly tabWidth: number;
  /** padding added to a cell before computing its width */
  readonly padding: number;
  /** one ASCII character; '\t' pads with tabs and forces left alignment */
  readonly padChar: string;
  readonly alignRight?: boolean;
  /** columns whose cells are all empty and '\v'-terminated take no room */
  readonly discardEmptyColumns?: boolean;
  /** leading empty cells are padded with tabs whatever padChar is */
  readonly tabIndent?: boolean;
  /** print '|' between columns */
  readonly debug?: boolean;
  /** liggitt/tabwriter: a column never gets narrower than it was in an earlier flush of the same writer */
  readonly rememberWidths?: boolean;
}

// staging/src/k8s.io/cli-runtime/pkg/printers/tabwriter.go GetNewTabWriter (kubectl get): minwidth 6, tabwidth 4,
// padding 3, padchar ' ', flags tabwriter.RememberWidths.
export const GET_TABWRITER_OPTIONS: TabWriterOptions = Object.freeze({
  minWidth: 6,
  tabWidth: 4,
  padding: 3,
  padChar: ' ',
  rememberWidths: true,
});

// staging/src/k8s.io/kubectl/pkg/describe/describe.go tabbedString: tabwriter.NewWriter(out, 0, 8, 2, ' ', 0).
export const DESCRIBE_TABWRITER_OPTIONS: TabWriterOptions = Object.freeze({
  minWidth: 0,
  tabWidth: 8,
  padding: 2,
  padChar: ' ',
});

export class TabWriterError extends Error {
  override name = 'TabWriterError';
}

interface Cell {
  readonly text: string;
  /** width in Unicode code points, as Go counts runes */
  readonly width: number;
  /** terminated by '\t' (hard) rather than '\v' (soft) or a line break */
  readonly htab: boolean;
}

function runeCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * A stateful writer: write() any number of times, flush() to lay out what is buffered, read() to take the output.
 * With rememberWidths, widths persist across flushes (how `kubectl get --watch` keeps rows aligned).
 */
export class TabWriter {
  private readonly options: TabWriterOptions;
  private lines: Cell[][] = [[]];
  private pending = '';
  private widths: number[] = [];
  private maxWidths: number[] = [];
  private out = '';

  constructor(options: TabWriterOptions) {
    const { minWidth, tabWidth, padding, padChar } = options;
    for (const [name, value] of [
      ['minWidth', minWidth],
      ['tabWidth', tabWidth],
      ['padding', padding],
    ] as const) {
      if (!Number.isInteger(value) || value < 0) {
        throw new TabWriterError(`${name} must be a non-negative integer, got ${value}`);
      }
    }
    if (padChar.length !== 1 || padChar.charCodeAt(0) > 0x7f) {
      throw new TabWriterError(`padChar must be one ASCII character, got ${JSON.stringify(padChar)}`);
    }
    // tabwriter.go (Writer).Init: tab padding enforces left alignment
    this.options = padChar === '\t' ? { ...options, alignRight: false } : options;
  }

  // tabwriter.go (Writer).Write: split text into cells; a one-cell line or a formfeed flushes
  write(text: string): this {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.pending += text.slice(start, i);
      start = i + 1;
      const cells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        if (ch === '\f' || cells === 1) {
          this.flush();
          if (ch === '\f' && this.options.debug) this.out += '---\n';
        }
      }
    }
    this.pending += text.slice(start);
    return this;
  }

  // tabwriter.go (Writer).flush: the incomplete last cell joins its line, then everything is laid out
  flush(): this {
    if (this.pending.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.pending = '';
    this.widths = [];
    return this;
  }

  /** Takes the text laid out so far (call flush() first to include buffered input). */
  read(): string {
    const text = this.out;
    this.out = '';
    return text;
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.pending, width: runeCount(this.pending), htab });
    this.pending = '';
    return line.length;
  }

  // tabwriter.go (Writer).format: column blocks, widest cell + padding, recursing into the columns to the right
  private format(lineStart: number, lineEnd: number): void {
    let line0 = lineStart;
    const column = this.widths.length;
    for (let row = line0; row < lineEnd; row++) {
      if (column >= this.lines[row]!.length - 1) continue;
      // this line has a cell in this column: lines before it are complete
      this.writeLines(line0, row);
      line0 = row;
      let width = this.options.minWidth;
      let discardable = true;
      for (; row < lineEnd; row++) {
        const line = this.lines[row]!;
        if (column >= line.length - 1) break;
        const cell = line[column]!;
        width = Math.max(width, cell.width + this.options.padding);
        if (cell.width > 0 || cell.htab) discardable = false;
      }
      if (discardable && this.options.discardEmptyColumns) width = 0;
      if (this.options.rememberWidths) width = this.rememberWidth(width);
      this.widths.push(width);
      this.format(line0, row);
      this.widths.pop();
      line0 = row;
    }
    this.writeLines(line0, lineEnd);
  }

  // liggitt/tabwriter tabwriter.go (Writer).format RememberWidths: a column only ever grows
  private rememberWidth(width: number): number {
    const column = this.widths.length;
    if (this.maxWidths.length < column) this.maxWidths.push(...this.widths.slice(this.maxWidths.length));
    if (this.maxWidths.length === column) {
      this.maxWidths.push(width);
      return width;
    }
    const remembered = this.maxWidths[column]!;
    if (remembered > width) return remembered;
    this.maxWidths[column] = width;
    return width;
  }

  // tabwriter.go (Writer).writeLines: cells inside a known column are padded; the trailing cell is not
  private writeLines(line0: number, line1: number): void {
    const { alignRight, debug, tabIndent } = this.options;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      let useTabs = tabIndent === true;
      line.forEach((cell, j) => {
        if (j > 0 && debug) this.out += '|';
        const inColumn = j < this.widths.length;
        if (cell.text.length === 0) {
          if (inColumn) this.writePadding(cell.width, this.widths[j]!, useTabs);
          return;
        }
        useTabs = false;
        if (alignRight) {
          if (inColumn) this.writePadding(cell.width, this.widths[j]!, false);
          this.out += cell.text;
        } else {
          this.out += cell.text;
          if (inColumn) this.writePadding(cell.width, this.widths[j]!, false);
        }
      });
      // the last buffered line has no line break yet
      this.out += i + 1 === this.lines.length ? this.pending : '\n';
    }
  }

  // tabwriter.go (Writer).writePadding
  private writePadding(textWidth: number, cellWidth: number, useTabs: boolean): void {
    const { padChar, tabWidth } = this.options;
    if (padChar === '\t' || useTabs) {
      if (tabWidth === 0) return;
      const rounded = Math.ceil(cellWidth / tabWidth) * tabWidth;
      const n = rounded - textWidth;
      if (n < 0) throw new TabWriterError('internal error: cell wider than its column');
      this.out += '\t'.repeat(Math.ceil(n / tabWidth));
      return;
    }
    this.out += padChar.repeat(cellWidth - textWidth);
  }
}

/** Lays out a whole text in one go: write, flush, read. */
export function tabwrite(text: string, options: TabWriterOptions): string {
  return new TabWriter(options).write(text).flush().read();
}
