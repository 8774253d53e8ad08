/**
 * The author-facing rendering, like a compiler's: `file:line:col: <code>: <message>`, then the source line
 * with a caret under the offending node. Plain text; ANSI colour on request.
 */
import type { FieldError, ManifestDocument, SourceError, SourceSpan } from '../types.ts';
import { fieldErrorString } from './error-body.ts';
import { spanOfError } from './locate.ts';

export interface PrettyOptions {
  /** Wrap the code and caret in ANSI colours (red) and the location in bold. */
  readonly color?: boolean;
}

/** One located problem, whatever stage found it. */
export interface PrettyDiagnostic {
  readonly code: string;
  readonly message: string;
  readonly span: SourceSpan;
}

const RESET = '\u001b[0m';
const BOLD = '\u001b[1m';
const RED = '\u001b[31m';
const BLUE = '\u001b[34m';

/** Columns a character takes in a terminal (East Asian wide and fullwidth forms take two). */
function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

/** Blank text as wide as `s`, keeping tabs so the caret lines up however tabs are shown. */
function blankLike(s: string): string {
  let out = '';
  for (const ch of s) out += ch === '\t' ? '\t' : ' '.repeat(charWidth(ch));
  return out;
}

function width(s: string): number {
  let n = 0;
  for (const ch of s) n += ch === '\t' ? 1 : charWidth(ch);
  return n;
}

/** Render located diagnostics of one file. `text` is the file's content. */
export function renderPrettyDiagnostics(
  file: string,
  text: string,
  diagnostics: readonly PrettyDiagnostic[],
  options: PrettyOptions = {},
): string {
  // lines and columns as the parser counts them: LF, CRLF and lone CR end lines; a leading BOM takes no column
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const paint = (codes: string, s: string) => (options.color ? `${codes}${s}${RESET}` : s);
  const blocks = diagnostics.map((d) => {
    const { start, end } = d.span;
    const header = `${paint(BOLD, `${file}:${start.line}:${start.col}:`)} ${paint(BOLD + RED, `${d.code}:`)} ${d.message}`;
    const source = lines[start.line - 1];
    if (source === undefined) return `${header}\n`;
    const gutter = String(start.line);
    const pad = ' '.repeat(gutter.length);
    const before = source.slice(0, Math.max(0, start.col - 1));
    const lastCol = end.line === start.line ? Math.max(end.col, start.col + 1) : source.length + 1;
    const underlined = source.slice(start.col - 1, lastCol - 1);
    const carets = '^'.repeat(Math.max(1, width(underlined)));
    return [
      header,
      `${paint(BLUE, `${pad} |`)}`,
      `${paint(BLUE, `${gutter} |`)} ${source}`,
      `${paint(BLUE, `${pad} |`)} ${blankLike(before)}${paint(RED, carets)}`,
      '',
    ].join('\n');
  });
  return blocks.join('\n');
}

/** Field errors (decode or validation) of one document, located through its spanOf. */
export function prettyFieldErrors(doc: ManifestDocument, errors: readonly FieldError[]): PrettyDiagnostic[] {
  return errors.map((e) => ({ code: e.code, message: fieldErrorString(e), span: spanOfError(doc, e) }));
}

/** Errors in the YAML text itself. */
export function prettySourceErrors(errors: readonly SourceError[]): PrettyDiagnostic[] {
  return errors.map((e) => ({ code: e.code, message: e.message, span: e.span }));
}
