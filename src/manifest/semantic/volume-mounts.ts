/**
 * Volume mounts and devices of a container: pkg/apis/core/validation/validation.go ValidateVolumeMounts,
 * ValidateVolumeDevices, validateMountPropagation and validateMountRecursiveReadOnly.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import {
  appendAll,
  forbidden,
  goStr,
  goTyped,
  invalid,
  notFound,
  notSupported,
  required,
  type ValidationFieldError,
} from './field-error.ts';
import type { Path } from './field-path.ts';
import { asArray, asObject, asOptString, asString, type JsonObject, present } from './json-access.ts';
import { validateLocalDescendingPath, validatePathNoBacksteps } from './paths.ts';
import type { VolumeMap } from './volumes.ts';

const PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];
const RECURSIVE_READ_ONLY = ['Disabled', 'Enabled', 'IfPossible'];

const NO_PATHS: ReadonlyMap<string, string> = new Map();
const NO_NAMES: ReadonlySet<string> = new Set();

/** name -> path of a list of mounts or devices (a later entry of the same name replaces an earlier one). */
function namedPaths(list: unknown, pathField: 'mountPath' | 'devicePath'): ReadonlyMap<string, string> {
  const items = asArray(list);
  if (items.length === 0) return NO_PATHS;
  return new Map(items.map((x) => [asString(asObject(x)?.name), asString(asObject(x)?.[pathField])] as const));
}

function privileged(container: JsonObject | undefined): boolean {
  return asObject(container?.securityContext)?.privileged === true;
}

// ValidateVolumeMounts (Go reports subPath, subPathExpr, mountPropagation and recursiveReadOnly at the list path)
export function validateVolumeMounts(
  container: JsonObject | undefined,
  volumes: VolumeMap,
  path: Path,
  v: KubeVersion,
): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  const devices = namedPaths(container?.volumeDevices, 'devicePath');
  const devicePaths: ReadonlySet<string> = devices.size === 0 ? NO_NAMES : new Set(devices.values());
  const mountPaths = new Set<string>();
  asArray(container?.volumeMounts).forEach((m, i) => {
    const mnt = asObject(m);
    const idx = path.index(i);
    const name = asString(mnt?.name);
    const mountPath = asString(mnt?.mountPath);
    const subPath = asString(mnt?.subPath);
    const subPathExpr = asString(mnt?.subPathExpr);
    if (name.length === 0) errs.push(required(idx.child('name')));
    if (!volumes.has(name)) errs.push(notFound(idx.child('name'), goStr(name)));
    if (mountPath.length === 0) errs.push(required(idx.child('mountPath')));
    if (mountPaths.has(mountPath)) errs.push(invalid(idx.child('mountPath'), goStr(mountPath), 'must be unique'));
    mountPaths.add(mountPath);
    if (devices.has(name))
      errs.push(invalid(idx.child('name'), goStr(name), 'must not already exist in volumeDevices'));
    if (devicePaths.has(mountPath)) {
      errs.push(invalid(idx.child('mountPath'), goStr(mountPath), 'must not already exist as a path in volumeDevices'));
    }
    if (present(volumes.get(name)?.image)) {
      if (subPath.length !== 0)
        errs.push(invalid(idx.child('subPath'), goStr(subPath), 'not allowed in image volume sources'));
      if (subPathExpr.length !== 0) {
        errs.push(invalid(idx.child('subPathExpr'), goStr(subPathExpr), 'not allowed in image volume sources'));
      }
    }
    if (subPath.length > 0) appendAll(errs, validateLocalDescendingPath(subPath, path.child('subPath')));
    if (subPathExpr.length > 0) {
      if (subPath.length > 0) {
        errs.push(
          invalid(idx.child('subPathExpr'), goStr(subPathExpr), 'subPathExpr and subPath are mutually exclusive'),
        );
      }
      appendAll(errs, validateLocalDescendingPath(subPathExpr, path.child('subPathExpr')));
    }
    const propagation = asOptString(mnt?.mountPropagation);
    if (propagation !== undefined) {
      const pPath = path.child('mountPropagation');
      if (!PROPAGATIONS.includes(propagation)) errs.push(notSupported(pPath, goTyped(propagation, v), PROPAGATIONS));
      if (propagation === 'Bidirectional' && !privileged(container)) {
        errs.push(forbidden(pPath, 'Bidirectional mount propagation is available only to privileged containers'));
      }
    }
    const rro = asOptString(mnt?.recursiveReadOnly);
    if (rro !== undefined && rro !== 'Disabled') {
      const rPath = path.child('recursiveReadOnly');
      if (rro === 'Enabled' || rro === 'IfPossible') {
        if (mnt?.readOnly !== true) errs.push(forbidden(rPath, 'may only be specified when readOnly is true'));
        if (propagation !== undefined && propagation !== 'None') {
          errs.push(forbidden(rPath, 'may only be specified when mountPropagation is None or not specified'));
        }
      } else {
        errs.push(notSupported(rPath, goTyped(rro, v), RECURSIVE_READ_ONLY));
      }
    }
  });
  return errs;
}

// ValidateVolumeDevices
export function validateVolumeDevices(
  container: JsonObject | undefined,
  volumes: VolumeMap,
  path: Path,
): ValidationFieldError[] {
  const list = asArray(container?.volumeDevices);
  if (list.length === 0) return [];
  const errs: ValidationFieldError[] = [];
  const mounts = namedPaths(container?.volumeMounts, 'mountPath');
  const mountPathsOfMounts = new Set(mounts.values());
  const devicePaths = new Set<string>();
  const deviceNames = new Set<string>();
  list.forEach((d, i) => {
    const dev = asObject(d);
    const idx = path.index(i);
    const name = asString(dev?.name);
    const devicePath = asString(dev?.devicePath);
    const vol = volumes.get(name);
    const isPVC = present(vol?.persistentVolumeClaim) || present(vol?.ephemeral);
    if (name.length === 0) errs.push(required(idx.child('name')));
    if (deviceNames.has(name)) errs.push(invalid(idx.child('name'), goStr(name), 'must be unique'));
    if (vol && !isPVC) {
      errs.push(
        invalid(
          idx.child('name'),
          goStr(name),
          'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
        ),
      );
    }
    if (!vol) errs.push(notFound(idx.child('name'), goStr(name)));
    if (devicePath.length === 0) errs.push(required(idx.child('devicePath')));
    if (devicePaths.has(devicePath)) errs.push(invalid(idx.child('devicePath'), goStr(devicePath), 'must be unique'));
    if (devicePath.length > 0 && validatePathNoBacksteps(devicePath, idx).length > 0) {
      errs.push(invalid(idx.child('devicePath'), goStr(devicePath), "can not contain backsteps ('..')"));
    } else devicePaths.add(devicePath);
    if (mounts.has(name)) errs.push(invalid(idx.child('name'), goStr(name), 'must not already exist in volumeMounts'));
    if (mountPathsOfMounts.has(devicePath)) {
      errs.push(
        invalid(idx.child('devicePath'), goStr(devicePath), 'must not already exist as a path in volumeMounts'),
      );
    }
    if (name.length > 0) deviceNames.add(name);
  });
  return errs;
}
