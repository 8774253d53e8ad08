/**
 * parseManifestBytes: how kubectl reads a file (cli-runtime visitor.go (*FileVisitor).Visit with
 * unicode.BOMOverride(unicode.UTF8.NewDecoder())): a UTF-8 BOM is dropped, a UTF-16 BOM switches to UTF-16,
 * invalid UTF-8 becomes U+FFFD. We report the first invalid byte as YAML_NOT_UTF8 and go on the same way.
 */
import { describe, expect, it } from 'vitest';
import { parseManifestBytes } from '../../../src/manifest/parse/index.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes: number[] = bigEndian ? [0xfe, 0xff] : [0xff, 0xfe];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes.push(...(bigEndian ? [unit >> 8, unit & 0xff] : [unit & 0xff, unit >> 8]));
  }
  return Uint8Array.from(bytes);
}

describe('parseManifestBytes', () => {
  it('reads UTF-8 like parseManifests reads text', () => {
    const result = parseManifestBytes(utf8('kind: Pod\nmetadata:\n  name: 镜像\n'));
    expect(result.errors).toEqual([]);
    expect(result.documents[0]?.value).toEqual({ kind: 'Pod', metadata: { name: '镜像' } });
  });

  it('reports the first invalid byte with its byte offset, line and column, and reads it as U+FFFD', () => {
    const bytes = concat(utf8('a: 1\nb: x'), [0xff], utf8('y\nc: 镜'), [0xe9, 0x95], utf8('\n'));
    const result = parseManifestBytes(bytes);
    expect(result.errors.map((e) => [e.code, e.span.start.line, e.span.start.col])).toEqual([['YAML_NOT_UTF8', 2, 5]]);
    expect(result.errors[0]?.message).toContain('byte 0xFF at byte offset 9');
    expect(result.documents[0]?.value).toEqual({ a: 1, b: 'x\ufffdy', c: '镜\ufffd' });
  });

  it.each([
    ['a truncated sequence at the end', [0xe9, 0x95], 3],
    ['an overlong encoding', [0xc0, 0x80], 3],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 3],
    ['a stray continuation byte', [0x80], 3],
    ['a code point beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 3],
  ])('rejects %s', (_, bad, offset) => {
    const result = parseManifestBytes(concat(utf8('a: '), bad));
    expect(result.errors[0]?.code).toBe('YAML_NOT_UTF8');
    expect(result.errors[0]?.message).toContain(`at byte offset ${offset}`);
    expect(result.errors[0]?.span.start.col).toBe(4);
  });

  it('drops a UTF-8 byte-order mark', () => {
    const result = parseManifestBytes(concat([0xef, 0xbb, 0xbf], utf8('kind: Pod\n')));
    expect(result.errors).toEqual([]);
    expect(result.documents[0]?.value).toEqual({ kind: 'Pod' });
    expect(result.documents[0]?.spanOf(['kind']).start).toEqual({ line: 1, col: 7, offset: 6 });
  });

  it('reads UTF-16 with a byte-order mark, little and big endian', () => {
    for (const bigEndian of [false, true]) {
      const result = parseManifestBytes(utf16('kind: Pod\nname: 镜像\n', bigEndian));
      expect(result.errors).toEqual([]);
      expect(result.documents[0]?.value).toEqual({ kind: 'Pod', name: '镜像' });
    }
  });

  it('applies the size limit to the bytes', () => {
    const result = parseManifestBytes(utf8('a: 镜像'), { maxBytes: 8 });
    expect(result.errors.map((e) => e.code)).toEqual(['YAML_TOO_LARGE']);
  });

  it('returns an empty result for no bytes at all', () => {
    expect(parseManifestBytes(new Uint8Array())).toEqual({ documents: [], errors: [] });
  });
});
