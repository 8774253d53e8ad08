/**
 * The text of a failed image pull as the kubelet receives it: the container runtime's message (containerd's CRI
 * plugin, or dockershim up to 1.23) and the gRPC status around it. Calibrated on real sessions:
 * transcript 21 (1.35, containerd: `rpc error: code = NotFound desc = failed to pull and unpack image ...: not
 * found`), 07 (1.30, containerd: an Unknown status printed without the gRPC prefix) and 27 (dockershim:
 * `rpc error: code = Unknown desc = Error response from daemon: manifest for redis:0.2 not found: ...`).
 */
import type { KubeVersion } from '../k8s/version/index.ts';

/** The gRPC status code the runtime returns (containerd errdefs.ToGRPC: not-found errors are NotFound). */
export type GrpcCode = 'NotFound' | 'Unknown';

/** Why a registry refused or failed a pull. */
export type PullFailureKind =
  /** the registry has the repository but not the tag or digest */
  | 'tagNotFound'
  /** the registry has no such repository */
  | 'repositoryNotFound'
  /** the registry host does not resolve (no such host) */
  | 'unknownHost'
  /** the host resolves but refuses connections */
  | 'connectionRefused';

export interface PullFailure {
  readonly kind: PullFailureKind;
  readonly code: GrpcCode;
  /** the runtime's own message (the gRPC status description) */
  readonly message: string;
}

export type RuntimeFlavour = 'containerd' | 'docker';

export interface PullFailureContext {
  /** the image as the kubelet sent it (`nginx:1.24.0`) */
  readonly image: string;
  /** normalized reference: `docker.io/library/nginx:1.24.0` (tag) or `...@sha256:...` (digest) */
  readonly ref: string;
  readonly host: string;
  /** repository path inside the registry: `library/nginx` */
  readonly path: string;
  /** the tag or digest the runtime asked for */
  readonly tagOrDigest: string;
  /** the registry answers like Docker Hub (401 insufficient_scope for a missing repository) */
  readonly dockerHub: boolean;
  /** the node's DNS server, as containerd's resolver error prints it */
  readonly dnsServer: string;
  /** the registry address, for a refused connection */
  readonly address?: string;
}

/** containerd: the message of a failed PullImage (pkg/cri/server/image_pull.go + remotes/docker resolver). */
// containerd pkg/cri/server/image_pull.go (criService).PullImage: "failed to pull and unpack image %q: %w"
export function containerdPullFailure(kind: PullFailureKind, c: PullFailureContext): PullFailure {
  const head = `failed to pull and unpack image "${c.ref}": failed to resolve reference "${c.ref}"`;
  const url = `https://${c.dockerHub ? 'registry-1.docker.io' : c.host}/v2/${c.path}/manifests/${c.tagOrDigest}`;
  switch (kind) {
    case 'tagNotFound':
      return { kind, code: 'NotFound', message: `${head}: ${c.ref}: not found` };
    case 'repositoryNotFound':
      // Docker Hub answers 401 for a repository that does not exist; a plain registry answers 404.
      return c.dockerHub
        ? {
            kind,
            code: 'Unknown',
            message: `${head}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
          }
        : { kind, code: 'NotFound', message: `${head}: ${c.ref}: not found` };
    case 'unknownHost':
      return {
        kind,
        code: 'Unknown',
        message: `${head}: failed to do request: Head "${url}": dial tcp: lookup ${c.host} on ${c.dnsServer}: no such host`,
      };
    case 'connectionRefused':
      return {
        kind,
        code: 'Unknown',
        message: `${head}: failed to do request: Head "${url}": dial tcp ${c.address ?? `${c.host}:443`}: connect: connection refused`,
      };
  }
}

/** dockershim (Docker Engine) messages, for clusters that still ran it (1.23 and older). */
export function dockerPullFailure(kind: PullFailureKind, c: PullFailureContext): PullFailure {
  const repo = c.image.replace(/[:@].*$/, '');
  switch (kind) {
    case 'tagNotFound':
      return {
        kind,
        code: 'Unknown',
        message: `Error response from daemon: manifest for ${c.image} not found: manifest unknown: manifest unknown`,
      };
    case 'repositoryNotFound':
      return {
        kind,
        code: 'Unknown',
        message: `Error response from daemon: pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
      };
    case 'unknownHost':
      return {
        kind,
        code: 'Unknown',
        message: `Error response from daemon: Get "https://${c.host}/v2/": dial tcp: lookup ${c.host} on ${c.dnsServer}: no such host`,
      };
    case 'connectionRefused':
      return {
        kind,
        code: 'Unknown',
        message: `Error response from daemon: Get "https://${c.host}/v2/": dial tcp ${c.address ?? `${c.host}:443`}: connect: connection refused`,
      };
  }
}

/** The first release whose kubelet strips the gRPC prefix from Unknown-status pull errors (PR #117612, 2023-04). */
export const STRIP_UNKNOWN_GRPC_CODE_SINCE = 28;

/**
 * The error text the kubelet's image manager gets back from PullImage. A gRPC status error prints as
 * `rpc error: code = <Code> desc = <message>`; from 1.28 the remote image client returns only the message for
 * code Unknown ("they add no value"), so RegistryUnavailable/SignatureValidationFailed prefixes can be matched.
 */
// staging/src/k8s.io/cri-client/pkg/remote_image.go (*remoteImageService).pullImageV1 (pkg/kubelet/cri/remote before)
export function criPullErrorText(failure: PullFailure, version: KubeVersion): string {
  if (failure.code === 'Unknown' && version.minor >= STRIP_UNKNOWN_GRPC_CODE_SINCE) return failure.message;
  return `rpc error: code = ${failure.code} desc = ${failure.message}`;
}
