/**
 * apps/v1 workloads on create: pkg/apis/apps/validation/validation.go ValidateDeployment, ValidateReplicaSet,
 * ValidateDaemonSet and ValidateStatefulSet. A StatefulSet's pod template is checked only for labels,
 * annotations, restartPolicy and activeDeadlineSeconds: the apiserver does not validate its pod spec (the
 * TODO in ValidatePodTemplateSpecForStatefulSet; kubernetes#81147), so such errors surface later as
 * FailedCreate events of the controller.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import {
  appendAll,
  forbidden,
  goInt,
  goJsonValue,
  goStringMap,
  goTyped,
  goVerbatim,
  invalid,
  notSupported,
  required,
  type ValidationFieldError,
} from './field-error.ts';
import { Path } from './field-path.ts';
import { goLabelSelector } from './go-structs.ts';
import { asInt, asObject, asOptInt, asString, asStringMap, type JsonObject, present } from './json-access.ts';
import { selectorIsEmpty, selectorMatches, validateLabelSelector, validateLabels } from './labels.ts';
import { nameIsDNSLabel, nameIsDNSSubdomain, regexError } from './name-rules.ts';
import { validateAnnotations, validateNonnegative, validateObjectMeta } from './object-meta.ts';
import type { PodValidationOptions } from './options.ts';
import { validatePodSpecificAnnotations } from './pod-annotations.ts';
import { validatePodTemplateSpec } from './pod-template.ts';
import { statefulSetBetaFieldsKept, statefulSetNameIsLabel } from './version-rules.ts';

type Errors = ValidationFieldError[];

/** An empty (non-nil) selector converts to labels.Everything(); a nil one to labels.Nothing(), which is not Empty(). */
function matchesEverything(spec: JsonObject | undefined): boolean {
  return present(spec?.selector) && selectorIsEmpty(spec?.selector);
}

/** The template's labels do not satisfy the selector. */
function selectorMismatch(
  template: JsonObject | undefined,
  path: Path,
  opts: PodValidationOptions,
): ValidationFieldError {
  const labels = asStringMap(asObject(template?.metadata)?.labels);
  return invalid(
    path.child('metadata', 'labels'),
    goStringMap(labels, opts.version),
    '`selector` does not match template `labels`',
  );
}

/** The restartPolicy and activeDeadlineSeconds every long-running workload template must respect. */
function longRunningTemplateRules(
  template: JsonObject | undefined,
  path: Path,
  kind: string,
  opts: PodValidationOptions,
): Errors {
  const spec = asObject(template?.spec);
  const errs: Errors = [];
  const policy = asString(spec?.restartPolicy);
  if (policy !== 'Always')
    errs.push(notSupported(path.child('spec', 'restartPolicy'), goTyped(policy, opts.version), ['Always']));
  if (present(spec?.activeDeadlineSeconds)) {
    errs.push(
      forbidden(path.child('spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kind} is not Supported`),
    );
  }
  return errs;
}

/** Selector required, valid and non-empty (`what` names the kind in the message, as Go spells it). */
function validateWorkloadSelector(selector: unknown, path: Path, what: string, opts: PodValidationOptions): Errors {
  if (selector === undefined || selector === null) return [required(path)];
  const errs = validateLabelSelector(selector, path);
  if (selectorIsEmpty(selector))
    errs.push(invalid(path, goLabelSelector(selector, opts.version), `empty selector is invalid for ${what}`));
  return errs;
}

// ValidatePodTemplateSpecForReplicaSet (Deployments and ReplicaSets)
function validateTemplateForReplicaSet(spec: JsonObject | undefined, path: Path, opts: PodValidationOptions): Errors {
  const template = asObject(spec?.template);
  const matches = selectorMatches(spec?.selector, asStringMap(asObject(template?.metadata)?.labels));
  if (matches === undefined)
    return [invalid(path.child('selector'), goLabelSelector(spec?.selector, opts.version), 'invalid label selector')];
  const tPath = path.child('template');
  const errs: Errors = [];
  if (!matchesEverything(spec) && !matches) errs.push(selectorMismatch(template, tPath, opts));
  appendAll(errs, validatePodTemplateSpec(template, tPath, opts));
  appendAll(errs, longRunningTemplateRules(template, tPath, 'ReplicaSet', opts));
  return errs;
}

// ValidatePositiveIntOrPercent (an IntOrString prints through its String method)
function validateIntOrPercent(value: unknown, path: Path): Errors {
  if (typeof value === 'string') {
    return /^[0-9]+%$/.test(value)
      ? []
      : [
          invalid(
            path,
            goVerbatim(value, value),
            regexError(
              "a valid percent string must be a numeric string followed by an ending '%'",
              '[0-9]+%',
              '1%',
              '93%',
            ),
          ),
        ];
  }
  return validateNonnegative(asInt(value), path);
}

function intOrPercentValue(value: unknown): number {
  if (typeof value === 'string') return /^[0-9]+%$/.test(value) ? Number(value.slice(0, -1)) : 0;
  return asInt(value);
}

function notMoreThan100Percent(value: unknown, path: Path): Errors {
  return typeof value === 'string' && /^[0-9]+%$/.test(value) && Number(value.slice(0, -1)) > 100
    ? [invalid(path, goVerbatim(value, value), 'must not be greater than 100%')]
    : [];
}

// ValidateDeploymentStrategy / ValidateRollingUpdateDeployment
function validateDeploymentStrategy(strategy: unknown, path: Path): Errors {
  const s = asObject(strategy);
  const type = asString(s?.type);
  if (type === 'Recreate') {
    return present(s?.rollingUpdate)
      ? [forbidden(path.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")]
      : [];
  }
  if (type !== 'RollingUpdate') return [notSupported(path, goJsonValue(s ?? null), ['Recreate', 'RollingUpdate'])];
  const ru = asObject(s?.rollingUpdate);
  const ruPath = path.child('rollingUpdate');
  if (!ru) return [required(ruPath, 'this should be defaulted and never be nil')];
  const errs = [
    ...validateIntOrPercent(ru.maxUnavailable, ruPath.child('maxUnavailable')),
    ...validateIntOrPercent(ru.maxSurge, ruPath.child('maxSurge')),
  ];
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    const text = String(ru.maxUnavailable ?? 0);
    errs.push(
      invalid(
        ruPath.child('maxUnavailable'),
        goVerbatim(ru.maxUnavailable ?? 0, text),
        'may not be 0 when `maxSurge` is 0',
      ),
    );
  }
  appendAll(errs, notMoreThan100Percent(ru.maxUnavailable, ruPath.child('maxUnavailable')));
  return errs;
}

// ValidateDeployment -> ValidateDeploymentSpec
export function validateDeployment(obj: unknown, opts: PodValidationOptions): Errors {
  const o = asObject(obj);
  const spec = asObject(o?.spec);
  const path = Path.root('spec');
  const errs = validateObjectMeta(o?.metadata, true, nameIsDNSSubdomain, Path.root('metadata'), opts.version);
  appendAll(errs, validateNonnegative(asInt(spec?.replicas), path.child('replicas')));
  appendAll(errs, validateWorkloadSelector(spec?.selector, path.child('selector'), 'deployment', opts));
  appendAll(errs, validateTemplateForReplicaSet(spec, path, opts));
  appendAll(errs, validateDeploymentStrategy(spec?.strategy, path.child('strategy')));
  appendAll(errs, validateNonnegative(asInt(spec?.minReadySeconds), path.child('minReadySeconds')));
  const history = asOptInt(spec?.revisionHistoryLimit);
  if (history !== undefined) appendAll(errs, validateNonnegative(history, path.child('revisionHistoryLimit')));
  const progress = asOptInt(spec?.progressDeadlineSeconds);
  if (progress !== undefined) {
    appendAll(errs, validateNonnegative(progress, path.child('progressDeadlineSeconds')));
    if (progress <= asInt(spec?.minReadySeconds)) {
      errs.push(
        invalid(path.child('progressDeadlineSeconds'), goInt(progress), 'must be greater than minReadySeconds'),
      );
    }
  }
  return errs;
}

// ValidateReplicaSet -> ValidateReplicaSetSpec (its empty-selector message says "deployment", as in Go)
export function validateReplicaSet(obj: unknown, opts: PodValidationOptions): Errors {
  const o = asObject(obj);
  const spec = asObject(o?.spec);
  const path = Path.root('spec');
  const errs = validateObjectMeta(o?.metadata, true, nameIsDNSSubdomain, Path.root('metadata'), opts.version);
  appendAll(errs, validateNonnegative(asInt(spec?.replicas), path.child('replicas')));
  appendAll(errs, validateNonnegative(asInt(spec?.minReadySeconds), path.child('minReadySeconds')));
  appendAll(errs, validateWorkloadSelector(spec?.selector, path.child('selector'), 'deployment', opts));
  appendAll(errs, validateTemplateForReplicaSet(spec, path, opts));
  return errs;
}

// ValidateDaemonSetUpdateStrategy / ValidateRollingUpdateDaemonSet
function validateDaemonSetUpdateStrategy(strategy: unknown, path: Path): Errors {
  const s = asObject(strategy);
  const type = asString(s?.type);
  if (type === 'OnDelete') return [];
  if (type !== 'RollingUpdate') return [notSupported(path, goJsonValue(s ?? null), ['RollingUpdate', 'OnDelete'])];
  const ru = asObject(s?.rollingUpdate);
  const ruPath = path.child('rollingUpdate');
  if (!ru) return [required(ruPath)];
  const errs = [
    ...validateIntOrPercent(ru.maxUnavailable, ruPath.child('maxUnavailable')),
    ...validateIntOrPercent(ru.maxSurge, ruPath.child('maxSurge')),
    ...notMoreThan100Percent(ru.maxUnavailable, ruPath.child('maxUnavailable')),
    ...notMoreThan100Percent(ru.maxSurge, ruPath.child('maxSurge')),
  ];
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    errs.push(
      invalid(
        ruPath.child('maxSurge'),
        goVerbatim(ru.maxSurge, String(ru.maxSurge)),
        'may not be set when maxUnavailable is non-zero',
      ),
    );
  } else if (!hasUnavailable && !hasSurge) {
    errs.push(required(ruPath.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
  }
  return errs;
}

// ValidateDaemonSet -> ValidateDaemonSetSpec (no Required for a missing selector: it simply matches nothing)
export function validateDaemonSet(obj: unknown, opts: PodValidationOptions): Errors {
  const o = asObject(obj);
  const spec = asObject(o?.spec);
  const path = Path.root('spec');
  const template = asObject(spec?.template);
  const errs = validateObjectMeta(o?.metadata, true, nameIsDNSSubdomain, Path.root('metadata'), opts.version);
  appendAll(errs, validateLabelSelector(spec?.selector, path.child('selector')));
  const matches = selectorMatches(spec?.selector, asStringMap(asObject(template?.metadata)?.labels));
  if (matches === false) errs.push(selectorMismatch(template, path.child('template'), opts));
  if (present(spec?.selector) && selectorIsEmpty(spec?.selector)) {
    errs.push(
      invalid(
        path.child('selector'),
        goLabelSelector(spec?.selector, opts.version),
        'empty selector is invalid for daemonset',
      ),
    );
  }
  appendAll(errs, validatePodTemplateSpec(template, path.child('template'), opts));
  appendAll(errs, longRunningTemplateRules(template, path.child('template'), 'DaemonSet', opts));
  appendAll(errs, validateNonnegative(asInt(spec?.minReadySeconds), path.child('minReadySeconds')));
  appendAll(errs, validateNonnegative(asInt(spec?.templateGeneration), path.child('templateGeneration')));
  appendAll(errs, validateDaemonSetUpdateStrategy(spec?.updateStrategy, path.child('updateStrategy')));
  const history = asOptInt(spec?.revisionHistoryLimit);
  if (history !== undefined) appendAll(errs, validateNonnegative(history, path.child('revisionHistoryLimit')));
  return errs;
}

// ValidatePersistentVolumeClaimRetentionPolicy / ValidatePersistentVolumeClaimRetentionPolicyType
function validateRetentionPolicy(policy: unknown, specPath: Path, v: KubeVersion): Errors {
  const p = asObject(policy);
  if (!p) return [];
  const path = specPath.child('persistentVolumeClaimRetentionPolicy');
  const errs: Errors = [];
  for (const key of ['whenDeleted', 'whenScaled']) {
    const value = asString(p[key]);
    if (value !== 'Retain' && value !== 'Delete')
      errs.push(notSupported(path.child(key), goTyped(value, v), ['Retain', 'Delete']));
  }
  return errs;
}

// ValidateStatefulSet -> ValidateStatefulSetSpec
export function validateStatefulSet(obj: unknown, opts: PodValidationOptions): Errors {
  const v = opts.version;
  const o = asObject(obj);
  const spec = asObject(o?.spec);
  const path = Path.root('spec');
  const nameFn = statefulSetNameIsLabel(v) ? nameIsDNSLabel : nameIsDNSSubdomain;
  const errs = validateObjectMeta(o?.metadata, true, nameFn, Path.root('metadata'), v);
  const pmp = asString(spec?.podManagementPolicy);
  if (pmp === '') errs.push(required(path.child('podManagementPolicy')));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') {
    errs.push(invalid(path.child('podManagementPolicy'), goTyped(pmp, v), "must be 'OrderedReady' or 'Parallel'"));
  }
  const strategy = asObject(spec?.updateStrategy);
  const type = asString(strategy?.type);
  const ru = asObject(strategy?.rollingUpdate);
  if (type === '') errs.push(required(path.child('updateStrategy')));
  else if (type === 'OnDelete') {
    if (ru) {
      errs.push(
        invalid(
          path.child('updateStrategy', 'rollingUpdate'),
          goJsonValue(ru),
          "only allowed for updateStrategy 'RollingUpdate'",
        ),
      );
    }
  } else if (type === 'RollingUpdate') {
    if (ru)
      appendAll(
        errs,
        validateNonnegative(asInt(ru.partition), path.child('updateStrategy', 'rollingUpdate', 'partition')),
      );
  } else {
    errs.push(
      invalid(path.child('updateStrategy'), goJsonValue(strategy ?? null), "must be 'RollingUpdate' or 'OnDelete'"),
    );
  }
  // the retention policy and ordinals are dropped before validation while their gates are off (before 1.27)
  if (statefulSetBetaFieldsKept(v)) {
    appendAll(errs, validateRetentionPolicy(spec?.persistentVolumeClaimRetentionPolicy, path, v));
  }
  appendAll(errs, validateNonnegative(asInt(spec?.replicas), path.child('replicas')));
  appendAll(errs, validateNonnegative(asInt(spec?.minReadySeconds), path.child('minReadySeconds')));
  const ordinals = asObject(spec?.ordinals);
  if (statefulSetBetaFieldsKept(v) && ordinals) {
    // the child is named "ordinals.start" in one step, which renders the same as two
    appendAll(errs, validateNonnegative(asInt(ordinals.start), path.child('ordinals.start')));
  }
  appendAll(errs, validateWorkloadSelector(spec?.selector, path.child('selector'), 'statefulset', opts));
  const template = asObject(spec?.template);
  const tPath = path.child('template');
  const matches = selectorMatches(spec?.selector, asStringMap(asObject(template?.metadata)?.labels));
  if (matches === undefined) errs.push(invalid(path.child('selector'), goLabelSelector(spec?.selector, v), ''));
  else {
    if (!matchesEverything(spec) && !matches) errs.push(selectorMismatch(template, tPath, opts));
    const meta = asObject(template?.metadata);
    appendAll(errs, validateLabels(asStringMap(meta?.labels), tPath.child('labels')));
    appendAll(errs, validateAnnotations(asStringMap(meta?.annotations), tPath.child('annotations'), v));
    appendAll(
      errs,
      validatePodSpecificAnnotations(asStringMap(meta?.annotations), template?.spec, tPath.child('annotations'), v),
    );
  }
  appendAll(errs, longRunningTemplateRules(template, tPath, 'StatefulSet', opts));
  return errs;
}
