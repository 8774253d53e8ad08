/**
 * What the pod REST strategy does to a new pod after admission: metadata.generation 1 (1.33+), a fresh status
 * (phase Pending and the QoS class; anything written in status is discarded), fields of disabled gates
 * dropped, and a PodScheduled=False/SchedulingGated condition when scheduling gates are present (1.27+).
 */
import type { KubeVersion } from '../version/index.ts';
import { dropDisabledPodSpecFields } from './drop-disabled-fields.ts';
import { arrayField, type JsonObject, objectField } from './json.ts';
import type { ProvenanceLog } from './provenance.ts';
import { computePodQOS } from './qos.ts';

const STRATEGY = 'pkg/registry/core/pod/strategy.go (podStrategy).PrepareForCreate';

// pkg/registry/core/pod/strategy.go (podStrategy).PrepareForCreate
export function prepareForCreate(pod: JsonObject, version: KubeVersion, now: number, log: ProvenanceLog): void {
  const metadata = objectField(pod, 'metadata', '') ?? {};
  pod.metadata = metadata;
  // PR #130181 (1.33): pods always carry metadata.generation, starting at 1.
  if (version.minor >= 33 && metadata.generation !== 1) {
    log.set(metadata, 'generation', 1, 'metadata.generation', 'registry:PrepareForCreate', STRATEGY);
  }
  const qosClass = computePodQOS(pod, version);
  const written = objectField(pod, 'status', '') ?? {};
  for (const key of Object.keys(written)) {
    if (key !== 'phase' && key !== 'qosClass') {
      log.remove(written, key, `status.${key}`, 'registry:PrepareForCreate', STRATEGY, 'status is reset on create');
    }
  }
  const status: JsonObject = {};
  pod.status = status;
  log.set(status, 'phase', 'Pending', 'status.phase', 'registry:PrepareForCreate', STRATEGY);
  log.set(status, 'qosClass', qosClass, 'status.qosClass', 'registry:PrepareForCreate', `${STRATEGY} via GetPodQOS`);

  const spec = objectField(pod, 'spec', '');
  if (!spec) return;
  dropDisabledPodSpecFields(spec, 'spec', version, log);
  applySchedulingGatedCondition(spec, status, version, now, log);
}

// pkg/registry/core/pod/strategy.go applySchedulingGatedCondition (PodSchedulingReadiness, on from 1.27)
function applySchedulingGatedCondition(
  spec: JsonObject,
  status: JsonObject,
  version: KubeVersion,
  now: number,
  log: ProvenanceLog,
): void {
  const gates = arrayField(spec, 'schedulingGates', 'spec');
  if (version.minor < 27 || !gates || gates.length === 0) return;
  const condition = {
    type: 'PodScheduled',
    status: 'False',
    lastProbeTime: null,
    lastTransitionTime: now,
    reason: 'SchedulingGated',
    message: 'Scheduling is blocked due to non-empty scheduling gates',
  };
  const conditions: unknown[] = [];
  status.conditions = conditions;
  log.append(
    conditions,
    condition,
    'status.conditions[0]',
    'registry:PrepareForCreate',
    'pkg/registry/core/pod/strategy.go applySchedulingGatedCondition',
  );
}
