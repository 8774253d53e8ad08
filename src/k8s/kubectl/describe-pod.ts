/**
 * `kubectl describe pod NAME` as the kubectl of a given release (1.23..1.35) prints it: the pod's fields through
 * one describe tabwriter, then the Events section. Times are virtual-clock seconds (read as Unix seconds) and are
 * printed in kubectl's local zone (`utcOffsetMinutes`, UTC by default).
 * Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go describePod, read at the releases named in
 * DESCRIBE_POD_SINCE (each change is cited where it is applied).
 */
import type { KubeEvent, Pod } from '../api/types.ts';
import { computePodQOS } from '../defaults/qos.ts';
import { formatRFC1123Z } from '../util/go-time.ts';
import { kubeVersion, parseMinor } from '../version/index.ts';
import { FIELD_PATH_PREFIX_SINCE, writeEventsSection } from './describe-events.ts';
import {
  DescribePodError,
  intAt,
  isRecord,
  type JsonRecord,
  objectAt,
  objectsAt,
  stringMapAt,
  textAt,
  timeAt,
} from './describe-input.ts';
import {
  type ContainerContext,
  describeContainers,
  describeResources,
  SECCOMP_PROFILE_SINCE,
} from './describe-pod-containers.ts';
import {
  describeTopologySpreadConstraints,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printPodTolerationsMultiline,
  TOPOLOGY_SPREAD_CONSTRAINTS_SINCE,
} from './describe-pod-fields.ts';
import { describeVolumes, IMAGE_VOLUME_SINCE, PROJECTED_OPTIONAL_SINCE } from './describe-pod-volumes.ts';
import { describeTabWriter, ESCAPE_TERMINAL_SINCE, LEVEL_0, LEVEL_1, PrefixWriter } from './describe-writer.ts';
import { humanDuration } from './human-duration.ts';

export { DescribePodError } from './describe-input.ts';

/** The first kubectl release (1.<minor>) with each change to `kubectl describe pod`. */
export const DESCRIBE_POD_SINCE = Object.freeze({
  /** PR #111192 (CHANGELOG-1.25): `Service Account:` */
  serviceAccount: 25,
  /** PR #110914 (CHANGELOG-1.25): `Runtime Class Name:` */
  runtimeClassName: 25,
  /** PR #109563 (CHANGELOG-1.25): `Topology Spread Constraints:` */
  topologySpreadConstraints: TOPOLOGY_SPREAD_CONSTRAINTS_SINCE,
  /** PR #112553 (CHANGELOG-1.26): ESC and CR are escaped (`^[`, `\r`) */
  escapeTerminal: ESCAPE_TERMINAL_SINCE,
  /** PR #113284 (CHANGELOG-1.27): pod and container `SeccompProfile:` */
  seccompProfile: SECCOMP_PROFILE_SINCE,
  /** PR #122038 (CHANGELOG-1.31): a Succeeded/Failed pod being deleted shows its phase, not `Terminating` */
  terminalNotTerminating: 31,
  /** KEP-4639: the image volume source is known (before, such a volume prints `<unknown>`) */
  imageVolume: IMAGE_VOLUME_SINCE,
  /** KEP-2837: pod-level `Resources:` (PodSpec.Resources exists in kubectl's API types from 1.32) */
  podResources: 32,
  /** PR #129457 (CHANGELOG-1.33): projected sources print `Optional: false` instead of `ConfigMapOptional: <nil>` */
  projectedOptional: PROJECTED_OPTIONAL_SINCE,
  /** PR #133627 (CHANGELOG-1.35): event messages start with the involved object's fieldPath */
  eventFieldPath: FIELD_PATH_PREFIX_SINCE,
});

export interface DescribePodOptions {
  /** The kubectl client release, e.g. 30 or '1.30'. */
  readonly kubectlMinor: number | string;
  /** Virtual-clock seconds at which kubectl runs (event ages, `Terminating (lasts …)`). */
  readonly now: number;
  /** The pod's events in the order the API server lists them; [] prints `Events: <none>`. */
  readonly events?: readonly KubeEvent[];
  /** `--show-events=false` leaves the Events section out. */
  readonly showEvents?: boolean;
  /** Minutes east of UTC of the zone kubectl runs in (`+0700` is 420); default 0, printed as `+0000`. */
  readonly utcOffsetMinutes?: number;
}

/** The full text of `kubectl describe pod`. */
// describe.go (*PodDescriber).Describe -> describePod, inside tabbedString
export function describePod(pod: Pod, options: DescribePodOptions): string {
  const minor = parseMinor(options.kubectlMinor);
  if (!Number.isFinite(options.now)) throw new DescribePodError(`now must be finite seconds, got ${options.now}`);
  if (!isRecord(pod) || !isRecord(pod.spec) || !Array.isArray(pod.spec.containers)) {
    throw new DescribePodError('describePod needs a pod with spec.containers');
  }
  const tw = describeTabWriter(minor);
  const w = new PrefixWriter(tw);
  const ctx: ContainerContext = {
    pod: pod as unknown as JsonRecord,
    kubectlMinor: minor,
    utcOffsetMinutes: options.utcOffsetMinutes ?? 0,
  };
  const record = pod as unknown as JsonRecord;
  const metadata = objectAt(record, 'metadata', '') ?? {};
  const spec = objectAt(record, 'spec', '') ?? {};
  const status = objectAt(record, 'status', '') ?? {};

  describeHeader(w, metadata, spec, status, options.now, ctx);
  describeAllContainers(w, spec, status, ctx);
  describeConditions(w, spec, status);
  describeVolumes(w, objectsAt(spec, 'volumes', 'spec'), minor);
  w.write(LEVEL_0, `QoS Class:\t${qosClass(record, status, minor)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', stringMapAt(spec, 'nodeSelector', 'spec'));
  printPodTolerationsMultiline(w, 'Tolerations', objectsAt(spec, 'tolerations', 'spec'), minor);
  if (minor >= DESCRIBE_POD_SINCE.topologySpreadConstraints) {
    describeTopologySpreadConstraints(w, objectsAt(spec, 'topologySpreadConstraints', 'spec'), minor);
  }
  if (options.showEvents !== false) writeEventsSection(tw, options.events ?? [], options.now, minor);
  return tw.flush().read();
}

// describe.go describePod: the lines before the containers
function describeHeader(
  w: PrefixWriter,
  metadata: JsonRecord,
  spec: JsonRecord,
  status: JsonRecord,
  now: number,
  ctx: ContainerContext,
): void {
  const minor = ctx.kubectlMinor;
  w.write(LEVEL_0, `Name:\t${textAt(metadata, 'name', 'metadata')}\n`);
  w.write(LEVEL_0, `Namespace:\t${textAt(metadata, 'namespace', 'metadata')}\n`);
  const priority = intAt(spec, 'priority', 'spec');
  if (priority !== undefined) w.write(LEVEL_0, `Priority:\t${priority}\n`);
  const priorityClassName = textAt(spec, 'priorityClassName', 'spec');
  if (priorityClassName.length > 0) w.write(LEVEL_0, `Priority Class Name:\t${priorityClassName}\n`);
  const runtimeClassName = textAt(spec, 'runtimeClassName', 'spec');
  if (minor >= DESCRIBE_POD_SINCE.runtimeClassName && runtimeClassName.length > 0) {
    w.write(LEVEL_0, `Runtime Class Name:\t${runtimeClassName}\n`);
  }
  const serviceAccount = textAt(spec, 'serviceAccountName', 'spec');
  if (minor >= DESCRIBE_POD_SINCE.serviceAccount && serviceAccount.length > 0) {
    w.write(LEVEL_0, `Service Account:\t${serviceAccount}\n`);
  }
  const nodeName = textAt(spec, 'nodeName', 'spec');
  if (nodeName === '') w.write(LEVEL_0, 'Node:\t<none>\n');
  else w.write(LEVEL_0, `Node:\t${nodeName}/${textAt(status, 'hostIP', 'status')}\n`);
  const startTime = timeAt(status, 'startTime', 'status');
  if (startTime !== undefined) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(startTime, ctx.utcOffsetMinutes)}\n`);
  printLabelsMultiline(w, 'Labels', stringMapAt(metadata, 'labels', 'metadata'));
  printAnnotationsMultiline(w, 'Annotations', stringMapAt(metadata, 'annotations', 'metadata'));
  describePodStatus(w, metadata, status, now, minor);
  const seccomp = objectAt(objectAt(spec, 'securityContext', 'spec'), 'seccompProfile', 'spec.securityContext');
  if (seccomp && minor >= DESCRIBE_POD_SINCE.seccompProfile) {
    const type = textAt(seccomp, 'type', 'spec.securityContext.seccompProfile');
    w.write(LEVEL_0, `SeccompProfile:\t${type}\n`);
    if (type === 'Localhost') {
      w.write(LEVEL_0, `LocalhostProfile:\t${textAt(seccomp, 'localhostProfile', 'spec.securityContext')}\n`);
    }
  }
  // "remove when .IP field is deprecated"
  w.write(LEVEL_0, `IP:\t${textAt(status, 'podIP', 'status')}\n`);
  describePodIPs(w, status);
  const controller = objectsAt(metadata, 'ownerReferences', 'metadata').find((ref) => ref.controller === true);
  // describe.go printController: metav1.GetControllerOf, `Kind/Name`
  if (controller) {
    w.write(
      LEVEL_0,
      `Controlled By:\t${textAt(controller, 'kind', 'ownerReference')}/${textAt(controller, 'name', 'ownerReference')}\n`,
    );
  }
  const nominated = textAt(status, 'nominatedNodeName', 'status');
  if (nominated.length > 0) w.write(LEVEL_0, `NominatedNodeName:\t${nominated}\n`);
  const podResources = objectAt(spec, 'resources', 'spec');
  if (podResources && minor >= DESCRIBE_POD_SINCE.podResources) {
    w.write(LEVEL_0, 'Resources:\n');
    describeResources(w, podResources, LEVEL_1, 'spec.resources');
  }
}

// describe.go describePod: Status (or Terminating), Reason, Message
function describePodStatus(w: PrefixWriter, metadata: JsonRecord, status: JsonRecord, now: number, minor: number) {
  const phase = textAt(status, 'phase', 'status');
  const deletion = timeAt(metadata, 'deletionTimestamp', 'metadata');
  const terminal = phase === 'Failed' || phase === 'Succeeded';
  if (deletion !== undefined && (minor < DESCRIBE_POD_SINCE.terminalNotTerminating || !terminal)) {
    // describe.go translateTimestampSince: HumanDuration(time.Since(t)) of the whole-second wire time
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${humanDuration(now - Math.floor(deletion))})\n`);
    const grace = intAt(metadata, 'deletionGracePeriodSeconds', 'metadata');
    if (grace === undefined) {
      throw new DescribePodError('metadata.deletionGracePeriodSeconds must be set on a deleted pod');
    }
    w.write(LEVEL_0, `Termination Grace Period:\t${grace}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${phase}\n`);
  }
  const reason = textAt(status, 'reason', 'status');
  if (reason.length > 0) w.write(LEVEL_0, `Reason:\t${reason}\n`);
  const message = textAt(status, 'message', 'status');
  if (message.length > 0) w.write(LEVEL_0, `Message:\t${message}\n`);
}

// describe.go describePodIPs
function describePodIPs(w: PrefixWriter, status: JsonRecord): void {
  const ips = objectsAt(status, 'podIPs', 'status');
  if (ips.length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'IPs:\n');
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${textAt(ip, 'ip', 'status.podIPs')}\n`);
}

// describe.go describePod: Init Containers (only when there are any), Containers, Ephemeral Containers
function describeAllContainers(w: PrefixWriter, spec: JsonRecord, status: JsonRecord, ctx: ContainerContext) {
  const init = objectsAt(spec, 'initContainers', 'spec');
  if (init.length > 0) {
    const statuses = objectsAt(status, 'initContainerStatuses', 'status');
    describeContainers(w, 'Init Containers', init, statuses, 'spec.initContainers', ctx);
  }
  const containers = objectsAt(spec, 'containers', 'spec');
  describeContainers(
    w,
    'Containers',
    containers,
    objectsAt(status, 'containerStatuses', 'status'),
    'spec.containers',
    ctx,
  );
  const ephemeral = objectsAt(spec, 'ephemeralContainers', 'spec');
  if (ephemeral.length > 0) {
    const statuses = objectsAt(status, 'ephemeralContainerStatuses', 'status');
    describeContainers(w, 'Ephemeral Containers', ephemeral, statuses, 'spec.ephemeralContainers', ctx);
  }
}

// describe.go describePod: Readiness Gates and Conditions tables; both cells end with a space
function describeConditions(w: PrefixWriter, spec: JsonRecord, status: JsonRecord): void {
  const conditions = objectsAt(status, 'conditions', 'status');
  const gates = objectsAt(spec, 'readinessGates', 'spec');
  if (gates.length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const gate of gates) {
      const type = textAt(gate, 'conditionType', 'spec.readinessGates');
      const condition = conditions.find((c) => textAt(c, 'type', 'status.conditions') === type);
      const value = condition ? textAt(condition, 'status', 'status.conditions') : '<none>';
      w.write(LEVEL_1, `${type} \t${value} \n`);
    }
  }
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) {
      w.write(LEVEL_1, `${textAt(c, 'type', 'status.conditions')} \t${textAt(c, 'status', 'status.conditions')} \n`);
    }
  }
}

// staging/src/k8s.io/kubectl/pkg/util/qos/qos.go GetPodQOS: status.qosClass when set, else computed from the
// containers only (kubectl's copy has no pod-level resources)
function qosClass(pod: JsonRecord, status: JsonRecord, minor: number): string {
  const stored = textAt(status, 'qosClass', 'status');
  if (stored !== '') return stored;
  return computePodQOS(pod, kubeVersion(minor, { PodLevelResources: false }));
}
