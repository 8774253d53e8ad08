/**
 * strconv.Quote as Go prints string values in validation errors (expected strings written from the Go rules:
 * printable runes kept, \a\b\f\n\r\t\v short escapes, \xNN below space and DEL, \uXXXX / \UXXXXXXXX otherwise).
 */
import { describe, expect, it } from 'vitest';
import { goQuote, utf8Length } from '../../../src/manifest/semantic/go-quote.ts';
import { goJsonString } from '../../../src/manifest/semantic/go-value.ts';

describe('goQuote (strconv.Quote)', () => {
  it('quotes plain ASCII and escapes quote and backslash', () => {
    expect(goQuote('nginx')).toBe('"nginx"');
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
  });
  it('uses the short escapes for control characters that have one', () => {
    expect(goQuote('a\nb\tc\r\u0007\u0008\u000c\u000b')).toBe('"a\\nb\\tc\\r\\a\\b\\f\\v"');
  });
  it('writes other control characters and DEL as \\xNN', () => {
    expect(goQuote('\u0001\u001f\u007f')).toBe('"\\x01\\x1f\\x7f"');
  });
  it('keeps printable non-ASCII runes (letters, CJK, emoji) as they are', () => {
    expect(goQuote('café 重启 🚀')).toBe('"café 重启 🚀"');
  });
  it('escapes non-printable non-ASCII runes: non-breaking and zero-width spaces, BOM, plane-14 tags', () => {
    expect(goQuote('a\u00a0b\u200bc\ufeff')).toBe('"a\\u00a0b\\u200bc\\ufeff"');
    expect(goQuote('\u{e0001}')).toBe('"\\U000e0001"');
  });
  it('reads a lone surrogate as U+FFFD, as Go decodes it', () => {
    expect(goQuote('\ud800')).toBe('"\ufffd"');
  });
});

describe('goJsonString (json.Marshal of a string, 1.34+ value rendering)', () => {
  it('escapes HTML characters and control characters, keeps non-ASCII', () => {
    expect(goJsonString('a<b>&"é\n\u0001')).toBe('"a\\u003cb\\u003e\\u0026\\"é\\n\\u0001"');
  });
});

describe('utf8Length (Go len of a string)', () => {
  it('counts UTF-8 bytes', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('重')).toBe(3);
    expect(utf8Length('🚀')).toBe(4);
  });
});
