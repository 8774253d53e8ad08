/**
 * Probes and lifecycle hooks: pkg/apis/core/validation/validation.go validateHandler (exec, httpGet, tcpSocket,
 * grpc, sleep), validateProbe, validateLivenessProbe/ReadinessProbe/StartupProbe and validateLifecycle.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import {
  appendAll,
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
import { asArray, asInt, asObject, asOptInt, asString, isSet, type JsonObject } from './json-access.ts';
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from './name-rules.ts';
import { validateNonnegative } from './object-meta.ts';
import { sleepActionKept, sleepZeroAllowed } from './version-rules.ts';

const HTTP_SCHEMES = ['HTTP', 'HTTPS'];

// ValidatePortNumOrName: an IntOrString is a port number or a port name
export function validatePortNumOrName(port: unknown, path: Path): ValidationFieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, goStr(port), m));
  const n = asInt(port);
  return isValidPortNum(n).map((m) => invalid(path, goInt(n), m));
}

function validateHttpGet(action: JsonObject | undefined, path: Path, v: KubeVersion): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  if (asString(action?.path).length === 0) errs.push(required(path.child('path')));
  appendAll(errs, validatePortNumOrName(action?.port, path.child('port')));
  const scheme = asString(action?.scheme);
  if (!HTTP_SCHEMES.includes(scheme)) errs.push(notSupported(path.child('scheme'), goTyped(scheme, v), HTTP_SCHEMES));
  for (const h of asArray(action?.httpHeaders)) {
    const name = asString(asObject(h)?.name);
    for (const m of isHTTPHeaderName(name)) errs.push(invalid(path.child('httpHeaders'), goStr(name), m));
  }
  return errs;
}

// validateSleepAction: the bound and its wording follow PodLifecycleSleepActionAllowZero (beta on 1.33)
function validateSleep(sleep: JsonObject | undefined, grace: number | undefined, path: Path, v: KubeVersion) {
  const seconds = asInt(sleep?.seconds);
  if (grace === undefined) return [];
  if (sleepZeroAllowed(v)) {
    if (seconds < 0 || seconds > grace) {
      return [
        invalid(path, goInt(seconds), `must be non-negative and less than terminationGracePeriodSeconds (${grace})`),
      ];
    }
    return [];
  }
  if (seconds <= 0 || seconds > grace) {
    const hint = v.minor === 32 ? '. Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.' : '';
    return [
      invalid(
        path,
        goInt(seconds),
        `must be greater than 0 and less than terminationGracePeriodSeconds (${grace})${hint}`,
      ),
    ];
  }
  return [];
}

/** Handler kinds in validateHandler's order; probes have no `sleep`, lifecycle hooks no `grpc`. */
// validateHandler
function validateHandler(
  handler: JsonObject | undefined,
  kinds: readonly string[],
  grace: number | undefined,
  path: Path,
  v: KubeVersion,
): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  let count = 0;
  for (const kind of kinds) {
    if (!isSet(handler, kind)) continue;
    if (count > 0) {
      errs.push(forbidden(path.child(kind), 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    const action = asObject(handler?.[kind]);
    const p = path.child(kind);
    if (kind === 'exec' && asArray(action?.command).length === 0) errs.push(required(p.child('command')));
    if (kind === 'httpGet') appendAll(errs, validateHttpGet(action, p, v));
    if (kind === 'tcpSocket') appendAll(errs, validatePortNumOrName(action?.port, p.child('port')));
    if (kind === 'grpc') appendAll(errs, validatePortNumOrName(asInt(action?.port), p.child('port')));
    if (kind === 'sleep') appendAll(errs, validateSleep(action, grace, p, v));
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

// validateProbe
function validateProbe(
  probe: JsonObject,
  grace: number | undefined,
  path: Path,
  v: KubeVersion,
): ValidationFieldError[] {
  const errs = validateHandler(probe, PROBE_HANDLERS, grace, path, v);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    appendAll(errs, validateNonnegative(asInt(probe[f]), path.child(f)));
  }
  const tgps = asOptInt(probe.terminationGracePeriodSeconds);
  if (tgps !== undefined && tgps <= 0)
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), goInt(tgps), 'must be greater than 0'));
  return errs;
}

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

// validateLivenessProbe / validateReadinessProbe / validateStartupProbe
export function validateProbeOfKind(
  kind: ProbeKind,
  value: unknown,
  grace: number | undefined,
  path: Path,
  v: KubeVersion,
): ValidationFieldError[] {
  const probe = asObject(value);
  if (!probe) return [];
  const errs = validateProbe(probe, grace, path, v);
  if (kind === 'readinessProbe') {
    const tgps = asOptInt(probe.terminationGracePeriodSeconds);
    if (tgps !== undefined) {
      errs.push(
        invalid(path.child('terminationGracePeriodSeconds'), goInt(tgps), 'must not be set for readinessProbes'),
      );
    }
  } else if (asInt(probe.successThreshold) !== 1) {
    errs.push(invalid(path.child('successThreshold'), goInt(asInt(probe.successThreshold)), 'must be 1'));
  }
  return errs;
}

// validateLifecycle
export function validateLifecycle(
  value: unknown,
  grace: number | undefined,
  path: Path,
  v: KubeVersion,
): ValidationFieldError[] {
  const lc = asObject(value);
  const errs: ValidationFieldError[] = [];
  const kinds = sleepActionKept(v) ? ['exec', 'httpGet', 'tcpSocket', 'sleep'] : ['exec', 'httpGet', 'tcpSocket'];
  for (const hook of ['postStart', 'preStop']) {
    if (isSet(lc, hook)) appendAll(errs, validateHandler(asObject(lc?.[hook]), kinds, grace, path.child(hook), v));
  }
  return errs;
}
