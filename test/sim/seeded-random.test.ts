import { describe, expect, it } from 'vitest';
import { RANDOM_ALPHANUMS } from '../../src/k8s/defaults/name-generator.ts';
import { digestFor, hashHex, SeededRandom } from '../../src/sim/seeded-random.ts';

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom('42');
    const c = new SeededRandom(43);
    const seqA = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(seqA);
    expect([c.next(), c.next(), c.next()]).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('forks streams that do not depend on what the parent drew', () => {
    const a = new SeededRandom(1);
    const b = new SeededRandom(1);
    b.next();
    b.next();
    expect(a.fork('pod/x').next()).toBe(b.fork('pod/x').next());
    expect(a.fork('pod/x').next()).not.toBe(a.fork('pod/y').next());
  });

  it('makes version-4 UUIDs (apimachinery util/uuid NewUUID)', () => {
    const r = new SeededRandom(5);
    for (let i = 0; i < 50; i++) {
      expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('makes 5-character name suffixes from the apimachinery rand alphabet', () => {
    const r = new SeededRandom(5);
    for (let i = 0; i < 50; i++) {
      const s = r.nameSuffix();
      expect(s).toHaveLength(5);
      for (const ch of s) expect(RANDOM_ALPHANUMS).toContain(ch);
    }
    expect(RANDOM_ALPHANUMS).toBe('bcdfghjklmnpqrstvwxz2456789');
  });

  it('makes 64-hex container IDs', () => {
    expect(new SeededRandom(1).containerId()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('jitters like wait.Jitter: duration + rand*factor*duration, factor <= 0 meaning 1', () => {
    const r = new SeededRandom(9);
    for (let i = 0; i < 200; i++) {
      const j = r.jitter(10, 0.5);
      expect(j >= 10 && j < 15).toBe(true);
      const k = r.jitter(10, 0);
      expect(k >= 10 && k < 20).toBe(true);
    }
  });

  it('rejects bad input', () => {
    expect(() => new SeededRandom(Number.NaN)).toThrow();
    expect(() => new SeededRandom(1).int(0)).toThrow();
  });
});

describe('digests', () => {
  it('are stable sha256-shaped strings of the text', () => {
    expect(digestFor('a')).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(digestFor('a')).toBe(digestFor('a'));
    expect(digestFor('a')).not.toBe(digestFor('b'));
    expect(hashHex('x', 10)).toHaveLength(10);
  });
});
