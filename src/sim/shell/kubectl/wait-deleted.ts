/**
 * kubectl delete waits (--wait=true by default) until every deleted object is gone: a watch for the object's
 * UID, so a pod on a node takes its graceful termination (SIGTERM, the containers stopping, the kubelet's final
 * delete) and the virtual clock moves on by that much during the command.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go DeleteResult -> cmd/wait IsDeleted.
 */
import type { Cluster } from '../../cluster.ts';

export interface DeletedObject {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
}

/** Virtual seconds the front end waits when kubectl would wait its default week (0 = forever). */
export const DEFAULT_WAIT_CAP_SECONDS = 3600;

export type WaitOutcome =
  | { readonly done: true; readonly seconds: number }
  | { readonly done: false; readonly seconds: number; readonly pending: DeletedObject };

function gone(cluster: Cluster, o: DeletedObject): boolean {
  const pod = cluster.api.peekPod(o.name, o.namespace);
  return pod === undefined || pod.metadata.uid !== o.uid;
}

/**
 * Runs the cluster, event by event, until every object is gone or `timeoutSeconds` passed. The clock stops at
 * the moment the last one disappears (kubectl's watch sees the DELETED event then).
 */
export function waitUntilDeleted(
  cluster: Cluster,
  objects: readonly DeletedObject[],
  timeoutSeconds: number,
): WaitOutcome {
  const start = cluster.now();
  const deadline = start + timeoutSeconds;
  for (;;) {
    const pending = objects.find((o) => !gone(cluster, o));
    if (!pending) return { done: true, seconds: cluster.now() - start };
    const next = cluster.clock.nextTime();
    if (next === undefined || next > deadline) {
      cluster.advanceTo(deadline);
      const still = objects.find((o) => !gone(cluster, o));
      return still
        ? { done: false, seconds: cluster.now() - start, pending: still }
        : { done: true, seconds: cluster.now() - start };
    }
    cluster.advanceTo(Math.max(next, cluster.now()));
  }
}
