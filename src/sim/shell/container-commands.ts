/**
 * Commands run inside a container (by `kubectl exec` or typed into an exec'd shell): a few shell builtins, and the
 * commands the container's behaviour declares (`nginx -s stop` for nginx, `kill 1`), run through
 * Cluster.execInContainer. Anything else is not modelled: the model does not know what the image contains.
 */
import type { Pod } from '../../k8s/api/types.ts';
import type { Cluster } from '../cluster.ts';
import type { RuntimeContainer } from '../container-runtime.ts';
import type { ListItem } from './words.ts';

/** What running a command list did. */
export type ListOutcome =
  | { readonly kind: 'notModelled'; readonly thing: string }
  | {
      readonly kind: 'ran';
      readonly stdout: string;
      /** status of the last command that ran ($?) */
      readonly status: number;
      /** the `exit` builtin ran, with this status */
      readonly exited?: number;
      /** a command made PID 1 exit at this time: the runtime kills what is left in the container then */
      readonly mainProcessExitsAt?: number;
      /** the command that stopped PID 1 was the last of the list */
      readonly stoppedByLast?: boolean;
    };

const BUILTINS = new Set(['exit', 'echo', 'true', 'false', ':', 'hostname']);

/** The runtime record of the container's current instance when it is running. */
export function runningContainer(cluster: Cluster, pod: Pod, container: string): RuntimeContainer | undefined {
  const nodeName = pod.spec.nodeName;
  if (!nodeName || !cluster.nodes().some((n) => n.name === nodeName)) return undefined;
  const rec = cluster.node(nodeName).runtime.latest(pod.metadata.uid ?? '', container);
  return rec?.state === 'running' ? rec : undefined;
}

function declared(rec: RuntimeContainer, argv: readonly string[]): boolean {
  return rec.behaviour.exec.some((e) => e.command.length === argv.length && e.command.every((w, i) => w === argv[i]));
}

/** Runs `items` in the running container `rec` of `pod`; checks that every command is modelled first. */
export function runList(cluster: Cluster, pod: Pod, rec: RuntimeContainer, items: readonly ListItem[]): ListOutcome {
  const unknown = items.find((it) => !BUILTINS.has(it.words[0]!) && !declared(rec, it.words));
  if (unknown) return { kind: 'notModelled', thing: `\`${unknown.words.join(' ')}\` inside the container` };
  let stdout = '';
  let status = 0;
  for (const [index, item] of items.entries()) {
    if ((item.after === '&&' && status !== 0) || (item.after === '||' && status === 0)) continue;
    const [program, ...args] = item.words as [string, ...string[]];
    if (program === 'exit') {
      // bash/dash exit builtin: the status given (mod 256), else the last status
      const code = args[0] !== undefined && /^\d+$/.test(args[0]) ? Number(args[0]) % 256 : status;
      return { kind: 'ran', stdout, status: code, exited: code };
    }
    if (program === 'echo') {
      const noNewline = args[0] === '-n';
      stdout += (noNewline ? args.slice(1) : args).join(' ') + (noNewline ? '' : '\n');
      status = 0;
    } else if (program === 'true' || program === ':') {
      status = 0;
    } else if (program === 'false') {
      status = 1;
    } else if (program === 'hostname') {
      // the pod's hostname: spec.hostname, else the pod name
      stdout += `${(pod.spec.hostname as string | undefined) ?? pod.metadata.name}\n`;
      status = 0;
    } else {
      const r = cluster.execInContainer(pod.metadata.name ?? '', rec.name, item.words, {
        namespace: pod.metadata.namespace ?? 'default',
      });
      stdout += r.stdout;
      status = r.exitCode;
      if (r.mainProcessExitsAt !== undefined) {
        return {
          kind: 'ran',
          stdout,
          status,
          mainProcessExitsAt: r.mainProcessExitsAt,
          stoppedByLast: index === items.length - 1,
        };
      }
    }
  }
  return { kind: 'ran', stdout, status };
}
