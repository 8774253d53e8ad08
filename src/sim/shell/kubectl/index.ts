/**
 * The kubectl front end: root flags, finding the command (with cobra's `unknown command ... Did you mean this?`),
 * and the verbs the virtual cluster models. Every other kubectl command is reported as not modelled.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/cmd.go, github.com/spf13/cobra command.go (Find, findSuggestions,
 * SuggestionsFor), staging/src/k8s.io/kubectl/pkg/util/templates (FlagErrorFunc: `See '<cmd> --help' for usage.`).
 */
import { NotModelledError, notModelled } from '../result.ts';
import type { CommandResult, ShellContext } from '../types.ts';
import { kubectlApply } from './apply.ts';
import { kubectlCreate } from './create.ts';
import { kubectlDelete } from './delete.ts';
import { kubectlDescribe } from './describe.ts';
import { kubectlExec } from './exec.ts';
import { kubectlExplain } from './explain.ts';
import { FlagError } from './flags.ts';
import { kubectlGet } from './get.ts';
import { GLOBAL_FLAGS, type Invocation } from './invocation.ts';
import { KUBECTL_SUGGEST_FOR, kubectlCommandNames } from './releases.ts';
import { suggestionsFor } from './suggestions.ts';

const VERBS: Readonly<Record<string, (inv: Invocation) => CommandResult>> = {
  get: kubectlGet,
  describe: kubectlDescribe,
  apply: kubectlApply,
  create: kubectlCreate,
  delete: kubectlDelete,
  exec: kubectlExec,
  explain: kubectlExplain,
};

function flagUsageError(message: string, commandPath: string): CommandResult {
  return { output: `error: ${message}\nSee '${commandPath} --help' for usage.\n`, exitCode: 1 };
}

/** Root flags typed before the command, and the command with its own arguments. */
// cobra command.go Find -> stripFlags: flags before the subcommand are the root's persistent flags
function splitCommand(argv: readonly string[]): { before: string[]; verb?: string; after: string[] } {
  const before: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return { before, after: [] };
    if (!a.startsWith('-') || a === '-') return { before, verb: a, after: argv.slice(i + 1) };
    before.push(a);
    const takesValue = (spec: (typeof GLOBAL_FLAGS)[number] | undefined) => spec !== undefined && spec.kind !== 'bool';
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0]!;
      const spec = GLOBAL_FLAGS.find((f) => f.name === name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (!a.includes('=') && takesValue(spec) && i + 1 < argv.length) before.push(argv[++i]!);
    } else {
      const shorts = a.slice(1);
      for (let j = 0; j < shorts.length; j++) {
        const spec = GLOBAL_FLAGS.find((f) => f.short === shorts[j]);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${shorts[j]}' in -${shorts.slice(j)}`);
        if (takesValue(spec)) {
          if (j === shorts.length - 1 && i + 1 < argv.length) before.push(argv[++i]!);
          break;
        }
      }
    }
  }
  return { before, after: [] };
}

/** Runs `kubectl ARGS...` (argv without the program name). */
export function runKubectl(ctx: ShellContext, argv: readonly string[]): CommandResult {
  let split: ReturnType<typeof splitCommand>;
  try {
    split = splitCommand(argv);
  } catch (error) {
    if (error instanceof FlagError) return flagUsageError(error.message, 'kubectl');
    throw error;
  }
  const { verb } = split;
  if (verb === undefined) return notModelled("kubectl's help text (kubectl without a command)");
  const names = kubectlCommandNames(ctx.kubectlMinor);
  if (!names.includes(verb)) {
    // cobra legacyArgs / findSuggestions: `unknown command %q for %q` + `\n\nDid you mean this?\n\t...\n`
    const suggestions = suggestionsFor(verb, names, KUBECTL_SUGGEST_FOR);
    const block =
      suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '';
    const message = `error: unknown command "${verb}" for "kubectl"${block}`;
    return { output: message.endsWith('\n') ? message : `${message}\n`, exitCode: 1 };
  }
  const handler = VERBS[verb];
  if (!handler) return notModelled(`\`kubectl ${verb}\``);
  try {
    return handler({ ctx, verb, argv: [...split.before, ...split.after] });
  } catch (error) {
    if (error instanceof FlagError) return flagUsageError(error.message, `kubectl ${verb}`);
    if (error instanceof NotModelledError) return notModelled(error.thing);
    throw error;
  }
}
