/**
 * The Volumes section of `kubectl describe pod`, for the volume sources the model creates: emptyDir, hostPath,
 * secret, configMap, nfs, persistentVolumeClaim, downwardAPI, projected (the kube-api-access-xxxxx token volume)
 * and image. Other in-tree and CSI sources are refused rather than printed from guesswork.
 * Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go describeVolumes and the print*VolumeSource functions.
 */
import { canonicalQuantity } from '../defaults/quantity.ts';
import { boolAt, DescribePodError, intAt, type JsonRecord, objectAt, objectsAt, textAt } from './describe-input.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './describe-writer.ts';

/** PR #129457 (CHANGELOG-1.33): projected Secret/ConfigMap sources print `Optional: <bool>`. */
export const PROJECTED_OPTIONAL_SINCE = 33;
/** The image volume source (KEP-4639) exists in kubectl's API types from 1.31; before, such a volume is unknown. */
export const IMAGE_VOLUME_SINCE = 31;

/**
 * Before 1.33 the projected Secret/ConfigMap `Optional` line printed the *bool pointer with %v: `<nil>` when unset,
 * else a memory address. The address is not reproducible; the model prints this stand-in for it.
 */
export const GO_POINTER_STAND_IN = '0xc000a1b2c3';

// describeVolumes: the first source in this order wins (a Go switch over the VolumeSource pointers)
const SOURCE_ORDER = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'configMap',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'ephemeral',
  'rbd',
  'quobyte',
  'downwardAPI',
  'azureDisk',
  'vsphereVolume',
  'cinder',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'cephfs',
  'storageos',
  'fc',
  'azureFile',
  'flexVolume',
  'flocker',
  'projected',
  'csi',
  'image',
] as const;

type Printer = (w: PrefixWriter, source: JsonRecord, path: string, kubectlMinor: number) => void;

const PRINTERS: Partial<Record<(typeof SOURCE_ORDER)[number], Printer>> = {
  // printHostPathVolumeSource: an unset type prints <none>; the defaulted "" prints as empty
  hostPath: (w, s, path) => {
    const type = s.type === undefined || s.type === null ? '<none>' : textAt(s, 'type', path);
    w.write(
      LEVEL_2,
      `Type:\tHostPath (bare host directory volume)\n    Path:\t${textAt(s, 'path', path)}\n    HostPathType:\t${type}\n`,
    );
  },
  // printEmptyDirVolumeSource: the size limit only when above zero
  emptyDir: (w, s, path) => {
    const raw = s.sizeLimit;
    let sizeLimit = '<unset>';
    if (typeof raw === 'string' || typeof raw === 'number') {
      const canonical = canonicalQuantity(raw);
      if (canonical !== '0' && !canonical.startsWith('-')) sizeLimit = canonical;
    }
    w.write(
      LEVEL_2,
      `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n` +
        `    Medium:\t${textAt(s, 'medium', path)}\n    SizeLimit:\t${sizeLimit}\n`,
    );
  },
  // printSecretVolumeSource
  secret: (w, s, path) => {
    w.write(
      LEVEL_2,
      `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${textAt(s, 'secretName', path)}\n` +
        `    Optional:\t${boolAt(s, 'optional', path) === true}\n`,
    );
  },
  // printConfigMapVolumeSource
  configMap: (w, s, path) => {
    w.write(
      LEVEL_2,
      `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${textAt(s, 'name', path)}\n` +
        `    Optional:\t${boolAt(s, 'optional', path) === true}\n`,
    );
  },
  // printNFSVolumeSource
  nfs: (w, s, path) => {
    w.write(
      LEVEL_2,
      `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${textAt(s, 'server', path)}\n` +
        `    Path:\t${textAt(s, 'path', path)}\n    ReadOnly:\t${boolAt(s, 'readOnly', path) === true}\n`,
    );
  },
  // printPersistentVolumeClaimVolumeSource
  persistentVolumeClaim: (w, s, path) => {
    w.write(
      LEVEL_2,
      'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n' +
        `    ClaimName:\t${textAt(s, 'claimName', path)}\n    ReadOnly:\t${boolAt(s, 'readOnly', path) === true}\n`,
    );
  },
  // printDownwardAPIVolumeSource: `fieldPath -> path` and `resource -> path` items
  downwardAPI: (w, s, path) => {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    objectsAt(s, 'items', path).forEach((item, i) => {
      const itemPath = `${path}.items[${i}]`;
      const fieldRef = objectAt(item, 'fieldRef', itemPath);
      if (fieldRef)
        w.write(LEVEL_3, `${textAt(fieldRef, 'fieldPath', itemPath)} -> ${textAt(item, 'path', itemPath)}\n`);
      const resourceRef = objectAt(item, 'resourceFieldRef', itemPath);
      if (resourceRef) {
        w.write(LEVEL_3, `${textAt(resourceRef, 'resource', itemPath)} -> ${textAt(item, 'path', itemPath)}\n`);
      }
    });
  },
  projected: printProjectedVolumeSource,
  // printImageVolumeSource
  image: (w, s, path, kubectlMinor) => {
    if (kubectlMinor < IMAGE_VOLUME_SINCE) {
      w.write(LEVEL_1, '<unknown>\n');
      return;
    }
    w.write(
      LEVEL_2,
      `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${textAt(s, 'reference', path)}\n` +
        `    PullPolicy:\t${textAt(s, 'pullPolicy', path)}\n`,
    );
  },
};

// describe.go printProjectedVolumeSource: one entry per source; clusterTrustBundle / podCertificate print nothing
function printProjectedVolumeSource(w: PrefixWriter, projected: JsonRecord, path: string, kubectlMinor: number) {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  objectsAt(projected, 'sources', path).forEach((source, i) => {
    const sourcePath = `${path}.sources[${i}]`;
    const secret = objectAt(source, 'secret', sourcePath);
    const downwardAPI = objectAt(source, 'downwardAPI', sourcePath);
    const configMap = objectAt(source, 'configMap', sourcePath);
    const token = objectAt(source, 'serviceAccountToken', sourcePath);
    if (secret) {
      const [label, optional] = projectedOptional(secret, `${sourcePath}.secret`, 'SecretOptionalName', kubectlMinor);
      w.write(LEVEL_2, `SecretName:\t${textAt(secret, 'name', sourcePath)}\n    ${label}:\t${optional}\n`);
    } else if (downwardAPI) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (configMap) {
      const [label, optional] = projectedOptional(
        configMap,
        `${sourcePath}.configMap`,
        'ConfigMapOptional',
        kubectlMinor,
      );
      w.write(LEVEL_2, `ConfigMapName:\t${textAt(configMap, 'name', sourcePath)}\n    ${label}:\t${optional}\n`);
    } else if (token) {
      // *ExpirationSeconds, always set by defaulting (a nil pointer would crash kubectl)
      const seconds = intAt(token, 'expirationSeconds', `${sourcePath}.serviceAccountToken`);
      if (seconds === undefined) {
        throw new DescribePodError(
          `${sourcePath}.serviceAccountToken.expirationSeconds: must be set (it is defaulted)`,
        );
      }
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${seconds}\n`);
    }
  });
}

// 1.33+: `Optional: false|true`; before: `<label>: %v` of the *bool (`<nil>`, or a pointer address)
function projectedOptional(source: JsonRecord, path: string, oldLabel: string, kubectlMinor: number): [string, string] {
  const optional = boolAt(source, 'optional', path);
  if (kubectlMinor >= PROJECTED_OPTIONAL_SINCE) return ['Optional', String(optional === true)];
  return [oldLabel, optional === undefined ? '<nil>' : GO_POINTER_STAND_IN];
}

// describe.go describeVolumes
export function describeVolumes(w: PrefixWriter, volumes: readonly JsonRecord[], kubectlMinor: number): void {
  if (volumes.length === 0) {
    w.write(LEVEL_0, 'Volumes:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volumes:\n');
  volumes.forEach((volume, i) => {
    const path = `spec.volumes[${i}]`;
    w.write(LEVEL_1, `${textAt(volume, 'name', path)}:\n`);
    const source = SOURCE_ORDER.find((key) => volume[key] !== undefined && volume[key] !== null);
    if (source === undefined) {
      w.write(LEVEL_1, '<unknown>\n');
      return;
    }
    const printer = PRINTERS[source];
    if (!printer) {
      throw new DescribePodError(`${path}: describing a ${source} volume is not modelled`);
    }
    printer(w, objectAt(volume, source, path)!, `${path}.${source}`, kubectlMinor);
  });
}
