/**
 * SetDefaults_Pod: defaults that only a Pod gets, never a PodTemplateSpec (so that changing them cannot roll
 * out every Deployment): requests from limits, pod-level resources, enableServiceLinks, and (from 1.28) the
 * hostNetwork hostPort rule.
 */
import { DEFAULTS_GO, type DefaultingContext, podLevelResourcesEnabled } from './context.ts';
import { childPath, type JsonObject, objectField, objectItems, type PathLike } from './json.ts';
import { defaultPodLevelResources } from './pod-level-resources.ts';
import { defaultHostNetworkPorts } from './pod-spec-defaults.ts';

const CITATION = `${DEFAULTS_GO} SetDefaults_Pod`;

// pkg/apis/core/v1/defaults.go SetDefaults_Pod
export function defaultPodOnly(spec: JsonObject, path: PathLike, ctx: DefaultingContext): void {
  for (const list of ['containers', 'initContainers']) {
    for (const [container, containerPath] of objectItems(spec, list, path)) {
      defaultRequestsFromLimits(container, containerPath, ctx);
    }
  }
  if (podLevelResourcesEnabled(ctx.version)) defaultPodLevelResources(spec, path, ctx);
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) {
    ctx.log.set(spec, 'enableServiceLinks', true, childPath(path, 'enableServiceLinks'), 'defaulting', CITATION);
  }
  if (ctx.version.minor >= 28 && spec.hostNetwork === true) defaultHostNetworkPorts(spec, path, ctx, CITATION);
}

/** A limit without a request: the request is copied from the limit (per resource name). */
function defaultRequestsFromLimits(container: JsonObject, path: PathLike, ctx: DefaultingContext): void {
  const resources = objectField(container, 'resources', path);
  if (!resources) return;
  const resourcesPath = childPath(path, 'resources');
  const limits = objectField(resources, 'limits', resourcesPath);
  if (!limits) return;
  const missing = Object.keys(limits).filter((name) => {
    const requests = objectField(resources, 'requests', resourcesPath);
    return !requests || !Object.hasOwn(requests, name);
  });
  if (missing.length === 0) return;
  let requests = objectField(resources, 'requests', resourcesPath);
  if (!requests) {
    requests = {};
    resources.requests = requests;
  }
  const requestsPath = childPath(resourcesPath, 'requests');
  for (const name of missing) {
    const note = 'copied from limits';
    ctx.log.set(requests, name, limits[name], childPath(requestsPath, name), 'defaulting', CITATION, note);
  }
}
