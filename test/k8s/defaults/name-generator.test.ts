/** Generated names: staging/src/k8s.io/apiserver/pkg/storage/names/generate.go and util/rand alphanums. */
import { describe, expect, it } from 'vitest';
import { generateName, RANDOM_ALPHANUMS, seededRandomSuffix } from '../../../src/k8s/defaults/index.ts';

describe('seeded suffixes', () => {
  it('are five characters from the apimachinery alphabet', () => {
    expect(RANDOM_ALPHANUMS).toBe('bcdfghjklmnpqrstvwxz2456789');
    const next = seededRandomSuffix(42);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const s = next();
      expect(s).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      seen.add(s);
    }
    expect(seen.size).toBeGreaterThan(190);
  });

  it('repeat for the same seed and differ for another', () => {
    const a = seededRandomSuffix(1);
    const b = seededRandomSuffix(1);
    const c = seededRandomSuffix(2);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
  });
});

describe('generateName', () => {
  it('cuts the base to 58 characters', () => {
    expect(generateName('web-', () => 'abcde')).toBe('web-abcde');
    expect(generateName('y'.repeat(60), () => 'abcde')).toHaveLength(63);
  });
  it('refuses a generator that returns nothing', () => {
    expect(() => generateName('web-', () => '')).toThrow(TypeError);
  });
});
