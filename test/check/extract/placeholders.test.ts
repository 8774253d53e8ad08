/**
 * The placeholder end finders agree with the documented patterns (PLACEHOLDER_PATTERNS): for many strings, a
 * placeholder can end at the end of the string exactly when the whole string matches its pattern.
 */
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_NAMES, PLACEHOLDER_PATTERNS } from '../../../src/check/extract/index.ts';
import { PLACEHOLDER_ENDS } from '../../../src/check/extract/placeholder-ends.ts';

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLES = [
  'c3082ae6-0952-44e0-bfb9-f89b9fa3013a',
  'c3082ae6-0952-44e0-bfb9-f89b9fa3013',
  '192.28.252.231',
  '10.0.0.1',
  '1.2.3',
  'fd00::1',
  '::1',
  '2001:db8:0:0:0:0:2:1',
  '4s',
  '105s',
  '4m39s',
  '3h10m',
  '2y3d',
  '1h2m3s',
  '<invalid>',
  '<unknown>',
  '7c79c4bf97',
  'abcd',
  'a'.repeat(128),
  'a'.repeat(129),
  '2023-08-09T02:35:08Z',
  '2023-08-09T02:35:08.123+08:00',
  '2023-08-09T02:35:08',
  'Thu, 27 Jun 2024 18:17:24 +0000',
  'Thu, 27 Jun 2024 18:17:24',
  '',
];

const ALPHABET = '0123456789abcdefsmhdyT:.-+Z, <>AXThuJn';

function endsAtEnd(name: (typeof PLACEHOLDER_NAMES)[number], text: string): boolean {
  let found = false;
  PLACEHOLDER_ENDS[name](text, 0, (q) => {
    if (q === text.length) found = true;
  });
  return found;
}

describe('placeholder end finders', () => {
  for (const name of PLACEHOLDER_NAMES) {
    const whole = new RegExp(`^(?:${PLACEHOLDER_PATTERNS[name]})$`);
    it(`[${name}] agrees with its pattern`, () => {
      const next = random(name.length * 101);
      const strings = [...SAMPLES];
      for (let i = 0; i < 3000; i++) {
        const base = SAMPLES[Math.floor(next() * SAMPLES.length)] as string;
        // Mutate a sample: change, drop or add a character, so near-misses are covered.
        const at = Math.floor(next() * (base.length + 1));
        const ch = ALPHABET[Math.floor(next() * ALPHABET.length)] as string;
        const op = Math.floor(next() * 3);
        strings.push(
          op === 0
            ? base.slice(0, at) + ch + base.slice(at + 1)
            : op === 1
              ? base.slice(0, at) + base.slice(at + 1)
              : base.slice(0, at) + ch + base.slice(at),
        );
      }
      const disagreements = strings.filter((s) => endsAtEnd(name, s) !== whole.test(s));
      expect(disagreements).toEqual([]);
      expect(strings.some((s) => whole.test(s))).toBe(true);
    });
  }

  it('finds ends in the middle of a line', () => {
    const ends: number[] = [];
    PLACEHOLDER_ENDS.AGE('x 4m39s ago', 2, (q) => ends.push(q));
    expect(ends).toEqual([4, 7]);
  });
});
