/**
 * Image registries the virtual cluster pulls from: which repositories and tags exist (with digests and sizes),
 * how long a pull takes, and how a pull fails (a missing tag, a missing repository, an unknown host, a refused
 * connection) with the container runtime's real error text (runtime-errors.ts).
 *
 * References are normalized with the Kubernetes parser of the modelled release (src/k8s/image), so `nginx`,
 * `nginx:latest` and `docker.io/library/nginx:latest` are the same image.
 */
import { parseImageName } from '../k8s/image/reference.ts';
import type { KubeVersion } from '../k8s/version/index.ts';
import type { ContainerBehaviour } from './container-behaviour.ts';
import { exitsAfter, longRunning, nginxServer } from './container-behaviour.ts';
import {
  containerdPullFailure,
  dockerPullFailure,
  type PullFailure,
  type PullFailureContext,
  type PullFailureKind,
  type RuntimeFlavour,
} from './runtime-errors.ts';
import { digestFor, type SeededRandom } from './seeded-random.ts';

export class RegistryError extends Error {
  override name = 'RegistryError';
}

/** One tag of a repository in a registry's catalog. */
export interface CatalogImage {
  /** image size as the runtime reports it (GetImageSize, `crictl images`), bytes */
  readonly sizeBytes: number;
  /** what the image's default command does; a long-running process when unset */
  readonly behaviour?: ContainerBehaviour;
  /** manifest (repo) digest; derived from the name when unset */
  readonly digest?: string;
  /** image ID (config digest); derived from the name when unset */
  readonly imageId?: string;
}

export interface RegistrySpec {
  /** `docker.io`, `registry.k8s.io`, `images.example.com:5000` */
  readonly host: string;
  /** `docker-hub` answers a missing repository with 401 insufficient_scope, `distribution` with 404 */
  readonly flavour?: 'docker-hub' | 'distribution';
  /** repository path (`library/nginx`) → tag → image */
  readonly repositories: Readonly<Record<string, Readonly<Record<string, CatalogImage>>>>;
  /** download speed, bytes per second (default 20 MB/s) */
  readonly bandwidthBytesPerSecond?: number;
  /** time to resolve a reference, seconds (default 0.4) */
  readonly latencySeconds?: number;
  /** false: the host resolves but refuses connections */
  readonly reachable?: boolean;
  /** the address a refused connection names (default `<host>:443`) */
  readonly address?: string;
}

/** An image as a node stores it after a pull. */
export interface ResolvedImage {
  /** `docker.io/library/nginx` */
  readonly repository: string;
  /** `docker.io/library/nginx:1.24.0` when pulled by tag */
  readonly repoTag?: string;
  /** `docker.io/library/nginx@sha256:…` */
  readonly repoDigest: string;
  /** `sha256:…` (config digest) */
  readonly imageId: string;
  readonly sizeBytes: number;
  readonly behaviour?: ContainerBehaviour;
}

export type PullAnswer =
  | { readonly ok: true; readonly image: ResolvedImage; readonly seconds: number }
  | { readonly ok: false; readonly failure: PullFailure; readonly seconds: number };

const DEFAULT_BANDWIDTH = 20_000_000;
const DEFAULT_LATENCY = 0.4;
/** The node resolver containerd's lookup errors name (systemd-resolved's stub). */
export const DEFAULT_DNS_SERVER = '127.0.0.53:53';

interface ParsedRef {
  readonly repository: string;
  readonly host: string;
  readonly path: string;
  readonly tag: string;
  readonly digest: string;
  /** normalized text: `repo:tag`, `repo@digest` or `repo:tag@digest` */
  readonly ref: string;
}

/** Normalizes an image reference with the release's parser; throws for a reference the kubelet would reject. */
export function normalizeImage(image: string, version: KubeVersion): ParsedRef {
  const parsed = parseImageName(image, version);
  if (!parsed.ok) throw new RegistryError(parsed.error);
  const slash = parsed.repo.indexOf('/');
  const host = parsed.repo.slice(0, slash);
  const path = parsed.repo.slice(slash + 1);
  const tagged = parsed.tag ? `${parsed.repo}:${parsed.tag}` : parsed.repo;
  const ref = parsed.digest ? `${tagged}@${parsed.digest}` : tagged;
  return { repository: parsed.repo, host, path, tag: parsed.tag, digest: parsed.digest, ref };
}

export class Registry {
  readonly spec: RegistrySpec;
  constructor(spec: RegistrySpec) {
    if (!spec.host || typeof spec.host !== 'string') throw new RegistryError('a registry needs a host');
    for (const [repo, tags] of Object.entries(spec.repositories)) {
      for (const [tag, img] of Object.entries(tags)) {
        if (!Number.isSafeInteger(img.sizeBytes) || img.sizeBytes < 0) {
          throw new RegistryError(`${spec.host}/${repo}:${tag}: sizeBytes must be a non-negative integer`);
        }
      }
    }
    this.spec = spec;
  }

  /** The image a tag or digest names, or undefined. */
  find(path: string, tag: string, digest: string): ResolvedImage | undefined {
    const tags = this.spec.repositories[path];
    if (!tags) return undefined;
    const repository = `${this.spec.host}/${path}`;
    for (const [t, img] of Object.entries(tags)) {
      const resolved = this.resolved(repository, t, img);
      if (digest ? resolved.repoDigest.endsWith(`@${digest}`) : t === tag) return resolved;
    }
    return undefined;
  }

  hasRepository(path: string): boolean {
    return this.spec.repositories[path] !== undefined;
  }

  private resolved(repository: string, tag: string, img: CatalogImage): ResolvedImage {
    const digest = img.digest ?? digestFor(`manifest:${repository}:${tag}`);
    return {
      repository,
      repoTag: `${repository}:${tag}`,
      repoDigest: `${repository}@${digest}`,
      imageId: img.imageId ?? digestFor(`config:${repository}:${tag}`),
      sizeBytes: img.sizeBytes,
      behaviour: img.behaviour,
    };
  }
}

export interface PullRequest {
  /** the image as written in the pod spec, with the kubelet's default tag applied */
  readonly image: string;
  readonly version: KubeVersion;
  readonly runtime: RuntimeFlavour;
  /** jitter for transfer times */
  readonly rng: SeededRandom;
  readonly dnsServer?: string;
  /**
   * Whether the node's store already holds this image's content (same image ID). The runtime then only resolves
   * the manifest: containerd's pull skips layers it has (content store), so `Always` on a node that has the
   * image costs a round trip, not a download.
   */
  readonly hasContent?: (imageId: string) => boolean;
}

/** All registries the nodes can reach, by host. */
export class RegistrySet {
  private readonly byHost = new Map<string, Registry>();

  constructor(specs: readonly RegistrySpec[] = []) {
    for (const s of specs) this.add(s);
  }

  add(spec: RegistrySpec): void {
    if (this.byHost.has(spec.host)) throw new RegistryError(`registry ${spec.host} is defined twice`);
    this.byHost.set(spec.host, new Registry(spec));
  }

  get(host: string): Registry | undefined {
    return this.byHost.get(host);
  }

  /** What a pull of `image` does: the image and the transfer time, or the runtime's failure and its time. */
  pull(req: PullRequest): PullAnswer {
    const p = normalizeImage(req.image, req.version);
    const registry = this.byHost.get(p.host);
    const latency = registry?.spec.latencySeconds ?? DEFAULT_LATENCY;
    // Resolving takes one or two round trips; a transfer adds size / bandwidth. Both get a ±20% jitter.
    const jitter = () => req.rng.between(0.8, 1.2);
    const fail = (kind: PullFailureKind): PullAnswer => {
      const ctx: PullFailureContext = {
        image: req.image,
        ref: p.ref,
        host: p.host,
        path: p.path,
        tagOrDigest: p.digest || p.tag,
        dockerHub:
          (registry?.spec.flavour ?? (p.host === 'docker.io' ? 'docker-hub' : 'distribution')) === 'docker-hub',
        dnsServer: req.dnsServer ?? DEFAULT_DNS_SERVER,
        address: registry?.spec.address,
      };
      const failure = req.runtime === 'docker' ? dockerPullFailure(kind, ctx) : containerdPullFailure(kind, ctx);
      return { ok: false, failure, seconds: latency * 2 * jitter() };
    };
    if (!registry) return fail('unknownHost');
    if (registry.spec.reachable === false) return fail('connectionRefused');
    const image = registry.find(p.path, p.tag, p.digest);
    if (!image) return fail(registry.hasRepository(p.path) ? 'tagNotFound' : 'repositoryNotFound');
    const bandwidth = registry.spec.bandwidthBytesPerSecond ?? DEFAULT_BANDWIDTH;
    const transfer = req.hasContent?.(image.imageId) ? 0 : image.sizeBytes / bandwidth;
    const seconds = (latency + transfer) * jitter();
    const repoTag = p.tag && !p.digest ? `${p.repository}:${p.tag}` : image.repoTag;
    return { ok: true, image: { ...image, repoTag }, seconds };
  }
}

/**
 * A small public catalog for documentation examples: Docker Hub library images and registry.k8s.io busybox,
 * with sizes in the range the runtime reports for them (registry.k8s.io/busybox: 1144547 bytes, transcript 11).
 */
export function defaultRegistries(): RegistrySpec[] {
  const nginx = nginxServer();
  // busybox and alpine run `sh`, which exits 0 at once without a terminal.
  const sh = exitsAfter(0, 0, 'image default command sh: exits 0 at once without a terminal');
  const redis = longRunning('redis-server (image default)');
  const nginxTags = ['1.22.1', '1.23.1', '1.24.0', '1.25', '1.25.3', '1.27', '1.27-alpine', 'alpine', 'latest'];
  return [
    {
      host: 'docker.io',
      flavour: 'docker-hub',
      repositories: {
        'library/nginx': Object.fromEntries(
          nginxTags.map((t) => [t, { sizeBytes: t.includes('alpine') ? 20_580_000 : 70_520_000, behaviour: nginx }]),
        ),
        'library/busybox': {
          '1.28': { sizeBytes: 727_869, behaviour: sh },
          '1.36': { sizeBytes: 2_160_406, behaviour: sh },
          latest: { sizeBytes: 2_236_767, behaviour: sh },
        },
        'library/alpine': {
          '3.18': { sizeBytes: 3_411_390, behaviour: sh },
          '3.20': { sizeBytes: 3_624_160, behaviour: sh },
          latest: { sizeBytes: 3_624_160, behaviour: sh },
        },
        'library/redis': {
          '7': { sizeBytes: 45_030_331, behaviour: redis },
          '7.2': { sizeBytes: 45_030_331, behaviour: redis },
          latest: { sizeBytes: 45_030_331, behaviour: redis },
        },
        'polinux/stress': { latest: { sizeBytes: 4_041_551 } },
      },
    },
    {
      host: 'registry.k8s.io',
      flavour: 'distribution',
      repositories: {
        busybox: { latest: { sizeBytes: 1_144_547, behaviour: sh } },
        pause: { '3.9': { sizeBytes: 321_520 } },
      },
    },
  ];
}
