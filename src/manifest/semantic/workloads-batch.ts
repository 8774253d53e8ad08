/**
 * batch/v1 workloads on create: pkg/apis/batch/validation/validation.go ValidateJob (with
 * validateGeneratedSelector and ValidateJobSpec) and ValidateCronJobCreate. Pod failure and success policies
 * and managedBy are not modelled.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import { cronScheduleError } from './cron-schedule.ts';
import {
  appendAll,
  goInt,
  goStr,
  goStringMap,
  goTyped,
  invalid,
  notSupported,
  required,
  type ValidationFieldError,
} from './field-error.ts';
import { Path } from './field-path.ts';
import { goLabelSelector } from './go-structs.ts';
import { asObject, asOptInt, asOptString, asString, asStringMap, type JsonObject, present } from './json-access.ts';
import { selectorMatches, validateLabelSelector } from './labels.ts';
import { isDNS1123Label, nameIsDNSSubdomain } from './name-rules.ts';
import { validateNonnegative, validateObjectMeta } from './object-meta.ts';
import type { PodValidationOptions } from './options.ts';
import { validatePodTemplateSpec } from './pod-template.ts';

type Errors = ValidationFieldError[];

/** The labels the Job strategy generates (the batch.kubernetes.io ones from 1.27). */
export function jobGeneratedLabels(name: string, uid: string, v: KubeVersion): Record<string, string> {
  const labels: Record<string, string> = { 'controller-uid': uid, 'job-name': name };
  if (v.minor >= 27) {
    labels['batch.kubernetes.io/controller-uid'] = uid;
    labels['batch.kubernetes.io/job-name'] = name;
  }
  return labels;
}

// validateGeneratedSelector: with a generated selector the template must carry the generated labels
function validateGeneratedSelector(job: JsonObject | undefined, v: KubeVersion): Errors {
  const spec = asObject(job?.spec);
  if (spec?.manualSelector === true || !present(spec?.selector)) return [];
  const meta = asObject(job?.metadata);
  const name = asString(meta?.name);
  const uid = asString(meta?.uid);
  const errs: Errors = [];
  if (uid === '') errs.push(required(Path.root('metadata').child('uid')));
  const templateMeta = asObject(asObject(spec?.template)?.metadata);
  const labels = asStringMap(templateMeta?.labels) ?? {};
  const expected = jobGeneratedLabels(name, uid, v);
  const metaPath = Path.root('spec').child('template').child('metadata');
  for (const [key, value] of Object.entries(expected)) {
    // ValidateHasLabel
    if (labels[key] === undefined) errs.push(required(metaPath.child('labels').key(key), `must be '${value}'`));
    else if (labels[key] !== value)
      errs.push(invalid(metaPath.child('labels').key(key), goStringMap(labels, v), `must be '${value}'`));
  }
  if (selectorMatches(spec?.selector, expected) === false) {
    errs.push(
      invalid(Path.root('spec').child('selector'), goLabelSelector(spec?.selector, v), '`selector` not auto-generated'),
    );
  }
  return errs;
}

// validatePodReplacementPolicy (JobPodReplacementPolicy: dropped before validation while the gate is off, before 1.29)
function validatePodReplacementPolicy(spec: JsonObject | undefined, path: Path, v: KubeVersion): Errors {
  const policy = asOptString(spec?.podReplacementPolicy);
  if (policy === undefined || v.minor < 29) return [];
  if (present(spec?.podFailurePolicy))
    return policy === 'Failed' ? [] : [notSupported(path, goTyped(policy, v), ['Failed'])];
  // sets.List: the supported values sorted
  return policy === 'Failed' || policy === 'TerminatingOrFailed'
    ? []
    : [notSupported(path, goTyped(policy, v), ['Failed', 'TerminatingOrFailed'])];
}

// validateJobSpec (the part shared by Jobs and CronJob job templates)
function validateJobSpec(spec: JsonObject | undefined, path: Path, opts: PodValidationOptions): Errors {
  const v = opts.version;
  const errs: Errors = [];
  for (const f of [
    'parallelism',
    'completions',
    'activeDeadlineSeconds',
    'backoffLimit',
    'ttlSecondsAfterFinished',
    'backoffLimitPerIndex',
  ]) {
    const n = asOptInt(spec?.[f]);
    if (n !== undefined) appendAll(errs, validateNonnegative(n, path.child(f)));
  }
  const maxFailed = asOptInt(spec?.maxFailedIndexes);
  if (maxFailed !== undefined) {
    appendAll(errs, validateNonnegative(maxFailed, path.child('maxFailedIndexes')));
    if (!present(spec?.backoffLimitPerIndex))
      errs.push(required(path.child('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  const mode = asOptString(spec?.completionMode);
  if (mode !== undefined) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') {
      errs.push(notSupported(path.child('completionMode'), goTyped(mode, v), ['NonIndexed', 'Indexed']));
    }
    if (mode === 'Indexed') {
      if (!present(spec?.completions))
        errs.push(required(path.child('completions'), 'when completion mode is Indexed'));
      const parallelism = asOptInt(spec?.parallelism);
      if (parallelism !== undefined && parallelism > 100000) {
        errs.push(
          invalid(
            path.child('parallelism'),
            goInt(parallelism),
            'must be less than or equal to 100000 when completion mode is Indexed',
          ),
        );
      }
    }
  }
  if (mode === undefined || mode === 'NonIndexed') {
    const perIndex = asOptInt(spec?.backoffLimitPerIndex);
    if (perIndex !== undefined)
      errs.push(invalid(path.child('backoffLimitPerIndex'), goInt(perIndex), 'requires indexed completion mode'));
    if (maxFailed !== undefined)
      errs.push(invalid(path.child('maxFailedIndexes'), goInt(maxFailed), 'requires indexed completion mode'));
  }
  appendAll(errs, validatePodReplacementPolicy(spec, path.child('podReplacementPolicy'), v));
  const template = asObject(spec?.template);
  appendAll(errs, validatePodTemplateSpec(template, path.child('template'), opts));
  // Always is what defaulting gives a template without restartPolicy, so it reads as "not set"
  const policy = asString(asObject(template?.spec)?.restartPolicy);
  const policyPath = path.child('template', 'spec', 'restartPolicy');
  if (policy === 'Always' || policy === '') errs.push(required(policyPath, 'valid values: "OnFailure", "Never"'));
  else if (policy !== 'OnFailure' && policy !== 'Never')
    errs.push(notSupported(policyPath, goTyped(policy, v), ['OnFailure', 'Never']));
  else if (present(spec?.podFailurePolicy) && policy !== 'Never') {
    errs.push(invalid(policyPath, goTyped(policy, v), 'only "Never" is supported when podFailurePolicy is specified'));
  }
  return errs;
}

// ValidateJob -> ValidateJobSpec
export function validateJob(obj: unknown, opts: PodValidationOptions): Errors {
  const v = opts.version;
  const job = asObject(obj);
  const meta = asObject(job?.metadata);
  const spec = asObject(job?.spec);
  const path = Path.root('spec');
  const errs = validateObjectMeta(meta, true, nameIsDNSSubdomain, Path.root('metadata'), v);
  appendAll(errs, validateGeneratedSelector(job, v));
  appendAll(errs, validateJobSpec(spec, path, opts));
  if (!present(spec?.selector)) errs.push(required(path.child('selector')));
  else appendAll(errs, validateLabelSelector(spec?.selector, path.child('selector')));
  const templateLabels = asStringMap(asObject(asObject(spec?.template)?.metadata)?.labels);
  if (present(spec?.selector) && selectorMatches(spec?.selector, templateLabels) === false) {
    errs.push(
      invalid(
        path.child('template', 'metadata', 'labels'),
        goStringMap(templateLabels, v),
        '`selector` does not match template `labels`',
      ),
    );
  }
  const completions = asOptInt(spec?.completions);
  if (asString(spec?.completionMode) === 'Indexed' && completions !== undefined && completions > 0) {
    const name = asString(meta?.name);
    const hostname = `${name}-${completions - 1}`;
    if (isDNS1123Label(hostname).length > 0) {
      errs.push(
        invalid(
          Path.root('metadata').child('name'),
          goStr(name),
          `will not able to create pod with invalid DNS label: ${hostname}`,
        ),
      );
    }
  }
  return errs;
}

const TZ_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

// validateTimeZone (the IANA database lookup itself is not modelled)
function validateTimeZone(value: unknown, path: Path, v: KubeVersion): Errors {
  const tz = asOptString(value);
  if (tz === undefined) return [];
  if (tz.length === 0) return [invalid(path, goTyped(tz, v), 'timeZone must be nil or non-empty string')];
  for (const part of tz.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TZ_PART.test(part)) {
      return [invalid(path, goTyped(tz, v), `unknown time zone ${tz}`)];
    }
  }
  if (tz.toLowerCase() === 'local') {
    return [
      invalid(
        path,
        goTyped(tz, v),
        'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      ),
    ];
  }
  return [];
}

// ValidateCronJobCreate -> validateCronJobSpec -> ValidateJobTemplateSpec
export function validateCronJob(obj: unknown, opts: PodValidationOptions): Errors {
  const v = opts.version;
  const cron = asObject(obj);
  const meta = asObject(cron?.metadata);
  const spec = asObject(cron?.spec);
  const path = Path.root('spec');
  const errs = validateObjectMeta(meta, true, nameIsDNSSubdomain, Path.root('metadata'), v);
  const schedule = asString(spec?.schedule);
  if (schedule.length === 0) errs.push(required(path.child('schedule')));
  else {
    const err = cronScheduleError(schedule);
    if (err) errs.push(invalid(path.child('schedule'), goStr(schedule), err));
    if (schedule.includes('TZ')) {
      errs.push(
        invalid(
          path.child('schedule'),
          goStr(schedule),
          'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
        ),
      );
    }
  }
  const deadline = asOptInt(spec?.startingDeadlineSeconds);
  if (deadline !== undefined) appendAll(errs, validateNonnegative(deadline, path.child('startingDeadlineSeconds')));
  appendAll(errs, validateTimeZone(spec?.timeZone, path.child('timeZone'), v));
  const concurrency = asString(spec?.concurrencyPolicy);
  if (concurrency === '') errs.push(required(path.child('concurrencyPolicy')));
  else if (!['Allow', 'Forbid', 'Replace'].includes(concurrency)) {
    errs.push(notSupported(path.child('concurrencyPolicy'), goTyped(concurrency, v), ['Allow', 'Forbid', 'Replace']));
  }
  const jobTemplate = asObject(spec?.jobTemplate);
  const jtPath = path.child('jobTemplate');
  const jobSpec = asObject(jobTemplate?.spec);
  appendAll(errs, validateJobSpec(jobSpec, jtPath.child('spec'), opts));
  if (present(jobSpec?.selector)) {
    errs.push(
      invalid(
        jtPath.child('spec', 'selector'),
        goLabelSelector(jobSpec?.selector, v),
        '`selector` will be auto-generated',
      ),
    );
  }
  if (jobSpec?.manualSelector === true) {
    errs.push(notSupported(jtPath.child('spec', 'manualSelector'), { raw: true, text: 'true' }, ['nil', 'false']));
  }
  for (const f of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    const n = asOptInt(spec?.[f]);
    if (n !== undefined) appendAll(errs, validateNonnegative(n, path.child(f)));
  }
  if (asString(meta?.name).length > 52) {
    errs.push(
      invalid(Path.root('metadata').child('name'), goStr(asString(meta?.name)), 'must be no more than 52 characters'),
    );
  }
  return errs;
}
