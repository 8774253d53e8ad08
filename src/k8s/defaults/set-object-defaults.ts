/**
 * The v1 defaulting pass of a Pod and of a PodTemplateSpec (Deployments, Jobs, ...), in the order of the
 * generated defaulters: SetDefaults_Pod (Pods only), SetDefaults_PodSpec, volumes, init containers,
 * containers, ephemeral containers, overhead.
 */
import type { KubeVersion } from '../version/index.ts';
import { defaultContainer } from './container-defaults.ts';
import { type DefaultingContext, imageVolumeDefault } from './context.ts';
import { convertServiceAccountAliasIn, mirrorServiceAccountOut } from './conversion.ts';
import { dropDisabledPodSpecFields } from './drop-disabled-fields.ts';
import {
  childPath,
  cloneJson,
  DefaultingInputError,
  isObject,
  type JsonObject,
  objectField,
  objectItems,
  type PathLike,
} from './json.ts';
import { defaultPodOnly } from './pod-defaults.ts';
import { defaultPodSpec } from './pod-spec-defaults.ts';
import { type Defaulted, ProvenanceLog } from './provenance.ts';
import { defaultResourceList } from './resource-list.ts';
import { addEncodingArtifacts } from './serialization.ts';
import { defaultVolume } from './volume-defaults.ts';

export interface DefaultingOptions {
  /** ImageVolume gate; by default its release default (on from 1.35). */
  readonly imageVolume?: boolean;
  /**
   * Record the provenance of every change (default true). Validation only needs the defaulted object and turns
   * this off; the result's `provenance` is then empty.
   */
  readonly provenance?: boolean;
}

export function defaultingContext(version: KubeVersion, log: ProvenanceLog, options: DefaultingOptions = {}) {
  return { version, log, imageVolume: options.imageVolume ?? imageVolumeDefault(version) } satisfies DefaultingContext;
}

/**
 * A copy of `pod` with only the apiserver's v1 defaults applied (no admission, no create-time status, no
 * encoding: see createPod for what a created pod looks like). The input is not modified; unknown fields kept.
 * `T` only types the result (plain JSON).
 */
// pkg/apis/core/v1/zz_generated.defaults.go SetObjectDefaults_Pod
export function defaultPod<T extends JsonObject = JsonObject>(
  pod: unknown,
  version: KubeVersion,
  options: DefaultingOptions = {},
): Defaulted<T> {
  const copy = cloneRoot(pod, 'pod');
  const log = new ProvenanceLog(options.provenance ?? true);
  applyPodDefaults(copy, defaultingContext(version, log, options));
  return { object: copy as T, provenance: log.entries };
}

/**
 * A PodTemplateSpec (`{metadata, spec}`, e.g. a Deployment's `spec.template`) as the apiserver stores and
 * prints it: SetDefaults_PodSpec and the per-container/volume defaults, but none of SetDefaults_Pod (no
 * enableServiceLinks, no requests from limits; from 1.28 no hostPorts) and no admission (the Pods created
 * from it get those); then the serviceAccount mirror, DropDisabledTemplateFields and `resources: {}`.
 * Provenance paths are relative to the template (`spec.containers[0]...`). `T` only types the result.
 */
// pkg/apis/core/v1/zz_generated.defaults.go SetObjectDefaults_PodTemplate (also apps/v1 workloads' templates)
export function defaultPodTemplateSpec<T extends JsonObject = JsonObject>(
  template: unknown,
  version: KubeVersion,
  options: DefaultingOptions = {},
): Defaulted<T> {
  const copy = cloneRoot(template, 'template');
  const log = new ProvenanceLog(options.provenance ?? true);
  applyTemplateDefaults(copy, 'spec', defaultingContext(version, log, options));
  const spec = specOf(copy);
  convertServiceAccountAliasIn(spec, 'spec', log);
  // pkg/api/pod/util.go DropDisabledTemplateFields (called by the workload strategies' PrepareForCreate)
  dropDisabledPodSpecFields(spec, 'spec', version, log);
  mirrorServiceAccountOut(spec, 'spec', log);
  addEncodingArtifacts(spec, 'spec', log);
  return { object: copy as T, provenance: log.entries };
}

export function cloneRoot(value: unknown, what: string): JsonObject {
  if (!isObject(value)) throw new DefaultingInputError(`a ${what} must be an object, got ${JSON.stringify(value)}`);
  return cloneJson(value as JsonObject);
}

/** The spec object of a pod or template, created when absent (the decoder's zero PodSpec). */
export function specOf(root: JsonObject): JsonObject {
  const spec = objectField(root, 'spec', '');
  if (spec) return spec;
  const created: JsonObject = {};
  root.spec = created;
  return created;
}

/** Defaults of a Pod object in place (used by createPod too). */
export function applyPodDefaults(pod: JsonObject, ctx: DefaultingContext): void {
  const spec = specOf(pod);
  defaultPodOnly(spec, 'spec', ctx);
  applySpecDefaults(spec, 'spec', ctx);
}

/** Defaults of a PodTemplateSpec in place; `specPath` is where its spec sits in the caller's object. */
export function applyTemplateDefaults(template: JsonObject, specPath: PathLike, ctx: DefaultingContext): void {
  applySpecDefaults(specOf(template), specPath, ctx);
}

function applySpecDefaults(spec: JsonObject, path: PathLike, ctx: DefaultingContext): void {
  defaultPodSpec(spec, path, ctx);
  for (const [volume, volumePath] of objectItems(spec, 'volumes', path)) defaultVolume(volume, volumePath, ctx);
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const [container, containerPath] of objectItems(spec, list, path))
      defaultContainer(container, containerPath, ctx);
  }
  defaultResourceList(spec, 'overhead', path, ctx);
  const podResources = ctx.version.minor >= 32 ? objectField(spec, 'resources', path) : undefined;
  if (podResources) {
    defaultResourceList(podResources, 'limits', childPath(path, 'resources'), ctx);
    defaultResourceList(podResources, 'requests', childPath(path, 'resources'), ctx);
  }
}
