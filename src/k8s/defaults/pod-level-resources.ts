/**
 * Pod-level resources (KEP-2837, PodLevelResources gate): the effective container requests/limits of a pod
 * (sidecar-aware) and the pod-level defaults of 1.34/1.35. The later "pod limits from container limits"
 * default (kubernetes PR #140514) is 1.36+ and not modelled.
 */
import type { DefaultingContext } from './context.ts';
import { childPath, type JsonObject, objectField, objectItems, type PathLike } from './json.ts';
import { addQuantities, compareQuantities, formatQuantity, type Quantity } from './quantity.ts';
import { resourceMap } from './resource-list.ts';

type ResourceMap = Map<string, Quantity>;

export function isHugePageResource(name: string): boolean {
  return name.startsWith('hugepages-');
}

// staging/src/k8s.io/component-helpers/resource/helpers.go IsSupportedPodLevelResource
export function isSupportedPodLevelResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || isHugePageResource(name);
}

// pkg/apis/core/v1/helper/helpers.go IsOvercommitAllowed: native resources except hugepages
function isOvercommitAllowed(name: string): boolean {
  const native = !name.includes('/') || name.startsWith('kubernetes.io/');
  return native && !isHugePageResource(name);
}

function addInto(target: ResourceMap, source: ResourceMap): void {
  for (const [name, q] of source) {
    const current = target.get(name);
    target.set(name, current ? addQuantities(current, q) : q);
  }
}

function maxInto(target: ResourceMap, source: ResourceMap): void {
  for (const [name, q] of source) {
    const current = target.get(name);
    if (!current || compareQuantities(q, current) > 0) target.set(name, q);
  }
}

/**
 * The pod's effective requests or limits from its containers: regular containers and sidecars (restartable
 * init containers) add up; each other init container runs alone with the sidecars started before it, and the
 * largest of those phases wins if it is bigger.
 */
// staging/src/k8s.io/component-helpers/resource/helpers.go AggregateContainerRequests / AggregateContainerLimits
export function aggregateContainerResources(
  spec: JsonObject,
  which: 'requests' | 'limits',
  path: PathLike = 'spec',
): ResourceMap {
  const total: ResourceMap = new Map();
  for (const [container, containerPath] of objectItems(spec, 'containers', path)) {
    addInto(total, containerResources(container, which, containerPath));
  }
  const restartable: ResourceMap = new Map();
  const initPeak: ResourceMap = new Map();
  for (const [container, containerPath] of objectItems(spec, 'initContainers', path)) {
    const own = containerResources(container, which, containerPath);
    let phase: ResourceMap;
    if (container.restartPolicy === 'Always') {
      addInto(total, own);
      addInto(restartable, own);
      phase = new Map(restartable);
    } else {
      phase = new Map(own);
      addInto(phase, restartable);
    }
    maxInto(initPeak, phase);
  }
  maxInto(total, initPeak);
  return total;
}

function containerResources(container: JsonObject, which: 'requests' | 'limits', path: PathLike): ResourceMap {
  const resources = objectField(container, 'resources', path);
  return resourceMap(resources, which, childPath(path, 'resources'));
}

/** Pod-level defaults applied by SetDefaults_Pod when the gate is on and spec.resources is set. */
export function defaultPodLevelResources(spec: JsonObject, path: PathLike, ctx: DefaultingContext): void {
  const resources = objectField(spec, 'resources', path);
  if (!resources) return;
  const resourcesPath = childPath(path, 'resources');
  defaultHugePagePodLimits(spec, resources, resourcesPath, ctx, path);
  defaultPodRequests(spec, resources, resourcesPath, ctx, path);
}

// pkg/apis/core/v1/defaults.go defaultHugePagePodLimits
function defaultHugePagePodLimits(
  spec: JsonObject,
  resources: JsonObject,
  resourcesPath: PathLike,
  ctx: DefaultingContext,
  specPath: PathLike,
): void {
  const limits = resourceMap(resources, 'limits', resourcesPath);
  const requests = resourceMap(resources, 'requests', resourcesPath);
  if (limits.size === 0 && requests.size === 0) return;
  const aggregated = aggregateContainerResources(spec, 'limits', specPath);
  const added: [string, Quantity][] = [];
  for (const [name, q] of aggregated) {
    if (!isSupportedPodLevelResource(name) || !isHugePageResource(name)) continue;
    if (requests.has(name) || limits.has(name)) continue;
    added.push([name, q]);
  }
  writeAdded(resources, 'limits', added, resourcesPath, ctx, 'pkg/apis/core/v1/defaults.go defaultHugePagePodLimits');
}

// pkg/apis/core/v1/defaults.go defaultPodRequests
function defaultPodRequests(
  spec: JsonObject,
  resources: JsonObject,
  resourcesPath: PathLike,
  ctx: DefaultingContext,
  specPath: PathLike,
): void {
  const limits = resourceMap(resources, 'limits', resourcesPath);
  if (limits.size === 0) return;
  const requests = resourceMap(resources, 'requests', resourcesPath);
  const added: [string, Quantity][] = [];
  const has = (name: string) => requests.has(name) || added.some(([n]) => n === name);
  // Containers' effective requests first (overcommittable resources only), then the pod limits.
  for (const [name, q] of aggregateContainerResources(spec, 'requests', specPath)) {
    if (!has(name) && isSupportedPodLevelResource(name) && isOvercommitAllowed(name)) added.push([name, q]);
  }
  for (const [name, q] of limits) {
    if (!has(name) && isSupportedPodLevelResource(name)) added.push([name, q]);
  }
  writeAdded(resources, 'requests', added, resourcesPath, ctx, 'pkg/apis/core/v1/defaults.go defaultPodRequests');
}

function writeAdded(
  resources: JsonObject,
  key: 'requests' | 'limits',
  added: [string, Quantity][],
  resourcesPath: PathLike,
  ctx: DefaultingContext,
  citation: string,
): void {
  if (added.length === 0) return;
  let list = objectField(resources, key, resourcesPath);
  if (!list) {
    list = {};
    resources[key] = list;
  }
  const listPath = childPath(resourcesPath, key);
  for (const [name, q] of added) {
    ctx.log.set(list, name, formatQuantity(q), childPath(listPath, name), 'defaulting', citation);
  }
}
