/**
 * One node of the virtual cluster: its name and addresses, its image store, its container runtime, its pod
 * CIDR, and the image pulls in progress (the kubelet pulls one image at a time, serializeImagePulls: true).
 * `crictl pull` / `crictl rmi` act on the same store.
 */
import type { KubeVersion } from '../k8s/version/index.ts';
import type { VirtualClock } from './clock.ts';
import { ContainerRuntime } from './container-runtime.ts';
import { ImageStore, type StoredImage } from './image-store.ts';
import { type IpAllocation, IpAllocator } from './ip-allocator.ts';
import { DEFAULT_DNS_SERVER, type PullAnswer, type RegistrySet, type ResolvedImage } from './registry.ts';
import type { RuntimeFlavour } from './runtime-errors.ts';
import type { SeededRandom } from './seeded-random.ts';

export class NodeError extends Error {
  override name = 'NodeError';
}

export interface NodeTaint {
  readonly key: string;
  readonly value?: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface NodeSpec {
  readonly name: string;
  /** status.addresses InternalIP, the pods' hostIP (default 172.18.0.<2+index>) */
  readonly internalIP?: string;
  /** spec.podCIDR (default 10.244.<index>.0/24) */
  readonly podCIDR?: string;
  /** how pod IPs are picked in the CIDR (default sequential, as host-local) */
  readonly ipAllocation?: IpAllocation;
  /** Ready condition (default true); the scheduler skips nodes that are not ready */
  readonly ready?: boolean;
  /** `kubectl cordon` (default false) */
  readonly unschedulable?: boolean;
  readonly taints?: readonly NodeTaint[];
  /** images already on the node (pulled from the registries at start, without time or events) */
  readonly images?: readonly string[];
  /** containerd (default) or docker (dockershim, 1.23 only) */
  readonly runtime?: RuntimeFlavour;
  /** resolver named in DNS errors (default 127.0.0.53:53) */
  readonly dnsServer?: string;
}

export interface PullResult {
  readonly answer: PullAnswer;
  /** when the pull started (after any pull ahead of it) */
  readonly startedAt: number;
  readonly finishedAt: number;
}

export class SimNode {
  readonly name: string;
  readonly internalIP: string;
  readonly podCIDR: string;
  readonly runtimeFlavour: RuntimeFlavour;
  readonly dnsServer: string;
  ready: boolean;
  unschedulable: boolean;
  readonly taints: NodeTaint[];
  readonly images = new ImageStore();
  readonly runtime: ContainerRuntime;
  readonly ips: IpAllocator;
  private readonly clock: VirtualClock;
  private readonly rng: SeededRandom;
  private readonly registries: RegistrySet;
  private readonly version: KubeVersion;
  /** the kubelet's image puller is serial: the next pull waits for this time */
  private pullerFreeAt = Number.NEGATIVE_INFINITY;

  constructor(
    spec: NodeSpec,
    index: number,
    ctx: {
      clock: VirtualClock;
      rng: SeededRandom;
      registries: RegistrySet;
      version: KubeVersion;
      onRuntimeChange: (podUid: string) => void;
    },
  ) {
    if (!spec.name || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(spec.name)) {
      throw new NodeError(`invalid node name ${JSON.stringify(spec.name)}`);
    }
    const runtime = spec.runtime ?? 'containerd';
    if (runtime === 'docker' && ctx.version.minor >= 24) {
      throw new NodeError('dockershim was removed in Kubernetes 1.24: use runtime containerd');
    }
    this.name = spec.name;
    this.internalIP = spec.internalIP ?? `172.18.0.${2 + index}`;
    this.podCIDR = spec.podCIDR ?? `10.244.${index}.0/24`;
    this.runtimeFlavour = runtime;
    this.dnsServer = spec.dnsServer ?? DEFAULT_DNS_SERVER;
    this.ready = spec.ready ?? true;
    this.unschedulable = spec.unschedulable ?? false;
    this.taints = [...(spec.taints ?? [])];
    this.clock = ctx.clock;
    this.rng = ctx.rng;
    this.registries = ctx.registries;
    this.version = ctx.version;
    this.runtime = new ContainerRuntime(ctx.clock, ctx.rng.fork('runtime'), ctx.onRuntimeChange);
    this.ips = new IpAllocator(this.podCIDR, spec.ipAllocation ?? 'sequential', ctx.rng.fork('ipam'));
    for (const image of spec.images ?? []) {
      const answer = this.registries.pull({ image, version: ctx.version, runtime, rng: this.rng.fork('preload') });
      if (!answer.ok) throw new NodeError(`cannot preload ${image} on ${spec.name}: ${answer.failure.message}`);
      this.images.add(answer.image);
    }
  }

  /** GetImageRef: the stored image a reference names. */
  findImage(image: string): StoredImage | undefined {
    return this.images.find(image, this.version);
  }

  /**
   * A pull by the kubelet's serial puller: it starts when the previous kubelet pull ended, and the image is
   * in the store at `finishedAt` (the caller waits until then). Failures store nothing.
   */
  kubeletPull(image: string): PullResult {
    const now = this.clock.now();
    const startedAt = Math.max(now, this.pullerFreeAt);
    const answer = this.registries.pull({
      image,
      version: this.version,
      runtime: this.runtimeFlavour,
      rng: this.rng,
      dnsServer: this.dnsServer,
      hasContent: (imageId) => this.images.list().some((i) => i.imageId === imageId),
    });
    const finishedAt = startedAt + answer.seconds;
    this.pullerFreeAt = finishedAt;
    if (answer.ok) this.storeAt(finishedAt, answer.image);
    return { answer, startedAt, finishedAt };
  }

  /** `crictl pull`: straight to containerd (not through the kubelet's queue); the image lands at `finishedAt`. */
  crictlPull(image: string): PullResult {
    const now = this.clock.now();
    const answer = this.registries.pull({
      image,
      version: this.version,
      runtime: this.runtimeFlavour,
      rng: this.rng,
      dnsServer: this.dnsServer,
      hasContent: (imageId) => this.images.list().some((i) => i.imageId === imageId),
    });
    const finishedAt = now + answer.seconds;
    if (answer.ok) this.storeAt(finishedAt, answer.image);
    return { answer, startedAt: now, finishedAt };
  }

  /** `ctr images import` / `kind load docker-image`: the image is on the node at once. */
  importImage(image: ResolvedImage): StoredImage {
    return this.images.add(image);
  }

  /** `crictl rmi`. */
  removeImage(image: string): boolean {
    return this.images.remove(image, this.version);
  }

  private storeAt(time: number, image: ResolvedImage): void {
    this.clock.at(
      time,
      () => this.images.add(image),
      `${this.name}: image ${image.repoTag ?? image.repoDigest} stored`,
    );
  }
}
