/**
 * The terminal in front of the virtual cluster: `runCommand` turns one typed line into what a real terminal
 * shows. Where the line is typed decides what runs: kubectl on the client (and on nodes), crictl on a node, the
 * exec'd shell inside a container. Anything else, and any shell feature beyond one simple command, is answered
 * with a `podbook: ... is not modelled by the virtual cluster` line and status 127, never a silent pass.
 */
import { runInContainerSession } from './container-session.ts';
import { runCrictl } from './crictl/index.ts';
import { runKubectl } from './kubectl/index.ts';
import { notModelled } from './result.ts';
import type { CommandResult, CommandTarget, ShellContext } from './types.ts';
import { shellWords } from './words.ts';

export { NOT_MODELLED_EXIT_CODE } from './result.ts';
export type { CommandResult, CommandTarget, ShellContext } from './types.ts';

/** Runs one command line at `target`; the virtual clock moves on when the command waits (delete, crictl pull). */
export function runCommand(ctx: ShellContext, target: CommandTarget, line: string): CommandResult {
  if (target.kind === 'container') return runInContainerSession(ctx, target, line);
  const parsed = shellWords(line);
  if ('unsupported' in parsed) return notModelled(`a line with ${parsed.unsupported}`);
  // `sudo` runs the same tool as root: the output does not change
  const words = parsed.words[0] === 'sudo' ? parsed.words.slice(1) : parsed.words;
  if (words.length === 0) return { output: '', exitCode: 0 };
  const [program, ...argv] = words as [string, ...string[]];
  switch (program) {
    case 'kubectl':
      return runKubectl(ctx, argv);
    case 'crictl':
      if (target.kind !== 'node') return notModelled('crictl on the client (type it at a node prompt)');
      if (!ctx.cluster.nodes().some((n) => n.name === target.node)) {
        return notModelled(`the node "${target.node}" (no such node in the virtual cluster)`);
      }
      return runCrictl(ctx.cluster, target.node, argv);
    default:
      return notModelled(`\`${program}\``);
  }
}
