/**
 * The kubelet's API status for a pod (pkg/kubelet/kubelet_pods.go generateAPIPodStatus) from the runtime's
 * records: container statuses (src/k8s/kubelet/container-state.ts buildContainerStatuses, with the reason cache
 * of the previous sync), the phase (pod-phase.ts getPhase + terminal stickiness), the kubelet-owned conditions
 * (pkg/kubelet/status/generate.go), IPs and QoS. Timestamps are whole seconds, as the API stores them.
 */
import type { Container, ContainerStatus, Pod, PodStatus } from '../k8s/api/types.ts';
import { computePodQOS } from '../k8s/defaults/qos.ts';
import { buildContainerStatuses, type RuntimeContainerRecord } from '../k8s/kubelet/container-state.ts';
import { applyTerminalPhaseStickiness, getPhase, hasAnyRegularContainerStarted } from '../k8s/kubelet/pod-phase.ts';
import { isSidecar } from '../k8s/kubelet/restart.ts';
import type { KubeVersion } from '../k8s/version/index.ts';
import type { SimPodCondition } from './apiserver.ts';
import type { RuntimeContainer, SandboxRecord } from './container-runtime.ts';
import { type SimGateOverrides, simGateOn } from './release-rules.ts';

/** status/generate.go reasons. */
export const ConditionReason = {
  UnknownContainerStatuses: 'UnknownContainerStatuses',
  PodCompleted: 'PodCompleted',
  PodFailed: 'PodFailed',
  ContainersNotReady: 'ContainersNotReady',
  ContainersNotInitialized: 'ContainersNotInitialized',
} as const;

/** The first release whose ContainersReady/Ready say PodFailed for a Failed pod (earliest stored copy: 1.33). */
export const POD_FAILED_REASON_SINCE = 33;

/** kubetypes.PodConditionsByKubelet (+ PodReadyToStartContainers when its gate is on). */
const KUBELET_CONDITIONS = new Set(['PodScheduled', 'Ready', 'Initialized', 'ContainersReady']);

export interface SimPodStatus extends PodStatus {
  conditions?: SimPodCondition[];
  qosClass?: string;
  hostIPs?: { ip: string }[];
  observedGeneration?: number;
}

export interface StatusInput {
  readonly pod: Pod;
  readonly version: KubeVersion;
  readonly gates?: SimGateOverrides;
  /** the node's InternalIP */
  readonly hostIP: string;
  readonly sandbox: SandboxRecord | undefined;
  /** every runtime record of the pod, newest first */
  readonly containers: readonly RuntimeContainer[];
  /** the reason cache: the last start failure of each container */
  readonly startFailures: Readonly<Record<string, { reason: string; message?: string }>>;
  /** the status manager's last status for the pod (else the API's) */
  readonly previous: SimPodStatus | undefined;
  /** the pod worker is terminating the pod: containers will not restart */
  readonly podIsTerminal: boolean;
}

function toRecord(c: RuntimeContainer): RuntimeContainerRecord {
  const floor = (t: number | undefined) => (t === undefined ? undefined : Math.floor(t));
  return {
    name: c.name,
    state: c.state,
    createdAt: c.createdAt,
    startedAt: floor(c.startedAt),
    finishedAt: floor(c.finishedAt),
    exitCode: c.exitCode,
    reason: c.reason,
    restartCount: c.attempt,
    containerID: `containerd://${c.id}`,
    image: c.image,
    imageID: c.imageRef,
  };
}

// pkg/kubelet/prober/prober_manager.go UpdatePodStatus: a regular init container is ready once it exited 0
// (buildContainerStatuses models the regular-container rule: ready only while running).
function initContainerReadiness(spec: Pod['spec'], statuses: ContainerStatus[], version: KubeVersion): void {
  for (const s of statuses) {
    const c = (spec.initContainers ?? []).find((i) => i.name === s.name);
    if (!c || isSidecar(c, version)) continue;
    s.ready = s.state?.terminated !== undefined && (s.state.terminated.exitCode ?? 0) === 0;
  }
}

/** generateAPIPodStatus, before the status manager's timestamps. */
// pkg/kubelet/kubelet_pods.go (*Kubelet).generateAPIPodStatus and convertStatusToAPIStatus
export function generatePodStatus(input: StatusInput): SimPodStatus {
  const { pod, version } = input;
  const spec = pod.spec;
  const old = input.previous ?? (pod.status as SimPodStatus | undefined) ?? {};
  const records = input.containers.map(toRecord);
  const hasInit = (spec.initContainers ?? []).length > 0;
  const containerStatuses = buildContainerStatuses(
    {
      pod,
      containers: spec.containers,
      isInit: false,
      runtime: records,
      previous: old.containerStatuses,
      startFailures: input.startFailures,
    },
    version,
  );
  const initContainerStatuses = hasInit
    ? buildContainerStatuses(
        {
          pod,
          containers: spec.initContainers ?? [],
          isInit: true,
          runtime: records,
          previous: old.initContainerStatuses,
          startFailures: input.startFailures,
        },
        version,
      )
    : [];
  initContainerReadiness(spec, initContainerStatuses, version);

  const all = [...containerStatuses, ...initContainerStatuses];
  const computed = getPhase({ spec, statuses: all, podIsTerminal: input.podIsTerminal }, version);
  const sticky = applyTerminalPhaseStickiness({
    computed,
    previous: old,
    api: pod.status,
  });

  const s: SimPodStatus = { phase: sticky.phase };
  if (sticky.reason) s.reason = sticky.reason;
  if (sticky.message) s.message = sticky.message;
  s.conditions = generateConditions(input, [...initContainerStatuses, ...containerStatuses], sticky.phase);
  s.hostIP = input.hostIP;
  if (simGateOn(version, 'PodHostIPs', input.gates)) s.hostIPs = [{ ip: input.hostIP }];
  const ip = input.sandbox?.ip ?? old.podIP;
  if (ip) {
    s.podIP = ip;
    s.podIPs = [{ ip }];
  }
  if (old.startTime !== undefined) s.startTime = old.startTime;
  if (hasInit) s.initContainerStatuses = initContainerStatuses;
  s.containerStatuses = containerStatuses;
  s.qosClass = computePodQOS(pod, version);
  return s;
}

function containerNames(list: Container[] | undefined): string[] {
  return (list ?? []).map((c) => c.name);
}

function statusOf(statuses: ContainerStatus[], name: string): ContainerStatus | undefined {
  return statuses.find((s) => s.name === name);
}

// pkg/kubelet/kubelet_pods.go generateAPIPodStatus: conditions not owned by the kubelet are kept, then
// [PodReadyToStartContainers], Initialized, Ready, ContainersReady and PodScheduled=True are appended.
function generateConditions(input: StatusInput, statuses: ContainerStatus[], phase: string): SimPodCondition[] {
  const { pod, version } = input;
  const readyToStart = simGateOn(version, 'PodReadyToStartContainersCondition', input.gates);
  const owned = (type: string) =>
    KUBELET_CONDITIONS.has(type) || (readyToStart && type === 'PodReadyToStartContainers');
  const out: SimPodCondition[] = ((pod.status?.conditions ?? []) as SimPodCondition[])
    .filter((c) => !owned(c.type))
    .map((c) => ({ ...c }));
  if (readyToStart) out.push(readyToStartContainers(input));
  out.push(initializedCondition(pod, statuses, phase, version));
  const containersReady = containersReadyCondition(pod, statuses, phase, version);
  out.push({ ...containersReady, type: 'Ready' }, containersReady);
  out.push({ type: 'PodScheduled', status: 'True' });
  return out;
}

// pkg/kubelet/status/generate.go GeneratePodReadyToStartContainersCondition: True when no new sandbox is needed
// (runtimeutil.PodSandboxChanged: a ready sandbox with an IP exists).
function readyToStartContainers(input: StatusInput): SimPodCondition {
  const ok = input.sandbox?.state === 'ready' && input.sandbox.ip !== undefined;
  return { type: 'PodReadyToStartContainers', status: ok ? 'True' : 'False' };
}

// pkg/kubelet/status/generate.go GeneratePodInitializedCondition
function initializedCondition(
  pod: Pod,
  statuses: ContainerStatus[],
  phase: string,
  version: KubeVersion,
): SimPodCondition {
  const inits = pod.spec.initContainers ?? [];
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of inits) {
    const s = statusOf(statuses, c.name);
    if (!s) unknown.push(c.name);
    else if (isSidecar(c, version) ? s.started !== true : s.ready !== true) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) {
    return { type: 'Initialized', status: 'True', reason: ConditionReason.PodCompleted };
  }
  if (hasAnyRegularContainerStarted(pod.spec, statuses)) return { type: 'Initialized', status: 'True' };
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: [${unknown.join(' ')}]`);
  if (incomplete.length > 0) messages.push(`containers with incomplete status: [${incomplete.join(' ')}]`);
  if (messages.length > 0) {
    return {
      type: 'Initialized',
      status: 'False',
      reason: ConditionReason.ContainersNotInitialized,
      message: messages.join(', '),
    };
  }
  return { type: 'Initialized', status: 'True' };
}

// pkg/kubelet/status/generate.go GenerateContainersReadyCondition (GeneratePodReadyCondition copies it while it
// is not True; readiness gates are not modelled).
function containersReadyCondition(
  pod: Pod,
  statuses: ContainerStatus[],
  phase: string,
  version: KubeVersion,
): SimPodCondition {
  const unknown: string[] = [];
  const unready: string[] = [];
  const sidecars = (pod.spec.initContainers ?? []).filter((c) => isSidecar(c, version));
  for (const name of [...containerNames(sidecars), ...containerNames(pod.spec.containers)]) {
    const s = statusOf(statuses, name);
    if (!s) unknown.push(name);
    else if (!s.ready) unready.push(name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) {
    return { type: 'ContainersReady', status: 'False', reason: ConditionReason.PodCompleted };
  }
  if (phase === 'Failed' && version.minor >= POD_FAILED_REASON_SINCE) {
    return { type: 'ContainersReady', status: 'False', reason: ConditionReason.PodFailed };
  }
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: [${unknown.join(' ')}]`);
  if (unready.length > 0) messages.push(`containers with unready status: [${unready.join(' ')}]`);
  if (messages.length > 0) {
    return {
      type: 'ContainersReady',
      status: 'False',
      reason: ConditionReason.ContainersNotReady,
      message: messages.join(', '),
    };
  }
  return { type: 'ContainersReady', status: 'True' };
}

/**
 * The status manager's part: lastTransitionTime kept while a condition's status is unchanged (else now),
 * lastProbeTime null, startTime set once, observedGeneration (1.34+). Returns the status to write.
 */
// pkg/kubelet/status/status_manager.go (*manager).updateStatusInternal (updateLastTransitionTime, StartTime)
export function applyStatusManager(
  status: SimPodStatus,
  old: SimPodStatus | undefined,
  pod: Pod,
  now: number,
  version: KubeVersion,
  gates?: SimGateOverrides,
): SimPodStatus {
  const t = Math.floor(now);
  const oldConditions = old?.conditions ?? [];
  const observed = simGateOn(version, 'PodObservedGenerationTracking', gates);
  const generation = typeof pod.metadata.generation === 'number' ? pod.metadata.generation : undefined;
  status.conditions = (status.conditions ?? []).map((c) => {
    const prev = oldConditions.find((o) => o.type === c.type);
    const lastTransitionTime =
      prev && prev.status === c.status && prev.lastTransitionTime !== undefined ? prev.lastTransitionTime : t;
    // key order as the API serializes PodCondition: type, observedGeneration, status, lastProbeTime, ...
    const out: SimPodCondition =
      observed && generation !== undefined
        ? { type: c.type, observedGeneration: generation, status: c.status, lastProbeTime: null, lastTransitionTime }
        : { type: c.type, status: c.status, lastProbeTime: null, lastTransitionTime };
    if (c.reason) out.reason = c.reason;
    if (c.message) out.message = c.message;
    return out;
  });
  status.startTime ??= old?.startTime ?? t;
  if (observed && generation !== undefined) status.observedGeneration = generation;
  return status;
}
