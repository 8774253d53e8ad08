/** The compact pack the browser fetches validates exactly as the full pack the checker uses. */
import { describe, expect, it } from 'vitest';
import { podCorpus } from '../../../bench/pod-corpus.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';
import { renderReportKubectl, reportDiagnostics } from '../../../src/manifest/render/index.ts';
import { validateManifests } from '../../../src/manifest/validate.ts';
import { compactPack, readPack } from '../../../src/site/runner/compact-pack.ts';
import { testPack } from '../../manifest/schema/pack-fixture.ts';

describe('compactPack', () => {
  for (const minor of [23, 26, 35]) {
    it(`validates a corpus of good and bad Pods like the full 1.${minor} pack`, () => {
      const full = testPack(minor);
      const compact = compactPack(full);
      const version = kubeVersion(minor);
      const corpus = podCorpus(200, minor);
      expect(corpus.some((c) => !validateManifests(c.text, { version, pack: full }).valid)).toBe(true);
      for (const entry of corpus) {
        const a = validateManifests(entry.text, { version, pack: full, filename: 'pod.yaml' });
        const b = validateManifests(entry.text, { version, pack: compact, filename: 'pod.yaml' });
        expect(b.valid).toBe(a.valid);
        expect(renderReportKubectl(b)).toBe(renderReportKubectl(a));
        expect(reportDiagnostics(b).map((d) => d.message)).toEqual(reportDiagnostics(a).map((d) => d.message));
      }
    });
  }

  it('drops every description and keeps every definition and kind', () => {
    const full = testPack(26);
    const compact = compactPack(full);
    expect(JSON.stringify(full)).toContain('"description"');
    expect(JSON.stringify(compact)).not.toContain('"description"');
    expect(Object.keys(compact.definitions)).toEqual(Object.keys(full.definitions));
    expect(compact.kinds).toEqual(full.kinds);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(full).length / 2);
  });

  it('readPack refuses a value that is not a pack of the release asked for', () => {
    const compact = compactPack(testPack(26));
    expect(readPack(JSON.parse(JSON.stringify(compact)), 26).minor).toBe(26);
    expect(() => readPack(compact, 27)).toThrow(/1\.27/);
    expect(() => readPack('<html>', 26)).toThrow(/not a schema pack/);
  });
});
