/**
 * One session of a page: the manifests and transcripts of one scenario (at one Kubernetes release), in page
 * order, sharing a virtual cluster, its clock and the files on the client, as if typed in one terminal.
 */
import { type KubeVersion, kubeVersion } from '../../k8s/version/index.ts';
import { explainText } from '../../manifest/explain.ts';
import type { SchemaPack } from '../../manifest/schema/index.ts';
import { type Cluster, createCluster } from '../../sim/index.ts';
import type { ShellContext } from '../../sim/shell/types.ts';
import type { ResolvedScenario } from '../extract/index.ts';
import { clusterOptions } from './cluster-options.ts';
import { type ManifestChecks, manifestChecks } from './manifest-checks.ts';

export interface Session {
  readonly scenario: ResolvedScenario;
  readonly version: KubeVersion;
  readonly pack: SchemaPack;
  /** The manifest pipeline at the session's release. */
  readonly checks: ManifestChecks;
  readonly cluster: Cluster;
  /** Virtual time of the scenario's start (`#@ at` counts from here). */
  readonly start: number;
  /** The page's `file=` manifests so far, by name: a later block with the same name replaces the file. */
  readonly files: Map<string, string>;
}

/** Which session an example belongs to: its scenario, at its Kubernetes release. */
export function sessionKey(scenario: ResolvedScenario): string {
  return `${scenario.name}@${scenario.k8s ?? ''}`;
}

/** Builds the scenario's cluster. Throws the simulator's error when the page's cluster cannot exist. */
export function openSession(scenario: ResolvedScenario, pack: SchemaPack): Session {
  const version = kubeVersion(pack.minor);
  const checks = manifestChecks(pack, version);
  const cluster = createCluster(clusterOptions(scenario, version, checks.validateObject));
  return { scenario, version, pack, checks, cluster, start: cluster.now(), files: new Map() };
}

/** What the session's commands share, for a kubectl of `kubectlMinor`. */
export function shellContext(session: Session, kubectlMinor: number): ShellContext {
  const { pack, checks } = session;
  return {
    cluster: session.cluster,
    files: session.files,
    kubectlMinor,
    readManifest: checks.readFile,
    explain: (path, options) =>
      explainText(pack, path, { kubectlMinor, ...(options.apiVersion ? { apiVersion: options.apiVersion } : {}) }),
  };
}
