/**
 * The Priority admission plugin (on by default): the pod's priority comes from its PriorityClass, or from the
 * global-default class, or is 0 with preemptionPolicy PreemptLowerPriority when there is none. A priority
 * written in the pod must equal the computed one.
 */
import { childPath, isUnsetString, type JsonObject } from '../json.ts';
import type { ProvenanceLog } from '../provenance.ts';
import { AdmissionForbiddenError } from './admission-error.ts';

const CITATION = 'plugin/pkg/admission/priority/admission.go (*Plugin).admitPod';

export interface PriorityClassInfo {
  readonly name: string;
  readonly value: number;
  readonly globalDefault?: boolean;
  /** PriorityClass defaulting makes an unset policy PreemptLowerPriority. */
  readonly preemptionPolicy?: 'PreemptLowerPriority' | 'Never';
}

/** scheduling.DefaultPriorityWhenNoDefaultClassExists */
export const DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS = 0;
/** The classes every cluster has (scheduling.SystemPriorityClasses). */
export const SYSTEM_PRIORITY_CLASSES: readonly PriorityClassInfo[] = [
  { name: 'system-node-critical', value: 2000001000 },
  { name: 'system-cluster-critical', value: 2000000000 },
];

// plugin/pkg/admission/priority/admission.go (*Plugin).admitPod (operation Create)
export function admitPriority(
  spec: JsonObject,
  podName: string,
  classes: readonly PriorityClassInfo[],
  log: ProvenanceLog,
) {
  const all = [...SYSTEM_PRIORITY_CLASSES, ...classes];
  let priority: number;
  let policy: string;
  if (isUnsetString(spec.priorityClassName)) {
    // getDefaultPriority: the global default with the lowest value, if any.
    const globalDefault = all.filter((c) => c.globalDefault).sort((a, b) => a.value - b.value)[0];
    priority = globalDefault?.value ?? DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS;
    policy = globalDefault?.preemptionPolicy ?? 'PreemptLowerPriority';
    if (globalDefault) {
      log.set(
        spec,
        'priorityClassName',
        globalDefault.name,
        'spec.priorityClassName',
        'admission:Priority',
        CITATION,
        'the globalDefault PriorityClass',
      );
    }
  } else {
    const found = all.find((c) => c.name === spec.priorityClassName);
    if (!found) {
      throw new AdmissionForbiddenError(
        'Priority',
        podName,
        `no PriorityClass with name ${String(spec.priorityClassName)} was found`,
      );
    }
    priority = found.value;
    policy = found.preemptionPolicy ?? 'PreemptLowerPriority';
  }
  const written = spec.priority;
  if (written !== undefined && written !== null && written !== priority) {
    throw new AdmissionForbiddenError(
      'Priority',
      podName,
      `the integer value of priority (${String(written)}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    );
  }
  const note = isUnsetString(spec.priorityClassName)
    ? 'no priorityClassName and no globalDefault PriorityClass'
    : undefined;
  if (written !== priority)
    log.set(spec, 'priority', priority, childPath('spec', 'priority'), 'admission:Priority', CITATION, note);
  const writtenPolicy = spec.preemptionPolicy;
  if (writtenPolicy !== undefined && writtenPolicy !== null && writtenPolicy !== policy) {
    throw new AdmissionForbiddenError(
      'Priority',
      podName,
      `the string value of PreemptionPolicy (${String(writtenPolicy)}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`,
    );
  }
  if (writtenPolicy !== policy)
    log.set(spec, 'preemptionPolicy', policy, 'spec.preemptionPolicy', 'admission:Priority', CITATION);
}
