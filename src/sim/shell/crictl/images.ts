/**
 * `crictl images` and `crictl rmi` on a node's image store: the table crictl prints (IMAGE, TAG, IMAGE ID, SIZE
 * through a tabwriter of minwidth 20 and padding 3) and the `Deleted: <tag>` lines.
 * Source: kubernetes-sigs/cri-tools cmd/crictl/image.go (listImageCommand, removeImageCommand, imageByRef),
 * util.go normalizeRepoTagPair / normalizeRepoDigest / getTruncatedID, display.go newDefaultTableDisplay.
 */
import { TabWriter } from '../../../k8s/kubectl/tabwriter.ts';
import type { Cluster } from '../../cluster.ts';
import type { StoredImage } from '../../image-store.ts';
import { RegistryError } from '../../registry.ts';
import { Terminal } from '../result.ts';
import type { CommandResult } from '../types.ts';
import { humanSizeWithPrecision } from './go-units.ts';
import { logrusLine } from './logrus.ts';

/** crictl's truncatedIDLen */
const TRUNCATED_ID_LENGTH = 13;

// display.go newDefaultTableDisplay: tabwriter.NewWriter(os.Stdout, 20, 1, 3, ' ', 0)
const CRICTL_TABLE = { minWidth: 20, tabWidth: 1, padding: 3, padChar: ' ' } as const;

function truncatedId(id: string, prefix: string): string {
  const bare = id.startsWith(prefix) ? id.slice(prefix.length) : id;
  return bare.slice(0, TRUNCATED_ID_LENGTH);
}

// image.go imageByRef.Less
function byRef(a: StoredImage, b: StoredImage): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  if (a.repoTags.length > 0 && b.repoTags.length > 0) return cmp(a.repoTags[0]!, b.repoTags[0]!);
  if (a.repoDigests.length > 0 && b.repoDigests.length > 0) return cmp(a.repoDigests[0]!, b.repoDigests[0]!);
  return cmp(a.imageId, b.imageId);
}

// util.go normalizeRepoDigest / normalizeRepoTagPair
function rowsOf(image: StoredImage): [string, string, string][] {
  const digest = image.repoDigests[0];
  const at = digest?.split('@');
  const imageName = digest === undefined ? '<none>' : at?.length === 2 ? at[0]! : 'errorName';
  const repoDigest = digest === undefined ? '<none>' : at?.length === 2 ? at[1]! : 'errorRepoDigest';
  if (image.repoTags.length === 0) return [[imageName, '<none>', repoDigest]];
  return image.repoTags.map((tag) => {
    const colon = tag.lastIndexOf(':');
    if (colon < 0) return ['errorRepoTag', 'errorRepoTag', repoDigest];
    const name = tag.slice(0, colon);
    return [name === '<none>' ? imageName : name, tag.slice(colon + 1), repoDigest];
  });
}

export interface ImagesOptions {
  readonly quiet: boolean;
  readonly noTrunc: boolean;
  readonly digests: boolean;
}

/** `crictl images [-q] [--digests] [--no-trunc]` */
export function crictlImages(cluster: Cluster, node: string, options: ImagesOptions): CommandResult {
  const images = cluster.listImagesOnNode(node).sort(byRef);
  const term = new Terminal();
  if (options.quiet) {
    for (const image of images) term.write(`${image.imageId}\n`);
    return term.result(0);
  }
  const header = ['IMAGE', 'TAG', ...(options.digests ? ['DIGEST'] : []), 'IMAGE ID', 'SIZE'];
  let text = `${header.join('\t')}\n`;
  for (const image of images) {
    const size = humanSizeWithPrecision(image.sizeBytes, 3);
    const id = options.noTrunc ? image.imageId : truncatedId(image.imageId, 'sha256:');
    for (const [name, tag, digest] of rowsOf(image)) {
      const shownDigest = options.noTrunc ? digest : truncatedId(digest, 'sha256:');
      text += `${[name, tag, ...(options.digests ? [shownDigest] : []), id, size].join('\t')}\n`;
    }
  }
  return term.write(new TabWriter(CRICTL_TABLE).write(text).flush().read()).result(0);
}

/** The image a reference or an image ID (full, bare hex, or a unique prefix of it) names. */
// containerd CRI ImageStatus: LocalResolve by reference, else by ID. A text that is no valid reference
// (`Nginx:1.25`) is only tried as an ID, so crictl reports "no such image", as for any unknown name.
function resolve(cluster: Cluster, node: string, ref: string): StoredImage | undefined {
  const byReference = findByReference(cluster, node, ref);
  if (byReference) return byReference;
  const hex = ref.startsWith('sha256:') ? ref.slice(7) : ref;
  if (!/^[0-9a-f]+$/.test(hex)) return undefined;
  const matches = cluster.listImagesOnNode(node).filter((i) => i.imageId.slice(7).startsWith(hex));
  return matches.length === 1 ? matches[0] : undefined;
}

function findByReference(cluster: Cluster, node: string, ref: string): StoredImage | undefined {
  try {
    return cluster.node(node).findImage(ref);
  } catch (error) {
    if (error instanceof RegistryError) return undefined;
    throw error;
  }
}

/** `crictl rmi IMAGE...`: `Deleted: <tag>` per tag of each image; unknown images are errors. */
export function crictlRmi(cluster: Cluster, node: string, refs: readonly string[]): CommandResult {
  const term = new Terminal();
  let errored = false;
  for (const ref of refs) {
    const image = resolve(cluster, node, ref);
    if (!image) {
      term.write(logrusLine('ERRO', 0, `no such image ${ref}`));
      errored = true;
      continue;
    }
    cluster.removeImageOnNode(node, image.repoTags[0] ?? image.repoDigests[0] ?? image.imageId);
    const names = image.repoTags.length > 0 ? image.repoTags : image.repoDigests;
    for (const name of names) term.write(`Deleted: ${name}\n`);
  }
  if (errored) return term.write(logrusLine('FATA', 0, 'unable to remove the image(s)')).result(1);
  return term.result(0);
}
