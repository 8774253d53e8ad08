/**
 * Repeated mapping keys. The apiserver's strict YAML decoding (apimachinery runtime/serializer/json/json.go
 * (*Serializer).unmarshal runs yaml.YAMLToJSONStrict) fails with go-yaml v2's decode.go (*decoder).setMapIndex
 * text `line N: key K already set in map`, N being the 1-based line of the *value* inside the document and K
 * the key printed with %#v. kubectl itself decodes non-strictly, keeping the last value; so do we.
 */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../src/manifest/parse/index.ts';
import { valueAt } from './value-at.ts';

const report = (text: string) =>
  parseManifests(text).errors.map((e) => [e.code, e.message, e.span.start.line, e.span.start.col]);

describe('YAML_DUPLICATE_KEY', () => {
  it('reports the second key with go-yaml strict text, and keeps the last value', () => {
    const result = parseManifests('a: 1\na: 2\n');
    expect(report('a: 1\na: 2\n')).toEqual([['YAML_DUPLICATE_KEY', 'line 2: key "a" already set in map', 2, 1]]);
    expect(result.documents[0]?.value).toEqual({ a: 2 });
  });

  it('spans the second key itself', () => {
    const [error] = parseManifests('kind: Pod\nspec:\n  restartPolicy: Always\n  restartPolicy: Never\n').errors;
    expect(error?.span.start).toEqual({ line: 4, col: 3, offset: 42 });
    expect(error?.span.end).toEqual({ line: 4, col: 16, offset: 55 });
  });

  it('finds repeats deep in a manifest', () => {
    const text = 'spec:\n  containers:\n  - name: a\n    image: nginx\n    image: busybox\n';
    expect(report(text)).toEqual([['YAML_DUPLICATE_KEY', 'line 5: key "image" already set in map', 5, 5]]);
    expect(valueAt(parseManifests(text).documents[0]?.value, 'spec', 'containers', 0, 'image')).toBe('busybox');
  });

  it('compares keys as go-yaml resolved them: on and true, 1 and 0x1', () => {
    expect(report('on: 1\ntrue: 2\n')).toEqual([['YAML_DUPLICATE_KEY', 'line 2: key true already set in map', 2, 1]]);
    expect(report('1: a\n0x1: b\n')).toEqual([['YAML_DUPLICATE_KEY', 'line 2: key 1 already set in map', 2, 1]]);
    expect(report('"a": 1\na: 2\n')).toEqual([['YAML_DUPLICATE_KEY', 'line 2: key "a" already set in map', 2, 1]]);
  });

  it('also reports keys that only meet in JSON (sigs.k8s.io/yaml keeps one at random)', () => {
    expect(report('1: a\n"1": b\n')).toEqual([
      [
        'YAML_DUPLICATE_KEY',
        'key "1" already set in map: the YAML keys 1 and "1" are both "1" in JSON, and kubectl keeps either one',
        2,
        1,
      ],
    ]);
  });

  it('names the value line: a mapping value starts at its first key, an empty one at the next token', () => {
    expect(report('a: 1\na:\n  b: 2\n')).toEqual([['YAML_DUPLICATE_KEY', 'line 3: key "a" already set in map', 2, 1]]);
    expect(report('a: 1\na:\n# c\nb: 2\n')).toEqual([
      ['YAML_DUPLICATE_KEY', 'line 4: key "a" already set in map', 2, 1],
    ]);
  });

  it('counts go-yaml lines from the start of each document, as kubectl hands them over', () => {
    expect(report('x: 1\n---\na: 1\na: 2\n')).toEqual([
      ['YAML_DUPLICATE_KEY', 'line 2: key "a" already set in map', 4, 1],
    ]);
  });

  it('finds repeats in flow mappings', () => {
    expect(report('a: {b: 1, b: 2}\n')).toEqual([['YAML_DUPLICATE_KEY', 'line 1: key "b" already set in map', 1, 11]]);
  });

  it('does not flag a key that overrides a << merge (the YAML merge idiom kubectl accepts)', () => {
    expect(report('base: &b {a: 1}\nc:\n  <<: *b\n  a: 2\n')).toEqual([]);
  });

  it('reports a repeat inside an anchored mapping once, however often it is aliased', () => {
    expect(report('x: &m {a: 1, a: 2}\ny: *m\nz: *m\n')).toEqual([
      ['YAML_DUPLICATE_KEY', 'line 1: key "a" already set in map', 1, 14],
    ]);
  });

  it('keeps line numbers right with CRLF line endings', () => {
    expect(report('a: 1\r\nb: 2\r\na: 3\r\n')).toEqual([
      ['YAML_DUPLICATE_KEY', 'line 3: key "a" already set in map', 3, 1],
    ]);
  });
});
