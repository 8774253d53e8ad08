/**
 * Pod volumes: pkg/apis/core/validation/validation.go ValidateVolumes and validateVolumeSource. Every volume
 * type counts towards "may not specify more than 1 volume type"; the inner checks are modelled for the common
 * types (emptyDir, hostPath, secret, configMap, persistentVolumeClaim, nfs, downwardAPI, projected, csi,
 * ephemeral, image) and not for the cloud-disk plugins.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import { validateObjectFieldSelector, validateResourceFieldSelector } from './env.ts';
import {
  appendAll,
  duplicate,
  forbidden,
  goInt,
  goStr,
  goTyped,
  invalid,
  notSupported,
  required,
  type ValidationFieldError,
} from './field-error.ts';
import type { Path } from './field-path.ts';
import { asArray, asObject, asOptInt, asOptString, asString, isSet, type JsonObject, present } from './json-access.ts';
import { isDNS1123Label, isDNS1123Subdomain, nameIsDNSSubdomain } from './name-rules.ts';
import { validateLocalNonReservedPath, validatePathNoBacksteps } from './paths.ts';
import { validatePullPolicy } from './pull-policy.ts';
import { quantityFromJson, quantitySign } from './quantity.ts';

/** Volume types in the order validateVolumeSource tests them, with the field name its error path uses. */
const VOLUME_TYPES: readonly (readonly [json: string, errorName: string])[] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'], // sic: the Go code spells this path "downwarAPI"
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

const FILE_MODE_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';
const HOST_PATH_TYPES = [
  '',
  'BlockDevice',
  'CharDevice',
  'Directory',
  'DirectoryOrCreate',
  'File',
  'FileOrCreate',
  'Socket',
];
const VOLUME_FIELD_PATHS = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
];

/** `value` is the field `key` of the object at `path` (read by the caller: a fixed name reads faster). */
function fileMode(value: unknown, key: string, path: Path): ValidationFieldError[] {
  const mode = asOptInt(value);
  return mode !== undefined && (mode > 0o777 || mode < 0) ? [invalid(path.child(key), goInt(mode), FILE_MODE_MSG)] : [];
}

// validateKeyToPath
function validateKeyToPath(item: unknown, path: Path): ValidationFieldError[] {
  const kp = asObject(item);
  const errs: ValidationFieldError[] = [];
  const key = asString(kp?.key);
  const p = asString(kp?.path);
  if (key.length === 0) errs.push(required(path.child('key')));
  if (p.length === 0) errs.push(required(path.child('path')));
  appendAll(errs, validateLocalNonReservedPath(p, path.child('path')));
  appendAll(errs, fileMode(kp?.mode, 'mode', path));
  return errs;
}

// validateDownwardAPIVolumeFile
function validateDownwardAPIFile(file: unknown, path: Path): ValidationFieldError[] {
  const f = asObject(file);
  const errs: ValidationFieldError[] = [];
  const p = asString(f?.path);
  if (p.length === 0) errs.push(required(path.child('path')));
  appendAll(errs, validateLocalNonReservedPath(p, path.child('path')));
  if (present(f?.fieldRef)) {
    appendAll(errs, validateObjectFieldSelector(f?.fieldRef, VOLUME_FIELD_PATHS, path.child('fieldRef')));
    if (present(f?.resourceFieldRef)) {
      errs.push(invalid(path, goStr('resource'), 'fieldRef and resourceFieldRef can not be specified simultaneously'));
    }
  } else if (present(f?.resourceFieldRef)) {
    appendAll(errs, validateResourceFieldSelector(f?.resourceFieldRef, path.child('resourceFieldRef'), true));
  } else {
    errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
  }
  appendAll(errs, fileMode(f?.mode, 'mode', path));
  return errs;
}

// validateProjectionSources (secret, configMap, downwardAPI, serviceAccountToken)
function validateProjected(src: JsonObject | undefined, path: Path): ValidationFieldError[] {
  const errs = fileMode(src?.defaultMode, 'defaultMode', path);
  const seenPaths = new Set<string>();
  const track = (p: string, value: string) => {
    if (p.length === 0) return;
    if (seenPaths.has(p)) errs.push(invalid(path, goStr(value), 'conflicting duplicate paths'));
    else seenPaths.add(p);
  };
  asArray(src?.sources).forEach((s, i) => {
    const source = asObject(s);
    const srcPath = path.child('sources').index(i);
    let count = 0;
    const keyProjection = (kind: 'secret' | 'configMap', value: unknown) => {
      if (!present(value)) return;
      count++;
      const o = asObject(value);
      const name = asString(o?.name);
      if (name.length === 0) errs.push(required(srcPath.child(kind).child('name')));
      asArray(o?.items).forEach((item, j) => {
        appendAll(errs, validateKeyToPath(item, srcPath.child(kind).child('items').index(j)));
        track(asString(asObject(item)?.path), name);
      });
    };
    keyProjection('secret', source?.secret);
    keyProjection('configMap', source?.configMap);
    if (present(source?.downwardAPI)) {
      count++;
      for (const file of asArray(asObject(source?.downwardAPI)?.items)) {
        appendAll(errs, validateDownwardAPIFile(file, srcPath.child('downwardAPI')));
        const p = asString(asObject(file)?.path);
        track(p, p);
      }
    }
    if (present(source?.serviceAccountToken)) {
      count++;
      const sat = asObject(source?.serviceAccountToken);
      const exp = asOptInt(sat?.expirationSeconds) ?? 0;
      const expPath = srcPath.child('serviceAccountToken').child('expirationSeconds');
      if (exp < 600) errs.push(invalid(expPath, goInt(exp), 'may not specify a duration less than 10 minutes'));
      if (exp > 2 ** 32) errs.push(invalid(expPath, goInt(exp), 'may not specify a duration larger than 2^32 seconds'));
      const p = asString(sat?.path);
      if (p === '') errs.push(required(path.child('path')));
      else appendAll(errs, validateLocalNonReservedPath(p, path.child('path')));
    }
    if (present(source?.clusterTrustBundle)) count++;
    if (count > 1) errs.push(forbidden(srcPath, 'may not specify more than 1 volume type per source'));
  });
  return errs;
}

function validateOneSource(
  json: string,
  src: JsonObject | undefined,
  path: Path,
  isPodVolume: boolean,
  v: KubeVersion,
): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  switch (json) {
    case 'emptyDir': {
      const limit = quantityFromJson(src?.sizeLimit);
      if (limit && quantitySign(limit) < 0)
        errs.push(forbidden(path.child('sizeLimit'), 'SizeLimit field must be a valid resource quantity'));
      break;
    }
    case 'hostPath': {
      // validateHostPathVolumeSource
      const p = asString(src?.path);
      if (p.length === 0) return [required(path.child('path'))];
      appendAll(errs, validatePathNoBacksteps(p, path.child('path')));
      const type = asOptString(src?.type);
      if (type !== undefined && !HOST_PATH_TYPES.includes(type)) {
        errs.push(notSupported(path.child('type'), goTyped(type, v), HOST_PATH_TYPES));
      }
      break;
    }
    case 'secret':
      if (asString(src?.secretName).length === 0) errs.push(required(path.child('secretName')));
      appendAll(errs, fileMode(src?.defaultMode, 'defaultMode', path));
      asArray(src?.items).forEach((item, i) => {
        appendAll(errs, validateKeyToPath(item, path.child('items').index(i)));
      });
      break;
    case 'configMap':
      if (asString(src?.name).length === 0) errs.push(required(path.child('name')));
      appendAll(errs, fileMode(src?.defaultMode, 'defaultMode', path));
      asArray(src?.items).forEach((item, i) => {
        appendAll(errs, validateKeyToPath(item, path.child('items').index(i)));
      });
      break;
    case 'persistentVolumeClaim':
      if (asString(src?.claimName).length === 0) errs.push(required(path.child('claimName')));
      break;
    case 'nfs': {
      if (asString(src?.server).length === 0) errs.push(required(path.child('server')));
      const p = asString(src?.path);
      if (p.length === 0) errs.push(required(path.child('path')));
      if (!p.startsWith('/')) errs.push(invalid(path.child('path'), goStr(p), 'must be an absolute path'));
      break;
    }
    case 'downwardAPI':
      appendAll(errs, fileMode(src?.defaultMode, 'defaultMode', path));
      for (const file of asArray(src?.items)) appendAll(errs, validateDownwardAPIFile(file, path));
      break;
    case 'projected':
      appendAll(errs, validateProjected(src, path));
      break;
    case 'csi': {
      // ValidateCSIDriverName
      const driver = asString(src?.driver);
      const driverPath = path.child('driver');
      if (driver.length === 0) errs.push(required(driverPath));
      for (const m of isDNS1123Subdomain(driver.toLowerCase())) errs.push(invalid(driverPath, goStr(driver), m));
      break;
    }
    case 'ephemeral':
      if (!present(src?.volumeClaimTemplate)) errs.push(required(path.child('volumeClaimTemplate')));
      break;
    case 'image':
      if (isPodVolume && asString(src?.reference).length === 0) errs.push(required(path.child('reference')));
      appendAll(errs, validatePullPolicy(asString(src?.pullPolicy), path.child('pullPolicy'), v));
      break;
  }
  return errs;
}

const IS_VOLUME_TYPE = new Set(VOLUME_TYPES.map(([json]) => json));

/** The one volume type a volume sets (the usual case), or undefined when it sets none or several. */
function singleVolumeType(vol: JsonObject | undefined): string | undefined {
  if (vol === undefined) return undefined;
  let found: string | undefined;
  for (const key of Object.keys(vol)) {
    if (!IS_VOLUME_TYPE.has(key) || !isSet(vol, key)) continue;
    if (found !== undefined) return undefined;
    found = key;
  }
  return found;
}

// validateVolumeSource
function validateVolumeSource(
  vol: JsonObject | undefined,
  path: Path,
  isPod: boolean,
  v: KubeVersion,
): ValidationFieldError[] {
  const only = singleVolumeType(vol);
  if (only !== undefined) return validateOneSource(only, asObject(vol?.[only]), path.child(only), isPod, v);
  const errs: ValidationFieldError[] = [];
  let count = 0;
  for (const [json, errorName] of VOLUME_TYPES) {
    if (!isSet(vol, json)) continue;
    if (count > 0) {
      errs.push(forbidden(path.child(errorName), 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    appendAll(errs, validateOneSource(json, asObject(vol?.[json]), path.child(json), isPod, v));
  }
  if (count === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

/** The volumes that passed validation, by name, for the mount checks. */
export type VolumeMap = ReadonlyMap<string, JsonObject>;

/** `podName` is the Pod's name (empty for templates): generic ephemeral volumes derive PVC names from it. */
// ValidateVolumes
export function validateVolumes(
  volumes: unknown,
  podName: string,
  path: Path,
  isPod: boolean,
  v: KubeVersion,
): { volumes: VolumeMap; errors: ValidationFieldError[] } {
  const errs: ValidationFieldError[] = [];
  const valid = new Map<string, JsonObject>();
  const names = new Set<string>();
  const list = asArray(volumes);
  const createdClaims = new Set(
    podName === ''
      ? []
      : list.filter((x) => present(asObject(x)?.ephemeral)).map((x) => `${podName}-${asString(asObject(x)?.name)}`),
  );
  list.forEach((x, i) => {
    const vol = asObject(x) ?? {};
    const idx = path.index(i);
    const namePath = idx.child('name');
    const name = asString(vol.name);
    const el = validateVolumeSource(vol, idx, isPod, v);
    if (present(vol?.ephemeral) && podName !== '' && name !== '') {
      const pvcName = `${podName}-${name}`;
      for (const m of nameIsDNSSubdomain(pvcName, false))
        el.push(invalid(idx.child('name'), goStr(name), `PVC name "${pvcName}": ${m}`));
    }
    if (name.length === 0) el.push(required(namePath));
    else
      appendAll(
        el,
        isDNS1123Label(name).map((m) => invalid(namePath, goStr(name), m)),
      );
    if (names.has(name)) el.push(duplicate(namePath, goStr(name)));
    if (el.length === 0) {
      names.add(name);
      valid.set(name, vol);
    } else appendAll(errs, el);
    const claimName = asString(asObject(vol.persistentVolumeClaim)?.claimName);
    if (present(vol?.persistentVolumeClaim) && createdClaims.has(claimName)) {
      errs.push(
        invalid(
          idx.child('persistentVolumeClaim').child('claimName'),
          goStr(claimName),
          'must not reference a PVC that gets created for an ephemeral volume',
        ),
      );
    }
  });
  return { volumes: valid, errors: errs };
}
