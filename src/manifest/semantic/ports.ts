/**
 * Container ports and host-port conflicts: pkg/apis/core/validation/validation.go validateContainerPorts,
 * AccumulateUniqueHostPorts/checkHostPortConflicts and validatePodHostNetworkDeps.
 */

import type { KubeVersion } from '../../k8s/version/index.ts';
import {
  duplicate,
  goInt,
  goStr,
  goTyped,
  invalid,
  notSupported,
  required,
  type ValidationFieldError,
} from './field-error.ts';
import type { Path } from './field-path.ts';
import { asArray, asInt, asObject, asString } from './json-access.ts';
import { isValidPortName, isValidPortNum } from './name-rules.ts';

// supportedPortProtocols is a set: sets.List sorts it
const SUPPORTED_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

// validateContainerPorts
export function validateContainerPorts(ports: unknown, path: Path, v: KubeVersion): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  const names = new Set<string>();
  asArray(ports).forEach((p, i) => {
    const port = asObject(p);
    const idx = path.index(i);
    const name = asString(port?.name);
    if (name.length > 0) {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) for (const m of msgs) errs.push(invalid(idx.child('name'), goStr(name), m));
      else if (names.has(name)) errs.push(duplicate(idx.child('name'), goStr(name)));
      else names.add(name);
    }
    const containerPort = asInt(port?.containerPort);
    if (containerPort === 0) errs.push(required(idx.child('containerPort')));
    else
      for (const m of isValidPortNum(containerPort))
        errs.push(invalid(idx.child('containerPort'), goInt(containerPort), m));
    const hostPort = asInt(port?.hostPort);
    if (hostPort !== 0)
      for (const m of isValidPortNum(hostPort)) errs.push(invalid(idx.child('hostPort'), goInt(hostPort), m));
    const protocol = asString(port?.protocol);
    if (protocol.length === 0) errs.push(required(idx.child('protocol')));
    else if (!SUPPORTED_PROTOCOLS.includes(protocol)) {
      errs.push(notSupported(idx.child('protocol'), goTyped(protocol, v), SUPPORTED_PROTOCOLS));
    }
  });
  return errs;
}

/** AccumulateUniqueHostPorts over the given containers with one shared accumulator (key protocol/hostIP/port). */
// checkHostPortConflicts
export function checkHostPortConflicts(
  containers: readonly unknown[],
  path: Path,
  indexOffset = 0,
): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    const portsPath = path.index(ci + indexOffset).child('ports');
    asArray(asObject(c)?.ports).forEach((p, pi) => {
      const port = asObject(p);
      const hostPort = asInt(port?.hostPort);
      if (hostPort === 0) return;
      const key = `${asString(port?.protocol)}/${asString(port?.hostIP)}/${hostPort}`;
      if (seen.has(key)) errs.push(duplicate(portsPath.index(pi).child('hostPort'), goStr(key)));
      else seen.add(key);
    });
  });
  return errs;
}

/** With hostNetwork, hostPort must equal containerPort (a template may leave it 0: the Pod defaults it). */
// validatePodHostNetworkDeps
export function validateHostNetworkPorts(
  spec: unknown,
  specPath: Path,
  resourceIsPod: boolean,
): ValidationFieldError[] {
  const s = asObject(spec);
  if (s?.hostNetwork !== true) return [];
  const errs: ValidationFieldError[] = [];
  asArray(s.containers).forEach((c, i) => {
    asArray(asObject(c)?.ports).forEach((p, j) => {
      const port = asObject(p);
      const hp = asInt(port?.hostPort);
      const cp = asInt(port?.containerPort);
      if ((resourceIsPod || hp !== 0) && hp !== cp) {
        errs.push(
          invalid(
            specPath.child('containers').index(i).child('ports').index(j).child('hostPort'),
            goInt(hp),
            'must match `containerPort` when `hostNetwork` is true',
          ),
        );
      }
    });
  });
  return errs;
}
