/**
 * The subset of core/v1 object shapes the model reads and writes, with Kubernetes' JSON field names.
 * Timestamps are seconds on the model's virtual clock (numbers), not RFC 3339 strings: printing turns them
 * into text. Source of the shapes: staging/src/k8s.io/api/core/v1/types.go.
 */

export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';
export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** KEP-5307 container restart rule (ContainerRestartRules gate). */
export interface ContainerRestartRule {
  action?: string; // 'Restart' (and 'RestartAllContainers' under KEP-5532)
  exitCodes?: { operator?: string; values?: number[] }; // operator 'In' | 'NotIn'
}

export interface Container {
  name: string;
  image?: string;
  imagePullPolicy?: PullPolicy | string;
  command?: string[];
  args?: string[];
  /** Only `Always` for init containers (sidecars) before 1.34; any policy on regular containers with ContainerRestartRules. */
  restartPolicy?: RestartPolicy | string;
  restartPolicyRules?: ContainerRestartRule[];
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
  [field: string]: unknown;
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  restartPolicy?: RestartPolicy | string;
  nodeName?: string;
  [field: string]: unknown;
}

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  /** seconds on the virtual clock */
  creationTimestamp?: number;
  deletionTimestamp?: number;
  [field: string]: unknown;
}

export interface ContainerStateWaiting {
  reason?: string;
  message?: string;
}
export interface ContainerStateRunning {
  startedAt?: number;
}
export interface ContainerStateTerminated {
  exitCode: number;
  signal?: number;
  reason?: string;
  message?: string;
  startedAt?: number;
  finishedAt?: number;
}
/** At most one member is set. */
export interface ContainerState {
  waiting?: ContainerStateWaiting;
  running?: ContainerStateRunning;
  terminated?: ContainerStateTerminated;
}

/** core/v1 VolumeMountStatus (1.30+): `readOnly` and `recursiveReadOnly` are omitempty. */
export interface VolumeMountStatus {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  /** Disabled or Enabled (IfPossible is resolved); set only on read-only mounts */
  recursiveReadOnly?: 'Disabled' | 'Enabled';
}

export interface ContainerStatus {
  name: string;
  state?: ContainerState;
  lastState?: ContainerState;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  image?: string;
  imageID?: string;
  containerID?: string;
  /** written by the kubelet when RecursiveReadOnlyMounts is on (1.31+) */
  volumeMounts?: VolumeMountStatus[];
}

export interface PodCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown' | string;
  reason?: string;
  message?: string;
}

export interface PodStatus {
  phase?: PodPhase | string;
  reason?: string;
  message?: string;
  conditions?: PodCondition[];
  initContainerStatuses?: ContainerStatus[];
  containerStatuses?: ContainerStatus[];
  podIP?: string;
  podIPs?: { ip: string }[];
  hostIP?: string;
  nominatedNodeName?: string;
  startTime?: number;
}

export interface Pod {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec: PodSpec;
  status?: PodStatus;
}

export type EventType = 'Normal' | 'Warning';

/** A core/v1 Event as the kubelet's recorder writes it (times in virtual-clock seconds). */
export interface KubeEvent {
  type: EventType;
  reason: string;
  message: string;
  involvedObject: { kind: string; name: string; namespace?: string; uid?: string; fieldPath?: string };
  source: { component?: string; host?: string };
  reportingController?: string;
  firstTimestamp?: number;
  lastTimestamp?: number;
  eventTime?: number;
  count?: number;
  series?: { count: number; lastObservedTime: number };
}
