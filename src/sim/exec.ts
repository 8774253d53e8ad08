/**
 * `kubectl exec`: a command run in a running container, with the effects its behaviour declares. The case the
 * book follows: in an interactive shell, `nginx -s stop` makes nginx (PID 1) exit 0; the runtime then kills
 * every process left in the container, the shell included, and the exec session ends with 137, which kubectl
 * prints as `command terminated with exit code 137` (client-go remotecommand CodeExitError). Run directly
 * (`kubectl exec pod -- nginx -s stop`) the signalling client exits 0 before nginx is gone.
 */
import type { Pod } from '../k8s/api/types.ts';
import type { VirtualClock } from './clock.ts';
import { tokenize } from './command-script.ts';
import { type ExecEffect, SHELLS } from './container-behaviour.ts';
import type { RuntimeContainer } from './container-runtime.ts';
import type { SimNode } from './node.ts';

/** 128 + SIGKILL: the exit status of an exec'd process killed with its container. */
export const EXEC_KILLED_EXIT_CODE = 137;

export class ExecError extends Error {
  override name = 'ExecError';
  readonly reason: 'NotFound' | 'BadRequest' | 'CompletedPod' | 'ContainerNotFound';
  constructor(reason: ExecError['reason'], message: string) {
    super(message);
    this.reason = reason;
  }
}

export interface ExecOptions {
  /** lines typed into an interactive shell (`kubectl exec -it pod -- bash`), ended by EOF */
  readonly stdin?: readonly string[];
}

export interface ExecResult {
  readonly exitCode: number;
  readonly stdout: string;
  /** kubectl's line for a non-zero exit: `command terminated with exit code 137` */
  readonly error?: string;
  /** when the session ended */
  readonly endedAt: number;
  /** when PID 1 exits because of the command, if it does */
  readonly mainProcessExitsAt?: number;
}

export interface ExecContext {
  readonly clock: VirtualClock;
  readonly pod: Pod | undefined;
  readonly podName: string;
  readonly node: SimNode | undefined;
}

function sameArgv(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

function words(line: string): string[][] {
  const tokens = tokenize(line) ?? [];
  const out: string[][] = [[]];
  for (const t of tokens) {
    if ('word' in t) out[out.length - 1]!.push(t.word);
    else out.push([]);
  }
  return out.filter((w) => w.length > 0);
}

/** Runs `command` in the container; lines of `stdin` go to an interactive shell. */
// staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go (*ExecOptions).Run + kubelet/cri streaming exec
export function execInContainer(
  ctx: ExecContext,
  containerName: string | undefined,
  command: readonly string[],
  options: ExecOptions = {},
): ExecResult {
  const { pod } = ctx;
  if (!pod) throw new ExecError('NotFound', `pods "${ctx.podName}" not found`);
  if (command.length === 0)
    throw new ExecError('BadRequest', 'you must specify at least one command for the container');
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw new ExecError('CompletedPod', `cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  const name = containerName ?? pod.spec.containers[0]?.name ?? '';
  if (![...pod.spec.containers, ...(pod.spec.initContainers ?? [])].some((c) => c.name === name)) {
    throw new ExecError('BadRequest', `container ${name} is not valid for pod ${ctx.podName}`);
  }
  const rec = ctx.node?.runtime.latest(pod.metadata.uid ?? '', name);
  if (!ctx.node || !rec || rec.state !== 'running') {
    throw new ExecError('ContainerNotFound', `unable to upgrade connection: container not found ("${name}")`);
  }
  const now = ctx.clock.now();
  const interactive = SHELLS.includes(command[0]!) && !command.includes('-c');
  const script =
    SHELLS.includes(command[0]!) && command.includes('-c') ? command[command.indexOf('-c') + 1] : undefined;
  if (!interactive && script === undefined) return runOne(ctx.node, rec, command, now);

  // A shell: run each command in turn; PID 1 exiting kills the shell with it.
  const lines = script !== undefined ? words(script) : (options.stdin ?? []).flatMap(words);
  let stdout = '';
  let status = 0;
  for (const argv of lines) {
    if (argv[0] === 'exit') {
      status = Number(argv[1] ?? status) & 255;
      break;
    }
    const r = runOne(ctx.node, rec, argv, now);
    stdout += r.stdout;
    if (r.mainProcessExitsAt !== undefined) {
      return killed(stdout, r.mainProcessExitsAt);
    }
    status = r.exitCode;
  }
  return result(status, stdout, now);
}

function runOne(node: SimNode, rec: RuntimeContainer, argv: readonly string[], now: number): ExecResult {
  const effect: ExecEffect | undefined = rec.behaviour.exec.find((e) => sameArgv(e.command, argv));
  if (argv[0] === 'echo') return result(0, `${argv.slice(1).join(' ')}\n`, now);
  if (!effect) return result(0, '', now);
  const out = effect.stdout ?? '';
  if (!effect.stopsMainProcess) return result(effect.exitCode ?? 0, out, now);
  const at = node.runtime.stopMainProcess(
    rec.id,
    effect.stopsMainProcess.exitCode,
    effect.stopsMainProcess.afterSeconds,
  );
  // The signalling command itself returns at once, before PID 1 is gone; a shell around it is killed later.
  return { ...result(effect.exitCode ?? 0, out, now), mainProcessExitsAt: at };
}

function killed(stdout: string, at: number): ExecResult {
  return { ...result(EXEC_KILLED_EXIT_CODE, stdout, at), mainProcessExitsAt: at };
}

function result(exitCode: number, stdout: string, endedAt: number): ExecResult {
  // client-go remotecommand: a non-zero exit status is CodeExitError "command terminated with exit code %d"
  return exitCode === 0
    ? { exitCode, stdout, endedAt }
    : { exitCode, stdout, endedAt, error: `command terminated with exit code ${exitCode}` };
}
