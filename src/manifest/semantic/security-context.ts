/**
 * Security contexts: pkg/apis/core/validation/validation.go ValidateSecurityContext (containers) and
 * validatePodSpecSecurityContext (pods), with validateSeccompProfileField, ValidateAppArmorProfileField and
 * validateSysctls. Windows options are not modelled. Privileged containers are allowed (the usual
 * --allow-privileged=true of kubeadm and managed clusters).
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import {
  appendAll,
  duplicate,
  goInt,
  goJsonValue,
  goStr,
  goTyped,
  invalid,
  notSupported,
  required,
  tooLong,
  type ValidationFieldError,
} from './field-error.ts';
import type { Path } from './field-path.ts';
import { asArray, asObject, asOptInt, asOptString, asString, type JsonObject } from './json-access.ts';
import { isValidUnixID } from './name-rules.ts';
import { validateLocalDescendingPath } from './paths.ts';

const SECCOMP_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];

function validateId(value: unknown, path: Path): ValidationFieldError[] {
  const id = asOptInt(value);
  return id === undefined ? [] : isValidUnixID(id).map((m) => invalid(path, goInt(id), m));
}

// validateSeccompProfileField
function validateSeccomp(value: unknown, path: Path, v: KubeVersion): ValidationFieldError[] {
  const sp = asObject(value);
  if (!sp) return [];
  const errs: ValidationFieldError[] = [];
  const type = asString(sp.type);
  if (type === '') errs.push(required(path.child('type'), 'type is required when seccompProfile is set'));
  else if (!SECCOMP_TYPES.includes(type)) errs.push(notSupported(path.child('type'), goTyped(type, v), SECCOMP_TYPES));
  const localhost = asOptString(sp.localhostProfile);
  if (type === 'Localhost') {
    if (localhost === undefined)
      errs.push(required(path.child('localhostProfile'), 'must be set when seccomp type is Localhost'));
    else appendAll(errs, validateLocalDescendingPath(localhost, path.child('localhostProfile')));
  } else if (localhost !== undefined) {
    // Go prints the whole *SeccompProfile here; the model prints its JSON form
    errs.push(
      invalid(path.child('localhostProfile'), goJsonValue(sp), 'can only be set when seccomp type is Localhost'),
    );
  }
  return errs;
}

// ValidateAppArmorProfileField
function validateAppArmor(value: unknown, path: Path, v: KubeVersion): ValidationFieldError[] {
  const p = asObject(value);
  if (!p) return [];
  const type = asString(p.type);
  const localhost = asOptString(p.localhostProfile);
  const lpPath = path.child('localhostProfile');
  switch (type) {
    case 'Localhost': {
      if (localhost === undefined) return [required(lpPath, 'must be set when AppArmor type is Localhost')];
      const errs: ValidationFieldError[] = [];
      if (localhost.trim() !== localhost)
        errs.push(invalid(lpPath, goStr(localhost), 'must not be padded with whitespace'));
      else if (localhost === '') errs.push(required(lpPath, 'must be set when AppArmor type is Localhost'));
      if (localhost.length > 4095) errs.push(tooLong(lpPath, 4095, v));
      return errs;
    }
    case 'RuntimeDefault':
    case 'Unconfined':
      return localhost === undefined
        ? []
        : [invalid(lpPath, goStr(localhost), 'can only be set when AppArmor type is Localhost')];
    case '':
      return [required(path.child('type'), 'type is required when appArmorProfile is set')];
    default:
      return [notSupported(path.child('type'), goTyped(type, v), ['Localhost', 'RuntimeDefault', 'Unconfined'])];
  }
}

// ValidateSecurityContext (containers)
export function validateContainerSecurityContext(
  value: unknown,
  path: Path,
  hostUsers: boolean,
  v: KubeVersion,
): ValidationFieldError[] {
  const sc = asObject(value);
  if (!sc) return [];
  const errs = [
    ...validateId(sc.runAsUser, path.child('runAsUser')),
    ...validateId(sc.runAsGroup, path.child('runAsGroup')),
  ];
  const procMount = asOptString(sc.procMount);
  if (procMount !== undefined) {
    if (procMount !== 'Default' && procMount !== 'Unmasked') {
      errs.push(notSupported(path.child('procMount'), goTyped(procMount, v), ['Default', 'Unmasked']));
    }
    if (hostUsers && procMount === 'Unmasked') {
      errs.push(invalid(path.child('procMount'), goTyped(procMount, v), '`hostUsers` must be false to use `Unmasked`'));
    }
  }
  appendAll(errs, validateSeccomp(sc.seccompProfile, path.child('seccompProfile'), v));
  if (sc.allowPrivilegeEscalation === false) {
    // Go prints the whole *SecurityContext here; the model prints its JSON form
    if (sc.privileged === true) {
      errs.push(
        invalid(path, goJsonValue(sc), 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'),
      );
    }
    for (const cap of asArray(asObject(sc.capabilities)?.add)) {
      if (cap === 'CAP_SYS_ADMIN') {
        errs.push(
          invalid(
            path,
            goJsonValue(sc),
            'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
          ),
        );
      }
    }
  }
  appendAll(errs, validateAppArmor(sc.appArmorProfile, path.child('appArmorProfile'), v));
  return errs;
}

const SYSCTL_SEGMENT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_RE = new RegExp(`^(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}$`);

// validateSysctls with ValidateHostSysctl (net.* with hostNetwork, kernel.shm*/kernel.msg*/kernel.sem/fs.mqueue.* with hostIPC)
function validateSysctls(sysctls: unknown[], spec: JsonObject, path: Path): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  const names = new Set<string>();
  sysctls.forEach((s, i) => {
    const name = asString(asObject(s)?.name);
    const namePath = path.index(i).child('name');
    if (name.length === 0) errs.push(required(namePath));
    else if (name.length > 253 || !SYSCTL_RE.test(name)) {
      errs.push(
        invalid(
          namePath,
          goStr(name),
          `must have at most 253 characters and match regex ^${SYSCTL_RE.source.slice(1, -1)}$`,
        ),
      );
    } else if (names.has(name)) errs.push(duplicate(namePath, goStr(name)));
    const normalized = name.replaceAll('/', '.');
    if (spec.hostNetwork === true && normalized.startsWith('net.')) {
      errs.push(invalid(namePath, goStr(name), "may not be specified when 'hostNetwork' is true"));
    } else if (spec.hostIPC === true && /^(kernel\.(shm|msg|sem)|fs\.mqueue\.)/.test(normalized)) {
      errs.push(invalid(namePath, goStr(name), "may not be specified when 'hostIPC' is true"));
    }
    names.add(name);
  });
  return errs;
}

// validatePodSpecSecurityContext
export function validatePodSecurityContext(spec: JsonObject, path: Path, v: KubeVersion): ValidationFieldError[] {
  const sc = asObject(spec.securityContext);
  if (!sc) return [];
  const errs = [
    ...validateId(sc.fsGroup, path.child('fsGroup')),
    ...validateId(sc.runAsUser, path.child('runAsUser')),
    ...validateId(sc.runAsGroup, path.child('runAsGroup')),
  ];
  asArray(sc.supplementalGroups).forEach((g, i) => {
    appendAll(errs, validateId(g, path.child('supplementalGroups').index(i)));
  });
  if (spec.hostPID === true && sc.shareProcessNamespace === true) {
    errs.push(
      invalid(
        path.child('shareProcessNamespace'),
        { raw: true, text: 'true' },
        'ShareProcessNamespace and HostPID cannot both be enabled',
      ),
    );
  }
  const sysctls = asArray(sc.sysctls);
  if (sysctls.length > 0) appendAll(errs, validateSysctls(sysctls, spec, path.child('sysctls')));
  const fsGroupChangePolicy = asOptString(sc.fsGroupChangePolicy);
  if (fsGroupChangePolicy !== undefined && !['Always', 'OnRootMismatch'].includes(fsGroupChangePolicy)) {
    errs.push(
      notSupported(path.child('fsGroupChangePolicy'), goTyped(fsGroupChangePolicy, v), ['Always', 'OnRootMismatch']),
    );
  }
  appendAll(errs, validateSeccomp(sc.seccompProfile, path.child('seccompProfile'), v));
  appendAll(errs, validateAppArmor(sc.appArmorProfile, path.child('appArmorProfile'), v));
  const sgp = asOptString(sc.supplementalGroupsPolicy);
  if (sgp !== undefined && !['Merge', 'Strict'].includes(sgp)) {
    errs.push(notSupported(path.child('supplementalGroupsPolicy'), goTyped(sgp, v), ['Merge', 'Strict']));
  }
  const selinux = asOptString(sc.seLinuxChangePolicy);
  if (selinux !== undefined && !['MountOption', 'Recursive'].includes(selinux)) {
    errs.push(notSupported(path.child('seLinuxChangePolicy'), goTyped(selinux, v), ['MountOption', 'Recursive']));
  }
  return errs;
}
