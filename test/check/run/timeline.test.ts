/**
 * Checking ```timeline``` blocks: each is played on a fresh cluster of its scenario (file= applied at time 0,
 * steps at their times); a failing command, a passed clock or a cluster that cannot be built is a failure at
 * its page position. The page's own sessions are not touched by a timeline.
 */
import { describe, expect, it } from 'vitest';
import { extractPage, type TimelineExample } from '../../../src/check/extract/index.ts';
import { playTimeline } from '../../../src/check/run/index.ts';
import { runCommand } from '../../../src/sim/index.ts';
import { testPack } from '../../manifest/schema/pack-fixture.ts';
import { check, fixture, lineOf, mutate, page, where } from './helpers.ts';

const CRASH_POD = [
  '```yaml file=crash.yaml',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: crash',
  'spec:',
  '  containers:',
  '  - name: app',
  '    image: busybox:1.36',
  '    command: ["sh", "-c", "sleep 2; exit 1"]',
  '```',
];

describe('the timeline fixture page', () => {
  it('passes, with every timeline counted as an example and its commands as steps', () => {
    const result = check(fixture('timeline.md'), 'timeline.md');
    expect(where(result)).toEqual([]);
    expect(result.counts.examples).toBe(6);
    expect(result.counts.steps).toBe(3 + 2); // three `apply -f` and two exec steps
    expect(result.minors).toEqual([26, 35]);
  });

  it('fails at the step whose command fails', () => {
    const source = mutate(
      fixture('timeline.md'),
      'kubectl exec nginx-5 -- nginx -s stop\n#@ at 100s',
      'kubectl exec nginx-6 -- nginx -s stop\n#@ at 100s',
    );
    const result = check(source, 'timeline.md');
    const line = lineOf(source, '$ kubectl exec nginx-6 -- nginx -s stop');
    expect(where(result)).toEqual([`${line}:1 TIMELINE_COMMAND_FAILED`]);
    expect(result.failures[0]?.message).toContain('pods "nginx-6" not found');
    expect(result.failures[0]?.command).toBe('kubectl exec nginx-6 -- nginx -s stop');
  });
});

describe('a timeline', () => {
  it('does not change the page session: a transcript after it starts where the page left off', () => {
    const source = page([
      ...CRASH_POD,
      '```timeline file=crash.yaml until=10m',
      '```',
      '```console',
      '$ kubectl get pods',
      'No resources found in default namespace.',
      '```',
    ]);
    expect(where(check(source))).toEqual([]);
  });

  it('reports a manifest the cluster rejects at the file= attribute', () => {
    const source = page([
      ...CRASH_POD.map((l) => l.replace('name: crash', 'name: Crash')),
      '```timeline file=crash.yaml until=1m',
      '```',
    ]);
    const result = check(source);
    const line = lineOf(source, '```timeline file=crash.yaml until=1m');
    // The manifest block itself fails too (MANIFEST_INVALID); the timeline says its apply fails.
    expect(where(result)).toContain(`${line}:13 TIMELINE_COMMAND_FAILED`);
    expect(result.failures.find((f) => f.code === 'TIMELINE_COMMAND_FAILED')?.message).toContain(
      '`kubectl apply -f crash.yaml` fails',
    );
  });

  it('reports a command the virtual cluster does not model', () => {
    const source = page([
      ...CRASH_POD,
      '```timeline file=crash.yaml until=1m',
      '$ kubectl rollout restart deploy/x',
      '```',
    ]);
    const line = lineOf(source, '$ kubectl rollout restart deploy/x');
    const result = check(source);
    expect(where(result)).toEqual([`${line}:1 NOT_MODELLED`]);
    expect(result.failures[0]?.message).toBe(
      '`kubectl rollout` is not modelled by the virtual cluster, so the timeline cannot run it',
    );
  });

  it('lets kubectl exec pass the remote status through', () => {
    const source = page([
      ...CRASH_POD.map((l) => l.replace('sleep 2; exit 1', 'sleep 3600')),
      '```timeline file=crash.yaml until=2m',
      '#@ at 30s',
      '$ kubectl exec crash -- sh -c "exit 3"',
      '```',
    ]);
    expect(where(check(source))).toEqual([]);
  });

  it('is not checked when its file is unknown (the extraction says why, once)', () => {
    const source = page(['```timeline file=nope.yaml until=1m', '```']);
    expect(where(check(source)).map((w) => w.split(' ')[1])).toEqual(['TIMELINE_UNKNOWN_FILE']);
  });
});

describe('playTimeline', () => {
  it('hands the fresh cluster to an observer before the apply, and runs to until=', () => {
    const source = page([...CRASH_POD, '```timeline file=crash.yaml until=90s', '```']);
    const extracted = extractPage(source, 'page.md');
    const example = extracted.examples.find((e): e is TimelineExample => e.kind === 'timeline');
    if (!example) throw new Error('no timeline');
    const seen: number[] = [];
    const play = playTimeline(extracted.examples, example, testPack(26), runCommand, 'page.md', {
      observe: (cluster) => seen.push(cluster.listPods().length),
    });
    expect(play.failures).toEqual([]);
    expect(seen).toEqual([0]);
    expect(play.session?.cluster.now()).toBe((play.start ?? 0) + 90);
    expect(play.end).toBe((play.start ?? 0) + 90);
    expect(play.session?.cluster.listPods().map((p) => p.metadata.name)).toEqual(['crash']);
  });
});
