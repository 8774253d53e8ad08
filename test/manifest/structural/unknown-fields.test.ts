/**
 * Unknown fields: sigs.k8s.io/json strict errors (`unknown field "<path>"`), joined by runtime.strictDecodingError
 * (`strict decoding error: a, b`), and the releases where the server checks them at all.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type StructuralOptions, validateStructure } from '../../../src/manifest/structural/validate.ts';
import { testPack } from '../schema/pack-fixture.ts';

const check = (yaml: string, minor = 35, options: StructuralOptions = {}) =>
  validateStructure(testPack(minor), parse(yaml), options);

const pod = (spec: string, metadata = '  name: p') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n${metadata}\nspec:\n${spec}`;

const twoUnknown = pod(`  restartPolicyy: Never
  containers:
  - name: app
    image: nginx
    imagePullPolicyy: Always
`);

describe('several unknown fields', () => {
  it('are joined with ", " in the order kubectl sends the keys (sorted: containers before restartPolicyy)', () => {
    const r = check(twoUnknown);
    expect(r.message).toBe(
      'strict decoding error: unknown field "spec.containers[0].imagePullPolicyy", unknown field "spec.restartPolicyy"',
    );
    expect(r.errors.map((e) => [e.code, e.field, e.layer])).toEqual([
      ['UNKNOWN_FIELD', 'spec.containers[0].imagePullPolicyy', 'decode'],
      ['UNKNOWN_FIELD', 'spec.restartPolicyy', 'decode'],
    ]);
    expect(r.errors[0]?.path).toEqual(['spec', 'containers', 0, 'imagePullPolicyy']);
  });

  it('follow the manifest order with keyOrder "document" (a raw JSON body)', () => {
    expect(check(twoUnknown, 35, { keyOrder: 'document' }).message).toBe(
      'strict decoding error: unknown field "spec.restartPolicyy", unknown field "spec.containers[0].imagePullPolicyy"',
    );
  });

  it('are matched case-sensitively (sigs.k8s.io/json CaseSensitive)', () => {
    expect(check(pod('  Containers: []\n  containers: [{name: a, image: b}]\n')).message).toBe(
      'strict decoding error: unknown field "spec.Containers"',
    );
  });

  it("are not looked into: an unknown field's own value is skipped", () => {
    expect(check(pod('  extra: {containers: 5, nonsense: true}\n  containers: [{name: a, image: b}]\n')).message).toBe(
      'strict decoding error: unknown field "spec.extra"',
    );
  });

  it('stop at 100 (saveStrictError)', () => {
    const keys = Array.from({ length: 120 }, (_, i) => `  x${String(i).padStart(3, '0')}: 1`).join('\n');
    const r = check(pod(`${keys}\n  containers: [{name: a, image: b}]\n`));
    expect(r.errors).toHaveLength(100);
    expect(r.errors[99]?.field).toBe('spec.x099');
    expect(r.findings).toHaveLength(120);
  });
});

describe('what is not unknown', () => {
  it('keys of maps (labels, annotations, nodeSelector, resources)', () => {
    const r = check(
      pod(
        `  nodeSelector: {disktype: ssd}
  containers:
  - name: a
    image: b
    resources: {limits: {cpu: 500m, example.com/gpu: 1}}
`,
        '  name: p\n  labels: {app: web, tier: x}\n  annotations: {a.b/c: d}',
      ),
    );
    expect(r.findings).toEqual([]);
  });

  it('null values of known fields', () => {
    expect(
      check(pod('  containers: [{name: a, image: b, ports: null, env: [null]}]\n  volumes: null\n')).findings,
    ).toEqual([]);
  });

  it('fields of managedFields.fieldsV1 (a free-form object)', () => {
    const meta = '  name: p\n  managedFields:\n  - manager: kubectl\n    fieldsV1: {"f:spec": {"f:containers": {}}}';
    expect(check(pod('  containers: [{name: a, image: b}]\n', meta)).findings).toEqual([]);
  });

  it('spec fields of Deployments, Jobs and CronJobs', () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  replicas: 2
  selector: {matchLabels: {app: d}}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}}
  template:
    metadata: {labels: {app: d}}
    spec: {containers: [{name: a, image: b}]}
`;
    expect(check(deployment).findings).toEqual([]);
    expect(check(deployment.replace('replicas: 2', 'replica: 2')).message).toBe(
      'strict decoding error: unknown field "spec.replica"',
    );
    const cronjob = `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: a, image: b, imagePullPolicy: IfNotPresent}]
          image: oops
`;
    expect(check(cronjob).message).toBe(
      'strict decoding error: unknown field "spec.jobTemplate.spec.template.spec.image"',
    );
  });
});

describe('field validation modes and releases', () => {
  it('Warn returns warnings instead of an error; Ignore drops them', () => {
    const warn = check(twoUnknown, 35, { fieldValidation: 'Warn' });
    expect(warn.errors).toEqual([]);
    expect(warn.message).toBeUndefined();
    expect(warn.warnings).toEqual([
      'unknown field "spec.containers[0].imagePullPolicyy"',
      'unknown field "spec.restartPolicyy"',
    ]);
    const ignore = check(twoUnknown, 35, { fieldValidation: 'Ignore' });
    expect([ignore.errors, ignore.warnings]).toEqual([[], []]);
    expect(ignore.findings).toHaveLength(2);
  });

  it('1.24 and earlier drop unknown fields: ServerSideFieldValidation is alpha (off) until 1.25', () => {
    expect(check(twoUnknown, 24).errors).toEqual([]);
    expect(check(twoUnknown, 23).errors).toEqual([]);
    expect(check(twoUnknown, 25).errors).toHaveLength(2);
  });

  it('1.24 with the gate on already names full paths', () => {
    expect(check(twoUnknown, 24, { serverSideFieldValidation: true }).message).toBe(
      'strict decoding error: unknown field "spec.containers[0].imagePullPolicyy", unknown field "spec.restartPolicyy"',
    );
  });

  it('1.23 with the gate on names the key alone, and duplicates of the same message collapse', () => {
    const r = check(pod('  containers:\n  - {name: a, image: b, foo: 1}\n  - {name: c, image: d, foo: 2}\n'), 23, {
      serverSideFieldValidation: true,
    });
    expect(r.message).toBe('strict decoding error: unknown field "foo"');
    expect(r.errors.map((e) => e.field)).toEqual(['spec.containers[0].foo']);
  });

  it('quotes paths the way strconv.Quote does', () => {
    expect(check(pod('  "we\\"ird\\tkey": 1\n  containers: [{name: a, image: b}]\n')).message).toBe(
      'strict decoding error: unknown field "spec.we\\"ird\\tkey"',
    );
  });
});
