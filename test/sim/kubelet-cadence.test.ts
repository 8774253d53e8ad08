/**
 * When the kubelet syncs a pod. Expected intervals come from pkg/kubelet/pod_workers.go completeWork
 * (backOffPeriod 10s, workerBackOffPeriodJitterFactor 0.5; resync 1m, factor 0.5; 1.35: the CrashLoopBackOff
 * BackoffError's expiry, clamped to the resync interval and jittered), kubelet.go syncLoop (1s sync ticker)
 * and pleg/generic.go (relist every 1s).
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/k8s/api/types.ts';
import { type Cluster, createCluster } from '../../src/sim/index.ts';
import { podManifest } from './helpers.ts';

function neverPull(version: string, seed: number): Cluster {
  const c = createCluster({ version, seed, nodes: [{ name: 'n1' }] });
  c.apply(podManifest('p', { name: 'app', image: 'nginx:1.25', imagePullPolicy: 'Never' }));
  c.advance(600);
  return c;
}

describe('failed syncs (ErrImageNeverPull) are retried after 10-15s plus the 1s sync ticker', () => {
  for (const version of ['1.23', '1.26', '1.35']) {
    it(`in ${version}`, () => {
      for (const seed of [1, 2, 3]) {
        const trace = neverPull(version, seed).kubelet('n1').trace;
        expect(trace[0]?.trigger).toBe('add');
        expect(trace[1]?.trigger).toBe('pleg'); // the new sandbox is a PLEG event
        for (let i = 2; i < trace.length; i++) {
          expect(trace[i]!.trigger).toBe('queue');
          const gap = trace[i]!.start - trace[i - 1]!.end;
          expect(gap).toBeGreaterThanOrEqual(10);
          expect(gap).toBeLessThan(16);
        }
        expect(trace.length).toBeGreaterThan(40); // 600s / (10..16s)
      }
    });
  }
});

describe('a successful sync is repeated after syncFrequency 1m jittered by 0.5', () => {
  it('requeues running pods 60-90s later', () => {
    const c = createCluster({ version: '1.30', seed: 5, nodes: [{ name: 'n1', images: ['nginx:1.25'] }] });
    c.apply(podManifest('web', { name: 'nginx', image: 'nginx:1.25' }));
    c.advance(900);
    const ok = c.kubelet('n1').trace.filter((t) => t.outcome === 'ok');
    expect(ok.length).toBeGreaterThan(5);
    for (const t of ok) {
      const wait = t.requeueAt! - t.end;
      expect(wait).toBeGreaterThanOrEqual(60);
      expect(wait).toBeLessThan(90);
    }
  });
});

/** Container runs as (startedAt, finishedAt) pairs, from the pod's statuses over time. */
function runs(c: Cluster, seconds: number): { start: number; end?: number }[] {
  const byStart = new Map<number, number | undefined>();
  const note = (pod: Pod) => {
    const s = pod.status?.containerStatuses?.[0];
    const running = s?.state?.running?.startedAt;
    const done = s?.state?.terminated;
    const last = s?.lastState?.terminated;
    if (running !== undefined && !byStart.has(running)) byStart.set(running, undefined);
    for (const t of [done, last]) if (t?.startedAt !== undefined) byStart.set(t.startedAt, t.finishedAt);
  };
  const stop = c.watchPods((e) => note(e.pod));
  c.advance(seconds);
  stop();
  return [...byStart.entries()].sort((a, b) => a[0] - b[0]).map(([start, end]) => ({ start, end }));
}

function crashLoop(version: string, seed: number) {
  const c = createCluster({ version, seed, nodes: [{ name: 'n1', images: ['busybox:1.36'] }] });
  c.apply(podManifest('crash', { name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 2; exit 1'] }));
  return runs(c, 1500);
}

const nominal = (k: number) => Math.min(10 * 2 ** (k - 1), 300); // delay before restart k+1 after exit k+1 (k >= 1)

describe('CrashLoopBackOff restarts', () => {
  it('before 1.35 land on the first 10-15s retry after the back-off ended', () => {
    for (const seed of [1, 2]) {
      const r = crashLoop('1.34', seed);
      expect(r[1]!.start - r[0]!.end!).toBeLessThanOrEqual(2); // the first exit restarts at once
      for (let k = 1; k + 1 < r.length; k++) {
        const delay = r[k + 1]!.start - r[k]!.end!;
        expect(delay).toBeGreaterThanOrEqual(nominal(k) - 1); // API times are whole seconds
        expect(delay).toBeLessThanOrEqual(nominal(k) + 17);
      }
    }
  });

  it('from 1.35 are requeued at the back-off end (PR #133066), jittered by up to half the wait', () => {
    for (const seed of [1, 2]) {
      const r = crashLoop('1.35', seed);
      expect(r[1]!.start - r[0]!.end!).toBeLessThanOrEqual(2);
      for (let k = 1; k + 1 < r.length; k++) {
        const delay = r[k + 1]!.start - r[k]!.end!;
        // A wait under the 1m resync interval is jittered by up to 1.5x; a longer back-off is polled every
        // 60-90s (the wait is clamped to resyncInterval before the jitter).
        const latest = nominal(k) <= 60 ? 1.5 * nominal(k) : nominal(k) + 90;
        expect(delay).toBeGreaterThanOrEqual(nominal(k) - 1);
        expect(delay).toBeLessThanOrEqual(latest + 3);
      }
    }
  });

  it('notices an exit at the next PLEG relist (within 1s)', () => {
    const c = createCluster({ version: '1.30', seed: 4, nodes: [{ name: 'n1', images: ['busybox:1.36'] }] });
    c.apply(
      podManifest(
        'once',
        { name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 5; exit 1'] },
        { restartPolicy: 'Never' },
      ),
    );
    c.advance(30);
    const pleg = c.kubelet('n1').trace.filter((t) => t.trigger === 'pleg');
    const finished = c.getPod('once')?.status?.containerStatuses?.[0]?.state?.terminated?.finishedAt;
    expect(finished).toBeDefined();
    const after = pleg.find((t) => t.start >= finished!);
    expect(after!.start - finished!).toBeLessThan(2); // finishedAt is floored
    expect(c.getPod('once')?.status?.phase).toBe('Failed');
  });
});
