/** OpenAPI `required`, reported apart: the decoder accepts these objects; semantic validation decides. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateStructure } from '../../../src/manifest/structural/validate.ts';
import { testPack } from '../schema/pack-fixture.ts';

const check = (yaml: string) => validateStructure(testPack(35), parse(yaml));

describe('required properties', () => {
  it('are listed separately and never make the decode fail', () => {
    const r = check(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - image: busybox
    ports: [{name: http}]
`);
    expect(r.errors).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.required).toEqual([
      {
        code: 'FieldValueRequired',
        path: ['spec', 'containers', 0, 'name'],
        field: 'spec.containers[0].name',
        layer: 'validation',
      },
      {
        code: 'FieldValueRequired',
        path: ['spec', 'containers', 0, 'ports', 0, 'containerPort'],
        field: 'spec.containers[0].ports[0].containerPort',
        layer: 'validation',
      },
    ]);
  });

  it('treat null like absent, and PodSpec requires containers', () => {
    expect(
      check('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: null}\n').required.map((e) => e.field),
    ).toEqual(['spec.containers']);
  });

  it('are not reported inside a value that failed to decode', () => {
    const r = check('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{ports: "80"}]}\n');
    expect(r.required.map((e) => e.field)).toEqual(['spec.containers[0].name']);
    expect(r.errors).toHaveLength(1);
  });
});
