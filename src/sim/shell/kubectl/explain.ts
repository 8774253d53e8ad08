/**
 * `kubectl explain RESOURCE[.FIELD...] [--api-version V]`: the text ShellContext.explain renders for this kubectl
 * against this apiserver (src/manifest explainText); its ExplainError messages are kubectl's own.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/explain/explain.go (*ExplainOptions).Validate and Run.
 */
import { NotModelledError, Terminal } from '../result.ts';
import type { CommandResult } from '../types.ts';
import { flag, type Invocation, parseVerbFlags, unmodelled } from './invocation.ts';

const EXPLAIN_FLAGS = [
  flag('api-version', 'string'),
  unmodelled('recursive', 'bool'),
  unmodelled('output', 'string', 'o'),
];

export function kubectlExplain(inv: Invocation): CommandResult {
  const { flags, args } = parseVerbFlags(inv, EXPLAIN_FLAGS);
  const term = new Terminal();
  if (args.length === 0) {
    return term
      .write(
        'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
      )
      .result(1);
  }
  if (args.length > 1) return term.write('error: We accept only this format: explain RESOURCE\n').result(1);
  if (!inv.ctx.explain) throw new NotModelledError('`kubectl explain` on this page (no schema is loaded)');
  const apiVersion = flags.string('api-version');
  try {
    return term.write(inv.ctx.explain(args[0]!, apiVersion === undefined ? {} : { apiVersion })).result(0);
  } catch (error) {
    if (error instanceof Error && error.name === 'ExplainError') {
      const message = error.message.startsWith('error: ') ? error.message : `error: ${error.message}`;
      return term.write(message).result(1);
    }
    throw error;
  }
}
