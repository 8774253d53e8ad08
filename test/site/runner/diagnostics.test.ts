/**
 * The editor's diagnostics: whatever the reader types, the validator answers with diagnostics inside the text
 * (never an exception), and a known mistake is underlined where it is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kubeVersion } from '../../../src/k8s/version/index.ts';
import { manifestDiagnostics } from '../../../src/site/runner/checks/diagnostics.ts';
import { RESTART_NEVER } from '../../manifest/parse/fixtures/seed-manifests.ts';
import { testPack } from '../../manifest/schema/pack-fixture.ts';

const options = { version: kubeVersion(26), pack: testPack(26), filename: 'nginx-pod.yaml' };

describe('manifestDiagnostics', () => {
  it('is empty for a manifest the apiserver accepts', () => {
    expect(manifestDiagnostics(RESTART_NEVER, options)).toEqual([]);
  });

  it("underlines a misspelt policy value where it is, with the apiserver's message", () => {
    const text = RESTART_NEVER.replace('imagePullPolicy: Never', 'imagePullPolicy: Nevr');
    const [d, ...rest] = manifestDiagnostics(text, options);
    expect(rest).toEqual([]);
    expect(text.slice(d!.from, d!.to)).toBe('Nevr');
    expect(d!.message).toContain('Unsupported value: "Nevr"');
    expect(text.split('\n')[d!.line - 1]?.slice(d!.col - 1)).toMatch(/^Nevr/);
  });

  it('never throws, and keeps every diagnostic inside the text, for any text', () => {
    const yamlish = fc.string({ unit: fc.constantFrom(...'ab: -\n\t"\'{}[]&*!|>#%@`\\ 0.9\u00e9\u4e2d') });
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string(), fc.constant(RESTART_NEVER)), fc.nat(400), (text, cut) => {
        const input = text === RESTART_NEVER ? text.slice(0, cut) : text;
        for (const d of manifestDiagnostics(input, options)) {
          expect(d.from).toBeGreaterThanOrEqual(0);
          expect(d.to).toBeGreaterThanOrEqual(d.from);
          expect(d.to).toBeLessThanOrEqual(input.length);
          expect(d.message).not.toBe('');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('turns a validator failure into a diagnostic', () => {
    const broken = { ...options, pack: { ...options.pack, definitions: null } as never };
    const [d] = manifestDiagnostics(RESTART_NEVER, broken);
    expect(d).toMatchObject({ code: 'VALIDATOR_FAILED', from: 0, to: 0 });
  });
});
