/**
 * A Pod create request end to end, as far as it changes the object: decode + v1 defaults, conversion, the
 * request namespace, mutating admission (ServiceAccount, AlwaysPullImages, Priority,
 * DefaultTolerationSeconds, in the apiserver's plugin order), generateName, the pod strategy's
 * PrepareForCreate, and the v1 encoding that `kubectl get pod -o yaml` shows. Validation, LimitRanger and
 * webhooks are not part of this; resourceVersion and the IPs come later.
 */
import type { KubeVersion } from '../version/index.ts';
import { admitAlwaysPullImages } from './admission/always-pull-images.ts';
import { admitDefaultTolerationSeconds } from './admission/default-toleration-seconds.ts';
import { admitPriority, type PriorityClassInfo } from './admission/priority.ts';
import { admitServiceAccount, type ServiceAccountInfo } from './admission/service-account.ts';
import { convertServiceAccountAliasIn, mirrorServiceAccountOut } from './conversion.ts';
import { DefaultingInputError, isUnsetString, type JsonObject, objectField } from './json.ts';
import { generateName, seededRandomSuffix } from './name-generator.ts';
import { prepareForCreate } from './prepare-for-create.ts';
import { type Defaulted, ProvenanceLog } from './provenance.ts';
import { addEncodingArtifacts } from './serialization.ts';
import {
  applyPodDefaults,
  cloneRoot,
  type DefaultingOptions,
  defaultingContext,
  specOf,
} from './set-object-defaults.ts';

export type AdmissionPlugin = 'ServiceAccount' | 'AlwaysPullImages' | 'Priority' | 'DefaultTolerationSeconds';

/** kube-apiserver's default plugin set: AlwaysPullImages is opt-in (--enable-admission-plugins). */
export const DEFAULT_ADMISSION_PLUGINS: Readonly<Record<AdmissionPlugin, boolean>> = {
  ServiceAccount: true,
  AlwaysPullImages: false,
  Priority: true,
  DefaultTolerationSeconds: true,
};

export interface CreatePodOptions extends DefaultingOptions {
  /** The request's namespace (`kubectl -n`); default `default`. */
  readonly namespace?: string;
  /** Source of 5-character suffixes for generateName and kube-api-access-xxxxx; default seededRandomSuffix(). */
  readonly randomSuffix?: () => string;
  /** Virtual-clock seconds: sets metadata.creationTimestamp and condition times when given. */
  readonly now?: number;
  /** Sets metadata.uid when given. */
  readonly uid?: string;
  /** Existing ServiceAccounts; when omitted every named account exists. */
  readonly serviceAccounts?: readonly ServiceAccountInfo[];
  /** PriorityClasses besides the two system ones. */
  readonly priorityClasses?: readonly PriorityClassInfo[];
  /** Turn admission plugins on or off (see DEFAULT_ADMISSION_PLUGINS). */
  readonly admissionPlugins?: Partial<Record<AdmissionPlugin, boolean>>;
  readonly defaultNotReadyTolerationSeconds?: number;
  readonly defaultUnreachableTolerationSeconds?: number;
}

/** The request namespace does not match metadata.namespace (HTTP 400). */
export class NamespaceMismatchError extends Error {
  override name = 'NamespaceMismatchError';
}

/**
 * The stored Pod for a create request: a new object (the input is not modified) plus the provenance of every
 * field the apiserver added, changed or removed. Throws AdmissionForbiddenError when a plugin refuses the pod
 * and DefaultingInputError for input the decoder would reject. `T` only types the result (plain JSON).
 */
export function createPod<T extends JsonObject = JsonObject>(
  pod: unknown,
  version: KubeVersion,
  options: CreatePodOptions = {},
): Defaulted<T> {
  const copy = cloneRoot(pod, 'pod');
  const log = new ProvenanceLog(options.provenance ?? true);
  const ctx = defaultingContext(version, log, options);
  const randomSuffix = options.randomSuffix ?? seededRandomSuffix();
  const metadata = objectField(copy, 'metadata', '') ?? {};
  copy.metadata = metadata;

  // Decoding: v1 defaults, then conversion to the internal version.
  applyPodDefaults(copy, ctx);
  const spec = specOf(copy);
  convertServiceAccountAliasIn(spec, 'spec', log);

  const namespace = options.namespace ?? 'default';
  setRequestNamespace(metadata, namespace, log);
  const podName = typeof metadata.name === 'string' ? metadata.name : '';

  const plugins = { ...DEFAULT_ADMISSION_PLUGINS, ...options.admissionPlugins };
  if (plugins.ServiceAccount) {
    admitServiceAccount(
      copy,
      spec,
      { namespace, podName, randomSuffix, serviceAccounts: options.serviceAccounts },
      log,
    );
  }
  if (plugins.AlwaysPullImages) admitAlwaysPullImages(spec, log);
  if (plugins.Priority) admitPriority(spec, podName, options.priorityClasses ?? [], log);
  if (plugins.DefaultTolerationSeconds) {
    const settings = {
      notReadySeconds: options.defaultNotReadyTolerationSeconds,
      unreachableSeconds: options.defaultUnreachableTolerationSeconds,
    };
    admitDefaultTolerationSeconds(spec, settings, log);
  }

  fillSystemFields(metadata, options, randomSuffix, log);
  prepareForCreate(copy, version, options.now ?? 0, log);

  // Encoding back to v1 for the response / `kubectl get -o yaml`.
  mirrorServiceAccountOut(spec, 'spec', log);
  addEncodingArtifacts(spec, 'spec', log);
  return { object: copy as T, provenance: log.entries };
}

// staging/src/k8s.io/apiserver/pkg/registry/rest/meta.go EnsureObjectNamespaceMatchesRequestNamespace
function setRequestNamespace(metadata: JsonObject, namespace: string, log: ProvenanceLog): void {
  const citation =
    'staging/src/k8s.io/apiserver/pkg/registry/rest/meta.go EnsureObjectNamespaceMatchesRequestNamespace';
  if (isUnsetString(metadata.namespace)) {
    log.set(
      metadata,
      'namespace',
      namespace,
      'metadata.namespace',
      'registry:BeforeCreate',
      citation,
      'from the request',
    );
  } else if (metadata.namespace !== namespace) {
    throw new NamespaceMismatchError(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
}

// staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go (*Store).Create + rest.FillObjectMetaSystemFields
function fillSystemFields(
  metadata: JsonObject,
  options: CreatePodOptions,
  randomSuffix: () => string,
  log: ProvenanceLog,
) {
  const citation = 'staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go (*Store).Create';
  if (isUnsetString(metadata.name) && typeof metadata.generateName === 'string' && metadata.generateName !== '') {
    const name = generateName(metadata.generateName, randomSuffix);
    log.set(metadata, 'name', name, 'metadata.name', 'registry:BeforeCreate', citation, 'generateName');
  } else if (
    metadata.generateName !== undefined &&
    metadata.generateName !== null &&
    typeof metadata.generateName !== 'string'
  ) {
    throw new DefaultingInputError(
      `metadata.generateName: expected a string, got ${JSON.stringify(metadata.generateName)}`,
    );
  }
  const fill = 'staging/src/k8s.io/apiserver/pkg/registry/rest/meta.go FillObjectMetaSystemFields';
  if (options.now !== undefined)
    log.set(metadata, 'creationTimestamp', options.now, 'metadata.creationTimestamp', 'registry:BeforeCreate', fill);
  if (options.uid !== undefined) log.set(metadata, 'uid', options.uid, 'metadata.uid', 'registry:BeforeCreate', fill);
}
