/**
 * What `podbook check` prints: each failure as `file:line:col: error[CODE]: message`, the command and a unified
 * diff (expected `-`, actual `+`; coloured on a terminal), then one summary line. Or the same as JSON.
 */
import { type CheckFailure, formatFailure, type PageCheck } from '../run/index.ts';
import type { FilesCheck } from './check-files.ts';

const RESET = '\u001b[0m';
const BOLD = '\u001b[1m';
const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const YELLOW = '\u001b[33m';
const CYAN = '\u001b[36m';
const DIM = '\u001b[2m';

/** Colours a formatted failure line by what it is (header, command, diff row). */
function paintLine(line: string, index: number): string {
  if (index === 0) {
    const m = /^(.*?:\d+:\d+:) (error|warning)(\[[A-Z_]+\]:)(.*)$/.exec(line);
    if (!m) return line;
    const colour = m[2] === 'error' ? RED : YELLOW;
    return `${BOLD}${m[1]}${RESET} ${BOLD}${colour}${m[2]}${m[3]}${RESET}${m[4]}`;
  }
  if (line.startsWith('  $ ')) return `${CYAN}${line}${RESET}`;
  if (line.startsWith('---') || line.startsWith('+++')) return `${BOLD}${line}${RESET}`;
  if (line.startsWith('@@')) return `${CYAN}${line}${RESET}`;
  if (line.startsWith('-')) return `${RED}${line}${RESET}`;
  if (line.startsWith('+')) return `${GREEN}${line}${RESET}`;
  if (/^\s*\d* \|/.test(line) || /^\s+\|/.test(line)) return `${DIM}${line}${RESET}`;
  return line;
}

export function renderFailure(f: CheckFailure, color: boolean, severity: 'error' | 'warning' = 'error'): string {
  const text = formatFailure(f, severity);
  if (!color) return text;
  return text
    .split('\n')
    .map((line, i) => (line === '' ? line : paintLine(line, i)))
    .join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `12 examples in 3 pages checked against Kubernetes 1.26, 1.35: 1 failed, 2 skipped` */
export function summaryLine(pages: readonly PageCheck[]): string {
  const examples = pages.reduce((n, p) => n + p.counts.examples, 0);
  const failed = pages.reduce((n, p) => n + p.counts.failed, 0);
  const skipped = pages.reduce((n, p) => n + p.counts.skipped, 0);
  const pageLevel = pages.reduce((n, p) => n + p.failures.filter((f) => f.example === undefined).length, 0);
  const minors = [...new Set(pages.flatMap((p) => p.minors))].sort((a, b) => a - b);
  const against = minors.length > 0 ? ` against Kubernetes ${minors.map((m) => `1.${m}`).join(', ')}` : '';
  const extra = pageLevel > 0 ? `, ${plural(pageLevel, 'page-level problem')}` : '';
  return `${plural(examples, 'example')} in ${plural(pages.length, 'page')} checked${against}: ${failed} failed, ${skipped} skipped${extra}`;
}

/** The pretty report: updates (with --update), warnings, failures, skipped blocks, then the summary. */
export function renderPretty(result: FilesCheck, options: { color: boolean }): string {
  const out: string[] = [];
  for (const u of result.updates) out.push(`updated ${u.file}:${u.line}${u.command ? `: ${u.command}` : ''}\n`);
  for (const r of result.refused) {
    out.push(`not updated ${r.file}:${r.line}${r.command ? ` (${r.command})` : ''}: ${r.reason}\n`);
  }
  for (const page of result.pages) {
    for (const w of page.warnings) out.push(renderFailure(w, options.color, 'warning'));
    for (const f of page.failures) out.push(renderFailure(f, options.color));
    for (const s of page.skipped) out.push(`${s.file}:${s.line}: skipped ${s.role} block: ${s.reason}\n`);
  }
  const summary = summaryLine(result.pages);
  const failed = result.pages.some((p) => p.failures.length > 0);
  const mark = failed ? '✘' : '✔';
  const painted = options.color ? `${failed ? RED : GREEN}${mark}${RESET} ${summary}` : `${mark} ${summary}`;
  out.push(`${painted}\n`);
  return out.join('\n');
}

export function renderJson(result: FilesCheck): string {
  const minors = [...new Set(result.pages.flatMap((p) => p.minors))].sort((a, b) => a - b);
  return `${JSON.stringify(
    {
      k8s: minors.map((m) => `1.${m}`),
      summary: summaryLine(result.pages),
      ok: result.pages.every((p) => p.failures.length === 0),
      pages: result.pages.map(({ file, failures, warnings, skipped, counts, ms }) => ({
        file,
        counts,
        ...(ms !== undefined ? { ms: Math.round(ms) } : {}),
        failures,
        warnings,
        skipped,
      })),
      updates: result.updates,
      refused: result.refused,
      written: result.written,
    },
    null,
    2,
  )}\n`;
}
