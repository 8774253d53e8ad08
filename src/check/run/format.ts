/**
 * Failures as text, the way compilers print them (plain; the CLI adds colour, the browser overlay shows it as is):
 *
 *   content/zh-cn/never.md:104:1: error[OUTPUT_MISMATCH]: the output of `kubectl get pods` is not what ...
 *     $ kubectl get pods
 *   --- expected (page lines)
 *   +++ actual (output lines)
 *   ...
 */
import type { CheckFailure } from './types.ts';

export function failureHeader(f: CheckFailure, severity: 'error' | 'warning' = 'error'): string {
  return `${f.file}:${f.line}:${f.col}: ${severity}[${f.code}]: ${f.message}`;
}

/** Header, the command, and the diff or the source excerpt; ends with a newline. */
export function formatFailure(f: CheckFailure, severity: 'error' | 'warning' = 'error'): string {
  const lines = [failureHeader(f, severity)];
  if (f.command) lines.push(`  $ ${f.command}`);
  const detail = f.diff ?? f.excerpt;
  if (detail) lines.push(detail.replace(/\n$/, ''));
  return `${lines.join('\n')}\n`;
}
