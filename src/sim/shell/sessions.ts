/**
 * The interactive `kubectl exec -it` sessions open on a cluster: which shell runs in which container. The front
 * end only passes a `container` target back in; what shell it is (bash echoes `exit` as it leaves, sh does not)
 * and which container instance it lives in (a restarted container no longer has it) are kept here, per cluster.
 */
import type { Cluster } from '../cluster.ts';

export type ShellFlavour = 'bash' | 'sh';

export interface ExecSession {
  readonly shell: ShellFlavour;
  /** the runtime container the shell was started in */
  readonly containerId: string;
  /** started with -t: bash is then an interactive shell (prompts, echoes `exit`) */
  readonly tty: boolean;
}

const sessions = new WeakMap<Cluster, Map<string, ExecSession>>();

const key = (namespace: string, pod: string, container: string) => `${namespace}/${pod}/${container}`;

/** bash and its paths; every other shell name is taken as a POSIX sh (dash, busybox ash). */
export function shellFlavour(program: string): ShellFlavour {
  return /(^|\/)bash$/.test(program) ? 'bash' : 'sh';
}

export function openSession(
  cluster: Cluster,
  namespace: string,
  pod: string,
  container: string,
  session: ExecSession,
): void {
  let map = sessions.get(cluster);
  if (!map) {
    map = new Map();
    sessions.set(cluster, map);
  }
  map.set(key(namespace, pod, container), session);
}

export function findSession(
  cluster: Cluster,
  namespace: string,
  pod: string,
  container: string,
): ExecSession | undefined {
  return sessions.get(cluster)?.get(key(namespace, pod, container));
}

export function closeSession(cluster: Cluster, namespace: string, pod: string, container: string): void {
  sessions.get(cluster)?.delete(key(namespace, pod, container));
}
