/**
 * Feature gates that change image-pull or restart behaviour, with the release where each became on by default.
 * Source: pkg/features/kube_features.go (defaultVersionedKubernetesFeatureGates) for each release.
 */
export type FeatureGate =
  | 'SidecarContainers'
  | 'ContainerRestartRules'
  | 'RestartAllContainersOnContainerExits'
  | 'KubeletCrashLoopBackOffMax'
  | 'ReduceDefaultCrashLoopBackOffDecay'
  | 'KubeletEnsureSecretPulledImages'
  | 'PodSchedulingReadiness'
  | 'PodLevelResources'
  | 'ImageVolume'
  | 'RecursiveReadOnlyMounts';

export type FeatureGates = Record<FeatureGate, boolean>;

interface GateHistory {
  /** release where the gate first exists (alpha, off) */
  readonly alpha: number;
  /** release where it is on by default (beta or GA); undefined while still off by default */
  readonly onByDefault?: number;
}

// pkg/features/kube_features.go: the versioned gate table, release by release.
export const GATE_HISTORY: Readonly<Record<FeatureGate, GateHistory>> = {
  SidecarContainers: { alpha: 28, onByDefault: 29 }, // KEP-753: alpha 1.28, beta 1.29, GA 1.33
  ContainerRestartRules: { alpha: 34, onByDefault: 35 }, // KEP-5307: alpha 1.34, beta 1.35
  RestartAllContainersOnContainerExits: { alpha: 35 }, // KEP-5532: alpha 1.35
  KubeletCrashLoopBackOffMax: { alpha: 32, onByDefault: 35 }, // KEP-4603: alpha 1.32, beta 1.35
  ReduceDefaultCrashLoopBackOffDecay: { alpha: 33 }, // KEP-4603: alpha 1.33, still alpha in 1.35
  KubeletEnsureSecretPulledImages: { alpha: 33, onByDefault: 35 }, // KEP-2535: alpha 1.33, beta 1.35
  PodSchedulingReadiness: { alpha: 26, onByDefault: 27 }, // KEP-3521: alpha 1.26, beta 1.27, GA 1.30
  PodLevelResources: { alpha: 32, onByDefault: 34 }, // KEP-2837: alpha 1.32, beta 1.34
  ImageVolume: { alpha: 31, onByDefault: 35 }, // KEP-4639: alpha 1.31, beta off 1.33, beta on 1.35
  RecursiveReadOnlyMounts: { alpha: 30, onByDefault: 31 }, // KEP-3857: alpha 1.30, beta 1.31, GA (locked on) 1.33
};

/** The defaults of one release. A gate that does not exist yet in that release is off. */
export function gateDefaults(minor: number): FeatureGates {
  const gates = {} as FeatureGates;
  for (const [name, h] of Object.entries(GATE_HISTORY) as [FeatureGate, GateHistory][]) {
    gates[name] = h.onByDefault !== undefined && minor >= h.onByDefault;
  }
  return gates;
}

/** Whether a gate can be set at all in a release (a kubelet rejects unknown gates). */
export function gateExists(gate: FeatureGate, minor: number): boolean {
  return minor >= GATE_HISTORY[gate].alpha;
}
