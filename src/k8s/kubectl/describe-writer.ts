/**
 * The writer every `kubectl describe` section writes through: a PrefixWriter (two spaces per level) over one
 * tabwriter(minwidth 0, tabwidth 8, padding 2, ' ', 0) for the whole output, whose column blocks end at any line
 * without a tab. From kubectl 1.26 each write is escaped for the terminal first.
 * Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go prefixWriter, tabbedString;
 * staging/src/k8s.io/cli-runtime/pkg/printers/terminal.go WriteEscaped.
 */
import { DESCRIBE_TABWRITER_OPTIONS, TabWriter } from './tabwriter.ts';

/** PR #112553 (CHANGELOG-1.26, CVE-2021-25743): kubectl escapes ESC and CR in describe output. */
export const ESCAPE_TERMINAL_SINCE = 26;

// staging/src/k8s.io/cli-runtime/pkg/printers/terminal.go terminalEscaper: "\x1b" -> "^[", "\r" -> "\\r"
export function escapeTerminal(text: string): string {
  return text.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

/** A describe tabwriter that escapes everything written to it (the events section writes to it directly too). */
export class EscapingTabWriter extends TabWriter {
  override write(text: string): this {
    return super.write(escapeTerminal(text));
  }
}

/** The tabwriter describe.go tabbedString creates, escaping or not depending on the kubectl release. */
export function describeTabWriter(kubectlMinor: number): TabWriter {
  return kubectlMinor >= ESCAPE_TERMINAL_SINCE
    ? new EscapingTabWriter(DESCRIBE_TABWRITER_OPTIONS)
    : new TabWriter(DESCRIBE_TABWRITER_OPTIONS);
}

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

// describe.go prefixWriter: Write prefixes two spaces per level; WriteLine is fmt.Sprintln (text and a newline)
export class PrefixWriter {
  readonly out: TabWriter;

  constructor(out: TabWriter) {
    this.out = out;
  }

  write(level: number, text: string): void {
    this.out.write('  '.repeat(level) + text);
  }

  writeLine(text: string): void {
    this.out.write(`${text}\n`);
  }
}
