/**
 * Per-container defaults, in the order the generated defaulter applies them to every init, regular and
 * ephemeral container: SetDefaults_Container, port protocol, env fieldRef apiVersion, resource lists, probes,
 * lifecycle handlers.
 */
import { defaultPullPolicyForImage } from '../image/default-pull-policy.ts';
import { goQuote, parseImageName, parseNormalizedNamed, referenceLibraryFor } from '../image/reference.ts';
import { DEFAULTS_GO, type DefaultingContext, GENERATED_DEFAULTS } from './context.ts';
import {
  childPath,
  DefaultingInputError,
  isUnsetNumber,
  isUnsetString,
  type JsonObject,
  objectField,
  objectItems,
  type PathLike,
} from './json.ts';
import { defaultResourceList } from './resource-list.ts';

/** v1.TerminationMessagePathDefault */
export const TERMINATION_MESSAGE_PATH_DEFAULT = '/dev/termination-log';

// pkg/apis/core/v1/zz_generated.defaults.go SetObjectDefaults_Pod (per-container block)
export function defaultContainer(container: JsonObject, path: PathLike, ctx: DefaultingContext): void {
  setDefaultsContainer(container, path, ctx);
  for (const [port, portPath] of objectItems(container, 'ports', path)) {
    // staging/src/k8s.io/api/core/v1/types.go ContainerPort.Protocol `+default="TCP"`
    if (isUnsetString(port.protocol)) {
      ctx.log.set(port, 'protocol', 'TCP', childPath(portPath, 'protocol'), 'defaulting', GENERATED_DEFAULTS);
    }
  }
  for (const [env, envPath] of objectItems(container, 'env', path)) {
    const valueFrom = objectField(env, 'valueFrom', envPath);
    const fieldRef = valueFrom && objectField(valueFrom, 'fieldRef', childPath(envPath, 'valueFrom'));
    if (fieldRef) defaultObjectFieldSelector(fieldRef, childPath(childPath(envPath, 'valueFrom'), 'fieldRef'), ctx);
  }
  const resources = objectField(container, 'resources', path);
  if (resources) {
    const resourcesPath = childPath(path, 'resources');
    defaultResourceList(resources, 'limits', resourcesPath, ctx);
    defaultResourceList(resources, 'requests', resourcesPath, ctx);
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const value = objectField(container, probe, path);
    if (value) defaultProbe(value, childPath(path, probe), ctx);
  }
  const lifecycle = objectField(container, 'lifecycle', path);
  if (lifecycle) {
    const lifecyclePath = childPath(path, 'lifecycle');
    for (const hook of ['postStart', 'preStop']) {
      const handler = objectField(lifecycle, hook, lifecyclePath);
      const httpGet = handler && objectField(handler, 'httpGet', childPath(lifecyclePath, hook));
      if (httpGet) defaultHTTPGetAction(httpGet, childPath(childPath(lifecyclePath, hook), 'httpGet'), ctx);
    }
  }
}

// pkg/apis/core/v1/defaults.go SetDefaults_Container
function setDefaultsContainer(container: JsonObject, path: PathLike, ctx: DefaultingContext): void {
  const citation = `${DEFAULTS_GO} SetDefaults_Container`;
  if (isUnsetString(container.imagePullPolicy)) {
    const image = container.image ?? '';
    if (typeof image !== 'string') {
      throw new DefaultingInputError(`${childPath(path, 'image')}: expected a string, got ${JSON.stringify(image)}`);
    }
    const policy = defaultPullPolicyForImage(image, ctx.version);
    // The note parses the image twice more: only worth it when someone reads the provenance.
    const note = ctx.log.recording ? pullPolicyNote(image, ctx) : undefined;
    ctx.log.set(container, 'imagePullPolicy', policy, childPath(path, 'imagePullPolicy'), 'defaulting', citation, note);
  }
  if (isUnsetString(container.terminationMessagePath)) {
    const p = childPath(path, 'terminationMessagePath');
    ctx.log.set(container, 'terminationMessagePath', TERMINATION_MESSAGE_PATH_DEFAULT, p, 'defaulting', citation);
  }
  if (isUnsetString(container.terminationMessagePolicy)) {
    const p = childPath(path, 'terminationMessagePolicy');
    ctx.log.set(container, 'terminationMessagePolicy', 'File', p, 'defaulting', citation);
  }
}

/** Why the policy came out the way it did: the parsed tag, or the ignored parse error. */
function pullPolicyNote(image: string, ctx: DefaultingContext): string {
  const parsed = parseImageName(image, ctx.version);
  if (!parsed.ok) return `${parsed.error}; the error is ignored, so the tag is "" (IfNotPresent)`;
  const named = parseNormalizedNamed(image, referenceLibraryFor(ctx.version));
  if (named.ok && named.ref.tag === undefined && named.ref.digest === undefined) {
    return `no tag or digest in ${goQuote(image)}: tag latest`;
  }
  return parsed.tag ? `tag ${goQuote(parsed.tag)}` : 'digest only: no default tag';
}

// pkg/apis/core/v1/defaults.go SetDefaults_Probe (+ SetDefaults_HTTPGetAction, GRPCAction.Service `+default=""`)
function defaultProbe(probe: JsonObject, path: PathLike, ctx: DefaultingContext): void {
  const citation = `${DEFAULTS_GO} SetDefaults_Probe`;
  const defaults: [string, number][] = [
    ['timeoutSeconds', 1],
    ['periodSeconds', 10],
    ['successThreshold', 1],
    ['failureThreshold', 3],
  ];
  for (const [field, value] of defaults) {
    if (isUnsetNumber(probe[field])) ctx.log.set(probe, field, value, childPath(path, field), 'defaulting', citation);
  }
  const httpGet = objectField(probe, 'httpGet', path);
  if (httpGet) defaultHTTPGetAction(httpGet, childPath(path, 'httpGet'), ctx);
  const grpc = objectField(probe, 'grpc', path);
  if (grpc && (grpc.service === undefined || grpc.service === null)) {
    const citationGrpc = 'staging/src/k8s.io/api/core/v1/types.go GRPCAction.Service +default=""';
    ctx.log.set(grpc, 'service', '', childPath(childPath(path, 'grpc'), 'service'), 'defaulting', citationGrpc);
  }
}

// pkg/apis/core/v1/defaults.go SetDefaults_HTTPGetAction
function defaultHTTPGetAction(action: JsonObject, path: PathLike, ctx: DefaultingContext): void {
  const citation = `${DEFAULTS_GO} SetDefaults_HTTPGetAction`;
  if (isUnsetString(action.path)) ctx.log.set(action, 'path', '/', childPath(path, 'path'), 'defaulting', citation);
  if (isUnsetString(action.scheme)) {
    ctx.log.set(action, 'scheme', 'HTTP', childPath(path, 'scheme'), 'defaulting', citation);
  }
}

// pkg/apis/core/v1/defaults.go SetDefaults_ObjectFieldSelector
export function defaultObjectFieldSelector(selector: JsonObject, path: PathLike, ctx: DefaultingContext): void {
  if (isUnsetString(selector.apiVersion)) {
    const citation = `${DEFAULTS_GO} SetDefaults_ObjectFieldSelector`;
    ctx.log.set(selector, 'apiVersion', 'v1', childPath(path, 'apiVersion'), 'defaulting', citation);
  }
}
