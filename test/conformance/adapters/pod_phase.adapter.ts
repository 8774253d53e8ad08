/**
 * pod_phase.json: getPhase (pkg/kubelet/kubelet_pods.go) cases copied from kubelet_pods_test.go TestPodPhaseWith*
 * (the split pendingRegular/pendingRestartable form) plus derived one-container cases.
 */
import type { ContainerState, ContainerStatus, PodSpec } from '../../../src/k8s/api/types.ts';
import { getPhase } from '../../../src/k8s/kubelet/pod-phase.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';
import { casesOf, defaultCaseName, type VectorAdapter, type VectorCase } from '../adapter.ts';

interface GoStatus {
  name: string;
  state?: ContainerState;
  lastTerminationState?: ContainerState;
  started?: boolean;
  restartCount?: number;
}

interface Input {
  podSpec: PodSpec;
  initContainerStatuses: GoStatus[];
  containerStatuses: GoStatus[];
  podIsTerminal: boolean;
}

// Go field lastTerminationState is JSON lastState.
function toApi(s: GoStatus): ContainerStatus {
  const out: ContainerStatus = { name: s.name, state: s.state };
  if (s.lastTerminationState) out.lastState = s.lastTerminationState;
  if (s.started !== undefined) out.started = s.started;
  if (s.restartCount !== undefined) out.restartCount = s.restartCount;
  return out;
}

// Copied cases: the split-counter test file of ~v1.30-1.33; the split form ships from 1.32 (see pinPhaseFormula),
// so they run at 1.33, inside both ranges. Derived cases name no era: 1.35.
const copiedEra = kubeVersion('1.33');
const newest = kubeVersion('1.35');

export const adapter: VectorAdapter = {
  file: 'pod_phase.json',
  versionNote:
    'copied kubelet_pods_test.go cases (split counters, ~v1.30-1.33) at 1.33; derived cases at 1.35 (ContainerRestartRules on)',
  cases: casesOf,
  caseName: defaultCaseName,
  run(c: VectorCase) {
    const input = c.input as Input;
    const statuses = [...input.initContainerStatuses, ...input.containerStatuses].map(toApi);
    const version = c.derived === true ? newest : copiedEra;
    const phase = getPhase({ spec: input.podSpec, statuses, podIsTerminal: input.podIsTerminal }, version);
    return { actual: { phase }, expected: c.expected };
  },
};
