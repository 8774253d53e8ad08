/**
 * JSON type errors as encoding/json (the sigs.k8s.io/json fork) words them:
 * `json: cannot unmarshal <value> into Go struct field <Struct>.<json path without indices> of type <Go type>`,
 * where Struct is the struct holding the field and the type is reflect.Type.String() of the field's Go type.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateStructure } from '../../../src/manifest/structural/validate.ts';
import { testPack } from '../schema/pack-fixture.ts';

const message = (yaml: string, minor = 35) => validateStructure(testPack(minor), parse(yaml)).message;
const pod = (spec: string, metadata = '  name: p') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n${metadata}\nspec:\n${spec}`;
const container = (fields: string) => pod(`  containers:\n  - name: app\n    image: nginx\n${fields}`);

describe('JSON kinds', () => {
  it.each([
    [
      'string into int32',
      container('    ports: [{containerPort: "80"}]\n'),
      'string',
      'ContainerPort.spec.containers.ports.containerPort',
      'int32',
    ],
    [
      'number into string',
      container('    env: [{name: PORT, value: 8080}]\n'),
      'number',
      'EnvVar.spec.containers.env.value',
      'string',
    ],
    ['bool into string', container('    workingDir: true\n'), 'bool', 'Container.spec.containers.workingDir', 'string'],
    [
      'string into []string',
      container('    command: "sleep 3600"\n'),
      'string',
      'Container.spec.containers.command',
      '[]string',
    ],
    [
      'number into a struct element',
      container('    ports: [80]\n'),
      'number',
      'Container.spec.containers.ports',
      'v1.ContainerPort',
    ],
    [
      'object into []v1.Container',
      pod('  containers: {name: a}\n'),
      'object',
      'PodSpec.spec.containers',
      '[]v1.Container',
    ],
    [
      'string into a struct',
      pod('  securityContext: privileged\n  containers: [{name: a, image: b}]\n'),
      'string',
      'PodSpec.spec.securityContext',
      'v1.PodSecurityContext',
    ],
    [
      'array into a map',
      pod('  nodeSelector: [a]\n  containers: [{name: a, image: b}]\n'),
      'array',
      'PodSpec.spec.nodeSelector',
      'map[string]string',
    ],
    [
      'string into bool',
      pod('  hostNetwork: "true"\n  containers: [{name: a, image: b}]\n'),
      'string',
      'PodSpec.spec.hostNetwork',
      'bool',
    ],
    [
      'number into a label value',
      pod('  containers: [{name: a, image: b}]\n', '  name: p\n  labels: {version: 1}'),
      'number',
      'ObjectMeta.metadata.labels',
      'string',
    ],
    [
      'string into the top-level spec',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: nothing\n',
      'string',
      'Pod.spec',
      'v1.PodSpec',
    ],
  ])('%s', (_name, yaml, value, field, type) => {
    expect(message(yaml)).toBe(`json: cannot unmarshal ${value} into Go struct field ${field} of type ${type}`);
  });
});

describe('named Go types (not in the OpenAPI documents)', () => {
  it.each([
    ['imagePullPolicy: 1', 'number', 'Container.spec.containers.imagePullPolicy', 'v1.PullPolicy'],
    [
      'terminationMessagePolicy: true',
      'bool',
      'Container.spec.containers.terminationMessagePolicy',
      'v1.TerminationMessagePolicy',
    ],
    [
      'ports: [{containerPort: 80, protocol: 6}]',
      'number',
      'ContainerPort.spec.containers.ports.protocol',
      'v1.Protocol',
    ],
    [
      'securityContext: {capabilities: {add: NET_ADMIN}}',
      'string',
      'Capabilities.spec.containers.securityContext.capabilities.add',
      '[]v1.Capability',
    ],
    [
      'securityContext: {capabilities: {add: [1]}}',
      'number',
      'Capabilities.spec.containers.securityContext.capabilities.add',
      'v1.Capability',
    ],
    ['resources: {limits: [1]}', 'array', 'ResourceRequirements.spec.containers.resources.limits', 'v1.ResourceList'],
  ])('%s', (field, kind, path, type) => {
    expect(message(container(`    ${field}\n`))).toBe(
      `json: cannot unmarshal ${kind} into Go struct field ${path} of type ${type}`,
    );
  });

  it('pod restartPolicy and dnsPolicy', () => {
    expect(message(pod('  restartPolicy: 0\n  containers: [{name: a, image: b}]\n'))).toBe(
      'json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy',
    );
    expect(message(pod('  dnsPolicy: [x]\n  containers: [{name: a, image: b}]\n'))).toBe(
      'json: cannot unmarshal array into Go struct field PodSpec.spec.dnsPolicy of type v1.DNSPolicy',
    );
  });

  it('apps and batch kinds', () => {
    const job = `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  completionMode: 1
  template: {spec: {restartPolicy: Never, containers: [{name: a, image: b}]}}
`;
    expect(message(job)).toBe(
      'json: cannot unmarshal number into Go struct field JobSpec.spec.completionMode of type v1.CompletionMode',
    );
    const deploy = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  replicas: "3"
  selector: {matchLabels: {app: d}}
  template: {metadata: {labels: {app: d}}, spec: {containers: [{name: a, image: b}]}}
`;
    expect(message(deploy)).toBe(
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });
});

describe('numbers', () => {
  it('a fraction into an int prints the number (strconv.ParseInt fails)', () => {
    expect(message(container('    ports: [{containerPort: 80.5}]\n'))).toBe(
      'json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
  });
  it('80.0 arrives as 80 (kubectl re-encodes the YAML float) and is accepted', () => {
    expect(message(container('    ports: [{containerPort: 80.0}]\n'))).toBeUndefined();
  });
  it('int32 overflow', () => {
    expect(message(container('    ports: [{containerPort: 3000000000}]\n'))).toBe(
      'json: cannot unmarshal number 3000000000 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
    expect(message(container('    ports: [{containerPort: 2147483647}]\n'))).toBeUndefined();
    expect(message(container('    ports: [{containerPort: -2147483648}]\n'))).toBeUndefined();
  });
  it('int64 range and Go float text', () => {
    // a YAML integer above int64 (yaml.v2 reads it as a uint64) is sent as its digits and rejected
    expect(message(pod('  activeDeadlineSeconds: 10000000000000000000\n  containers: [{name: a, image: b}]\n'))).toBe(
      'json: cannot unmarshal number 10000000000000000000 into Go struct field PodSpec.spec.activeDeadlineSeconds of type int64',
    );
    expect(message(pod('  activeDeadlineSeconds: 1e21\n  containers: [{name: a, image: b}]\n'))).toBe(
      'json: cannot unmarshal number 1e+21 into Go struct field PodSpec.spec.activeDeadlineSeconds of type int64',
    );
    expect(
      message(pod('  activeDeadlineSeconds: 9007199254740000\n  containers: [{name: a, image: b}]\n')),
    ).toBeUndefined();
  });
});

describe('which error the apiserver reports', () => {
  it('the first type error in sorted key order, and not the unknown fields', () => {
    const r = validateStructure(
      testPack(35),
      parse(
        pod('  restartPolicyy: x\n  containers:\n  - name: a\n    image: b\n    workingDir: 1\n    command: "x"\n'),
      ),
    );
    expect(r.message).toBe(
      'json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string',
    );
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({
      code: 'TYPE_MISMATCH',
      field: 'spec.containers[0].command',
      badValue: 'x',
      layer: 'decode',
    });
    expect(r.findings.map((f) => f.field)).toEqual([
      'spec.containers[0].command',
      'spec.containers[0].workingDir',
      'spec.restartPolicyy',
    ]);
  });
});

describe('embedded structs in the error path (Go 1.24 encoding/json, vendored from 1.35)', () => {
  const volume = pod(
    '  volumes:\n  - name: cfg\n    configMap: {name: c, defaultMode: "0644"}\n  containers: [{name: a, image: b}]\n',
  );
  it('1.34: no embedded names', () => {
    expect(message(volume, 34)).toBe(
      'json: cannot unmarshal string into Go struct field ConfigMapVolumeSource.spec.volumes.configMap.defaultMode of type int32',
    );
  });
  it('1.35: VolumeSource, promoted into Volume, appears', () => {
    expect(message(volume, 35)).toBe(
      'json: cannot unmarshal string into Go struct field ConfigMapVolumeSource.spec.volumes.VolumeSource.configMap.defaultMode of type int32',
    );
  });
  it('1.35: ProbeHandler and LocalObjectReference', () => {
    expect(message(container('    livenessProbe: {exec: {command: ls}}\n'))).toBe(
      'json: cannot unmarshal string into Go struct field ExecAction.spec.containers.livenessProbe.ProbeHandler.exec.command of type []string',
    );
    expect(message(container('    env: [{name: A, valueFrom: {configMapKeyRef: {name: 5, key: k}}}]\n'))).toBe(
      'json: cannot unmarshal number into Go struct field ConfigMapKeySelector.spec.containers.env.valueFrom.configMapKeyRef.LocalObjectReference.name of type string',
    );
  });
});
