/**
 * kubectl explain data. Expected values are read off the shared kubectl_explain.json vectors and the v2
 * plaintext.tmpl "typeGuess" rules, not computed by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { ExplainError, explain } from '../../../src/manifest/schema/explain.ts';
import { testPack } from './pack-fixture.ts';

describe('explain pod.spec.restartPolicy (vector 1)', () => {
  const r = explain(testPack(35), 'pod.spec.restartPolicy');
  it('names the kind, version and field with its type', () => {
    expect(r).toMatchObject({ group: '', kind: 'Pod', version: 'v1', fieldName: 'restartPolicy', type: '<string>' });
  });
  it('lists the ENUM values in served order', () => {
    expect(r.enum).toEqual(['Always', 'Never', 'OnFailure']);
  });
  it('describes it as a live apiserver serves it', () => {
    expect(r.descriptions).toEqual([
      'Restart policy for all containers within the pod. One of Always, OnFailure, Never. In some contexts, only a ' +
        'subset of those values may be permitted. Default to Always. More info: ' +
        'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy\n\n' +
        'Possible enum values:\n - `"Always"`\n - `"Never"`\n - `"OnFailure"`',
    ]);
    expect(r.fields).toEqual([]);
  });
});

describe('explain pod.spec.containers.imagePullPolicy (vector 2)', () => {
  const r = explain(testPack(35), 'pod.spec.containers.imagePullPolicy');
  it('walks through the containers array to Container', () => {
    expect(r.fieldPath).toEqual(['spec', 'containers', 'imagePullPolicy']);
    expect(r.enum).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(r.description).toContain(
      '\n\nPossible enum values:\n - `"Always"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.\n',
    );
  });
});

describe('explain pod.spec.containers.restartPolicy (vector 3)', () => {
  it('has no enum (ContainerRestartPolicy is not +enum) and the 1.29–1.33 description', () => {
    const r = explain(testPack(33), 'pod.spec.containers.restartPolicy');
    expect(r.enum).toBeUndefined();
    expect(r.type).toBe('<string>');
    expect(r.description).toMatch(
      /^RestartPolicy defines the restart behavior of individual containers in a pod\. This field may only be set for init containers, and the only allowed value is "Always"\./,
    );
  });
  it('1.34 changed the description', () => {
    expect(explain(testPack(34), 'pod.spec.containers.restartPolicy').description).toMatch(
      /^RestartPolicy defines the restart behavior of individual containers in a pod\. This overrides the pod-level restart policy\./,
    );
  });
  it('does not exist before sidecars (1.28)', () => {
    expect(() => explain(testPack(27), 'pod.spec.containers.restartPolicy')).toThrow(
      'error: field "restartPolicy" does not exist',
    );
  });
});

describe('type names', () => {
  const pack = testPack(35);
  it.each([
    ['pod.spec', '<PodSpec>', '<Object>'],
    ['pod.metadata', '<ObjectMeta>', '<Object>'],
    ['pod.spec.containers', '<[]Container>', '<[]Object>'],
    ['pod.spec.containers.args', '<[]string>', '<[]string>'],
    ['pod.spec.nodeSelector', '<map[string]string>', '<map[string]string>'],
    ['pod.spec.containers.resources.limits', '<map[string]Quantity>', '<map[string]string>'],
    ['pod.spec.containers.livenessProbe.httpGet.port', '<IntOrString>', '<string>'],
    ['pod.spec.containers.ports.containerPort', '<integer>', '<integer>'],
    ['pod.spec.hostNetwork', '<boolean>', '<boolean>'],
    ['pod.metadata.creationTimestamp', '<string>', '<string>'],
  ])('%s is %s (explain v2) and %s (before v2)', (path, type, legacy) => {
    const r = explain(pack, path);
    expect(r.type).toBe(type);
    expect(r.legacyType).toBe(legacy);
  });

  it('1.23 documents type IntOrString as a string, so v2 prints <string>', () => {
    expect(explain(testPack(23), 'pod.spec.containers.livenessProbe.httpGet.port').type).toBe('<string>');
  });
});

describe('FIELDS', () => {
  it('lists children sorted, with types, -required- and enums', () => {
    const r = explain(testPack(35), 'pod.spec.containers.ports');
    expect(r.fields.map((f) => [f.name, f.type, f.required, f.enum ?? null])).toEqual([
      ['containerPort', '<integer>', true, null],
      ['hostIP', '<string>', false, null],
      ['hostPort', '<integer>', false, null],
      ['name', '<string>', false, null],
      ['protocol', '<string>', false, ['SCTP', 'TCP', 'UDP']],
    ]);
    expect(r.fields[4]?.description).toMatch(
      /Defaults to "TCP"\.\n\nPossible enum values:\n - `"SCTP"` is the SCTP protocol\./,
    );
  });

  it('lists the top-level fields of a kind', () => {
    const r = explain(testPack(35), 'pod');
    expect(r.fieldName).toBeUndefined();
    expect(r.descriptions).toEqual([
      'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.',
    ]);
    expect(r.fields.map((f) => `${f.name} ${f.type}`)).toEqual([
      'apiVersion <string>',
      'kind <string>',
      'metadata <ObjectMeta>',
      'spec <PodSpec>',
      'status <PodStatus>',
    ]);
  });

  it('walks into pod templates and maps', () => {
    expect(explain(testPack(35), 'deployment.spec.template.spec.containers.imagePullPolicy').enum).toEqual([
      'Always',
      'IfNotPresent',
      'Never',
    ]);
    const labels = explain(testPack(35), 'pod.metadata.labels');
    expect([labels.type, labels.fields]).toEqual(['<map[string]string>', []]);
  });

  it('marks containers required in PodSpec', () => {
    const spec = explain(testPack(35), 'pod.spec').fields;
    expect(spec.find((f) => f.name === 'containers')?.required).toBe(true);
    expect(spec.find((f) => f.name === 'initContainers')?.required).toBe(false);
  });
});

describe('DESCRIPTION pieces follow the template', () => {
  it('allOf references (1.24+): the field description, then the referenced type', () => {
    expect(explain(testPack(35), 'pod.spec').descriptions).toEqual([
      'Specification of the desired behavior of the pod. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      'PodSpec is a description of a pod.',
    ]);
  });
  it('bare $ref (1.23): only the referenced type, as resolveRef replaces the property', () => {
    expect(explain(testPack(23), 'pod.spec').descriptions).toEqual(['PodSpec is a description of a pod.']);
  });
});

describe('resource names', () => {
  it('accepts the kind, the plural and the short name', () => {
    for (const name of ['pod', 'Pod', 'pods', 'po']) expect(explain(testPack(35), `${name}.spec`).kind).toBe('Pod');
    expect(explain(testPack(35), 'deploy.spec.strategy.type')).toMatchObject({
      group: 'apps',
      kind: 'Deployment',
      enum: ['Recreate', 'RollingUpdate'],
    });
    expect(explain(testPack(24), 'cj.spec.concurrencyPolicy').enum).toEqual(['Allow', 'Forbid', 'Replace']);
  });

  it('serves no enum values from a 1.23 apiserver, where OpenAPIEnums is off by default', () => {
    // staging/src/k8s.io/apiserver/pkg/features/kube_features.go OpenAPIEnums: beta (on) from 1.24
    const found = explain(testPack(23), 'cj.spec.concurrencyPolicy');
    expect(found.enum).toBeUndefined();
    expect(found.description).not.toContain('Possible enum values');
  });
  it('filters by --api-version', () => {
    expect(explain(testPack(35), 'jobs', 'batch/v1').kind).toBe('Job');
    expect(() => explain(testPack(35), 'jobs', 'apps/v1')).toThrow(ExplainError);
  });
  it('fails like kubectl for unknown resources and fields', () => {
    expect(() => explain(testPack(35), 'widgets')).toThrow('error: the server doesn\'t have a resource type "widgets"');
    expect(() => explain(testPack(35), 'pod.spec.image')).toThrow('error: field "image" does not exist');
  });
});
