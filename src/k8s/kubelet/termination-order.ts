/**
 * KEP-753 termination ordering: when the kubelet kills a pod that has sidecars, each sidecar receives its SIGTERM
 * only after every regular container has stopped and after the sidecar declared after it (reverse start order),
 * each wait bounded by the grace period. The Killing events are still recorded for every container at once.
 *
 * pkg/kubelet/kuberuntime/kuberuntime_termination_order.go newTerminationOrdering / waitForTurn, used by
 * kuberuntime_container.go killContainersWithSyncResult (whole-pod kills only: killPodWithSyncResult, from
 * SyncPod's KillPod and from SyncTerminatingPod; a single container killed by computePodActions waits for nothing).
 * Added by PR #120620 with the SidecarContainers beta (1.29).
 */
import type { PodSpec } from '../api/types.ts';
import type { KubeVersion } from '../version/index.ts';
import { isSidecar } from './restart.ts';

/** The first release whose kubelet orders sidecar termination (PR #120620, milestone v1.29). */
export const SIDECAR_TERMINATION_ORDER_SINCE = 29;

/**
 * For each running container, the running containers whose stop it waits for before its SIGTERM; undefined
 * when the release or the pod has no ordering (every container is signalled at once).
 *
 * A sidecar waits for every regular container and for the next sidecar in spec order. A container that is not
 * running is a closed channel upstream: nothing waits for it, and a sidecar does not wait past it to the one
 * after (the prerequisite is the next sidecar only, not a chain).
 */
export function terminationPrerequisites(
  spec: PodSpec,
  runningNames: readonly string[],
  version: KubeVersion,
): ReadonlyMap<string, readonly string[]> | undefined {
  const inits = spec.initContainers ?? [];
  if (version.minor < SIDECAR_TERMINATION_ORDER_SINCE) return undefined;
  // killContainersWithSyncResult: types.HasRestartableInitContainer(pod) (and, before GA, the gate)
  if (!inits.some((c) => isSidecar(c, version))) return undefined;
  const running = new Set(runningNames);
  const regular = spec.containers.map((c) => c.name).filter((n) => running.has(n));
  const prereqs = new Map<string, readonly string[]>();
  let laterSidecar: string | undefined;
  for (let i = inits.length - 1; i >= 0; i--) {
    const c = inits[i]!;
    if (!isSidecar(c, version)) continue;
    if (running.has(c.name)) {
      const waits = [...regular];
      if (laterSidecar !== undefined && running.has(laterSidecar)) waits.push(laterSidecar);
      prereqs.set(c.name, waits);
    }
    laterSidecar = c.name;
  }
  return prereqs;
}
