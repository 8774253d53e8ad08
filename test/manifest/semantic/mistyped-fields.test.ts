/** Defaulting around fields the decoder would reject: they are dropped, the rest is still defaulted. */
import { describe, expect, it } from 'vitest';
import { parseDefaultingPath } from '../../../src/manifest/semantic/mistyped-fields.ts';
import { messages, pod } from './helpers.ts';

describe('paths in src/k8s/defaults messages', () => {
  it('dotted keys, indexes and quoted keys', () => {
    expect(parseDefaultingPath('spec.containers[0].ports')).toEqual(['spec', 'containers', 0, 'ports']);
    expect(parseDefaultingPath('metadata.annotations["a.b/c"]')).toEqual(['metadata', 'annotations', 'a.b/c']);
    expect(parseDefaultingPath('spec..x')).toEqual(['spec', 'x']);
    expect(parseDefaultingPath('spec containers')).toBeUndefined();
    expect(parseDefaultingPath('')).toBeUndefined();
  });
});

describe('validation after a mistyped field', () => {
  it('a list written as a string: only that field is lost, defaults still apply', () => {
    const p = pod((x) => (x.spec.containers[0].ports = 'http'));
    expect(messages(p)).toEqual([]);
  });
  it('a mistyped container becomes an empty one (its index is kept)', () => {
    const p = pod((x) => x.spec.containers.push('sidecar'));
    expect(messages(p)).toEqual([
      'spec.containers[1].name: Required value',
      'spec.containers[1].image: Required value',
    ]);
  });
});
