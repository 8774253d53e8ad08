/**
 * Mutation tests: a passing page (fixtures/never-pull.md) with one thing changed must fail, at the line (and
 * column) of the change, with a diff or source excerpt a reader can act on.
 */
import { describe, expect, it } from 'vitest';
import { check, fixture, lineOf, mutate } from './helpers.ts';

const SOURCE = fixture('never-pull.md');
const FILE = 'content/zh-cn/never-pull.md';

describe('a wrong STATUS in an expected output', () => {
  const source = mutate(
    SOURCE,
    'nginx-5   0/1     ErrImageNeverPull   0          4s\n',
    'nginx-5   0/1     Pending             0          4s\n',
  );
  const result = check(source, FILE);
  const line = lineOf(source, 'nginx-5   0/1     Pending             0          4s');

  it('fails that step only, at the differing line', () => {
    expect(result.failures.map((f) => [f.code, f.line, f.col, f.command])).toEqual([
      ['OUTPUT_MISMATCH', line, 1, 'kubectl get pods'],
    ]);
    expect(result.counts.failed).toBe(1);
  });

  it('shows the page line against the output line', () => {
    expect(result.failures[0]?.diff).toBe(
      [
        '--- expected (page lines)',
        '+++ actual (output lines)',
        `@@ page line ${line - 1}, output line 1 @@`,
        `  ${line - 1} 1 | NAME      READY   STATUS              RESTARTS   AGE`,
        `- ${line}   | nginx-5   0/1     Pending             0          4s`,
        `+ ${' '.repeat(String(line).length)} 2 | nginx-5   0/1     ErrImageNeverPull   0          4s`,
        '',
      ].join('\n'),
    );
  });
});

describe('a misspelt policy in a manifest', () => {
  const source = mutate(SOURCE, 'imagePullPolicy: Never # 不管', 'imagePullPolicy: Nevre # 不管');
  const result = check(source, FILE);
  const line = lineOf(source, '    imagePullPolicy: Nevre # 不管有没有都不下载');

  it('fails at the value, line and column', () => {
    expect(result.failures[0]).toMatchObject({ code: 'MANIFEST_INVALID', file: FILE, line, col: 22 });
    expect(result.failures[0]?.message).toBe(
      'nginx-pod.yaml would be rejected: spec.containers[0].imagePullPolicy: Unsupported value: "Nevre": supported values: "Always", "IfNotPresent", "Never" (FieldValueNotSupported)',
    );
    expect(result.failures[0]?.excerpt).toBe(
      [`   |`, `${line} |     imagePullPolicy: Nevre # 不管有没有都不下载`, `   |                      ^^^^^`].join(
        '\n',
      ),
    );
  });

  it('then replays the transcripts on the cluster as it is: the apply is rejected, and says so', () => {
    const apply = result.failures.find((f) => f.command === 'kubectl apply -f nginx-pod.yaml');
    expect(apply?.code).toBe('OUTPUT_MISMATCH');
    expect(apply?.diff).toContain(
      '| The Pod "nginx-5" is invalid: spec.containers[0].imagePullPolicy: Unsupported value: "Nevre": supported values: "Always", "IfNotPresent", "Never"',
    );
  });
});

describe('a removed required field', () => {
  const source = mutate(SOURCE, '    image: images.guoguo.com/apps/ubuntu-nginx:1.24.0 # 一个节点上没有的镜像\n', '');
  const result = check(source, FILE);

  it('fails at the container that lacks it', () => {
    // the field is missing, so the error points at its parent: the container's mapping
    const line = lineOf(source, '  - name: nginx');
    expect(result.failures[0]).toMatchObject({ code: 'MANIFEST_INVALID', line, col: 5 });
    expect(result.failures[0]?.message).toContain('spec.containers[0].image: Required value');
  });
});

describe('an explain block one release off', () => {
  it('fails at the first line that differs', () => {
    // 1.26's description has "Defaults to Always" at the end of its first line; the page claims a 1.27 cluster
    const source = mutate(SOURCE, '```text explain\n', '```text explain k8s=1.27\n');
    const result = check(source, FILE);
    expect(result.failures[0]).toMatchObject({
      code: 'EXPLAIN_MISMATCH',
      command: 'kubectl explain pod.spec.containers.imagePullPolicy',
      line: lineOf(source, 'KIND:     Pod'),
    });
  });
});
