/**
 * A line typed into a `kubectl exec -it POD -- bash` session. The session lives as long as its shell: `exit`
 * ends it (bash echoes `exit`; a non-zero status makes kubectl print `command terminated with exit code N`), and
 * when PID 1 of the container exits the runtime kills the shell with it, so kubectl prints
 * `command terminated with exit code 137` (kubernetes-semantics.md §5.3; client-go remotecommand CodeExitError).
 */
import { EXEC_KILLED_EXIT_CODE } from '../exec.ts';
import { runList, runningContainer } from './container-commands.ts';
import { terminatedLine } from './kubectl/exec.ts';
import { notModelled, notModelledLine, Terminal } from './result.ts';
import { closeSession, findSession } from './sessions.ts';
import type { CommandResult, ShellContext } from './types.ts';
import { shellList } from './words.ts';

export interface ContainerTarget {
  readonly pod: string;
  readonly container?: string;
  readonly namespace?: string;
}

function killedBy137(): CommandResult {
  const message = terminatedLine(EXEC_KILLED_EXIT_CODE);
  return { output: '', exitCode: EXEC_KILLED_EXIT_CODE, sessionClosed: { message, exitCode: EXEC_KILLED_EXIT_CODE } };
}

export function runInContainerSession(ctx: ShellContext, target: ContainerTarget, line: string): CommandResult {
  const cluster = ctx.cluster;
  const namespace = target.namespace ?? 'default';
  const pod = cluster.getPod(target.pod, namespace);
  const container = target.container ?? pod?.spec.containers[0]?.name ?? '';
  const session = findSession(cluster, namespace, target.pod, container);
  const rec = pod ? runningContainer(cluster, pod, container) : undefined;
  // The shell went down with its container (PID 1 exited, a restart, the pod deleted) before this line.
  if (!pod || !rec || (session && session.containerId !== rec.id)) {
    closeSession(cluster, namespace, target.pod, container);
    return killedBy137();
  }
  const list = shellList(line);
  if ('unsupported' in list) return notModelled(`${list.unsupported} in a container shell`);
  if (list.items.length === 0) return { output: '', exitCode: 0 };
  const outcome = runList(cluster, pod, rec, list.items);
  if (outcome.kind === 'notModelled') return { output: notModelledLine(outcome.thing), exitCode: 127 };
  const term = new Terminal().write(outcome.stdout);
  if (outcome.exited !== undefined) {
    // bash's exit builtin writes `exit` to the terminal of an interactive shell; dash and ash do not
    if (session?.shell === 'bash' && session.tty) term.write('exit\n');
    closeSession(cluster, namespace, target.pod, container);
    return term.result(outcome.exited, {
      sessionClosed: { message: terminatedLine(outcome.exited), exitCode: outcome.exited },
    });
  }
  if (outcome.mainProcessExitsAt !== undefined) {
    // the command returns, the prompt comes back, and then the runtime kills the shell with PID 1
    cluster.advanceTo(Math.max(cluster.now(), outcome.mainProcessExitsAt));
    closeSession(cluster, namespace, target.pod, container);
    const closed = killedBy137();
    return term.result(outcome.status, { sessionClosed: closed.sessionClosed! });
  }
  return term.result(outcome.status);
}
