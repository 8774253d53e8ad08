import { describe, expect, it } from 'vitest';
import { compilePack, isSchemaPack } from '../../../src/manifest/schema/compile.ts';
import { SchemaPackError } from '../../../src/manifest/schema/errors.ts';
import { PACK_FORMAT } from '../../../src/manifest/schema/model.ts';
import { testPack } from './pack-fixture.ts';

/** A hand-written document in the shape of api/openapi-spec/v3 (1.24+ style: allOf references). */
const doc = {
  openapi: '3.0.0',
  paths: {
    '/api/v1/namespaces/{namespace}/widgets': {
      get: { 'x-kubernetes-group-version-kind': { group: '', version: 'v1', kind: 'Widget' } },
    },
    '/api/v1/watch/namespaces/{namespace}/widgets': {
      get: { 'x-kubernetes-group-version-kind': { group: '', version: 'v1', kind: 'Widget' } },
    },
    '/api/v1/namespaces/{namespace}/widgets/{name}/status': {
      get: { 'x-kubernetes-group-version-kind': { group: '', version: 'v1', kind: 'WidgetStatusOnly' } },
    },
  },
  components: {
    schemas: {
      'io.k8s.api.core.v1.Widget': {
        description: 'A widget.',
        type: 'object',
        required: ['spec'],
        properties: {
          spec: { allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.WidgetSpec' }], description: 'The spec.' },
          tags: { type: 'array', items: { type: 'string', default: '' }, 'x-kubernetes-list-type': 'atomic' },
          labels: { type: 'object', additionalProperties: { type: 'string', default: '' } },
          size: { type: 'integer', format: 'int32' },
          extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        },
        'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'Widget' }],
      },
      'io.k8s.api.core.v1.WidgetSpec': { description: 'Old style.', type: 'object', properties: {} },
    },
  },
};

describe('compilePack', () => {
  const pack = compilePack(35, [doc]);

  it('keeps definitions, descriptions, required and property shapes', () => {
    const widget = pack.definitions['io.k8s.api.core.v1.Widget'];
    expect(widget?.description).toBe('A widget.');
    expect(widget?.required).toEqual(['spec']);
    expect(widget?.properties?.spec).toEqual({
      ref: 'io.k8s.api.core.v1.WidgetSpec',
      viaAllOf: true,
      description: 'The spec.',
    });
    expect(widget?.properties?.tags).toEqual({ type: 'array', items: { type: 'string' } });
    expect(widget?.properties?.labels).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
    expect(widget?.properties?.size).toEqual({ type: 'integer', format: 'int32' });
    expect(widget?.properties?.extra).toEqual({ type: 'object', preserveUnknownFields: true });
  });

  it('maps each group/version/kind to its definition and plural resource (watch and subresource paths skipped)', () => {
    expect(pack.kinds).toEqual([
      { group: '', version: 'v1', kind: 'Widget', definition: 'io.k8s.api.core.v1.Widget', resource: 'widgets' },
    ]);
  });

  it('reads a bare $ref (the 1.23 documents) without the allOf marker', () => {
    const old = structuredClone(doc);
    (old.components.schemas['io.k8s.api.core.v1.Widget'].properties as Record<string, unknown>).spec = {
      $ref: '#/components/schemas/io.k8s.api.core.v1.WidgetSpec',
      description: 'The spec.',
    };
    expect(compilePack(23, [old]).definitions['io.k8s.api.core.v1.Widget']?.properties?.spec).toEqual({
      ref: 'io.k8s.api.core.v1.WidgetSpec',
      description: 'The spec.',
    });
  });

  it('rejects what is not an OpenAPI v3 document, naming it', () => {
    expect(() => compilePack(35, [{ swagger: '2.0' }])).toThrow(SchemaPackError);
    expect(() => compilePack(35, [{ swagger: '2.0' }])).toThrow(/document #1 for 1\.35: not an OpenAPI v3 document/);
    expect(() => compilePack(35, [{ openapi: '3.0.0', components: {} }])).toThrow(/no components\.schemas/);
  });

  it('rejects references outside components/schemas', () => {
    const bad = structuredClone(doc);
    (bad.components.schemas['io.k8s.api.core.v1.Widget'].properties as Record<string, unknown>).spec = {
      $ref: 'http://example.com/x',
    };
    expect(() => compilePack(35, [bad])).toThrow(/Widget\.spec: unsupported \$ref/);
  });

  it('recognises its own output as a pack of the right minor and format only', () => {
    expect(isSchemaPack(pack, 35)).toBe(true);
    expect(isSchemaPack(pack, 34)).toBe(false);
    expect(isSchemaPack({ ...pack, format: PACK_FORMAT + 1 }, 35)).toBe(false);
  });
});

describe('the real packs', () => {
  it.each([23, 28, 35])('1.%i has the workload kinds this project validates', (minor) => {
    const kinds = testPack(minor).kinds.map((k) => `${k.group}/${k.version}/${k.kind}`);
    for (const k of [
      '/v1/Pod',
      'apps/v1/Deployment',
      'apps/v1/ReplicaSet',
      'apps/v1/StatefulSet',
      'apps/v1/DaemonSet',
      'batch/v1/Job',
      'batch/v1/CronJob',
    ]) {
      expect(kinds).toContain(k);
    }
  });

  it('1.23 writes IntOrString and Quantity as strings; later documents leave them untyped (oneOf)', () => {
    expect(testPack(23).definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString']?.type).toBe('string');
    expect(testPack(24).definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString']?.type).toBeUndefined();
    expect(testPack(35).definitions['io.k8s.apimachinery.pkg.api.resource.Quantity']?.type).toBeUndefined();
  });

  it('Container.restartPolicy exists from 1.28 (sidecars) and restartPolicyRules from 1.34', () => {
    const props = (minor: number) =>
      Object.keys(testPack(minor).definitions['io.k8s.api.core.v1.Container']?.properties ?? {});
    expect(props(27)).not.toContain('restartPolicy');
    expect(props(28)).toContain('restartPolicy');
    expect(props(33)).not.toContain('restartPolicyRules');
    expect(props(34)).toContain('restartPolicyRules');
  });

  it('1.23 documents carry no resource paths with kinds, 1.24+ do', () => {
    expect(testPack(23).kinds.find((k) => k.kind === 'Pod')?.resource).toBeUndefined();
    expect(testPack(24).kinds.find((k) => k.kind === 'Pod')?.resource).toBe('pods');
  });
});
