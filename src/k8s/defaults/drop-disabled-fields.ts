/**
 * Fields that a release does not store: fields of a feature gate that is off are cleared by
 * DropDisabledPodFields (on create, for Pods and for workload templates), and fields newer than the release
 * are unknown to its decoder. Only the fields of this project's area are modelled: container restartPolicy and
 * restartPolicyRules (sidecars, KEP-5307), schedulingGates, pod-level resources, and volumeMounts'
 * recursiveReadOnly (whose gate also decides the kubelet's status volumeMounts).
 */
import type { KubeVersion } from '../version/index.ts';
import { podLevelResourcesEnabled } from './context.ts';
import { childPath, type JsonObject, objectItems, type PathLike } from './json.ts';
import type { ProvenanceLog } from './provenance.ts';

const DROP_CITATION = 'pkg/api/pod/util.go dropDisabledFields';
const UNKNOWN_NOTE = (minor: number) =>
  `unknown field in 1.${minor}: not stored (strict field validation rejects it instead)`;

/** How a release treats a field: kept, cleared because its gate is off, or unknown to the decoder. */
type Availability = 'kept' | 'gate-off' | 'unknown';

function availability(minor: number, since: number, enabled: boolean): Availability {
  if (minor < since) return 'unknown';
  return enabled ? 'kept' : 'gate-off';
}

// pkg/api/pod/util.go DropDisabledPodFields (create: no old object, so "already in use" never applies)
export function dropDisabledPodSpecFields(spec: JsonObject, path: PathLike, version: KubeVersion, log: ProvenanceLog) {
  const { minor, gates } = version;
  const drop = (target: JsonObject, key: string, at: PathLike, how: Availability, gate: string) => {
    if (how === 'kept') return;
    if (how === 'unknown')
      log.remove(target, key, at, 'decoding', 'staging/src/k8s.io/api/core/v1/types.go', UNKNOWN_NOTE(minor));
    else log.remove(target, key, at, 'registry:DropDisabledPodFields', DROP_CITATION, `feature gate ${gate} is off`);
  };

  // Container.RestartPolicy exists from 1.28 (SidecarContainers); RestartPolicyRules from 1.34 (ContainerRestartRules).
  const sidecars = availability(minor, 28, gates.SidecarContainers);
  const rules = availability(minor, 34, gates.ContainerRestartRules);
  for (const [container, at] of objectItems(spec, 'initContainers', path)) {
    // dropContainerRestartRules keeps an init container's `Always` (that is the sidecar gate's business).
    const restart = container.restartPolicy;
    if (sidecars !== 'kept')
      drop(container, 'restartPolicy', childPath(at, 'restartPolicy'), sidecars, 'SidecarContainers');
    else if (rules === 'gate-off' && restart !== undefined && restart !== 'Always') {
      drop(container, 'restartPolicy', childPath(at, 'restartPolicy'), rules, 'ContainerRestartRules');
    }
    drop(container, 'restartPolicyRules', childPath(at, 'restartPolicyRules'), rules, 'ContainerRestartRules');
  }
  for (const list of ['containers', 'ephemeralContainers']) {
    for (const [container, at] of objectItems(spec, list, path)) {
      // 1.28..1.33: the field exists on every container and validation rejects it outside init containers.
      const restart = minor < 28 ? 'unknown' : minor < 34 ? 'kept' : rules;
      drop(container, 'restartPolicy', childPath(at, 'restartPolicy'), restart, 'ContainerRestartRules');
      drop(container, 'restartPolicyRules', childPath(at, 'restartPolicyRules'), rules, 'ContainerRestartRules');
    }
  }
  // PodSchedulingReadiness: alpha 1.26, beta (on) 1.27, GA 1.30.
  drop(
    spec,
    'schedulingGates',
    childPath(path, 'schedulingGates'),
    availability(minor, 26, gates.PodSchedulingReadiness),
    'PodSchedulingReadiness',
  );
  // PodLevelResources: alpha 1.32, beta (on) 1.34.
  const podLevel = availability(minor, 32, podLevelResourcesEnabled(version));
  drop(spec, 'resources', childPath(path, 'resources'), podLevel, 'PodLevelResources');
  // RecursiveReadOnlyMounts (KEP-3857): VolumeMount.recursiveReadOnly from 1.30, alpha (off) there, on from 1.31.
  const rro = availability(minor, 30, gates.RecursiveReadOnlyMounts);
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const [container, at] of objectItems(spec, list, path)) {
      for (const [mount, mountAt] of objectItems(container, 'volumeMounts', at)) {
        drop(mount, 'recursiveReadOnly', childPath(mountAt, 'recursiveReadOnly'), rro, 'RecursiveReadOnlyMounts');
      }
    }
  }
}
