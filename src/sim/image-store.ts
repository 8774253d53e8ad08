/**
 * A node's containerd image store: images by ID with their repo tags and repo digests, as `crictl images`
 * lists them and as the kubelet's GetImageRef finds them.
 */
import type { KubeVersion } from '../k8s/version/index.ts';
import type { ContainerBehaviour } from './container-behaviour.ts';
import { normalizeImage, type ResolvedImage } from './registry.ts';

export interface StoredImage {
  /** `sha256:…` */
  readonly imageId: string;
  readonly repoTags: string[];
  readonly repoDigests: string[];
  readonly sizeBytes: number;
  readonly behaviour?: ContainerBehaviour;
}

export class ImageStore {
  private readonly images = new Map<string, StoredImage>();

  /** Adds (or merges into) an image after a pull or an import. */
  add(image: ResolvedImage): StoredImage {
    const existing = this.images.get(image.imageId);
    const stored: StoredImage = existing ?? {
      imageId: image.imageId,
      repoTags: [],
      repoDigests: [],
      sizeBytes: image.sizeBytes,
      behaviour: image.behaviour,
    };
    // A tag moves to the newly pulled image, as in containerd.
    if (image.repoTag) {
      for (const other of this.images.values()) {
        const i = other.repoTags.indexOf(image.repoTag);
        if (other !== stored && i >= 0) other.repoTags.splice(i, 1);
      }
      if (!stored.repoTags.includes(image.repoTag)) stored.repoTags.push(image.repoTag);
    }
    if (!stored.repoDigests.includes(image.repoDigest)) stored.repoDigests.push(image.repoDigest);
    this.images.set(stored.imageId, stored);
    return stored;
  }

  /** The image a reference names (by tag, or by digest when it has one), as GetImageRef finds it. */
  find(image: string, version: KubeVersion): StoredImage | undefined {
    const p = normalizeImage(image, version);
    for (const img of this.images.values()) {
      if (
        p.digest
          ? img.repoDigests.includes(`${p.repository}@${p.digest}`)
          : img.repoTags.includes(`${p.repository}:${p.tag}`)
      ) {
        return img;
      }
    }
    return undefined;
  }

  /** `crictl rmi <ref>`: removes the image the reference names; false when there is none. */
  remove(image: string, version: KubeVersion): boolean {
    const found = this.find(image, version);
    if (!found) return false;
    this.images.delete(found.imageId);
    return true;
  }

  list(): StoredImage[] {
    return [...this.images.values()].map((i) => ({ ...i, repoTags: [...i.repoTags], repoDigests: [...i.repoDigests] }));
  }
}
