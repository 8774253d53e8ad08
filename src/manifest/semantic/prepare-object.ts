/**
 * What happens to an object between decoding and validation on create: v1 defaulting, BeforeCreate (request
 * namespace, generateName, uid) and the create strategy (Pods: mutating admission, dropped gated fields;
 * Jobs: the generated selector). Pods and pod templates are defaulted by src/k8s/defaults; this file only
 * routes to it, so that the defaulting stays one implementation.
 */
import {
  type CreatePodOptions,
  createPod,
  DefaultingInputError,
  defaultPodTemplateSpec,
  generateName,
  seededRandomSuffix,
} from '../../k8s/defaults/index.ts';
import { asObject, asString, cloneJson, isSet, type JsonObject } from './json-access.ts';
import { defaultDroppingMistypedFields } from './mistyped-fields.ts';
import type { SemanticOptions } from './options.ts';
import { applyWorkloadDefaults } from './workload-defaults.ts';
import { jobGeneratedLabels } from './workloads-batch.ts';

/** The uid given to created objects when the caller does not choose one. */
export const DEFAULT_UID = '3f6c1a2e-8b4d-4e7a-9c15-0d2b7e4f9a61';

/** Where each workload keeps its pod template. */
const TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export function supportedKinds(): string[] {
  return ['Pod', ...Object.keys(TEMPLATE_PATHS)];
}

function requestNamespace(meta: JsonObject | undefined, opts: SemanticOptions): string {
  const written = asString(meta?.namespace);
  return written !== '' ? written : (opts.namespace ?? 'default');
}

// staging/src/k8s.io/apiserver/pkg/registry/rest/create.go BeforeCreate (namespace, generateName) + FillObjectMetaSystemFields
function beforeCreate(obj: JsonObject, opts: SemanticOptions): void {
  const meta = asObject(obj.metadata) ?? {};
  obj.metadata = meta;
  meta.namespace = requestNamespace(meta, opts);
  const base = asString(meta.generateName);
  if (asString(meta.name) === '' && base !== '') meta.name = generateName(base, seededRandomSuffix());
  meta.uid = opts.uid ?? DEFAULT_UID;
}

// pkg/registry/batch/job/strategy.go generateSelector (when manualSelector is not true)
function generateJobSelector(job: JsonObject, opts: SemanticOptions): void {
  const spec = asObject(job.spec) ?? {};
  if (spec.manualSelector === true) return;
  const meta = asObject(job.metadata) ?? {};
  const template = asObject(spec.template) ?? {};
  spec.template = template;
  const tMeta = asObject(template.metadata) ?? {};
  template.metadata = tMeta;
  const labels = asObject(tMeta.labels) ?? {};
  tMeta.labels = labels;
  const generated = jobGeneratedLabels(asString(meta.name), asString(meta.uid), opts.version);
  for (const [k, value] of Object.entries(generated)) if (!Object.hasOwn(labels, k)) labels[k] = value;
  const selector = asObject(spec.selector) ?? {};
  spec.selector = selector;
  const matchLabels = asObject(selector.matchLabels) ?? {};
  selector.matchLabels = matchLabels;
  const uidKey = opts.version.minor >= 27 ? 'batch.kubernetes.io/controller-uid' : 'controller-uid';
  if (!Object.hasOwn(matchLabels, uidKey)) matchLabels[uidKey] = asString(meta.uid);
}

function defaultTemplateAt(obj: JsonObject, path: readonly string[], opts: SemanticOptions): void {
  let parent: JsonObject | undefined = obj;
  for (const key of path.slice(0, -1)) parent = asObject(parent?.[key]);
  const last = path[path.length - 1] ?? 'template';
  if (!parent || !isSet(parent, last)) return;
  parent[last] = defaultDroppingMistypedFields(
    parent[last],
    (t) => defaultPodTemplateSpec(t, opts.version, { provenance: false }).object,
  );
}

/**
 * The object the apiserver validates for a create of `obj` (a new object; the input is not changed).
 * Fields of the wrong JSON type (the decoder rejects them; the structural stage reports it) are left out of
 * the defaulted object; input that still cannot be defaulted is returned undefaulted.
 */
export function prepareForValidation(obj: unknown, kind: string, opts: SemanticOptions): unknown {
  if (asObject(obj) === undefined) return obj;
  try {
    if (kind === 'Pod') {
      const meta = asObject(asObject(obj)?.metadata);
      const podOptions: CreatePodOptions = {
        namespace: requestNamespace(meta, opts),
        uid: opts.uid ?? DEFAULT_UID,
        // admission that can refuse a pod (or needs cluster state) is not part of validation
        admissionPlugins: { Priority: false, AlwaysPullImages: false },
        // validation reads the defaulted object only; the site asks createPod for provenance itself
        provenance: false,
      };
      return defaultDroppingMistypedFields(obj, (pod) => createPod(pod, opts.version, podOptions).object);
    }
    const copy = cloneJson(obj) as JsonObject;
    beforeCreate(copy, opts);
    applyWorkloadDefaults(copy, kind, opts.version);
    const templatePath = TEMPLATE_PATHS[kind];
    if (templatePath) defaultTemplateAt(copy, templatePath, opts);
    if (kind === 'Job') generateJobSelector(copy, opts);
    return copy;
  } catch (error) {
    if (error instanceof DefaultingInputError || (error instanceof Error && error.name === 'AdmissionForbiddenError')) {
      return cloneJson(obj);
    }
    throw error;
  }
}
