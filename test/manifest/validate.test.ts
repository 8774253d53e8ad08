/**
 * The whole pipeline on the seed notes' manifests and on the mistakes authors make. Expected texts are the
 * apiserver's (validation-rules.md), written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { kubeVersion } from '../../src/k8s/version/index.ts';
import { renderReportKubectl, renderReportPretty, reportJson } from '../../src/manifest/render/index.ts';
import { validateManifests } from '../../src/manifest/validate.ts';
import { CONTAINERS_AS_MAP, RESTART_NEVER } from './parse/fixtures/seed-manifests.ts';
import { testPack } from './schema/pack-fixture.ts';

const at = (minor: number, text: string | Uint8Array, filename = 'nginx-pod.yaml') =>
  validateManifests(text, { version: kubeVersion(minor), pack: testPack(minor), filename });

describe('kubectl rendering of YAML errors', () => {
  it('prints a repeated key as go-yaml v2 prints its TypeError, with the line once', () => {
    const text = 'apiVersion: v1\nkind: Pod\napiVersion: v1\nmetadata:\n  name: x\n';
    expect(renderReportKubectl(at(26, text, 'dup.yaml'))).toBe(
      'error: error parsing dup.yaml: error converting YAML to JSON: yaml: unmarshal errors:\n' +
        '  line 3: key "apiVersion" already set in map\n',
    );
  });
});

describe('the seed notes', () => {
  it('rejects containers given as a map, at the containers value, as a BadRequest', () => {
    const report = at(26, CONTAINERS_AS_MAP);
    expect(report.valid).toBe(false);
    expect(renderReportKubectl(report)).toBe(
      'Error from server (BadRequest): error when creating "nginx-pod.yaml": Pod in version "v1" cannot be handled as a Pod: ' +
        'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container\n',
    );
    const [record] = reportJson(report);
    expect(record).toMatchObject({ line: 12, col: 5, field: 'spec.containers', layer: 'decode' });
  });

  it('accepts the Never/Never pod and returns the defaulted object', () => {
    const report = at(26, RESTART_NEVER);
    expect(report.valid).toBe(true);
    const pod = report.objects[0]?.object as { spec: { containers: { terminationMessagePolicy: string }[] } };
    expect(pod.spec.containers[0]?.terminationMessagePolicy).toBe('File');
  });

  it('reports the misspelt values of the notes with the apiserver text, at their lines', () => {
    const text = RESTART_NEVER.replace('restartPolicy: Never', 'restartPolicy: Nerser').replace(
      'imagePullPolicy: Never',
      'imagePullPolicy: Onfailure',
    );
    const report = at(26, text);
    expect(renderReportKubectl(report)).toBe(
      'The Pod "nginx-5" is invalid: \n' +
        '* spec.containers[0].imagePullPolicy: Unsupported value: "Onfailure": supported values: "Always", "IfNotPresent", "Never"\n' +
        '* spec.restartPolicy: Unsupported value: "Nerser": supported values: "Always", "OnFailure", "Never"\n',
    );
    expect(reportJson(report).map((r) => [r.line, r.col, r.field])).toEqual([
      [10, 18, 'spec.restartPolicy'],
      [13, 22, 'spec.containers[0].imagePullPolicy'],
    ]);
    expect(renderReportPretty(report, text)).toContain(
      'nginx-pod.yaml:10:18: FieldValueNotSupported: spec.restartPolicy: Unsupported value: "Nerser"',
    );
  });
});

describe('bad input of any kind', () => {
  it('says apiVersion and kind are missing, as kubectl does before sending anything', () => {
    const report = at(35, 'metadata:\n  name: x\n');
    expect(report.valid).toBe(false);
    expect(renderReportKubectl(report)).toBe(
      'error: error validating "nginx-pod.yaml": error validating data: [apiVersion not set, kind not set]; ' +
        'if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
  });

  it('names a kind the cluster does not serve, at the kind line', () => {
    const report = at(35, 'apiVersion: v1\nkind: Podd\nmetadata:\n  name: x\n');
    expect(report.sourceErrors[0]).toMatchObject({ code: 'UNKNOWN_KIND', span: { start: { line: 2, col: 7 } } });
    expect(renderReportKubectl(report)).toContain('no matches for kind "Podd" in version "v1"');
  });

  it('reports YAML errors with a position and never throws', () => {
    for (const text of ['a: b: c', '\t- x', 'apiVersion: v1\nkind: Pod\nspec: [', '\u0000\u0001', '']) {
      const report = at(35, text);
      for (const e of report.sourceErrors) expect(e.span.start.line).toBeGreaterThanOrEqual(1);
    }
    expect(at(35, 'a: b: c').valid).toBe(false);
  });

  it('treats an empty file as valid with no objects (kubectl: "no objects passed to apply")', () => {
    const report = at(35, '# nothing here\n');
    expect(report.objects).toHaveLength(0);
    expect(report.sourceErrors).toHaveLength(0);
  });

  it('rejects invalid UTF-8 given as bytes', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('apiVersion: v1\nkind: Pod\nmetadata:\n  name: '), 0xff]);
    const report = at(35, bytes);
    expect(report.sourceErrors.map((e) => e.code)).toContain('YAML_NOT_UTF8');
  });

  it('says which kinds get structural checks only', () => {
    const report = at(35, 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n');
    expect(report.valid).toBe(true);
    expect(report.objects[0]?.semanticModelled).toBe(false);
  });
});

describe('versions', () => {
  it('allows restartPolicy Never on an init container only where ContainerRestartRules is on (1.35)', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers: [{name: i, image: busybox, restartPolicy: Never}]
  containers: [{name: c, image: nginx}]
`;
    expect(renderReportKubectl(at(33, text))).toBe(
      'The Pod "p" is invalid: spec.initContainers[0].restartPolicy: Unsupported value: "Never": supported values: "Always"\n',
    );
    expect(at(35, text).valid).toBe(true);
  });
});
