/**
 * The ServiceAccount admission plugin (on by default): serviceAccountName `default`, the projected
 * `kube-api-access-<5 random>` token volume mounted read-only at /var/run/secrets/kubernetes.io/serviceaccount
 * in every init and regular container, and the service account's imagePullSecrets.
 */
import { childPath, isUnsetString, type JsonObject, objectField, objectItems } from '../json.ts';
import { generateName } from '../name-generator.ts';
import type { ProvenanceLog } from '../provenance.ts';
import { AdmissionForbiddenError } from './admission-error.ts';

const ADMISSION_GO = 'plugin/pkg/admission/serviceaccount/admission.go';
/** DefaultServiceAccountName */
export const DEFAULT_SERVICE_ACCOUNT_NAME = 'default';
/** ServiceAccountVolumeName: the generated volume is `kube-api-access-xxxxx`. */
export const SERVICE_ACCOUNT_VOLUME_PREFIX = 'kube-api-access-';
/** DefaultAPITokenMountPath */
export const DEFAULT_API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: one hour and seven seconds. */
export const WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS = 3607;
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** What the plugin reads from a ServiceAccount object. */
export interface ServiceAccountInfo {
  readonly name: string;
  /** Namespace of the account; matches any namespace when omitted. */
  readonly namespace?: string;
  readonly automountServiceAccountToken?: boolean;
  readonly imagePullSecrets?: readonly { readonly name: string }[];
}

export interface ServiceAccountAdmission {
  readonly namespace: string;
  readonly podName: string;
  readonly randomSuffix: () => string;
  /** The accounts that exist; when undefined every named account exists (with no settings). */
  readonly serviceAccounts?: readonly ServiceAccountInfo[];
}

/** The projected volume source the plugin mounts (three sources upstream; OpenShift adds a fourth). */
// plugin/pkg/admission/serviceaccount/admission.go TokenVolumeSource
export function tokenVolumeSource(): JsonObject {
  return {
    sources: [
      { serviceAccountToken: { expirationSeconds: WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      {
        downwardAPI: {
          items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
        },
      },
    ],
    // "explicitly set default value, see #104464"
    defaultMode: 420,
  };
}

// plugin/pkg/admission/serviceaccount/admission.go (*Plugin).Admit
export function admitServiceAccount(
  pod: JsonObject,
  spec: JsonObject,
  admission: ServiceAccountAdmission,
  log: ProvenanceLog,
) {
  const metadata = objectField(pod, 'metadata', '');
  const annotations = metadata && objectField(metadata, 'annotations', 'metadata');
  if (annotations && Object.hasOwn(annotations, MIRROR_POD_ANNOTATION)) {
    // Mirror pods are not mutated; Validate refuses them a service account.
    if (!isUnsetString(spec.serviceAccountName)) {
      throw new AdmissionForbiddenError(
        'ServiceAccount',
        admission.podName,
        'a mirror pod may not reference service accounts',
      );
    }
    return;
  }
  if (isUnsetString(spec.serviceAccountName)) {
    log.set(
      spec,
      'serviceAccountName',
      DEFAULT_SERVICE_ACCOUNT_NAME,
      'spec.serviceAccountName',
      'admission:ServiceAccount',
      `${ADMISSION_GO} (*Plugin).Admit`,
    );
  }
  const name = String(spec.serviceAccountName);
  const account = lookUp(name, admission);
  if (shouldAutomount(account, spec)) mountServiceAccountToken(spec, admission, log);
  const pullSecrets = spec.imagePullSecrets;
  if (
    (pullSecrets === undefined || pullSecrets === null || (Array.isArray(pullSecrets) && pullSecrets.length === 0)) &&
    account.imagePullSecrets?.length
  ) {
    const copied = account.imagePullSecrets.map((s) => ({ name: s.name }));
    log.set(
      spec,
      'imagePullSecrets',
      copied,
      'spec.imagePullSecrets',
      'admission:ServiceAccount',
      `${ADMISSION_GO} (*Plugin).Admit`,
      `from service account ${name}`,
    );
  }
}

// plugin/pkg/admission/serviceaccount/admission.go (*Plugin).getServiceAccount
function lookUp(name: string, admission: ServiceAccountAdmission): ServiceAccountInfo {
  if (admission.serviceAccounts === undefined) return { name };
  const found = admission.serviceAccounts.find(
    (sa) => sa.name === name && (sa.namespace === undefined || sa.namespace === admission.namespace),
  );
  if (found) return found;
  throw new AdmissionForbiddenError(
    'ServiceAccount',
    admission.podName,
    `error looking up service account ${admission.namespace}/${name}: serviceaccount "${name}" not found`,
  );
}

// plugin/pkg/admission/serviceaccount/admission.go shouldAutomount: the pod's preference, then the account's, then true
function shouldAutomount(account: ServiceAccountInfo, spec: JsonObject): boolean {
  if (typeof spec.automountServiceAccountToken === 'boolean') return spec.automountServiceAccountToken;
  if (typeof account.automountServiceAccountToken === 'boolean') return account.automountServiceAccountToken;
  return true;
}

// plugin/pkg/admission/serviceaccount/admission.go (*Plugin).mountServiceAccountToken
function mountServiceAccountToken(spec: JsonObject, admission: ServiceAccountAdmission, log: ProvenanceLog) {
  const citation = `${ADMISSION_GO} (*Plugin).mountServiceAccountToken`;
  const volumes = objectItems(spec, 'volumes', 'spec');
  const existing = volumes.find(
    ([v]) => typeof v.name === 'string' && v.name.startsWith(SERVICE_ACCOUNT_VOLUME_PREFIX),
  );
  const volumeName = existing
    ? String(existing[0].name)
    : generateName(SERVICE_ACCOUNT_VOLUME_PREFIX, admission.randomSuffix);
  let needsVolume = false;
  for (const list of ['initContainers', 'containers']) {
    for (const [container, containerPath] of objectItems(spec, list, 'spec')) {
      const mounts = objectItems(container, 'volumeMounts', containerPath);
      if (mounts.some(([m]) => m.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH)) continue;
      const mount = { name: volumeName, readOnly: true, mountPath: DEFAULT_API_TOKEN_MOUNT_PATH };
      const list = Array.isArray(container.volumeMounts) ? container.volumeMounts : [];
      container.volumeMounts = list;
      const mountPath = childPath(childPath(containerPath, 'volumeMounts'), list.length);
      log.append(list, mount, mountPath, 'admission:ServiceAccount', citation);
      needsVolume = true;
    }
  }
  if (!existing && needsVolume) {
    const list = Array.isArray(spec.volumes) ? spec.volumes : [];
    spec.volumes = list;
    const volume = { name: volumeName, projected: tokenVolumeSource() };
    const note = 'projected source from TokenVolumeSource';
    log.append(list, volume, childPath('spec.volumes', list.length), 'admission:ServiceAccount', citation, note);
  }
}
