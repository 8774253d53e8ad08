/**
 * Which settings an example runs with: its fence's `k8s=`/`kubectl=`, then its scenario's, then the page's.
 * A scenario's cluster overrides the page's cluster field by field (nodes, clients, registries, start).
 * kubectl defaults to the Kubernetes version.
 */
import { DEFAULT_SCENARIO, normalizeVersion } from './podbook-settings.ts';
import { shortHostName } from './prompts.ts';
import type { ClusterSpec, PodbookSettings, ResolvedScenario } from './types.ts';

function mergeCluster(page: ClusterSpec | undefined, own: ClusterSpec | undefined): ClusterSpec | undefined {
  if (!page) return own;
  if (!own) return page;
  return { ...page, ...own };
}

function version(text: string | true | undefined): string | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return normalizeVersion(text);
  } catch {
    return undefined; // reported where the attribute is checked
  }
}

export function resolveScenario(
  podbook: PodbookSettings,
  name: string | undefined,
  attrs: Readonly<Record<string, string | true>> = {},
): ResolvedScenario {
  const own = name !== undefined && name !== DEFAULT_SCENARIO ? podbook.scenarios[name] : undefined;
  const resolved: ResolvedScenario = { name: own ? (name as string) : DEFAULT_SCENARIO };
  const k8s = version(attrs.k8s) ?? own?.k8s ?? podbook.k8s;
  const kubectl = version(attrs.kubectl) ?? own?.kubectl ?? podbook.kubectl ?? k8s;
  const seed = own?.seed ?? podbook.seed;
  const cluster = mergeCluster(podbook.cluster, own?.cluster);
  if (k8s !== undefined) resolved.k8s = k8s;
  if (kubectl !== undefined) resolved.kubectl = kubectl;
  if (seed !== undefined) resolved.seed = seed;
  if (cluster !== undefined) resolved.cluster = cluster;
  return resolved;
}

/**
 * The node a prompt's host names: the node itself, or its short name (`k8s-node3` for `k8s-node3.guoguo.com`).
 * `client` when the host is one of the cluster's kubectl clients; undefined when the cluster does not know it.
 */
export function resolveHost(cluster: ClusterSpec, host: string): { node: string } | 'client' | undefined {
  const nodes = cluster.nodes ?? [];
  const exact = nodes.find((n) => n.name === host);
  if (exact) return { node: exact.name };
  const short = nodes.filter((n) => shortHostName(n.name) === host);
  if (short.length === 1) return { node: (short[0] as { name: string }).name };
  if ((cluster.clients ?? []).includes(host)) return 'client';
  return undefined;
}
