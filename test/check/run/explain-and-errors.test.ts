/**
 * Explain blocks against the schema of their release (fixtures/explain.md: the seed notes' 1.26 output and a
 * kubectl 1.3x transcript of the new template), and errors blocks against kubectl's rejection text
 * (fixtures/invalid.md).
 */
import { describe, expect, it } from 'vitest';
import { check, fixture, lineOf, mutate, where } from './helpers.ts';

describe('explain blocks', () => {
  const source = fixture('explain.md');

  it('pass for the old layout (1.26) and the new one with ENUM (1.35), and a generated block', () => {
    const result = check(source, 'explain.md');
    expect(result.failures).toEqual([]);
    expect(result.minors).toEqual([26, 35]);
    expect(result.counts).toEqual({ examples: 3, failed: 0, skipped: 0, steps: 3 });
  });

  it('fail when the page shows the new layout for an old kubectl', () => {
    const changed = mutate(source, '```text explain k8s=1.35\n', '```text explain k8s=1.35 kubectl=1.26\n');
    expect(where(check(changed))).toEqual([`${lineOf(changed, 'KIND:       Pod')}:1 EXPLAIN_MISMATCH`]);
  });

  it('fail when a generated block names a field that does not exist', () => {
    const changed = mutate(source, 'pod.spec.containers.imagePullPolicy', 'pod.spec.containers.imagePullPolicyy');
    const result = check(changed);
    expect(where(result)).toEqual([
      `${lineOf(changed, '$ kubectl explain pod.spec.containers.imagePullPolicyy')}:1 EXPLAIN_MISMATCH`,
    ]);
    expect(result.failures[0]?.message).toBe(
      'the generated explain block fails: error: field "imagePullPolicyy" does not exist',
    );
  });

  it('skip what kubectl explain options the model lacks, with the reason', () => {
    const changed = mutate(
      source,
      '$ kubectl explain pod.spec.containers.imagePullPolicy',
      '$ kubectl explain pod.spec --recursive',
    );
    const result = check(changed);
    expect(result.failures).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual(['`kubectl explain --recursive` is not modelled']);
  });
});

describe('manifests that must be rejected', () => {
  const source = fixture('invalid.md');

  it('pass when kubectl rejects them with exactly the errors shown', () => {
    const result = check(source, 'invalid.md');
    expect(result.failures).toEqual([]);
    expect(result.counts).toEqual({ examples: 5, failed: 0, skipped: 0, steps: 2 });
  });

  it('fail at the fence when the manifest is accepted', () => {
    const changed = mutate(source, 'restartPolicy: Nerser', 'restartPolicy: Never');
    const result = check(changed, 'invalid.md');
    const fence = lineOf(changed, '```yaml file=nginx-pod.yaml expect=invalid');
    expect(where(result)).toEqual([`${fence}:1 MANIFEST_ACCEPTED`]);
    expect(result.failures[0]?.message).toBe('nginx-pod.yaml is marked expect=invalid, but Kubernetes 1.26 accepts it');
  });

  it('fail at the errors line when the errors differ', () => {
    const changed = mutate(source, '    image: images.guoguo.com/apps/ubuntu-nginx:1.24.0\n```', '```');
    const result = check(changed, 'invalid.md');
    const line = lineOf(
      changed,
      'The Pod "nginx-5" is invalid: spec.restartPolicy: Unsupported value: "Nerser": supported values: "Always", "OnFailure", "Never"',
    );
    expect(where(result)).toEqual([`${line}:1 ERRORS_MISMATCH`]);
    expect(result.failures[0]?.diff).toBe(
      [
        '--- expected (page lines)',
        '+++ actual (output lines)',
        `@@ page line ${line}, output line 1 @@`,
        `- ${line}   | The Pod "nginx-5" is invalid: spec.restartPolicy: Unsupported value: "Nerser": supported values: "Always", "OnFailure", "Never"`,
        '+    1 | The Pod "nginx-5" is invalid:',
        '+    2 | * spec.containers[0].image: Required value',
        '+    3 | * spec.restartPolicy: Unsupported value: "Nerser": supported values: "Always", "OnFailure", "Never"',
        '',
      ].join('\n'),
    );
  });

  it('map a problem in an indented block (a list item) to its page column', () => {
    const changed = mutate(source, '      imagePullPolicy: Never', '      imagePullPolicy: Nevr');
    const line = lineOf(changed, '      imagePullPolicy: Nevr');
    expect(where(check(changed))).toEqual([`${line}:24 MANIFEST_INVALID`]);
  });
});
