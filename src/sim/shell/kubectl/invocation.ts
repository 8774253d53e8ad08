/**
 * One kubectl command as a verb handler sees it: the shell context, the verb, its arguments (root flags typed
 * before the verb included, since they are persistent flags of every command), and the flag parsing every verb
 * shares: kubectl's global flags, the namespace, and the flags the virtual cluster does not model.
 */
import { NotModelledError } from '../result.ts';
import type { ShellContext } from '../types.ts';
import { type FlagSpec, Flags, parseFlags } from './flags.ts';

export interface Invocation {
  readonly ctx: ShellContext;
  readonly verb: string;
  readonly argv: readonly string[];
}

export interface VerbFlags {
  readonly flags: Flags;
  readonly args: readonly string[];
  readonly argsLenAtDash: number;
  /** -n/--namespace, else the kubeconfig context's namespace (`default` in the virtual cluster) */
  readonly namespace: string;
  /** the namespace came from the command line (kubectl then enforces it on objects read from files) */
  readonly namespaceExplicit: boolean;
}

const nm = (name: string, kind: FlagSpec['kind'], short?: string): FlagSpec => ({
  name,
  kind,
  modelled: false,
  ...(short ? { short } : {}),
});

/** Root persistent flags (genericclioptions ConfigFlags and kubectl's own), valid before or after the verb. */
// staging/src/k8s.io/cli-runtime/pkg/genericclioptions/config_flags.go (*ConfigFlags).AddFlags, cmd.go
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'help', short: 'h', kind: 'bool', modelled: false },
  nm('kubeconfig', 'string'),
  nm('context', 'string'),
  nm('cluster', 'string'),
  nm('user', 'string'),
  nm('server', 'string', 's'),
  nm('token', 'string'),
  nm('as', 'string'),
  nm('as-group', 'string'),
  nm('as-uid', 'string'),
  nm('request-timeout', 'string'),
  nm('cache-dir', 'string'),
  nm('certificate-authority', 'string'),
  nm('client-certificate', 'string'),
  nm('client-key', 'string'),
  nm('tls-server-name', 'string'),
  nm('insecure-skip-tls-verify', 'bool'),
  nm('disable-compression', 'bool'),
  nm('match-server-version', 'bool'),
  nm('warnings-as-errors', 'bool'),
  nm('profile', 'string'),
  nm('profile-output', 'string'),
  nm('v', 'string', 'v'),
  nm('vmodule', 'string'),
  nm('log-flush-frequency', 'duration'),
];

/** Parses a verb's arguments with its own flags plus the global ones; unmodelled flags stop the command. */
export function parseVerbFlags(inv: Invocation, verbFlags: readonly FlagSpec[]): VerbFlags {
  const parsed = parseFlags(inv.argv, [...verbFlags, ...GLOBAL_FLAGS]);
  if (parsed.notModelled.length > 0) {
    throw new NotModelledError(`\`kubectl ${inv.verb} ${parsed.notModelled[0]}\``);
  }
  const flags = new Flags(parsed);
  const given = flags.string('namespace');
  return {
    flags,
    args: parsed.args,
    argsLenAtDash: parsed.argsLenAtDash,
    namespace: given ?? 'default',
    namespaceExplicit: given !== undefined,
  };
}

/** A modelled flag. */
export function flag(name: string, kind: FlagSpec['kind'], short?: string, noOptDefault?: string): FlagSpec {
  return { name, kind, ...(short ? { short } : {}), ...(noOptDefault !== undefined ? { noOptDefault } : {}) };
}

/** A real flag of the command whose effect is not modelled. */
export function unmodelled(name: string, kind: FlagSpec['kind'], short?: string, noOptDefault?: string): FlagSpec {
  return { ...flag(name, kind, short, noOptDefault), modelled: false };
}
