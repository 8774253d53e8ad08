/**
 * Containers of a pod spec: pkg/apis/core/validation/validation.go validateContainerCommon, validateContainers,
 * validateInitContainers, validateEphemeralContainers and validateContainersOnlyForPod.
 */

import { validateEnv, validateEnvFrom } from './env.ts';
import {
  appendAll,
  duplicate,
  forbidden,
  goJsonValue,
  goStr,
  goTyped,
  invalid,
  notFound,
  notSupported,
  required,
  type ValidationFieldError,
} from './field-error.ts';
import type { Path } from './field-path.ts';
import { asArray, asObject, asOptString, asString, isSet, type JsonObject, present } from './json-access.ts';
import { isDNS1123Label } from './name-rules.ts';
import type { PodValidationOptions } from './options.ts';
import { checkHostPortConflicts, validateContainerPorts } from './ports.ts';
import { type ProbeKind, validateLifecycle, validateProbeOfKind } from './probes.ts';
import { validatePullPolicy } from './pull-policy.ts';
import { validateContainerResources } from './resources.ts';
import { validateContainerRestartRules, validateInitContainerRestartPolicy } from './restart-policy.ts';
import { validateContainerSecurityContext } from './security-context.ts';
import {
  containerRestartPolicyFieldExists,
  initContainerForbiddenDetail,
  initContainerRestartPolicyKept,
  resizePolicyKept,
} from './version-rules.ts';
import { validateVolumeDevices, validateVolumeMounts } from './volume-mounts.ts';
import type { VolumeMap } from './volumes.ts';

/** What every container check needs from the pod spec around it. */
export interface ContainerContext {
  readonly opts: PodValidationOptions;
  readonly volumes: VolumeMap;
  readonly podClaimNames: ReadonlySet<string>;
  /** spec.terminationGracePeriodSeconds (defaulted to 30), the bound of lifecycle sleep actions. */
  readonly gracePeriod: number | undefined;
  readonly podRestartPolicy: string;
  readonly hostUsers: boolean;
}

const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const PROBES: readonly ProbeKind[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];

// validateResizePolicy (the field reaches validation from 1.33, when InPlacePodVerticalScaling is on)
function validateResizePolicy(list: unknown, path: Path, ctx: ContainerContext): ValidationFieldError[] {
  const v = ctx.opts.version;
  const policies = asArray(list);
  if (!resizePolicyKept(v) || policies.length === 0) return [];
  const errs: ValidationFieldError[] = [];
  const seen = new Set<string>();
  policies.forEach((p, i) => {
    const policy = asObject(p);
    const name = asString(policy?.resourceName);
    const restart = asString(policy?.restartPolicy);
    if (seen.has(name)) errs.push(duplicate(path.index(i), goTyped(name, v)));
    seen.add(name);
    if (name === '') errs.push(required(path));
    else if (name !== 'cpu' && name !== 'memory') errs.push(notSupported(path, goTyped(name, v), ['cpu', 'memory']));
    if (restart === '') errs.push(required(path));
    else if (restart !== 'NotRequired' && restart !== 'RestartContainer') {
      errs.push(notSupported(path, goTyped(restart, v), ['NotRequired', 'RestartContainer']));
    }
    if (ctx.podRestartPolicy === 'Never' && restart !== 'NotRequired') {
      errs.push(invalid(path, goTyped(restart, v), "must be 'NotRequired' when `restartPolicy` is 'Never'"));
    }
  });
  return errs;
}

// validateContainerCommon: the checks every container kind gets, in the Go order
function validateContainerCommon(
  ctr: JsonObject | undefined,
  path: Path,
  ctx: ContainerContext,
): ValidationFieldError[] {
  const v = ctx.opts.version;
  const errs: ValidationFieldError[] = [];
  const name = asString(ctr?.name);
  const namePath = path.child('name');
  if (name.length === 0) errs.push(required(namePath));
  else
    appendAll(
      errs,
      isDNS1123Label(name).map((m) => invalid(namePath, goStr(name), m)),
    );
  if (asString(ctr?.image).length === 0) errs.push(required(path.child('image')));
  const tmp = asString(ctr?.terminationMessagePolicy);
  const tmpPath = path.child('terminationMessagePolicy');
  if (tmp === '') errs.push(required(tmpPath));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(tmp))
    errs.push(notSupported(tmpPath, goTyped(tmp, v), TERMINATION_MESSAGE_POLICIES));
  const relaxed = ctx.opts.allowRelaxedEnvironmentVariableValidation;
  appendAll(errs, validateContainerPorts(ctr?.ports, path.child('ports'), v));
  appendAll(errs, validateEnv(ctr?.env, path.child('env'), relaxed));
  appendAll(errs, validateEnvFrom(ctr?.envFrom, path.child('envFrom'), relaxed));
  appendAll(errs, validateVolumeMounts(ctr, ctx.volumes, path.child('volumeMounts'), v));
  appendAll(errs, validateVolumeDevices(ctr, ctx.volumes, path.child('volumeDevices')));
  appendAll(errs, validatePullPolicy(asString(ctr?.imagePullPolicy), path.child('imagePullPolicy'), v));
  appendAll(errs, validateContainerResources(ctr?.resources, ctx.podClaimNames, path.child('resources'), v));
  appendAll(errs, validateResizePolicy(ctr?.resizePolicy, path.child('resizePolicy'), ctx));
  appendAll(
    errs,
    validateContainerSecurityContext(ctr?.securityContext, path.child('securityContext'), ctx.hostUsers, v),
  );
  return errs;
}

const NO_ERRORS: readonly ValidationFieldError[] = Object.freeze([]);

/** A probe's errors; the path is made only for a probe that is there (most containers have none). */
function probeErrors(kind: ProbeKind, value: unknown, path: Path, ctx: ContainerContext) {
  if (asObject(value) === undefined) return NO_ERRORS;
  return validateProbeOfKind(kind, value, ctx.gracePeriod, path.child(kind), ctx.opts.version);
}

function validateProbesAndLifecycle(
  ctr: JsonObject | undefined,
  path: Path,
  ctx: ContainerContext,
): ValidationFieldError[] {
  const v = ctx.opts.version;
  const errs: ValidationFieldError[] = [];
  if (present(ctr?.lifecycle))
    appendAll(errs, validateLifecycle(ctr?.lifecycle, ctx.gracePeriod, path.child('lifecycle'), v));
  appendAll(errs, probeErrors('livenessProbe', ctr?.livenessProbe, path, ctx));
  appendAll(errs, probeErrors('readinessProbe', ctr?.readinessProbe, path, ctx));
  appendAll(errs, probeErrors('startupProbe', ctr?.startupProbe, path, ctx));
  return errs;
}

// validateContainers
export function validateContainers(containers: unknown, path: Path, ctx: ContainerContext): ValidationFieldError[] {
  const list = asArray(containers);
  if (list.length === 0) return [required(path)];
  const v = ctx.opts.version;
  const errs: ValidationFieldError[] = [];
  const names = new Set<string>();
  list.forEach((c, i) => {
    const ctr = asObject(c);
    const idx = path.index(i);
    appendAll(errs, validateContainerCommon(ctr, idx, ctx));
    const name = asString(ctr?.name);
    if (names.has(name)) errs.push(duplicate(idx.child('name'), goStr(name)));
    else names.add(name);
    appendAll(errs, validateProbesAndLifecycle(ctr, idx, ctx));
    if (ctx.opts.allowContainerRestartPolicyRules) {
      appendAll(errs, validateContainerRestartRules(ctr, idx, v));
    } else if (containerRestartPolicyFieldExists(v) && asOptString(ctr?.restartPolicy) !== undefined) {
      errs.push(forbidden(idx.child('restartPolicy'), 'may not be set for non-init containers'));
    }
  });
  appendAll(errs, checkHostPortConflicts(list, path));
  return errs;
}

// validateInitContainers
export function validateInitContainers(
  initContainers: unknown,
  regular: unknown,
  path: Path,
  ctx: ContainerContext,
): ValidationFieldError[] {
  const v = ctx.opts.version;
  const errs: ValidationFieldError[] = [];
  const names = new Set(asArray(regular).map((c) => asString(asObject(c)?.name)));
  asArray(initContainers).forEach((c, i) => {
    const ctr = asObject(c);
    const idx = path.index(i);
    appendAll(errs, validateContainerCommon(ctr, idx, ctx));
    const policy = initContainerRestartPolicyKept(v) ? asOptString(ctr?.restartPolicy) : undefined;
    if (policy !== undefined) {
      appendAll(
        errs,
        validateInitContainerRestartPolicy(
          policy,
          idx.child('restartPolicy'),
          ctx.opts.allowContainerRestartPolicyRules,
          v,
        ),
      );
    }
    const sidecar = policy === 'Always';
    const name = asString(ctr?.name);
    if (names.has(name)) errs.push(duplicate(idx.child('name'), goStr(name)));
    else if (name.length > 0) names.add(name);
    // Go checks one init container at a time, with the list path: conflicts always report index 0
    appendAll(errs, checkHostPortConflicts([c], path));
    if (sidecar) {
      appendAll(errs, validateProbesAndLifecycle(ctr, idx, ctx));
    } else {
      const detail = initContainerForbiddenDetail(v);
      for (const f of ['lifecycle', ...PROBES]) if (isSet(ctr, f)) errs.push(forbidden(idx.child(f), detail));
    }
    if (!ctx.opts.allowSidecarResizePolicy && resizePolicyKept(v) && asArray(ctr?.resizePolicy).length > 0) {
      errs.push(
        invalid(idx.child('resizePolicy'), goJsonValue(ctr?.resizePolicy), 'must not be set for init containers'),
      );
    }
  });
  return errs;
}

/** The fields of EphemeralContainerCommon that are not on the allow list, in struct order. */
const EPHEMERAL_FORBIDDEN = [
  'ports',
  'resources',
  'resizePolicy',
  'restartPolicy',
  'restartPolicyRules',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'lifecycle',
];

// validateEphemeralContainers
export function validateEphemeralContainers(
  ephemeral: unknown,
  spec: JsonObject,
  path: Path,
  ctx: ContainerContext,
): ValidationFieldError[] {
  const list = asArray(ephemeral);
  if (list.length === 0) return [];
  const errs: ValidationFieldError[] = [];
  const others = new Set(
    [...asArray(spec.containers), ...asArray(spec.initContainers)].map((c) => asString(asObject(c)?.name)),
  );
  const all = new Set(others);
  list.forEach((c, i) => {
    const ec = asObject(c);
    const idx = path.index(i);
    appendAll(errs, validateContainerCommon(ec, idx, ctx));
    appendAll(errs, validateContainerOnlyForPod(ec, idx));
    const name = asString(ec?.name);
    if (all.has(name)) errs.push(duplicate(idx.child('name'), goStr(name)));
    else all.add(name);
    const target = asString(ec?.targetContainerName);
    if (target !== '' && !others.has(target)) errs.push(notFound(idx.child('targetContainerName'), goStr(target)));
    for (const f of EPHEMERAL_FORBIDDEN) {
      const value = ec?.[f];
      // reflect IsZero: nil pointers and slices; `resources` is a struct value, zero when written as `{}`
      const empty =
        value === undefined ||
        value === null ||
        (Array.isArray(value) && value.length === 0) ||
        (f === 'resources' && asObject(value) !== undefined && Object.keys(value as object).length === 0);
      if (!empty) errs.push(forbidden(idx.child(f), 'cannot be set for an Ephemeral Container'));
    }
    asArray(ec?.volumeMounts).forEach((m, j) => {
      const mount = asObject(m);
      const mPath = idx.child('volumeMounts').index(j);
      if (asString(mount?.subPath) !== '')
        errs.push(forbidden(mPath.child('subPath'), 'cannot be set for an Ephemeral Container'));
      if (asString(mount?.subPathExpr) !== '') {
        errs.push(forbidden(mPath.child('subPathExpr'), 'cannot be set for an Ephemeral Container'));
      }
    });
  });
  return errs;
}

// validateContainerOnlyForPod: a Pod's image may not have leading or trailing whitespace (templates may)
export function validateContainerOnlyForPod(ctr: JsonObject | undefined, path: Path): ValidationFieldError[] {
  const image = asString(ctr?.image);
  return image.trim() !== image
    ? [invalid(path.child('image'), goStr(image), 'must not have leading or trailing whitespace')]
    : [];
}

// validateContainersOnlyForPod
export function validateContainersOnlyForPod(containers: unknown, path: Path): ValidationFieldError[] {
  return asArray(containers).flatMap((c, i) => validateContainerOnlyForPod(asObject(c), path.index(i)));
}
