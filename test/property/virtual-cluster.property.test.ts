/**
 * Properties of the virtual cluster over arbitrary terminal sessions (apply of valid and broken Pods, delete,
 * `nginx -s stop` through exec, clock steps, get/describe, crictl pull/rmi), at every release 1.23–1.35:
 * - no command throws: every input ends in printed output and an exit code;
 * - the same session prints the same text twice (seeded randomness, virtual time);
 * - a container's restartCount never decreases;
 * - CrashLoopBackOff never waits longer than the kubelet's cap (kubelet.go MaxCrashLoopBackOff, 300 s);
 * - a pod that reached Succeeded or Failed never leaves it (kubelet_pods.go getPhase; the status manager refuses
 *   to move a terminal phase back: status_manager.go checkPodStatusUpdate / isPodStatusByKubeletEqual's callers).
 * Every pod update is observed through the cluster's watch, so states between two commands are checked too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/check/extract/durations.ts';
import { manifestChecks } from '../../src/check/run/manifest-checks.ts';
import { kubeVersion } from '../../src/k8s/version/index.ts';
import { createCluster } from '../../src/sim/index.ts';
import { runCommand } from '../../src/sim/shell/index.ts';
import { testPack } from '../manifest/schema/pack-fixture.ts';
import { shellContext } from '../sim/shell/context.ts';
import { podManifest, type Step, session } from './arbitraries.ts';

const CRASHLOOP_CAP_SECONDS = 300;
const TERMINAL = new Set(['Succeeded', 'Failed']);

interface Run {
  transcript: string[];
  violations: string[];
}

function commandFor(step: Step): { line: string; node?: boolean } | undefined {
  switch (step.kind) {
    case 'apply':
      return { line: 'kubectl apply -f pod.yaml' };
    case 'delete':
      return { line: `kubectl delete pod ${step.name}` };
    case 'stop-nginx':
      return { line: `kubectl exec ${step.name} -- nginx -s stop` };
    case 'get':
      return { line: 'kubectl get pods -o wide' };
    case 'describe':
      return { line: `kubectl describe pod ${step.name}` };
    case 'pull':
      return { line: `crictl pull ${step.image}`, node: true };
    case 'rmi':
      return { line: `crictl rmi ${step.image}`, node: true };
    case 'wait':
      return undefined;
  }
}

/** Replays a session, recording what the terminal printed and every invariant broken on the way. */
function replay(minor: number, seed: number, steps: readonly Step[]): Run {
  const cluster = createCluster({
    version: `1.${minor}`,
    seed,
    validate: manifestChecks(testPack(minor), kubeVersion(`1.${minor}`)).validateObject,
  });
  const files = new Map<string, string>();
  const ctx = { ...shellContext(cluster), files };
  const violations: string[] = [];
  const restarts = new Map<string, number>();
  const terminal = new Map<string, string>();

  cluster.watchPods(({ type, pod, time }) => {
    const uid = pod.metadata.uid ?? '?';
    const phase = pod.status?.phase;
    const was = terminal.get(uid);
    if (was && type !== 'DELETED' && phase !== was) violations.push(`t=${time} ${uid} left ${was} for ${phase}`);
    if (phase && TERMINAL.has(phase)) terminal.set(uid, phase);
    for (const status of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
      const key = `${uid}/${status.name}`;
      const count = status.restartCount ?? 0;
      if (count < (restarts.get(key) ?? 0)) violations.push(`t=${time} ${key} restartCount fell to ${count}`);
      restarts.set(key, count);
      const message = status.state?.waiting?.reason === 'CrashLoopBackOff' ? status.state.waiting.message : undefined;
      const delay = message?.match(/^back-off (\S+) /)?.[1];
      if (delay && (parseDuration(delay) ?? Number.POSITIVE_INFINITY) > CRASHLOOP_CAP_SECONDS) {
        violations.push(`t=${time} ${key} back-off ${delay} exceeds ${CRASHLOOP_CAP_SECONDS}s`);
      }
    }
  });

  const transcript: string[] = [];
  for (const step of steps) {
    if (step.kind === 'wait') {
      cluster.advance(step.seconds);
      transcript.push(`# waited ${step.seconds}s`);
      continue;
    }
    if (step.kind === 'apply') files.set('pod.yaml', podManifest(step.pod));
    const command = commandFor(step);
    if (!command) continue;
    const target = command.node
      ? { kind: 'node' as const, node: cluster.nodes()[0]?.name ?? 'node-1' }
      : { kind: 'client' as const };
    const result = runCommand(ctx, target, command.line);
    transcript.push(`$ ${command.line}`, result.output, `exit ${result.exitCode}`);
  }
  return { transcript, violations };
}

describe('virtual cluster properties (fast-check)', () => {
  it('never throws, keeps its invariants, and replays the same session identically', () => {
    fc.assert(
      fc.property(session, ({ minor, seed, steps }) => {
        const first = replay(minor, seed, steps);
        expect(first.violations).toEqual([]);
        const second = replay(minor, seed, steps);
        expect(second.transcript).toEqual(first.transcript);
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it('a crash-looping container over an hour: back-off capped, restarts only grow, at every release', () => {
    // A focused property: the longest back-off chains, which random sessions reach only rarely.
    fc.assert(
      fc.property(
        fc.integer({ min: 23, max: 35 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom('Always', 'OnFailure'),
        fc.integer({ min: 1, max: 30 }),
        (minor, seed, restartPolicy, sleepSeconds) => {
          const steps: Step[] = [
            {
              kind: 'apply',
              pod: {
                name: 'crash',
                image: 'busybox:1.36',
                imagePullPolicy: 'IfNotPresent',
                restartPolicy,
                command: ['sh', '-c', `sleep ${sleepSeconds}; exit 1`],
                containersAsMap: false,
              },
            },
            ...Array.from({ length: 12 }, () => ({ kind: 'wait' as const, seconds: 300 })),
            { kind: 'describe', name: 'crash' },
          ];
          const run = replay(minor, seed, steps);
          expect(run.violations).toEqual([]);
          // The container did crash-loop: the describe output shows the kubelet's back-off warning.
          expect(run.transcript.join('\n')).toMatch(/Back-off restarting failed container/);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('any command line, however broken, prints something and exits; it never throws', () => {
    const words = fc.constantFrom(
      'kubectl',
      'crictl',
      'get',
      'describe',
      'apply',
      'delete',
      'exec',
      'explain',
      'pods',
      'pod',
      'po',
      'web',
      '-f',
      'pod.yaml',
      '-o',
      'yaml',
      'wide',
      '-it',
      '--',
      'nginx',
      '-s',
      'stop',
      '-w',
      '|',
      '"',
      "'",
      '\\',
      '$HOME',
      'pull',
      'rmi',
      'images',
      'Nginx:1.25',
      '--grace-period=-5',
      '-n',
      '',
      'pod.spec.containers',
      '--recursive',
    );
    const line = fc.array(fc.oneof(words, fc.string({ maxLength: 8 })), { maxLength: 8 }).map((w) => w.join(' '));
    const cluster = createCluster({
      version: '1.35',
      validate: manifestChecks(testPack(35), kubeVersion('1.35')).validateObject,
    });
    const ctx = { ...shellContext(cluster), files: new Map([['pod.yaml', 'apiVersion: v1\nkind: Pod\n']]) };
    fc.assert(
      fc.property(line, fc.constantFrom('client', 'node', 'container'), (text, where) => {
        const target =
          where === 'client'
            ? { kind: 'client' as const }
            : where === 'node'
              ? { kind: 'node' as const, node: 'node-1' }
              : { kind: 'container' as const, pod: 'web' };
        const result = runCommand(ctx, target, text);
        expect(typeof result.output).toBe('string');
        expect(Number.isInteger(result.exitCode)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
