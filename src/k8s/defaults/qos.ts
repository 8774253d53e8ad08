/**
 * A pod's QoS class, computed at create time into status.qosClass. Only cpu and memory count, and only
 * quantities above zero; init containers count, ephemeral containers do not.
 *  - BestEffort: no cpu/memory request or limit anywhere.
 *  - Guaranteed: every container has both a cpu and a memory limit, and the summed requests equal the summed
 *    limits (requests default from limits, so limits alone are enough).
 *  - Burstable: everything else.
 * With pod-level resources (PodLevelResources, on from 1.34) and spec.resources set, the pod-level values
 * decide instead.
 */
import type { KubeVersion } from '../version/index.ts';
import { podLevelResourcesEnabled } from './context.ts';
import { childPath, isObject, type JsonObject, objectField, objectItems } from './json.ts';
import { addQuantities, compareQuantities, type Quantity } from './quantity.ts';
import { resourceMap } from './resource-list.ts';

export type PodQOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** Where the rule lives (the v1 helper; the apiserver's internal helper has the same algorithm). */
export const QOS_CITATION = 'pkg/apis/core/v1/helper/qos/qos.go GetPodQOS';
const SUPPORTED = ['cpu', 'memory'] as const;

type Totals = Map<string, Quantity>;

/** Adds the positive cpu/memory quantities of a list; returns whether both cpu and memory are above zero. */
function addPositive(totals: Totals, list: Map<string, Quantity>): boolean {
  let found = 0;
  for (const name of SUPPORTED) {
    const q = list.get(name);
    if (!q || q.mantissa <= 0n) continue;
    found++;
    const current = totals.get(name);
    totals.set(name, current ? addQuantities(current, q) : q);
  }
  return found === SUPPORTED.length;
}

// pkg/apis/core/v1/helper/qos/qos.go GetPodQOS (pkg/apis/core/helper/qos ComputePodQOS from 1.28)
export function computePodQOS(pod: unknown, version: KubeVersion): PodQOSClass {
  const spec = isObject(pod) ? (objectField(pod, 'spec', '') ?? {}) : {};
  const requests: Totals = new Map();
  const limits: Totals = new Map();
  let isGuaranteed = true;
  const podResources = podLevelResourcesEnabled(version) ? objectField(spec, 'resources', 'spec') : undefined;
  if (podResources) {
    addPositive(requests, resourceMap(podResources, 'requests', 'spec.resources'));
    const podLimits = resourceMap(podResources, 'limits', 'spec.resources');
    if (podLimits.size > 0) {
      if (!addPositive(limits, podLimits)) isGuaranteed = false;
    }
  } else {
    for (const list of ['containers', 'initContainers']) {
      for (const [container, path] of objectItems(spec, list, 'spec')) {
        const resources: JsonObject | undefined = objectField(container, 'resources', path);
        const resourcesPath = childPath(path, 'resources');
        addPositive(requests, resourceMap(resources, 'requests', resourcesPath));
        if (!addPositive(limits, resourceMap(resources, 'limits', resourcesPath))) isGuaranteed = false;
      }
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, request] of requests) {
      const limit = limits.get(name);
      if (!limit || compareQuantities(limit, request) !== 0) {
        isGuaranteed = false;
        break;
      }
    }
  }
  return isGuaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
