/**
 * What the reader can do to PID 1 of a running container besides typing commands: send it a signal from its
 * node (as `kill -TERM <pid>` on the host or the runtime's kill does; a signal sent from inside the container's
 * PID namespace to PID 1 is ignored unless it has a handler, so this is deliberately the node's view), or make it
 * exit by itself with a code. The container runtime then reports the exit, and the kubelet reacts as it would.
 * Returns the line the runner's log shows.
 */
import type { Cluster } from '../../sim/index.ts';
import type { Signal } from './scenario.ts';

/** 128 + SIGKILL (9): what containerd reports for a process killed by SIGKILL. */
const SIGKILL_EXIT_CODE = 137;

export interface ProcessOutcome {
  ok: boolean;
  /** What happened, in plain words (English; the panel translates the common cases). */
  message: string;
  code: 'no-pod' | 'not-scheduled' | 'no-container' | 'not-running' | 'killed' | 'terminating' | 'ignored' | 'exited';
}

function runningRecord(cluster: Cluster, podName: string, containerName: string | undefined) {
  const pod = cluster.getPod(podName);
  if (!pod) return { error: 'no-pod' as const };
  const node = pod.spec.nodeName;
  if (!node || !cluster.nodes().some((n) => n.name === node)) return { error: 'not-scheduled' as const };
  const name = containerName ?? pod.spec.containers[0]?.name;
  if (!name) return { error: 'no-container' as const };
  const runtime = cluster.node(node).runtime;
  const rec = runtime.latest(pod.metadata.uid ?? '', name);
  if (rec?.state !== 'running') return { error: 'not-running' as const, name };
  return { runtime, rec, name };
}

function refused(code: ProcessOutcome['code'], pod: string, container: string | undefined): ProcessOutcome {
  const what = container ? `container ${container} of pod ${pod}` : `pod ${pod}`;
  const message =
    code === 'no-pod'
      ? `no pod named ${pod}`
      : code === 'not-scheduled'
        ? `pod ${pod} is not running on a node yet`
        : code === 'no-container'
          ? `${what} has no container`
          : `${what} has no running process`;
  return { ok: false, message, code };
}

/** A signal to PID 1 of the container (its first one when none is named). */
export function signalMainProcess(
  cluster: Cluster,
  pod: string,
  container: string | undefined,
  signal: Signal,
): ProcessOutcome {
  const found = runningRecord(cluster, pod, container);
  if ('error' in found) return refused(found.error ?? 'no-pod', pod, container ?? found.name);
  const { runtime, rec, name } = found;
  if (signal === 'SIGKILL') {
    runtime.stopMainProcess(rec.id, SIGKILL_EXIT_CODE, 0);
    return { ok: true, code: 'killed', message: `SIGKILL: PID 1 of ${pod}/${name} is killed (exit code 137)` };
  }
  // SIGTERM: the process answers as its behaviour says (nginx exits 0; a shell script without a trap ignores it).
  const answer = rec.behaviour.onSigterm;
  if (answer === 'ignore') {
    return { ok: true, code: 'ignored', message: `SIGTERM: PID 1 of ${pod}/${name} has no handler and ignores it` };
  }
  runtime.stopMainProcess(rec.id, answer.exitCode, answer.afterSeconds);
  return {
    ok: true,
    code: 'terminating',
    message: `SIGTERM: PID 1 of ${pod}/${name} exits with code ${answer.exitCode} after ${answer.afterSeconds}s`,
  };
}

/** PID 1 of the container exits now with `code`. */
export function exitMainProcess(
  cluster: Cluster,
  pod: string,
  container: string | undefined,
  code: number,
): ProcessOutcome {
  const found = runningRecord(cluster, pod, container);
  if ('error' in found) return refused(found.error ?? 'no-pod', pod, container ?? found.name);
  const { runtime, rec, name } = found;
  runtime.stopMainProcess(rec.id, code, 0);
  return { ok: true, code: 'exited', message: `PID 1 of ${pod}/${name} exits with code ${code}` };
}
