/**
 * What every defaulting stage needs: the release being modelled and the provenance log, and the feature gates
 * that change defaulting, read from the version value (so a caller can override them).
 */
import type { KubeVersion } from '../version/index.ts';
import type { ProvenanceLog } from './provenance.ts';

export interface DefaultingContext {
  readonly version: KubeVersion;
  readonly log: ProvenanceLog;
  /** ImageVolume feature gate (image volumes get a pullPolicy default when on). */
  readonly imageVolume: boolean;
}

export const DEFAULTS_GO = 'pkg/apis/core/v1/defaults.go';
export const GENERATED_DEFAULTS = 'pkg/apis/core/v1/zz_generated.defaults.go SetObjectDefaults_Pod';

/** PodLevelResources (KEP-2837): pod-level `spec.resources` is kept, defaulted and used for QoS. */
// pkg/features/kube_features.go PodLevelResources
export function podLevelResourcesEnabled(version: KubeVersion): boolean {
  return version.gates.PodLevelResources;
}

/** ImageVolume (KEP-4639): image volumes get a pullPolicy default when on. */
// pkg/features/kube_features.go ImageVolume
export function imageVolumeDefault(version: KubeVersion): boolean {
  return version.gates.ImageVolume;
}
