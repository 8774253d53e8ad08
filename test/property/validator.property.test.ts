/**
 * Properties of the manifest validator (src/manifest) over arbitrary input, at every release 1.23–1.35:
 * - any text or bytes (random Unicode, random JSON-like values as YAML, Pod-shaped manifests with broken values,
 *   truncated manifests) gives a report, never an exception;
 * - the same input gives the same report;
 * - the report is consistent: `valid` exactly when nothing is reported, and every position it reports lies
 *   inside the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { kubeVersion } from '../../src/k8s/version/index.ts';
import { type ManifestReport, validateManifests } from '../../src/manifest/validate.ts';
import { testPack } from '../manifest/schema/pack-fixture.ts';
import { minors, podArgs, podManifest } from './arbitraries.ts';

function validate(input: string | Uint8Array, minor: number): ManifestReport {
  return validateManifests(input, { version: kubeVersion(`1.${minor}`), pack: testPack(minor), filename: 'pod.yaml' });
}

/** Positions (line/col) the report points at. */
function positions(report: ManifestReport): { line: number; col: number }[] {
  const found: { line: number; col: number }[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if (typeof v.line === 'number' && typeof v.col === 'number') found.push({ line: v.line, col: v.col });
      Object.values(v).forEach(visit);
    }
  };
  visit([report.sourceErrors, report.objects.map((o) => o.errors)]);
  return found;
}

function assertConsistent(report: ManifestReport, text: string): void {
  const errorCount = report.sourceErrors.length + report.objects.reduce((n, o) => n + o.errors.length, 0);
  expect(report.valid).toBe(errorCount === 0);
  const lines = text.split(/\r\n|\r|\n/);
  for (const { line, col } of positions(report)) {
    expect(line).toBeGreaterThanOrEqual(1);
    expect(line).toBeLessThanOrEqual(lines.length + 1);
    expect(col).toBeGreaterThanOrEqual(1);
  }
}

/** Text inputs: anything at all, YAML of arbitrary values, Pod manifests, and Pod manifests cut short. */
const texts = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...'a:- \n\t{}[]"\'#&*!|>%@`,?0'.split('')), maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => stringify(v)),
  fc
    .record({ spec: fc.dictionary(fc.constantFrom('containers', 'restartPolicy', 'nodeName', 'x'), fc.jsonValue()) })
    .map((o) => stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, ...o })),
  podArgs.map(podManifest),
  fc.tuple(podArgs, fc.nat()).map(([args, cut]) => {
    const text = podManifest(args);
    return text.slice(0, cut % (text.length + 1));
  }),
  fc.array(podArgs, { minLength: 2, maxLength: 4 }).map((all) => all.map(podManifest).join('---\n')),
);

describe('manifest validator properties (fast-check)', () => {
  it('never throws on any text, is deterministic and consistent', () => {
    fc.assert(
      fc.property(texts, minors, (text, minor) => {
        const report = validate(text, minor);
        assertConsistent(report, text);
        expect(JSON.stringify(validate(text, minor))).toBe(JSON.stringify(report));
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('never throws on any bytes (invalid UTF-8, BOMs, UTF-16)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), minors, (bytes, minor) => {
        const report = validate(bytes, minor);
        expect(typeof report.valid).toBe('boolean');
        expect(JSON.stringify(validate(bytes, minor))).toBe(JSON.stringify(report));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('accepts the well-formed Pods of the generator and rejects the broken ones', () => {
    // An oracle independent of the validator: which generated values the apiserver's rules refuse.
    const validPull = new Set([undefined, 'Always', 'IfNotPresent', 'Never']);
    const validRestart = new Set([undefined, 'Always', 'OnFailure', 'Never']);
    fc.assert(
      fc.property(podArgs, minors, (args, minor) => {
        const broken =
          args.containersAsMap ||
          args.name === 'Bad_Name' ||
          args.image === '' ||
          !validPull.has(args.imagePullPolicy) ||
          !validRestart.has(args.restartPolicy) ||
          args.command === 'not-a-list';
        expect(validate(podManifest(args), minor).valid).toBe(!broken);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
