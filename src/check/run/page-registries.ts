/**
 * The registries a page lists (`podbook.cluster.registries`: host → repository → tags) as the simulator's
 * catalogs. A page says which tags exist, not how big an image is or what its default command does, so:
 *  - a tag the simulator's default catalog already knows (docker.io/library/nginx:1.25) keeps its size and
 *    behaviour from there;
 *  - other images get a fixed size, and a behaviour read from the repository name: `*nginx*` serves like nginx
 *    (so `nginx -s stop` ends PID 1), busybox/alpine run `sh` and exit; anything else runs until stopped.
 * Hosts the page does not list keep the default catalog (Docker Hub's library images, registry.k8s.io).
 */
import {
  type CatalogImage,
  defaultRegistries,
  exitsAfter,
  nginxServer,
  type RegistrySpec as SimRegistrySpec,
} from '../../sim/index.ts';
import type { RegistrySpec } from '../extract/index.ts';

/** Size of an image the page names but the default catalog does not know (a mid-sized application image). */
export const PAGE_IMAGE_SIZE_BYTES = 60_000_000;

const DOCKER_HUB = 'docker.io';

function behaviourFor(repository: string): CatalogImage['behaviour'] {
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  if (name.includes('nginx')) return nginxServer();
  if (name === 'busybox' || name === 'alpine') return exitsAfter(0, 0, `${name}'s sh exits at once without a terminal`);
  return undefined; // the simulator's default: a long-running process
}

function catalogImage(known: CatalogImage | undefined, repository: string): CatalogImage {
  if (known) return known;
  const behaviour = behaviourFor(repository);
  return { sizeBytes: PAGE_IMAGE_SIZE_BYTES, ...(behaviour ? { behaviour } : {}) };
}

function simRegistry(spec: RegistrySpec, defaults: readonly SimRegistrySpec[]): SimRegistrySpec {
  const known = defaults.find((d) => d.host === spec.host);
  const repositories: Record<string, Record<string, CatalogImage>> = {};
  for (const repo of spec.repositories) {
    const knownTags = known?.repositories[repo.name] ?? {};
    repositories[repo.name] = Object.fromEntries(repo.tags.map((t) => [t, catalogImage(knownTags[t], repo.name)]));
  }
  return {
    host: spec.host,
    // Docker Hub answers a missing repository with 401 insufficient_scope; a private registry with 404.
    flavour: known?.flavour ?? (spec.host === DOCKER_HUB ? 'docker-hub' : 'distribution'),
    repositories,
  };
}

/** The page's registries, replacing the default catalog host by host. */
export function pageRegistries(specs: readonly RegistrySpec[]): SimRegistrySpec[] {
  const defaults = defaultRegistries();
  const listed = new Set(specs.map((s) => s.host));
  return [...defaults.filter((d) => !listed.has(d.host)), ...specs.map((s) => simRegistry(s, defaults))];
}
