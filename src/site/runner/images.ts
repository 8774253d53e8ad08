/**
 * The image state a reader can change: which images each node already holds, and which tags each registry
 * has. Images are compared the way the kubelet compares them (the release's reference parser: `nginx` is
 * `docker.io/library/nginx:latest`). A node may hold an image its registry does not (or no longer) have; such an
 * image is imported into the node after the cluster starts, with the catalog data a registry would give it.
 */
import type { ClusterSpec, NodeSpec, RegistrySpec } from '../../check/extract/types.ts';
import { pageRegistries } from '../../check/run/page-registries.ts';
import type { KubeVersion } from '../../k8s/version/index.ts';
import { defaultRegistries, SeededRandom } from '../../sim/index.ts';
import { normalizeImage, RegistrySet, type ResolvedImage } from '../../sim/registry.ts';
import type { ManifestFileView } from '../../sim/shell/manifest-file.ts';
import { fileNames, fileText, type RunnerScenario } from './scenario.ts';

/** The simulator's one node when a scenario lists none (src/sim/cluster.ts). */
export const DEFAULT_NODE = 'node-1';

interface Ref {
  host: string;
  path: string;
  tag: string;
  /** `host/path:tag` (or `@digest`) as the kubelet compares references. */
  key: string;
  digest: boolean;
}

function ref(image: string, version: KubeVersion): Ref | undefined {
  try {
    const p = normalizeImage(image, version);
    const tag = p.tag || 'latest';
    return {
      host: p.host,
      path: p.path,
      tag,
      key: p.digest ? p.ref : `${p.repository}:${tag}`,
      digest: p.digest !== '',
    };
  } catch {
    return undefined; // not a reference the kubelet accepts; the validator reports it
  }
}

export function sameImage(a: string, b: string, version: KubeVersion): boolean {
  const ra = ref(a, version);
  const rb = ref(b, version);
  return ra !== undefined && rb !== undefined ? ra.key === rb.key : a === b;
}

/** Container images named by a decoded object (a Pod, or a workload's pod template). */
function imagesOf(value: unknown, out: string[]): void {
  const spec = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined);
  const obj = spec(value);
  const podSpec = spec(obj?.spec);
  const templateSpec = spec(spec(spec(podSpec?.template)?.spec));
  for (const s of [podSpec, templateSpec]) {
    for (const key of ['initContainers', 'containers']) {
      const list = s?.[key];
      if (!Array.isArray(list)) continue;
      for (const c of list) {
        const image = spec(c)?.image;
        if (typeof image === 'string' && image !== '' && !out.includes(image)) out.push(image);
      }
    }
  }
}

/**
 * Images the scenario's files name (their latest versions, read as kubectl reads them: `readFile`), then the
 * images its nodes hold.
 */
export function referencedImages(
  scenario: RunnerScenario,
  version: KubeVersion,
  readFile: (text: string, filename: string) => ManifestFileView,
): string[] {
  const named: string[] = [];
  for (const file of fileNames(scenario)) {
    for (const object of readFile(fileText(scenario, file) ?? '', file).objects) imagesOf(object.value, named);
  }
  for (const node of scenario.cluster.nodes ?? []) for (const image of node.images) named.push(image);
  const out: string[] = [];
  for (const image of named) if (!out.some((o) => sameImage(o, image, version))) out.push(image);
  return out;
}

/** The nodes pods can run on (workers; all nodes when every node is a control plane). */
export function podNodes(cluster: ClusterSpec): NodeSpec[] {
  const nodes =
    cluster.nodes && cluster.nodes.length > 0 ? cluster.nodes : [{ name: DEFAULT_NODE, roles: [], images: [] }];
  const workers = nodes.filter((n) => !n.roles.includes('control-plane') && !n.roles.includes('master'));
  return workers.length > 0 ? workers : nodes;
}

export function onNode(scenario: RunnerScenario, node: string, image: string, version: KubeVersion): boolean {
  const spec = podNodes(scenario.cluster).find((n) => n.name === node);
  return spec?.images.some((i) => sameImage(i, image, version)) ?? false;
}

/** The scenario with `image` present on (or absent from) `node`. */
export function setOnNode(
  scenario: RunnerScenario,
  node: string,
  image: string,
  present: boolean,
  version: KubeVersion,
): RunnerScenario {
  const nodes = structuredClone(
    scenario.cluster.nodes && scenario.cluster.nodes.length > 0
      ? scenario.cluster.nodes
      : [{ name: DEFAULT_NODE, roles: [], images: [] }],
  );
  const spec = nodes.find((n) => n.name === node);
  if (!spec) return scenario;
  spec.images = spec.images.filter((i) => !sameImage(i, image, version));
  if (present) spec.images.push(image);
  return { ...scenario, cluster: { ...scenario.cluster, nodes } };
}

function registrySet(registries: readonly RegistrySpec[]): RegistrySet {
  return new RegistrySet(pageRegistries(registries));
}

/** Whether a registry holds the image's tag; undefined when that cannot be said (a digest, a bad reference). */
export function inRegistry(scenario: RunnerScenario, image: string, version: KubeVersion): boolean | undefined {
  const r = ref(image, version);
  if (!r || r.digest) return undefined;
  return (
    registrySet(scenario.cluster.registries ?? [])
      .get(r.host)
      ?.find(r.path, r.tag, '') !== undefined
  );
}

/** The registry list with the host spelled out: a host the page does not list starts from the default catalog. */
function withHost(registries: RegistrySpec[], host: string): RegistrySpec {
  const found = registries.find((r) => r.host === host);
  if (found) return found;
  const known = defaultRegistries().find((d) => d.host === host);
  const spec: RegistrySpec = {
    host,
    repositories: Object.entries(known?.repositories ?? {}).map(([name, tags]) => ({ name, tags: Object.keys(tags) })),
  };
  registries.push(spec);
  return spec;
}

/** The scenario with the image's tag present in (or absent from) its registry. */
export function setInRegistry(
  scenario: RunnerScenario,
  image: string,
  present: boolean,
  version: KubeVersion,
): RunnerScenario {
  const r = ref(image, version);
  if (!r || r.digest) return scenario;
  const registries = structuredClone(scenario.cluster.registries ?? []);
  const host = withHost(registries, r.host);
  let repo = host.repositories.find((p) => p.name === r.path);
  if (!repo) {
    repo = { name: r.path, tags: [] };
    host.repositories.push(repo);
  }
  repo.tags = repo.tags.filter((t) => t !== r.tag);
  if (present) repo.tags.push(r.tag);
  return { ...scenario, cluster: { ...scenario.cluster, registries } };
}

/**
 * Node images split for the cluster's start: those a registry holds are preloaded as the checker does; the
 * others are imported afterwards, resolved as a registry holding just that tag would resolve them (so an nginx
 * image still stops on `nginx -s stop`). A reference the release rejects stays preloaded, so that the cluster
 * reports it.
 */
export function splitNodeImages(
  scenario: RunnerScenario,
  version: KubeVersion,
): { pullable: NodeSpec[] | undefined; imported: { node: string; image: ResolvedImage }[] } {
  const nodes = scenario.cluster.nodes;
  if (!nodes) return { pullable: undefined, imported: [] };
  const registries = registrySet(scenario.cluster.registries ?? []);
  const rng = new SeededRandom('runner/import');
  const imported: { node: string; image: ResolvedImage }[] = [];
  const pullable = nodes.map((node) => {
    const keep: string[] = [];
    for (const image of node.images) {
      const r = ref(image, version);
      if (!r || r.digest || registries.pull({ image, version, runtime: 'containerd', rng }).ok) {
        keep.push(image);
        continue;
      }
      const only = registrySet([{ host: r.host, repositories: [{ name: r.path, tags: [r.tag] }] }]);
      const answer = only.pull({ image, version, runtime: 'containerd', rng });
      if (answer.ok) imported.push({ node: node.name, image: answer.image });
      else keep.push(image);
    }
    return { ...node, images: keep };
  });
  return { pullable, imported };
}
