/**
 * Pod templates inside workloads: pkg/apis/apps/validation/validation.go (Deployment, ReplicaSet, DaemonSet,
 * StatefulSet) and pkg/apis/batch/validation/validation.go (Job, CronJob). Expected texts written from the Go code.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_UID } from '../../../src/manifest/semantic/prepare-object.ts';
import { messages, type PodLike } from './helpers.ts';

const ALWAYS_ONLY = 'supported values: "Always"';
const POD_POLICIES = 'supported values: "Always", "OnFailure", "Never"';
const NOT_MATCH = '`selector` does not match template `labels`';
const EMPTY_SELECTOR_33 =
  'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}';

function workload(apiVersion: string, kind: string, patch: (w: PodLike) => void = () => {}): PodLike {
  const w: PodLike = {
    apiVersion,
    kind,
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  };
  patch(w);
  return w;
}
const deployment = (patch?: (w: PodLike) => void) => workload('apps/v1', 'Deployment', patch);

describe('Deployment', () => {
  it('a valid Deployment has no errors (strategy, replicas and the template are defaulted)', () => {
    expect(messages(deployment(), 33)).toEqual([]);
  });
  it('its template only allows restartPolicy Always', () => {
    const d = deployment((w) => (w.spec.template.spec.restartPolicy = 'Never'));
    expect(messages(d, 33)).toEqual([`spec.template.spec.restartPolicy: Unsupported value: "Never": ${ALWAYS_ONLY}`]);
  });
  it('a misspelt restartPolicy fails the pod-spec check first, then the workload one', () => {
    const d = deployment((w) => (w.spec.template.spec.restartPolicy = 'Onfailure'));
    expect(messages(d, 33)).toEqual([
      `spec.template.spec.restartPolicy: Unsupported value: "Onfailure": ${POD_POLICIES}`,
      `spec.template.spec.restartPolicy: Unsupported value: "Onfailure": ${ALWAYS_ONLY}`,
    ]);
  });
  it('pod-spec errors carry the template path', () => {
    const d = deployment((w) => (w.spec.template.spec.containers[0].imagePullPolicy = 'Nerser'));
    expect(messages(d, 33)).toEqual([
      'spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "Nerser": supported values: ' +
        '"Always", "IfNotPresent", "Never"',
    ]);
  });
  it('activeDeadlineSeconds is Forbidden, worded for ReplicaSets', () => {
    const d = deployment((w) => (w.spec.template.spec.activeDeadlineSeconds = 30));
    expect(messages(d, 33)).toEqual([
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
    ]);
  });
  it('a missing selector is Required, and matches nothing (labels.Nothing)', () => {
    const d = deployment((w) => delete w.spec.selector);
    expect(messages(d, 33)).toEqual([
      'spec.selector: Required value',
      `spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: ${NOT_MATCH}`,
    ]);
  });
  it('template labels that miss the selector print the map (nil when absent)', () => {
    const d = deployment((w) => delete w.spec.template.metadata);
    expect(messages(d, 33)).toEqual([
      `spec.template.metadata.labels: Invalid value: map[string]string(nil): ${NOT_MATCH}`,
    ]);
    expect(messages(d, 34)).toEqual([`spec.template.metadata.labels: Invalid value: null: ${NOT_MATCH}`]);
  });
  it('an empty selector is invalid (and, matching everything, raises no label mismatch)', () => {
    const d = deployment((w) => (w.spec.selector = {}));
    expect(messages(d, 33)).toEqual([
      `spec.selector: Invalid value: ${EMPTY_SELECTOR_33}: empty selector is invalid for deployment`,
    ]);
    expect(messages(d, 34)).toEqual(['spec.selector: Invalid value: {}: empty selector is invalid for deployment']);
  });
  it('the metadata name is a DNS subdomain', () => {
    const d = deployment((w) => (w.metadata.name = 'Web'));
    expect(messages(d, 33)).toEqual([
      'metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric ' +
        "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex " +
        "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });
});

describe('ReplicaSet and DaemonSet', () => {
  it('a ReplicaSet says "deployment" for an empty selector, as the Go code does', () => {
    const rs = workload('apps/v1', 'ReplicaSet', (w) => (w.spec.selector = {}));
    expect(messages(rs, 33)).toEqual([
      `spec.selector: Invalid value: ${EMPTY_SELECTOR_33}: empty selector is invalid for deployment`,
    ]);
  });
  it('a DaemonSet template only allows Always and no activeDeadlineSeconds', () => {
    const ds = workload('apps/v1', 'DaemonSet', (w) => {
      w.spec.template.spec.restartPolicy = 'OnFailure';
      w.spec.template.spec.activeDeadlineSeconds = 5;
    });
    expect(messages(ds, 33)).toEqual([
      `spec.template.spec.restartPolicy: Unsupported value: "OnFailure": ${ALWAYS_ONLY}`,
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported',
    ]);
  });
});

describe('StatefulSet', () => {
  const sts = (patch: (w: PodLike) => void = () => {}) =>
    workload('apps/v1', 'StatefulSet', (w) => {
      w.spec.serviceName = 'web';
      patch(w);
    });
  it('its pod spec is not validated on create (ValidatePodTemplateSpecForStatefulSet TODO)', () => {
    const s = sts((w) => (w.spec.template.spec.containers[0].imagePullPolicy = 'Nerser'));
    expect(messages(s, 33)).toEqual([]);
  });
  it('but restartPolicy must still be Always', () => {
    const s = sts((w) => (w.spec.template.spec.restartPolicy = 'Never'));
    expect(messages(s, 33)).toEqual([`spec.template.spec.restartPolicy: Unsupported value: "Never": ${ALWAYS_ONLY}`]);
  });
  it('its template labels are checked at spec.template.labels (no "metadata" step)', () => {
    const s = sts((w) => {
      w.spec.selector = { matchLabels: { app: 'web' } };
      w.spec.template.metadata.labels = { app: 'web', bad: '-x' };
    });
    expect(messages(s, 33)).toEqual([
      'spec.template.labels: Invalid value: "-x": a valid label must be an empty string or consist of alphanumeric ' +
        "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or " +
        "'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });
  it('the PVC retention policy accepts Retain and Delete (from 1.27)', () => {
    const s = sts((w) => (w.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Keep' }));
    expect(messages(s, 27)).toEqual([
      'spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"',
    ]);
  });
});

describe('Job', () => {
  const job = (patch: (w: PodLike) => void = () => {}) =>
    workload('batch/v1', 'Job', (w) => {
      delete w.spec.selector;
      w.spec.template.spec.restartPolicy = 'Never';
      patch(w);
    });
  it('a Job with restartPolicy Never is valid (its selector and labels are generated)', () => {
    expect(messages(job(), 33)).toEqual([]);
  });
  it('without restartPolicy the defaulted Always reads as missing', () => {
    const j = job((w) => delete w.spec.template.spec.restartPolicy);
    expect(messages(j, 33)).toEqual([
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
  });
  it('a misspelt `Onfailure` fails the pod-spec check and the Job check', () => {
    const j = job((w) => (w.spec.template.spec.restartPolicy = 'Onfailure'));
    expect(messages(j, 33)).toEqual([
      `spec.template.spec.restartPolicy: Unsupported value: "Onfailure": ${POD_POLICIES}`,
      'spec.template.spec.restartPolicy: Unsupported value: "Onfailure": supported values: "OnFailure", "Never"',
    ]);
  });
  it('a selector written without manualSelector is not the generated one', () => {
    const j = job((w) => (w.spec.selector = { matchLabels: { app: 'web' } }));
    expect(messages(j, 33)).toEqual([
      `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", ` +
        `"batch.kubernetes.io/controller-uid":"${DEFAULT_UID}"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: ` +
        '`selector` not auto-generated',
    ]);
  });
  it('a negative backoffLimit', () => {
    const j = job((w) => (w.spec.backoffLimit = -1));
    expect(messages(j, 33)).toEqual(['spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0']);
  });
});

describe('CronJob', () => {
  const cron = (patch: (w: PodLike) => void = () => {}) => {
    const c: PodLike = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'nightly' },
      spec: {
        schedule: '0 3 * * *',
        jobTemplate: {
          spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } },
        },
      },
    };
    patch(c);
    return c;
  };
  const templateSpec = (c: PodLike) => c.spec.jobTemplate.spec.template.spec;
  it('a valid CronJob has no errors', () => {
    expect(messages(cron(), 33)).toEqual([]);
  });
  it('restartPolicy is checked at the job template path', () => {
    const c = cron((x) => delete templateSpec(x).restartPolicy);
    expect(messages(c, 33)).toEqual([
      'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
  });
  it('the name leaves room for the 11-character job suffix', () => {
    const name = 'n'.repeat(53);
    expect(
      messages(
        cron((x) => (x.metadata.name = name)),
        33,
      ),
    ).toEqual([`metadata.name: Invalid value: "${name}": must be no more than 52 characters`]);
  });
  it('a schedule with TZ, a selector and manualSelector in the job template', () => {
    const c = cron((x) => {
      x.spec.schedule = 'TZ=UTC 0 3 * * *';
      x.spec.jobTemplate.spec.selector = { matchLabels: { a: 'b' } };
      x.spec.jobTemplate.spec.manualSelector = true;
    });
    expect(messages(c, 33)).toEqual([
      'spec.schedule: Invalid value: "TZ=UTC 0 3 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      'spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, ' +
        'MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated',
      'spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"',
    ]);
  });
});
