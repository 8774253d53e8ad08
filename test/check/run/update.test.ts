/**
 * `update`: differing expected outputs are rewritten in place, the rewritten page passes, and a page whose
 * manifests are invalid is never rewritten.
 */
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/check/extract/index.ts';
import { checkPage } from '../../../src/check/run/index.ts';
import { testPack } from '../../manifest/schema/pack-fixture.ts';
import { check, fixture, lineOf, mutate } from './helpers.ts';

describe('update', () => {
  it('puts the actual output back in place of a wrong expected line, and the page passes again', () => {
    const original = fixture('never-pull.md');
    const broken = mutate(original, '0          4m39s\n', '0          4m40s\n');
    const result = check(broken, 'never-pull.md', { update: true });
    expect(result.failures).toHaveLength(1);
    expect(result.updatedSource).toBe(original);
    const prompt = lineOf(broken, '[root@k8s-master1 ~]# kubectl get pods', lineOf(broken, '#@ at 4m39.5s'));
    expect(result.updates).toEqual([{ file: 'never-pull.md', line: prompt, command: 'kubectl get pods' }]);
    expect(result.refused).toEqual([]);
    expect(check(result.updatedSource ?? '').failures).toEqual([]);
  });

  it('rewrites several steps of one block, and several blocks, in one go', () => {
    const original = fixture('restart-always.md');
    const broken = mutate(
      mutate(original, '1 (43s ago)   116s', '1 (40s ago)   116s'),
      '2 (32s ago)   2m24s',
      '2 (30s ago)   2m24s',
    ).replace('pod/nginx-5 created', 'pod/nginx-5 configured');
    const result = check(broken, 'always.md', { update: true });
    expect(result.failures.map((f) => f.command)).toEqual([
      'kubectl apply -f nginx-pod.yml',
      'kubectl get pods',
      'kubectl get pods',
    ]);
    const prompts = ['#@ at 300ms', '#@ at 116.5s', '#@ at 144.5s'].map((at) => lineOf(broken, at) + 1);
    expect(result.updates?.map((u) => u.line)).toEqual(prompts);
    expect(result.updatedSource).toBe(original);
  });

  it('keeps callouts beside their lines', () => {
    const original = fixture('explain.md');
    const broken = mutate(original, '     - `"Always"`\n#: 默认\n', '     - `"Allways"`\n#: 默认\n');
    const result = check(broken, 'explain.md', { update: true });
    expect(result.failures.map((f) => f.code)).toEqual(['EXPLAIN_MISMATCH']);
    expect(result.updatedSource).toBe(original);
  });

  it('rewrites an errors block', () => {
    const original = fixture('invalid.md');
    const broken = mutate(original, 'supported values: "Always", "OnFailure", "Never"', 'supported values: "Always"');
    const result = check(broken, 'invalid.md', { update: true });
    expect(result.failures.map((f) => [f.code, f.line])).toEqual([
      [
        'ERRORS_MISMATCH',
        lineOf(
          broken,
          'The Pod "nginx-5" is invalid: spec.restartPolicy: Unsupported value: "Nerser": supported values: "Always"',
        ),
      ],
    ]);
    expect(result.updatedSource).toBe(original);
  });

  it('leaves a page with an invalid manifest alone, and says why', () => {
    const original = fixture('never-pull.md');
    const broken = mutate(original, 'restartPolicy: Never #', 'restartPolicy: Nevr #');
    const result = check(broken, 'never-pull.md', { update: true });
    expect(result.failures.length).toBeGreaterThan(1);
    expect(result.updatedSource).toBeUndefined();
    expect(result.updates).toEqual([]);
    const manifestLine = lineOf(broken, '  restartPolicy: Nevr # pod 重启策略，默认是 Always');
    expect(result.refused?.[0]?.reason).toBe(
      `the page has 1 problem to fix first (MANIFEST_INVALID at never-pull.md:${manifestLine}:18); outputs are not rewritten`,
    );
    expect(result.refused?.length).toBe(result.failures.filter((f) => f.code === 'OUTPUT_MISMATCH').length);
  });

  it('needs the page source', () => {
    const page = extractPage(fixture('explain.md'), 'explain.md');
    expect(() => checkPage(page, { pack: testPack }, { update: true })).toThrow(/needs the page source/);
  });
});
