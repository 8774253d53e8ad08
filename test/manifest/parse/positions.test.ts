/**
 * Source positions: 1-based lines and columns (UTF-16 code units, as editors and tsc count), 0-based offsets
 * into the given text, correct across CRLF line endings, a byte-order mark and several documents. spanOf
 * follows the decoder's rules: last repeated key wins, aliases lead to the anchored node, merges to the
 * merged mapping, and a missing path gives the deepest existing ancestor.
 */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../src/manifest/parse/index.ts';
import type { FieldPath, SourceSpan } from '../../../src/manifest/types.ts';

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: nginx-5 # 名称',
  'spec:',
  '  containers:',
  '  - name: nginx',
  '    image: nginx:1.24.0',
  '    ports:',
  '    - containerPort: 80',
  '',
].join('\n');

const at = (span: SourceSpan) => [span.start.line, span.start.col, span.end.line, span.end.col];

function only(text: string) {
  const result = parseManifests(text);
  expect(result.errors).toEqual([]);
  const document = result.documents[0];
  if (!document) throw new Error('no document');
  return document;
}

describe('spanOf', () => {
  const pod = only(POD);

  it('spans a value and its key', () => {
    expect(at(pod.spanOf(['spec', 'containers', 0, 'image']))).toEqual([8, 12, 8, 24]);
    expect(at(pod.spanOf(['spec', 'containers', 0, 'image'], true))).toEqual([8, 5, 8, 10]);
    expect(at(pod.spanOf(['spec', 'containers', 0, 'ports', 0, 'containerPort']))).toEqual([10, 22, 10, 24]);
  });

  it('spans a value without its trailing comment', () => {
    expect(at(pod.spanOf(['metadata', 'name']))).toEqual([4, 9, 4, 16]);
  });

  it('spans collections from their first entry', () => {
    expect(at(pod.spanOf(['spec', 'containers']))).toEqual([7, 3, 10, 24]);
    expect(at(pod.spanOf(['spec', 'containers', 0]))).toEqual([7, 5, 10, 24]);
  });

  it('falls back to the deepest existing ancestor for a missing path', () => {
    expect(at(pod.spanOf(['spec', 'containers', 0, 'imagePullPolicy']))).toEqual([7, 5, 10, 24]);
    expect(at(pod.spanOf(['spec', 'containers', 3, 'name']))).toEqual([7, 3, 10, 24]);
    expect(at(pod.spanOf(['spec', 'containers', 'x']))).toEqual([7, 3, 10, 24]);
    expect(at(pod.spanOf(['metadata', 'name', 'deeper']))).toEqual([4, 9, 4, 16]);
    expect(at(pod.spanOf([]))).toEqual([1, 1, 10, 24]);
  });

  it('points at the last of repeated keys, whose value was kept', () => {
    const result = parseManifests('a: 1\na: 2\n');
    expect(at(result.documents[0]!.spanOf(['a']))).toEqual([2, 4, 2, 5]);
    expect(at(result.documents[0]!.spanOf(['a'], true))).toEqual([2, 1, 2, 2]);
  });

  it('follows aliases to the anchored node and merges to the merged mapping', () => {
    const doc = only('base: &b\n  image: nginx\nc:\n  <<: *b\n  name: x\nd: *b\n');
    expect(at(doc.spanOf(['c', 'image']))).toEqual([2, 10, 2, 15]);
    expect(at(doc.spanOf(['c', 'name']))).toEqual([5, 9, 5, 10]);
    expect(at(doc.spanOf(['d', 'image'], true))).toEqual([2, 3, 2, 8]);
    expect(at(doc.spanOf(['d']))).toEqual([6, 4, 6, 6]);
  });

  it('finds keys by their JSON form', () => {
    const doc = only('data:\n  on: 1\n  0x10: 2\n');
    expect(at(doc.spanOf(['data', 'true'], true))).toEqual([2, 3, 2, 5]);
    expect(at(doc.spanOf(['data', '16']))).toEqual([3, 9, 3, 10]);
  });

  it('spans an empty value where it would be', () => {
    const doc = only('a:\nb: 1\n');
    expect(at(doc.spanOf(['a']))).toEqual([1, 3, 1, 3]);
  });

  it('gives the whole document span', () => {
    expect(at(pod.span)).toEqual([1, 1, 10, 24]);
  });
});

describe('positions in unusual files', () => {
  const paths: FieldPath[] = [
    ['metadata', 'name'],
    ['spec', 'containers', 0, 'image'],
    ['spec', 'containers', 0, 'ports', 0, 'containerPort'],
  ];

  it('keeps lines and columns with CRLF line endings; offsets count the CRs', () => {
    const lf = only(POD);
    const crlf = only(POD.replaceAll('\n', '\r\n'));
    expect(crlf.value).toEqual(lf.value);
    for (const path of paths) {
      expect(at(crlf.spanOf(path))).toEqual(at(lf.spanOf(path)));
      expect(at(crlf.spanOf(path, true))).toEqual(at(lf.spanOf(path, true)));
    }
    expect(crlf.spanOf(['spec', 'containers', 0, 'image']).start.offset).toBe(
      lf.spanOf(['spec', 'containers', 0, 'image']).start.offset + 7,
    );
  });

  it('does not count a byte-order mark as a column', () => {
    const doc = only(`\ufeff${POD}`);
    expect(at(doc.spanOf(['apiVersion'], true))).toEqual([1, 1, 1, 11]);
    expect(doc.spanOf(['apiVersion'], true).start.offset).toBe(1);
    expect(at(doc.spanOf(['spec', 'containers', 0, 'image']))).toEqual([8, 12, 8, 24]);
  });

  it('splits at a leading --- after a byte-order mark, as kubectl drops the mark first', () => {
    const result = parseManifests('\ufeff---\nkind: A\n');
    expect(result.errors).toEqual([]);
    expect(at(result.documents[0]!.spanOf(['kind']))).toEqual([2, 7, 2, 8]);
  });

  it('counts columns in UTF-16 code units after CJK text and emoji', () => {
    const doc = only('a: 镜像\nb: 😀 x\nc: {镜: 1, d: 2}\n');
    expect(at(doc.spanOf(['b']))).toEqual([2, 4, 2, 8]);
    expect(at(doc.spanOf(['c', 'd']))).toEqual([3, 14, 3, 15]);
  });

  it('gives file positions in later documents', () => {
    const result = parseManifests(`kind: A\n---\n${POD}---\nkind: C\n`);
    expect(result.errors).toEqual([]);
    expect(at(result.documents[1]!.spanOf(['spec', 'containers', 0, 'image']))).toEqual([10, 12, 10, 24]);
    expect(at(result.documents[2]!.spanOf(['kind']))).toEqual([14, 7, 14, 8]);
    expect(at(result.documents[1]!.span)).toEqual([3, 1, 12, 24]);
  });

  it('puts errors of a CRLF file on the right line and column', () => {
    const result = parseManifests('a: 1\r\nb:\r\n\tc: 2\r\nd: .inf\r\n');
    expect(result.errors.map((e) => [e.code, e.span.start.line, e.span.start.col])).toEqual([
      ['YAML_TAB_INDENT', 3, 1],
    ]);
    const second = parseManifests('a: 1\r\n---\r\nx: .inf\r\n');
    expect(second.errors.map((e) => [e.code, e.span.start.line, e.span.start.col, e.span.start.offset])).toEqual([
      ['YAML_SYNTAX', 3, 4, 14],
    ]);
  });
});
