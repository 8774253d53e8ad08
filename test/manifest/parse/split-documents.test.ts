/**
 * kubectl's document splitting, apimachinery pkg/util/yaml/decoder.go (*YAMLReader).Read: a line starting
 * with `---` ends a document; since 1.22 (#103457) only spaces and a comment may follow it, else
 * `invalid Yaml document separator: <rest>`.
 */
import { describe, expect, it } from 'vitest';
import { splitDocuments } from '../../../src/manifest/parse/split-documents.ts';

const pieces = (text: string) => splitDocuments(text).chunks.map((c) => text.slice(c.start, c.end));

describe('splitDocuments', () => {
  it('splits at --- lines and drops the separator lines', () => {
    expect(pieces('a: 1\n---\nb: 2\n')).toEqual(['a: 1\n', 'b: 2\n']);
    expect(pieces('---\na: 1\n')).toEqual(['a: 1\n']);
    expect(pieces('a: 1\n---')).toEqual(['a: 1\n']);
  });

  it('skips the empty piece between two separators, keeps a blank one', () => {
    expect(pieces('a: 1\n---\n---\nb: 2\n')).toEqual(['a: 1\n', 'b: 2\n']);
    expect(pieces('a: 1\n---\n\n---\nb: 2\n')).toEqual(['a: 1\n', '\n', 'b: 2\n']);
  });

  it('accepts spaces, tabs, a comment or CRLF after ---', () => {
    for (const line of ['--- ', '---\t', '--- # next', '---#x', '---\r']) {
      const split = splitDocuments(`a: 1\n${line}\nb: 2\n`);
      expect(split.errors).toEqual([]);
      expect(split.chunks).toHaveLength(2);
    }
  });

  it('reports other content after --- with the kubectl message', () => {
    expect(splitDocuments('a: 1\n--- foo\nb: 2\n').errors).toEqual([
      { start: 5, end: 12, message: 'invalid Yaml document separator: foo' },
    ]);
    expect(splitDocuments('----\n').errors[0]?.message).toBe('invalid Yaml document separator: -');
    expect(splitDocuments('---abc\n').errors[0]?.message).toBe('invalid Yaml document separator: abc');
    expect(splitDocuments('--- {a: 1}\n').errors[0]?.message).toBe('invalid Yaml document separator: {a: 1}');
  });

  it('splits even inside a quoted string, as kubectl does (kubernetes/kubectl#1645)', () => {
    const text = 'env:\n- name: DEMO\n  value: "Hello\n\n---multiline"\n';
    expect(splitDocuments(text).errors.map((e) => e.message)).toEqual(['invalid Yaml document separator: multiline"']);
  });

  it('does not split at ... or at an indented ---', () => {
    expect(pieces('a: 1\n...\nb: |\n  ---\n')).toEqual(['a: 1\n...\nb: |\n  ---\n']);
  });
});
