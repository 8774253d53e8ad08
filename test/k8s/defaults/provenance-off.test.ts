/**
 * Defaulting without provenance (what validation asks for): the same stored object, no provenance entries, and
 * the same input errors with the same field paths. Also the exception-free quantity parse and the lazily
 * rendered field paths that this mode relies on.
 */
import { describe, expect, it } from 'vitest';
import {
  createPod,
  DefaultingInputError,
  defaultPodTemplateSpec,
  parseQuantity,
  parseQuantityOrError,
  QuantityParseError,
} from '../../../src/k8s/defaults/index.ts';
import { childPath, cloneJson } from '../../../src/k8s/defaults/json.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';

// biome-ignore lint/suspicious/noExplicitAny: free-form JSON fixtures, read by deep property access
type Obj = Record<string, any>;
const v35 = kubeVersion('1.35');

const manifest: Obj = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    containers: [
      {
        name: 'app',
        image: 'nginx',
        ports: [{ containerPort: 80 }],
        resources: { limits: { cpu: '0.5', memory: '128Mi' } },
        env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
      },
    ],
  },
};

describe('createPod with provenance: false', () => {
  const withLog = createPod<Obj>(manifest, v35, { randomSuffix: () => 'q2w4z' });
  const without = createPod<Obj>(manifest, v35, { randomSuffix: () => 'q2w4z', provenance: false });

  it('stores exactly the same object', () => expect(without.object).toEqual(withLog.object));
  it('records nothing', () => expect(without.provenance).toEqual([]));
  it('still records by default, with text paths', () => {
    const pullPolicy = withLog.provenance.find((p) => p.path === 'spec.containers[0].imagePullPolicy');
    // nginx has no tag: tag latest, so Always (pkg/apis/core/v1/defaults.go SetDefaults_Container)
    expect(pullPolicy?.value).toBe('Always');
    expect(pullPolicy?.note).toBe('no tag or digest in "nginx": tag latest');
    expect(withLog.provenance.map((p) => typeof p.path)).not.toContain('object');
  });
  it('does not change its input', () => expect(manifest.spec.containers[0].imagePullPolicy).toBeUndefined());

  it('reports a mistyped list with the same path in both modes', () => {
    const bad = { ...manifest, spec: { containers: [{ name: 'a', image: 'x', ports: [{}, 'eighty'] }] } };
    const message = 'spec.containers[0].ports[1]: expected an object, got string "eighty"';
    expect(() => createPod(bad, v35)).toThrow(new DefaultingInputError(message));
    expect(() => createPod(bad, v35, { provenance: false })).toThrow(new DefaultingInputError(message));
  });

  it('reports a bad quantity with its bracketed key', () => {
    const bad = {
      ...manifest,
      spec: { containers: [{ name: 'a', image: 'x', resources: { limits: { 'example.com/gpu': '5 cores' } } }] },
    };
    expect(() => createPod(bad, v35, { provenance: false })).toThrow(
      'spec.containers[0].resources.limits["example.com/gpu"]: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    );
  });

  it('applies to templates too', () => {
    const template = { metadata: { labels: { app: 'web' } }, spec: manifest.spec };
    const off = defaultPodTemplateSpec<Obj>(template, v35, { provenance: false });
    expect(off.provenance).toEqual([]);
    expect(off.object).toEqual(defaultPodTemplateSpec<Obj>(template, v35).object);
  });
});

describe('parseQuantityOrError', () => {
  it('gives the quantity, equal to what parseQuantity gives', () =>
    expect(parseQuantityOrError('1.5Gi')).toEqual(parseQuantity('1.5Gi')));
  it('gives the apimachinery error text instead of throwing', () => {
    expect(parseQuantityOrError('5 cores')).toBe(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    expect(parseQuantityOrError('5kk')).toBe("unable to parse quantity's suffix");
    expect(parseQuantityOrError(Number.POSITIVE_INFINITY)).toBe('unable to parse numeric part of quantity');
  });
  it('leaves parseQuantity throwing QuantityParseError, also for a text seen before', () => {
    parseQuantityOrError('12 apples');
    expect(() => parseQuantity('12 apples')).toThrow(QuantityParseError);
  });
  it('parses a number like its text', () => expect(parseQuantityOrError(0.5)).toEqual(parseQuantity('0.5')));
});

describe('field paths', () => {
  it('render like kubectl explain paths', () => {
    const containers = childPath('spec', 'containers');
    expect(String(childPath(childPath(containers, 0), 'imagePullPolicy'))).toBe('spec.containers[0].imagePullPolicy');
    expect(`${childPath(childPath(childPath('spec', 'nodeSelector'), 'kubernetes.io/os'), 'x')}`).toBe(
      'spec.nodeSelector["kubernetes.io/os"].x',
    );
    expect(String(childPath('', 'spec'))).toBe('spec');
    expect(String(childPath('', 3))).toBe('[3]');
    expect(String(childPath('a', '9lives'))).toBe('a["9lives"]');
  });
  it('copy own keys only, also when Object.prototype has an enumerable property', () => {
    const input = { a: { b: [1, { c: 'd' }] } };
    Object.defineProperty(Object.prototype, 'polluted', { value: 1, enumerable: true, configurable: true });
    let copy: Obj;
    try {
      copy = cloneJson(input);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    expect(Object.keys(copy)).toEqual(['a']);
    expect(Object.keys(copy.a)).toEqual(['b']);
    expect(Object.keys(copy.a.b[1])).toEqual(['c']);
    expect(copy).toEqual(input);
  });
  it('name the offending value of a copy', () => {
    expect(() => cloneJson({ spec: { when: new Date(0) } })).toThrow('spec.when: not a JSON value (an object)');
    expect(() => cloneJson([1, () => 1])).toThrow('[1]: not a JSON value (function () => 1)');
  });
});
