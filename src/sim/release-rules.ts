/**
 * Release boundaries the virtual cluster needs that src/k8s/version does not carry (its gate list is shared and
 * owned elsewhere). Each is a default-on release from pkg/features/kube_features.go; a cluster option can
 * override them, like --feature-gates would.
 */
import type { KubeVersion } from '../k8s/version/index.ts';

export type SimGate = 'PodReadyToStartContainersCondition' | 'PodHostIPs' | 'PodObservedGenerationTracking';

// pkg/features/kube_features.go (versioned gate table):
// PodReadyToStartContainersCondition alpha 1.28, beta (on) 1.29;
// PodHostIPs alpha 1.28, beta (on) 1.29, GA 1.30;
// PodObservedGenerationTracking alpha 1.33, beta (on) 1.34, GA 1.35.
export const SIM_GATE_ON_SINCE: Readonly<Record<SimGate, number>> = {
  PodReadyToStartContainersCondition: 29,
  PodHostIPs: 29,
  PodObservedGenerationTracking: 34,
};

export type SimGateOverrides = Partial<Record<SimGate, boolean>>;

export function simGateOn(version: KubeVersion, gate: SimGate, overrides: SimGateOverrides = {}): boolean {
  return overrides[gate] ?? version.minor >= SIM_GATE_ON_SINCE[gate];
}

/** The first release whose pod worker requeues a CrashLoopBackOff sync at the back-off's end (PR #133066). */
export const EXACT_CRASHLOOP_REQUEUE_SINCE = 35;
