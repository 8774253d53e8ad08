/**
 * A generated corpus of bad input (random bytes, every truncation of a real manifest, random damage with
 * YAML-significant and odd Unicode characters, BOMs, CRLF): parsing must never throw, every error must carry a
 * known code and a span inside the text whose line and column agree with an independent count, and CRLF or a
 * BOM must not move any line or column. The generator is seeded, so a failure reproduces.
 */
import { describe, expect, it } from 'vitest';
import { parseManifestBytes, parseManifests } from '../../../src/manifest/parse/index.ts';
import type { ManifestErrorCode, ParseResult, SourcePosition } from '../../../src/manifest/types.ts';
import { CONTAINERS_AS_MAP, KUBECTL_GET_OUTPUT, RESTART_ALWAYS, RESTART_NEVER } from './fixtures/seed-manifests.ts';

const PARSE_CODES: ManifestErrorCode[] = [
  'YAML_SYNTAX',
  'YAML_DUPLICATE_KEY',
  'YAML_TAB_INDENT',
  'YAML_ALIAS_LIMIT',
  'YAML_TOO_DEEP',
  'YAML_TOO_LARGE',
  'YAML_NOT_UTF8',
  'YAML_NOT_OBJECT',
];

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Line and column of `offset`, counted independently of LineIndex. */
function expectedPosition(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: Math.max(offset - lineStart, 0) + 1, offset };
}

function checkResult(text: string, result: ParseResult): void {
  expect(Array.isArray(result.documents)).toBe(true);
  for (const error of result.errors) {
    expect(PARSE_CODES).toContain(error.code);
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
    const { start, end } = error.span;
    expect(start.offset).toBeGreaterThanOrEqual(0);
    expect(end.offset).toBeGreaterThanOrEqual(start.offset);
    expect(end.offset).toBeLessThanOrEqual(text.length);
    expect(start).toEqual(expectedPosition(text, start.offset));
    expect(end).toEqual(expectedPosition(text, end.offset));
  }
  for (const document of result.documents) {
    expect(document.value).not.toBeNull();
    expect(typeof document.value).toBe('object');
    expect(JSON.parse(JSON.stringify(document.value))).toEqual(document.value);
    const span = document.spanOf(['spec', 'containers', 0, 'image']);
    expect(span.end.offset).toBeLessThanOrEqual(text.length);
    expect(span.start).toEqual(expectedPosition(text, span.start.offset));
  }
}

const SEEDS = [KUBECTL_GET_OUTPUT, CONTAINERS_AS_MAP, RESTART_NEVER, RESTART_ALWAYS];
const PALETTE = [
  '\t',
  ' ',
  ':',
  '-',
  '- ',
  '? ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a',
  '*a',
  '!!int ',
  '!x ',
  '#',
  '"',
  "'",
  '|',
  '>',
  '%',
  '@',
  '`',
  '\n',
  '\r',
  '\r\n',
  '---\n',
  '...\n',
  '<<: ',
  '~',
  '0x',
  '镜像',
  '\u2028',
  '\ufeff',
  '😀',
  '\ud800',
  '\0',
  '\x85',
  '\u00a0',
  'yes',
  '.inf',
];

// A hang guard, not a speed claim (that is npm run bench): generous, so a loaded machine does not fail it.
const HANG_GUARD_MS = 120_000;

describe('a generated corpus of nasty input never throws and reports sound positions', () => {
  it('random bytes', () => {
    const next = random(1);
    for (let n = 0; n < 300; n++) {
      const bytes = Uint8Array.from({ length: Math.floor(next() * 200) }, () => Math.floor(next() * 256));
      const result = parseManifestBytes(bytes);
      const text = new TextDecoder().decode(bytes[0] === 0xfe || bytes[0] === 0xff ? new Uint8Array() : bytes);
      if (bytes[0] !== 0xfe && bytes[0] !== 0xff) checkResult(text, result);
    }
  });

  it('random printable ASCII and YAML punctuation', () => {
    const next = random(2);
    const alphabet = ' \t\n:-[]{},&*!|>#"\'%@`?abcxyz019.~<';
    for (let n = 0; n < 400; n++) {
      const text = Array.from(
        { length: Math.floor(next() * 120) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
      checkResult(text, parseManifests(text));
    }
  });

  it('every truncation of a real manifest', () => {
    for (let length = 0; length <= RESTART_NEVER.length; length++) {
      const text = RESTART_NEVER.slice(0, length);
      checkResult(text, parseManifests(text));
    }
  });

  it(
    'real manifests with random damage',
    () => {
      const next = random(3);
      for (let n = 0; n < 400; n++) {
        let text = SEEDS[n % SEEDS.length] ?? '';
        for (let edits = 1 + Math.floor(next() * 4); edits > 0; edits--) {
          const at = Math.floor(next() * (text.length + 1));
          const what = PALETTE[Math.floor(next() * PALETTE.length)] ?? '';
          text =
            next() < 0.2
              ? text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 10))
              : text.slice(0, at) + what + text.slice(at);
        }
        checkResult(text, parseManifests(text));
      }
    },
    HANG_GUARD_MS,
  );

  it('CRLF and a byte-order mark move no line or column', () => {
    for (const seed of SEEDS) {
      const lf = parseManifests(seed);
      for (const variant of [
        seed.replaceAll('\n', '\r\n'),
        `\ufeff${seed}`,
        `\ufeff${seed.replaceAll('\n', '\r\n')}`,
      ]) {
        const other = parseManifests(variant);
        checkResult(variant, other);
        expect(other.documents.map((d) => d.value)).toEqual(lf.documents.map((d) => d.value));
        expect(other.errors.map((e) => [e.code, e.span.start.line, e.span.start.col])).toEqual(
          lf.errors.map((e) => [e.code, e.span.start.line, e.span.start.col]),
        );
        for (const path of [
          ['metadata', 'name'],
          ['spec', 'containers'],
          ['spec', 'containers', 0, 'image'],
          ['kind'],
        ]) {
          const a = lf.documents[0]?.spanOf(path);
          const b = other.documents[0]?.spanOf(path);
          expect([b?.start.line, b?.start.col, b?.end.line, b?.end.col]).toEqual([
            a?.start.line,
            a?.start.col,
            a?.end.line,
            a?.end.col,
          ]);
        }
      }
    }
  });

  it(
    'pathological sizes stay fast enough to finish',
    () => {
      for (const text of [
        '{'.repeat(50_000),
        `${'- '.repeat(20_000)}x`,
        '"'.repeat(50_000),
        'a: '.repeat(20_000),
        `${'? '.repeat(5_000)}x`,
        '&a '.repeat(10_000),
        `${'a:\n  '.repeat(2_000)}b`,
        `x: ${'*a '.repeat(10_000)}`,
        '#'.repeat(100_000),
        '\n'.repeat(100_000),
      ]) {
        checkResult(text, parseManifests(text));
      }
    },
    HANG_GUARD_MS,
  );
});
