/**
 * Building a CommandResult: the terminal text (stdout and stderr interleaved in the order written) and the exit
 * status, plus the one line podbook prints for anything the virtual cluster does not model.
 */
import type { CommandResult } from './types.ts';

/** Exit status of a command the virtual cluster does not model (bash's "command not found" status). */
export const NOT_MODELLED_EXIT_CODE = 127;

/** Text written by one command, in order. Lines end in `\n`. */
export class Terminal {
  private text = '';

  /** Appends text; a non-empty text that does not end in a newline gets one (every line ends in `\n`). */
  write(text: string): this {
    if (text === '') return this;
    this.text += text.endsWith('\n') ? text : `${text}\n`;
    return this;
  }

  get output(): string {
    return this.text;
  }

  result(exitCode: number, extra: Partial<Omit<CommandResult, 'output' | 'exitCode'>> = {}): CommandResult {
    return { output: this.text, exitCode, ...extra };
  }
}

/** `podbook: <thing> is not modelled by the virtual cluster`, exit 127: never a silent pass. */
export function notModelledLine(thing: string): string {
  return `podbook: ${thing} is not modelled by the virtual cluster\n`;
}

export function notModelled(thing: string, before = ''): CommandResult {
  return { output: before + notModelledLine(thing), exitCode: NOT_MODELLED_EXIT_CODE };
}

/** Thrown inside a command to stop it with a not-modelled result (caught by the command dispatcher). */
export class NotModelledError extends Error {
  override name = 'NotModelledError';
  readonly thing: string;
  constructor(thing: string) {
    super(`${thing} is not modelled by the virtual cluster`);
    this.thing = thing;
  }
}
