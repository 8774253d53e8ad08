/**
 * A page written from the seed notes' first session (ErrImageNeverPull, then restartPolicy Never and Always),
 * in Podbook's syntax: fixtures/errimageneverpull.md. Every expectation below was read off the fixture by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage, matchOutput, type TranscriptExample } from '../../../src/check/extract/index.ts';

const file = join(import.meta.dirname, 'fixtures/errimageneverpull.md');
const result = extractPage(readFileSync(file, 'utf8'), 'content/zh-cn/errimageneverpull.md');
const transcripts = result.examples.filter((e): e is TranscriptExample => e.kind === 'transcript');

describe('the ErrImageNeverPull page', () => {
  it('has no errors', () => {
    expect(result.errors).toEqual([]);
  });

  it('lists every block in page order with its role and fence line', () => {
    expect(result.examples.map((e) => [e.kind, e.fence.line])).toEqual([
      ['explain', 35],
      ['invalid-manifest', 61],
      ['expected-errors', 72],
      ['manifest', 78],
      ['transcript', 97],
      ['transcript', 114],
      ['transcript', 129],
      ['transcript', 141],
      ['manifest', 158],
      ['transcript', 171],
      ['skipped', 182],
      ['ignored', 187],
    ]);
  });

  it('reads the page settings and the second scenario', () => {
    const { podbook } = result.frontmatter;
    expect(podbook.k8s).toBe('1.26');
    expect(podbook.seed).toBe(7);
    expect(podbook.cluster?.nodes?.map((n) => [n.name, n.roles, n.images])).toEqual([
      ['k8s-master1', ['control-plane'], []],
      ['k8s-node2.guoguo.com', ['worker'], ['images.guoguo.com/apps/ubuntu-nginx:1.22.1']],
      ['k8s-node3.guoguo.com', ['worker'], []],
    ]);
    expect(podbook.cluster?.registries).toEqual([
      {
        host: 'images.guoguo.com',
        repositories: [{ name: 'apps/ubuntu-nginx', tags: ['1.20.1', '1.22.1', '1.24.0'] }],
      },
    ]);
    const always = result.examples[8];
    expect(always?.kind === 'manifest' && always.scenario.cluster?.nodes?.map((n) => n.images)).toEqual([
      [],
      ['images.guoguo.com/apps/ubuntu-nginx:1.24.0'],
    ]);
  });

  it('reads the explain block: its command, version and callouts', () => {
    const explain = result.examples[0];
    if (explain?.kind !== 'explain') throw new Error('not explain');
    expect(explain).toMatchObject({
      command: 'kubectl explain pod.spec.containers.imagePullPolicy',
      k8s: '1.26',
      kubectl: '1.26',
      generate: false,
    });
    expect(explain.steps[0]?.expected).toHaveLength(18);
    expect(explain.callouts.map((c) => [c.number, c.line, c.target.line])).toEqual([
      [1, 41, 40],
      [2, 46, 45],
    ]);
  });

  it('links the invalid first draft to its errors block', () => {
    expect(result.examples[1]).toMatchObject({
      kind: 'invalid-manifest',
      file: 'nginx-pod.yaml',
      errorsIn: { example: 2 },
    });
    expect(result.examples[2]).toMatchObject({ kind: 'expected-errors', target: 'nginx-pod.yaml', manifest: 1 });
  });

  it('gives the manifest body with its first line position', () => {
    const manifest = result.examples[3];
    expect(manifest?.bodyStart).toMatchObject({ line: 79, col: 1 });
    expect(manifest?.body.split('\n')[9]).toBe('  restartPolicy: Never # pod 重启策略，默认是 Always');
  });

  it('reads the first transcript: hosts, commands, clock directives, callouts', () => {
    const [first] = transcripts;
    expect(first?.steps.map((s) => [s.line, s.host, s.node, s.command, s.before])).toEqual([
      [98, 'k8s-master1', 'k8s-master1', 'kubectl apply -f nginx-pod.yaml', []],
      [
        101,
        'k8s-master1',
        'k8s-master1',
        'kubectl get pods',
        [{ kind: 'wait', seconds: 4, line: 100, text: '#@ wait 4s' }],
      ],
      [
        106,
        'k8s-master1',
        'k8s-master1',
        'kubectl get pods -o wide',
        [{ kind: 'at', seconds: 59, line: 105, text: '#@ at 59s' }],
      ],
    ]);
    expect(first?.callouts.map((c) => [c.number, c.text, c.target.line])).toEqual([
      [1, '镜像下载失败', 103],
      [2, '已经绑定了 node 节点了', 108],
    ]);
  });

  it('runs crictl on node3 and resumes at 4m39s', () => {
    const pull = transcripts[2];
    expect(pull?.steps[0]).toMatchObject({ host: 'k8s-node3', node: 'k8s-node3.guoguo.com', where: 'host' });
    expect(pull?.steps[1]?.before).toEqual([{ kind: 'at', seconds: 279, line: 132, text: '#@ at 4m39s' }]);
  });

  it('reads the exec session and the 77 minutes wait', () => {
    const exec = transcripts[3];
    expect(exec?.steps.map((s) => [s.line, s.where, s.command])).toEqual([
      [142, 'host', 'kubectl exec -it nginx-5 /bin/bash'],
      [144, 'container', 'nginx -s stop'],
      [146, 'container', undefined],
      [150, 'host', 'kubectl get pods'],
    ]);
    expect(exec?.steps[3]?.before).toEqual([{ kind: 'wait', seconds: 4620, line: 149, text: '#@ wait 77m' }]);
    expect(exec?.callouts[0]).toMatchObject({ text: '关闭 nginx', target: { line: 144, step: 1, part: 'command' } });
  });

  it('puts the restartPolicy: Always blocks in their scenario with $ prompts on the kubectl host', () => {
    const always = transcripts[4];
    expect(always?.scenario.name).toBe('restart-always');
    expect(always?.steps.map((s) => [s.host, s.node])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  it('lists the skipped block with its reason', () => {
    expect(result.examples[10]).toMatchObject({
      kind: 'skipped',
      role: 'transcript',
      reason: 'dashboard 的操作无法在命令行重放',
    });
  });

  it('matches what a cluster would print against the wildcards of the describe block', () => {
    const describeStep = transcripts[1]?.steps[0];
    const actual = [
      'Name:             nginx-5',
      'Namespace:        default',
      'Events:',
      '  Type     Reason             Age                  From               Message',
      '  ----     ------             ----                 ----               -------',
      '  Normal   Scheduled          105s                 default-scheduler  Successfully assigned default/nginx-5 to k8s-node3.guoguo.com',
      '  Warning  ErrImageNeverPull  11s (x10 over 105s)  kubelet            Container image "images.guoguo.com/apps/ubuntu-nginx:1.24.0" is not present with pull policy of Never',
      '  Warning  Failed             11s (x10 over 105s)  kubelet            Error: ErrImageNeverPull',
    ].join('\n');
    expect(matchOutput(describeStep?.expected ?? [], actual)).toEqual({ ok: true, diff: '' });
    const wrong = actual.replace('x10 over', 'x9 over');
    const { ok, diff } = matchOutput(describeStep?.expected ?? [], wrong);
    expect(ok).toBe(false);
    expect(diff).toContain('- 122 ');
    expect(diff).toContain('+       7 |   Warning  ErrImageNeverPull  11s (x9 over 105s)');
  });
});
