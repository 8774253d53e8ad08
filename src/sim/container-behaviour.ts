/**
 * What the process inside a container does, as data: PID 1 keeps running (a server such as nginx), exits with a
 * code after some seconds, or is killed by the kernel OOM killer; how it answers SIGTERM; and what an exec'd
 * command does to it (`nginx -s stop` makes nginx, PID 1, exit 0). The kubelet model never guesses behaviour:
 * it asks `resolveBehaviour`, which takes an explicit override, else the container's command (a small shell
 * subset, see command-script.ts), else the image's default from the registry catalog.
 */
import type { Container } from '../k8s/api/types.ts';
import { interpretArgv } from './command-script.ts';

/** PID 1 of one run of the container. */
export type MainProcess =
  /** keeps running until it is signalled */
  | { readonly kind: 'runs' }
  /** exits by itself */
  | { readonly kind: 'exits'; readonly afterSeconds: number; readonly exitCode: number }
  /** the kernel OOM killer ends it (runtime reason OOMKilled, exit code 137) */
  | { readonly kind: 'oomKilled'; readonly afterSeconds: number };

/** How PID 1 answers SIGTERM: exit (with a code, after some seconds), or ignore it (PID 1 without a handler). */
export type SigtermResponse = { readonly exitCode: number; readonly afterSeconds: number } | 'ignore';

/** A command run with `kubectl exec` (matched on its argv, or as a line typed into a shell). */
export interface ExecEffect {
  readonly command: readonly string[];
  /** the command's own exit code (default 0) */
  readonly exitCode?: number;
  readonly stdout?: string;
  /** the command makes PID 1 exit */
  readonly stopsMainProcess?: { readonly exitCode: number; readonly afterSeconds: number };
}

export interface ContainerBehaviour {
  /** one entry per run (restart N uses entry N; the last one repeats) or a single behaviour for every run */
  readonly main: MainProcess | readonly MainProcess[];
  readonly onSigterm: SigtermResponse;
  readonly exec: readonly ExecEffect[];
  /** how the behaviour was decided, for docs and test messages */
  readonly source: string;
}

export class BehaviourError extends Error {
  override name = 'BehaviourError';
}

/** The shells an interactive `kubectl exec -it pod -- bash` opens. */
export const SHELLS: readonly string[] = ['sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash', '/usr/bin/bash'];

/** nginx: `nginx -s stop` (fast shutdown, SIGTERM to the master) and `nginx -s quit` (graceful) both exit 0. */
export function nginxServer(): ContainerBehaviour {
  return {
    main: { kind: 'runs' },
    onSigterm: { exitCode: 0, afterSeconds: 0.1 },
    exec: [
      { command: ['nginx', '-s', 'stop'], stopsMainProcess: { exitCode: 0, afterSeconds: 0.05 } },
      { command: ['nginx', '-s', 'quit'], stopsMainProcess: { exitCode: 0, afterSeconds: 0.2 } },
      { command: ['kill', '1'], stopsMainProcess: { exitCode: 0, afterSeconds: 0.1 } },
    ],
    source: 'nginx server (image default)',
  };
}

/** A long-running program that handles SIGTERM by exiting 0. */
export function longRunning(source = 'long-running process'): ContainerBehaviour {
  return {
    main: { kind: 'runs' },
    onSigterm: { exitCode: 0, afterSeconds: 0.1 },
    exec: [{ command: ['kill', '1'], stopsMainProcess: { exitCode: 0, afterSeconds: 0.1 } }],
    source,
  };
}

/** A process that exits with `exitCode` after `afterSeconds`; as PID 1 without a handler it ignores SIGTERM. */
export function exitsAfter(afterSeconds: number, exitCode: number, source = 'exits by itself'): ContainerBehaviour {
  return { main: { kind: 'exits', afterSeconds, exitCode }, onSigterm: 'ignore', exec: [], source };
}

/** A process the OOM killer ends `afterSeconds` after it starts. */
export function oomKilledAfter(afterSeconds: number, source = 'exceeds its memory limit'): ContainerBehaviour {
  return { main: { kind: 'oomKilled', afterSeconds }, onSigterm: 'ignore', exec: [], source };
}

/** The behaviour of run number `restartCount` (0 for the first run). */
export function mainProcessForRun(b: ContainerBehaviour, restartCount: number): MainProcess {
  if (!Array.isArray(b.main)) return b.main as MainProcess;
  const list = b.main as readonly MainProcess[];
  if (list.length === 0) throw new BehaviourError(`behaviour "${b.source}" has an empty list of runs`);
  return list[Math.min(restartCount, list.length - 1)]!;
}

export interface ResolveBehaviourInput {
  readonly container: Container;
  /** the image's default behaviour (registry catalog), when the image came from the catalog */
  readonly imageDefault?: ContainerBehaviour;
  /** an explicit behaviour for this container (cluster option) */
  readonly override?: ContainerBehaviour;
  /** the container's memory limit in bytes, when set */
  readonly memoryLimitBytes?: number;
}

/**
 * The behaviour of a container: the override, else its command/args, else the image default, else a
 * long-running program. Only `command`/`args` the interpreter understands decide; anything else falls back.
 */
export function resolveBehaviour(input: ResolveBehaviourInput): ContainerBehaviour {
  if (input.override) return input.override;
  const { container } = input;
  const argv = [...asStrings(container.command, 'command'), ...asStrings(container.args, 'args')];
  if (argv.length > 0) {
    const interpreted = interpretArgv(argv, { memoryLimitBytes: input.memoryLimitBytes });
    if (interpreted) {
      const source = `command: ${argv.join(' ')}`;
      const base = input.imageDefault ?? longRunning();
      if (interpreted.kind === 'server') return { ...(interpreted.nginx ? nginxServer() : base), source };
      if (interpreted.kind === 'oom') return oomKilledAfter(interpreted.afterSeconds, source);
      if (interpreted.kind === 'forever') return { main: { kind: 'runs' }, onSigterm: 'ignore', exec: [], source };
      return exitsAfter(interpreted.afterSeconds, interpreted.exitCode, source);
    }
  }
  return input.imageDefault ?? longRunning('long-running process (no behaviour known for the image)');
}

function asStrings(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new BehaviourError(`container ${field} must be a list of strings`);
  }
  return value as string[];
}
