/**
 * A pod spec, in a Pod or a pod template: pkg/apis/core/validation/validation.go ValidatePodSpec, in its order.
 * Not modelled: pod-level resources (PodLevelResources), overhead, Windows host-process and OS-specific
 * field checks, imagePullSecrets' extra fields (the strict decoder rejects those).
 */

import {
  type ContainerContext,
  validateContainers,
  validateEphemeralContainers,
  validateInitContainers,
} from './containers.ts';
import { validateDNSPolicy, validateHostAliases, validatePodDNSConfig } from './dns.ts';
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
import {
  asArray,
  asObject,
  asOptInt,
  asOptString,
  asString,
  asStringMap,
  type JsonObject,
  present,
} from './json-access.ts';
import { validateLabels } from './labels.ts';
import { isDNS1123Label, nameIsDNSSubdomain } from './name-rules.ts';
import type { PodValidationOptions } from './options.ts';
import { validateHostNetworkPorts } from './ports.ts';
import { validateRestartPolicy } from './restart-policy.ts';
import {
  validateAffinity,
  validateReadinessGates,
  validateSchedulingGates,
  validateTolerations,
  validateTopologySpreadConstraints,
} from './scheduling.ts';
import { validatePodSecurityContext } from './security-context.ts';
import { validateVolumes } from './volumes.ts';

const MAX_INT32 = 2147483647;

// validatePodResourceClaims (claim sources are checked for shape only)
function validatePodResourceClaims(claims: unknown, path: Path): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  const names = new Set<string>();
  asArray(claims).forEach((c, i) => {
    const claim = asObject(c);
    const idx = path.index(i);
    const name = asString(claim?.name);
    if (name === '') errs.push(required(idx.child('name')));
    else if (names.has(name)) errs.push(duplicate(idx.child('name'), goStr(name)));
    else {
      appendAll(
        errs,
        isDNS1123Label(name).map((m) => invalid(idx.child('name'), goStr(name), m)),
      );
      names.add(name);
    }
  });
  return errs;
}

// validateHostUsers: a user namespace may not share the host's network, PID or IPC namespace
function validateHostUsers(spec: JsonObject, path: Path): ValidationFieldError[] {
  if (spec.hostUsers !== false) return [];
  const errs: ValidationFieldError[] = [];
  if (spec.hostNetwork === true) errs.push(forbidden(path.child('hostNetwork'), 'when `pod.Spec.HostUsers` is false'));
  if (spec.hostPID === true) errs.push(forbidden(path.child('HostPID'), 'when `pod.Spec.HostUsers` is false'));
  if (spec.hostIPC === true) errs.push(forbidden(path.child('HostIPC'), 'when `pod.Spec.HostUsers` is false'));
  return errs;
}

function nameErrors(value: unknown, path: Path): ValidationFieldError[] {
  const name = asString(value);
  return name.length > 0 ? nameIsDNSSubdomain(name, false).map((m) => invalid(path, goStr(name), m)) : [];
}

/** `podName` is the Pod's metadata.name, or "" for a template (ValidatePodSpec's podMeta). */
// ValidatePodSpec
export function validatePodSpec(
  specValue: unknown,
  podName: string,
  path: Path,
  opts: PodValidationOptions,
): ValidationFieldError[] {
  const v = opts.version;
  const spec = asObject(specValue) ?? {};
  const errs: ValidationFieldError[] = [];
  const gracePeriod = asOptInt(spec.terminationGracePeriodSeconds);
  if (gracePeriod === undefined) errs.push(required(path.child('terminationGracePeriodSeconds')));
  const vols = validateVolumes(spec.volumes, podName, path.child('volumes'), opts.resourceIsPod, v);
  appendAll(errs, vols.errors);
  const podClaimNames = new Set(
    asArray(spec.resourceClaims)
      .map((c) => asString(asObject(c)?.name))
      .filter((n) => n !== ''),
  );
  appendAll(errs, validatePodResourceClaims(spec.resourceClaims, path.child('resourceClaims')));
  const ctx: ContainerContext = {
    opts,
    volumes: vols.volumes,
    podClaimNames,
    gracePeriod,
    podRestartPolicy: asString(spec.restartPolicy),
    hostUsers: spec.hostUsers !== false,
  };
  appendAll(errs, validateContainers(spec.containers, path.child('containers'), ctx));
  appendAll(errs, validateInitContainers(spec.initContainers, spec.containers, path.child('initContainers'), ctx));
  appendAll(errs, validateEphemeralContainers(spec.ephemeralContainers, spec, path.child('ephemeralContainers'), ctx));
  appendAll(errs, validateHostNetworkPorts(spec, path, opts.resourceIsPod));
  appendAll(errs, validateRestartPolicy(asString(spec.restartPolicy), path.child('restartPolicy'), v));
  appendAll(errs, validateDNSPolicy(asString(spec.dnsPolicy), path.child('dnsPolicy'), v));
  appendAll(errs, validateLabels(asStringMap(spec.nodeSelector), path.child('nodeSelector')));
  appendAll(errs, validatePodSecurityContext(spec, path.child('securityContext'), v));
  appendAll(errs, validateAffinity(spec.affinity, path.child('affinity'), v));
  appendAll(errs, validatePodDNSConfig(spec, path.child('dnsConfig'), v));
  appendAll(errs, validateReadinessGates(spec.readinessGates, path.child('readinessGates')));
  appendAll(errs, validateSchedulingGates(spec.schedulingGates, path.child('schedulingGates')));
  appendAll(
    errs,
    validateTopologySpreadConstraints(spec.topologySpreadConstraints, path.child('topologySpreadConstraints'), v),
  );
  appendAll(errs, validateHostUsers(spec, path));
  appendAll(errs, nameErrors(spec.serviceAccountName, path.child('serviceAccountName')));
  appendAll(errs, nameErrors(spec.nodeName, path.child('nodeName')));
  const deadline = asOptInt(spec.activeDeadlineSeconds);
  if (deadline !== undefined && (deadline < 1 || deadline > MAX_INT32)) {
    errs.push(
      invalid(path.child('activeDeadlineSeconds'), goInt(deadline), `must be between 1 and ${MAX_INT32}, inclusive`),
    );
  }
  for (const f of ['hostname', 'subdomain']) {
    const value = asString(spec[f]);
    if (value.length > 0)
      appendAll(
        errs,
        isDNS1123Label(value).map((m) => invalid(path.child(f), goStr(value), m)),
      );
  }
  appendAll(errs, validateTolerations(spec.tolerations, path.child('tolerations'), v));
  appendAll(errs, validateHostAliases(spec.hostAliases, path.child('hostAliases')));
  appendAll(errs, nameErrors(spec.priorityClassName, path.child('priorityClassName')));
  const runtimeClass = asOptString(spec.runtimeClassName);
  if (runtimeClass !== undefined) {
    appendAll(
      errs,
      nameIsDNSSubdomain(runtimeClass, false).map((m) =>
        invalid(path.child('runtimeClassName'), goStr(runtimeClass), m),
      ),
    );
  }
  const preemption = asOptString(spec.preemptionPolicy);
  if (preemption !== undefined) {
    if (preemption === '') errs.push(required(path.child('preemptionPolicy')));
    else if (preemption !== 'PreemptLowerPriority' && preemption !== 'Never') {
      errs.push(
        notSupported(path.child('preemptionPolicy'), goTyped(preemption, v), ['PreemptLowerPriority', 'Never']),
      );
    }
  }
  if (present(spec?.os)) {
    const osName = asString(asObject(spec.os)?.name);
    if (osName.length === 0) errs.push(required(path.child('os').child('name'), 'cannot be empty'));
    else if (osName !== 'linux' && osName !== 'windows')
      errs.push(notSupported(path.child('os'), goTyped(osName, v), ['linux', 'windows']));
  }
  return errs;
}
