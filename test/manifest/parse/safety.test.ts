/**
 * Hostile input: alias bombs (go-yaml v2 decode.go allowedAliasRatio, "document contains excessive
 * aliasing"), deep nesting, oversized files (apiserver MaxRequestBodyBytes, 3 MiB), tabs where libyaml
 * rejects them (scannerc.go yaml_parser_scan_to_next_token) and characters go-yaml will not read
 * (readerc.go). Each must give a ParseResult with the right error, quickly, never an exception.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, parseManifests } from '../../../src/manifest/parse/index.ts';
import { valueAt } from './value-at.ts';

const errors = (text: string, options = {}) =>
  parseManifests(text, options).errors.map((e) => [e.code, e.span.start.line, e.span.start.col]);

/** The classic billion laughs: each level is a list of `fanout` aliases of the previous one. */
function laughs(levels: number, fanout: number): string {
  let text = `l0: &l0 [${Array(fanout).fill('"lol"').join(', ')}]\n`;
  for (let level = 1; level <= levels; level++) {
    text += `l${level}: &l${level} [${Array(fanout)
      .fill(`*l${level - 1}`)
      .join(', ')}]\n`;
  }
  return text;
}

describe('YAML_ALIAS_LIMIT', () => {
  it('stops a billion laughs (9 levels of 9) with go-yaml’s message', () => {
    const result = parseManifests(laughs(9, 9));
    expect(result.errors.map((e) => [e.code, e.message])).toEqual([
      ['YAML_ALIAS_LIMIT', 'document contains excessive aliasing'],
    ]);
    expect(result.documents).toEqual([]);
  });

  it('accepts moderate alias use', () => {
    const result = parseManifests(laughs(2, 5));
    expect(result.errors).toEqual([]);
    expect(valueAt(result.documents[0]?.value, 'l2')).toHaveLength(5);
  });

  it('stops bombs built with << merges too', () => {
    let text = 'm0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}\n';
    for (let i = 1; i <= 9; i++) {
      const copies = Array.from({ length: 9 }, (_, j) => `x${j}: *m${i - 1}`).join(', ');
      text += `m${i}: &m${i} {<<: *m${i - 1}, ${copies}}\n`;
    }
    expect(parseManifests(text).errors.map((e) => e.code)).toEqual(['YAML_ALIAS_LIMIT']);
  });

  it('applies maxAliases as an absolute cap', () => {
    const text = 'a: &a [1, 2, 3, 4, 5]\nb: *a\n';
    expect(errors(text, { maxAliases: 100 })).toEqual([]);
    expect(errors(text, { maxAliases: 3 })).toEqual([['YAML_ALIAS_LIMIT', 2, 4]]);
  });

  it('rejects an anchor that contains its own alias', () => {
    const result = parseManifests('a: &x {b: *x}\n');
    expect(result.errors.map((e) => [e.code, e.message])).toEqual([
      ['YAML_ALIAS_LIMIT', "anchor 'x' value contains itself"],
    ]);
  });
});

describe('YAML_TOO_DEEP', () => {
  it.each([
    ['10,000 [', '['.repeat(10_000)],
    ['10,000 closed [ ]', `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}`],
    ['10,000 {a: ', `x: ${'{a: '.repeat(10_000)}`],
    ['10,000 block - ', `${'- '.repeat(10_000)}x\n`],
    ['100,000 [', '['.repeat(100_000)],
  ])('stops %s without overflowing the stack', (_, text) => {
    const result = parseManifests(text);
    expect(result.errors.map((e) => e.code)).toEqual(['YAML_TOO_DEEP']);
    expect(result.errors[0]?.message).toBe('mappings and sequences nest deeper than 256 levels');
  });

  it('accepts exactly maxDepth levels and rejects one more, in block and flow style', () => {
    const flow = (depth: number) => `a: ${'['.repeat(depth - 1)}1${']'.repeat(depth - 1)}\n`;
    const block = (depth: number) =>
      Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:${i === depth - 1 ? ' v' : ''}`).join('\n');
    for (const make of [flow, block]) {
      expect(errors(make(256))).toEqual([]);
      expect(errors(make(257)).map(([code]) => code)).toEqual(['YAML_TOO_DEEP']);
      expect(errors(make(3), { maxDepth: 3 })).toEqual([]);
      expect(errors(make(4), { maxDepth: 3 }).map(([code]) => code)).toEqual(['YAML_TOO_DEEP']);
    }
  });

  it('still reports, and does not throw, when a raised maxDepth lets the composer run out of stack', () => {
    const text = `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    expect(errors(text, { maxDepth: 1_000_000 }).map(([code]) => code)).toEqual(['YAML_TOO_DEEP']);
  });

  it('counts depth added by expanding an alias', () => {
    const deep = `${'['.repeat(200)}1${']'.repeat(200)}`;
    const text = `a: &d ${deep}\nb: ${'['.repeat(100)}*d${']'.repeat(100)}\n`;
    expect(errors(text).map(([code]) => code)).toEqual(['YAML_TOO_DEEP']);
  });
});

describe('YAML_TOO_LARGE', () => {
  it('defaults to the apiserver request body limit of 3 MiB', () => {
    expect(DEFAULT_MAX_BYTES).toBe(3_145_728);
    const result = parseManifests(`#${'x'.repeat(DEFAULT_MAX_BYTES)}`);
    expect(result.errors.map((e) => e.code)).toEqual(['YAML_TOO_LARGE']);
    expect(result.errors[0]?.message).toContain('Request entity too large: limit is 3145728');
    expect(result.errors[0]?.span.start.offset).toBe(DEFAULT_MAX_BYTES);
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(errors('a: 镜像', { maxBytes: 9 })).toEqual([]);
    expect(errors('a: 镜像', { maxBytes: 8 })).toEqual([['YAML_TOO_LARGE', 1, 5]]);
    expect(errors('a: 1234567', { maxBytes: 10 })).toEqual([]);
    expect(errors('a: 12345678', { maxBytes: 10 })).toEqual([['YAML_TOO_LARGE', 1, 11]]);
  });
});

describe('YAML_TAB_INDENT', () => {
  it.each([
    ['tab indentation', 'a:\n\tb: 1\n', 2, 1, 2],
    ['spaces then a tab', 'a:\n  \tb: 1\n', 2, 3, 2],
    ['a tab after a colon', 'a:\tb\n', 1, 3, 1],
    ['a tab after a dash', 'a:\n- \tx\n', 2, 3, 2],
    ['a tab on a blank line', 'a: 1\n\t\nb: 2\n', 2, 1, 2],
    ['a tab before a comment', 'a: 1\n  \t# c\nb: 2\n', 2, 3, 2],
    ['a tab after a block scalar', 'a:\n  b: |\n    x\n  \tc: 1\n', 4, 3, 4],
    ['a tab ending a block scalar', 'a: |\n  x\n\ty: 1\n', 3, 1, 3],
    ['a tab in the second document', 'x: 1\n---\na:\n\tb: 1\n', 4, 1, 2],
  ])('rejects %s, at the tab', (_, text, line, col, kubectlLine) => {
    const result = parseManifests(text);
    expect(result.errors.map((e) => [e.code, e.span.start.line, e.span.start.col])).toEqual([
      ['YAML_TAB_INDENT', line, col],
    ]);
    expect(result.errors[0]?.message).toContain(
      `(kubectl: yaml: line ${kubectlLine}: found character that cannot start any token)`,
    );
  });

  it('explains indentation and separation differently', () => {
    expect(parseManifests('a:\n\tb: 1\n').errors[0]?.message).toMatch(/^a tab is used for indentation/);
    expect(parseManifests('a:\tb\n').errors[0]?.message).toMatch(/^a tab follows '-', '\?' or ':'/);
  });

  it.each([
    ['after a value', 'a: b\t# c\n'],
    ['inside a flow collection', 'a: [1,\t2]\n'],
    ['inside block scalar content', 'a: |\n  x\ty\n  \tz\n'],
    ['inside quotes', 'a: "x\ty"\n'],
    ['inside a plain scalar', 'a: b\tc\n'],
    ['after an anchor', 'a: &x\tb\n'],
    ['after a separator', '---\t\na: 1\n'],
  ])('accepts a tab %s, as libyaml does', (_, text) => {
    expect(errors(text)).toEqual([]);
  });
});

describe('characters go-yaml will not read', () => {
  it.each([
    ['\\x01', 'a: \x01\n', 4],
    ['\\x7F', 'a: b\x7f\n', 5],
    ['\\0 in quotes', 'a: "\0"\n', 5],
    ['\\uFFFE', 'a: \ufffe\n', 4],
    ['a lone surrogate', 'a: \ud800\n', 4],
  ])('rejects %s', (_, text, col) => {
    const result = parseManifests(text);
    expect(result.errors.map((e) => [e.code, e.span.start.col])).toEqual([['YAML_SYNTAX', col]]);
    expect(result.errors[0]?.message).toMatch(/^control characters are not allowed/);
  });

  it('accepts NEL, emoji and CJK', () => {
    expect(errors('a: "\x85"\nb: 😀\nc: 镜像\n')).toEqual([]);
  });
});
