/**
 * Shared helpers for the virtual-cluster tests: kubectl-like renderings through the src/k8s printers.
 */
import type { Pod } from '../../src/k8s/api/types.ts';
import { renderEventsSection } from '../../src/k8s/kubectl/describe-events.ts';
import { renderGetPods } from '../../src/k8s/kubectl/print-pod.ts';
import type { Cluster } from '../../src/sim/index.ts';

/** `kubectl get pods` (-o wide) at the cluster's current time, printed by a server of the cluster's release. */
export function getPods(c: Cluster, wide = false): string {
  return renderGetPods(c.listPods(), { minor: c.version.minor, now: c.now(), wide });
}

/** The Events section of `kubectl describe pod <name>`, kubectl of the cluster's release. */
export function describeEvents(c: Cluster, name: string): string {
  return renderEventsSection(c.eventsFor(name), c.now(), c.version.minor);
}

/** The row of one pod, columns split on runs of 2+ spaces. */
export function row(c: Cluster, name: string): string[] {
  const line = getPods(c)
    .split('\n')
    .find((l) => l.startsWith(`${name} `));
  return line ? line.trim().split(/ {2,}/) : [];
}

/** A bare Pod manifest with one container. */
export function podManifest(
  name: string,
  container: Record<string, unknown>,
  spec: Record<string, unknown> = {},
): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { ...spec, containers: [container] } };
}

export function creationTime(pod: Pod | undefined): number {
  const t = pod?.metadata.creationTimestamp;
  if (typeof t !== 'number') throw new Error('pod has no creationTimestamp');
  return t;
}
