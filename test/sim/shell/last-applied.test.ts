/** The last-applied-configuration annotation (Go encoding/json) and the three-way apply merge. */
import { describe, expect, it } from 'vitest';
import { overlay, patchedObject, sameJson } from '../../../src/sim/shell/kubectl/apply-patch.ts';
import { goJsonMarshal } from '../../../src/sim/shell/kubectl/go-json.ts';
import {
  LAST_APPLIED_ANNOTATION,
  lastAppliedConfiguration,
  withLastApplied,
} from '../../../src/sim/shell/kubectl/last-applied.ts';

describe('goJsonMarshal', () => {
  it('sorts keys, writes no spaces and escapes as Go does (HTML-safe)', () => {
    expect(goJsonMarshal({ b: 1, a: [true, null, 'x'], c: { z: 0.5, y: -2 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"y":-2,"z":0.5}}',
    );
    expect(goJsonMarshal('<a href="x">&\n\t\u2028é</a>')).toBe(
      '"\\u003ca href=\\"x\\"\\u003e\\u0026\\n\\t\\u2028é\\u003c/a\\u003e"',
    );
    expect(goJsonMarshal('\u0001')).toBe('"\\u0001"');
    expect(goJsonMarshal(1e21)).toBe('1e+21');
  });

  it('sorts keys by their bytes', () => {
    expect(goJsonMarshal({ b: 1, B: 2, a: 3 })).toBe('{"B":2,"a":3,"b":1}');
  });
});

describe('lastAppliedConfiguration', () => {
  it('adds an empty annotations map, drops its own key and ends with a newline', () => {
    expect(lastAppliedConfiguration({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } })).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"x"}}\n',
    );
    expect(
      lastAppliedConfiguration({ metadata: { annotations: { note: 'a', [LAST_APPLIED_ANNOTATION]: 'old' } } }),
    ).toBe('{"metadata":{"annotations":{"note":"a"}}}\n');
  });

  it('withLastApplied keeps the other annotations and leaves the input alone', () => {
    const input = { metadata: { name: 'x', annotations: { note: 'a' } } };
    const out = withLastApplied(input) as { metadata: { annotations: Record<string, string> } };
    expect(out.metadata.annotations).toEqual({
      note: 'a',
      [LAST_APPLIED_ANNOTATION]: '{"metadata":{"annotations":{"note":"a"},"name":"x"}}\n',
    });
    expect(input.metadata.annotations).toEqual({ note: 'a' });
  });
});

describe('the three-way apply merge', () => {
  const live = {
    metadata: { name: 'web', labels: { app: 'web', team: 'a' }, uid: 'u' },
    spec: {
      nodeName: 'node-1',
      containers: [
        {
          name: 'web',
          image: 'nginx:1',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          imagePullPolicy: 'IfNotPresent',
        },
        { name: 'sidecar', image: 'busybox' },
      ],
    },
    status: { phase: 'Running' },
  };

  it('keeps what the server filled in and changes what the file changes', () => {
    const original = {
      metadata: { name: 'web', labels: { app: 'web', team: 'a' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1' }] },
    };
    const modified = {
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx:2', ports: [{ containerPort: 80 }] }] },
    };
    expect(patchedObject(live, modified, original)).toEqual({
      metadata: { name: 'web', labels: { app: 'web' }, uid: 'u' },
      spec: {
        nodeName: 'node-1',
        containers: [
          {
            name: 'web',
            image: 'nginx:2',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            imagePullPolicy: 'IfNotPresent',
          },
          { name: 'sidecar', image: 'busybox' },
        ],
      },
    });
  });

  it('replaces lists without a merge key', () => {
    expect(overlay({ command: ['a', 'b'] }, { command: ['c'] }, {})).toEqual({ command: ['c'] });
  });

  it('compares JSON values whatever their key order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([1], [1, 2])).toBe(false);
  });
});
