/**
 * The shared invalid-pods.json vectors through structural validation. The `apiserver-decode` cases must produce the
 * apiserver's text; every other case is a semantic-validation case and must decode cleanly (no false positives),
 * except the one whose alternative output names a strict decoding error. Run at 1.35 (the vectors' era where none
 * is named; the decode texts are the same from 1.25, see unknown-fields.test.ts for earlier releases).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateStructure } from '../../../src/manifest/structural/validate.ts';
import { testPack } from '../schema/pack-fixture.ts';

interface Vector {
  id: string;
  manifest_yaml: string;
  expected_errors: string[];
  layer: string;
  alternative_outputs?: Record<string, string>;
}

const dir = process.env.PODBOOK_VECTORS_DIR?.trim() || resolve(import.meta.dirname, '../../../../shared/vectors');
const vectors = (JSON.parse(readFileSync(resolve(dir, 'invalid-pods.json'), 'utf8')) as { vectors: Vector[] }).vectors;
const pack = testPack(35);

/** What transformDecodeError puts in front of the decoder's text for a Pod. */
const prefix = 'Pod in version "v1" cannot be handled as a Pod: ';

describe('apiserver-decode vectors', () => {
  const decode = vectors.filter((v) => v.layer === 'apiserver-decode');
  it('there are decode cases to check', () => expect(decode.length).toBeGreaterThanOrEqual(2));
  it.each(decode.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const result = validateStructure(pack, parse(v.manifest_yaml));
    expect(result.message).toBeDefined();
    expect([`${prefix}${result.message}`]).toEqual(v.expected_errors);
  });
});

describe('apiserver-validation vectors decode cleanly', () => {
  const semantic = vectors.filter((v) => v.layer !== 'apiserver-decode');
  it.each(semantic.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const result = validateStructure(pack, parse(v.manifest_yaml));
    const strictAlternative = Object.values(v.alternative_outputs ?? {}).find((o) =>
      o.includes('strict decoding error'),
    );
    if (strictAlternative) {
      // documented with --validate=false; with strict field validation the unknown field wins
      expect(strictAlternative).toContain(`${prefix}${result.message}`);
    } else {
      expect(result.errors).toEqual([]);
      expect(result.findings).toEqual([]);
    }
  });
});
