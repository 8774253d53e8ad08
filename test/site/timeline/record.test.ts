/**
 * recordTimeline against the kubelet's rules, not against its own output:
 * - CrashLoopBackOff (pkg/kubelet/kubelet.go newCrashLoopBackOff: 10s doubling to 300s; kuberuntime_manager.go
 *   doBackOff: no back-off at the first exit, a restart never before finishedAt + back-off; before 1.35 the
 *   pod worker retries 10-15s after a failed sync, so a restart lags by at most that; 1.35 requeues on time);
 * - restart counts as `kubectl get pods` prints them (an independent printer, src/k8s/kubectl);
 * - restartPolicy Never: no restart, the exit code stays (kuberuntime_manager.go computePodActions).
 */
import { describe, expect, it } from 'vitest';
import { renderGetPods } from '../../../src/k8s/kubectl/print-pod.ts';
import {
  CRASHLOOP_INITIAL_SECONDS,
  CRASHLOOP_MAX_SECONDS,
  POD_WORKER_BACKOFF_SECONDS,
  POD_WORKER_JITTER_FACTOR,
} from '../../../src/k8s/kubelet/crash-loop.ts';
import { type Cluster, createCluster } from '../../../src/sim/index.ts';
import { type ContainerTimeline, recordTimeline, type Timeline } from '../../../src/site/timeline/index.ts';

const BUSYBOX = 'busybox:1.36';

function cluster(version: string, seed = 3): Cluster {
  return createCluster({ version, seed, nodes: [{ name: 'n1', images: [BUSYBOX] }] });
}

function pod(name: string, container: Record<string, unknown>, spec: Record<string, unknown> = {}) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { ...spec, containers: [container] } };
}

function crashLoop(version: string, seconds: number, seed = 3): { c: Cluster; timeline: Timeline } {
  const c = cluster(version, seed);
  const recorder = recordTimeline(c);
  c.apply(pod('crash', { name: 'app', image: BUSYBOX, command: ['sh', '-c', 'sleep 2; exit 1'] }));
  c.advance(seconds);
  return { c, timeline: recorder.timeline() };
}

function only(timeline: Timeline): ContainerTimeline {
  expect(timeline.pods).toHaveLength(1);
  const containers = timeline.pods[0]?.containers ?? [];
  expect(containers).toHaveLength(1);
  return containers[0] as ContainerTimeline;
}

/** The RESTARTS column of `kubectl get pods` for a pod: `5 (30s ago)` → 5. */
function printedRestarts(c: Cluster, name: string): number {
  const text = renderGetPods(c.listPods(), { minor: c.version.minor, now: c.now() });
  const row = text.split('\n').find((l) => l.startsWith(`${name} `));
  return Number(row?.trim().split(/ {2,}/)[3]?.split(' ')[0]);
}

/** The nominal back-offs the kubelet uses, k-th delayed restart (0-based): 10s, 20s, 40s, ... capped at 300s. */
function kubeletBackoff(k: number): number {
  return Math.min(CRASHLOOP_INITIAL_SECONDS * 2 ** k, CRASHLOOP_MAX_SECONDS);
}

describe('a crash loop under restartPolicy Always', () => {
  for (const version of ['1.26', '1.35']) {
    describe(`Kubernetes ${version}`, () => {
      const { c, timeline } = crashLoop(version, 3600);
      const app = only(timeline);

      it('counts restarts one by one, as kubectl get pods prints them', () => {
        expect(app.restarts.map((r) => r.restartCount)).toEqual(app.restarts.map((_, i) => i + 1));
        expect(app.restarts.length).toBe(printedRestarts(c, 'crash'));
        expect(app.restarts.length).toBeGreaterThan(10); // an hour at a 5m cap
      });

      it('restarts at once after the first exit, then waits 10s, 20s, 40s ... up to 300s', () => {
        const delayed = app.backoffs.filter((b) => b.kind === 'crash-loop');
        // The first restart is not delayed: doBackOff finds no back-off entry at the first exit.
        expect(delayed.length).toBe(app.restarts.length - 1 + (delayed.at(-1)?.ended ? 0 : 1));
        expect(delayed.map((w) => w.backoffSeconds)).toEqual(delayed.map((_, k) => kubeletBackoff(k)));
        expect(delayed.slice(0, 6).map((w) => w.backoffSeconds)).toEqual([10, 20, 40, 80, 160, 300]);
      });

      it('never restarts before the back-off has passed since the exit, and not much later', () => {
        // 1.35 (PR #133066) requeues the pod when the back-off expires, jittered by up to half the remaining
        // wait; earlier releases retry every 10-15s. Plus the 1s PLEG relist and whole-second timestamps.
        for (const wait of app.backoffs.filter((b) => b.ended)) {
          const backoff = wait.backoffSeconds as number;
          const latest =
            version === '1.35'
              ? backoff * (1 + POD_WORKER_JITTER_FACTOR) + 2
              : backoff + POD_WORKER_BACKOFF_SECONDS * (1 + POD_WORKER_JITTER_FACTOR) + 2;
          const waited = wait.to - wait.from;
          expect(waited).toBeGreaterThanOrEqual(backoff);
          expect(waited).toBeLessThanOrEqual(latest);
        }
      });

      it('marks each delayed restart where its wait ends', () => {
        const ended = app.backoffs.filter((b) => b.ended);
        ended.forEach((wait, k) => {
          const restart = app.restarts[k + 1];
          expect(restart).toBeDefined();
          // The wait ends at the kubelet's startedAt (whole seconds); the API shows the run a moment later.
          expect((restart?.at ?? 0) - wait.to).toBeGreaterThanOrEqual(0);
          expect((restart?.at ?? 0) - wait.to).toBeLessThan(2);
        });
      });

      it('shows the states in order: created, running, exited with Error 1, back-off, running again', () => {
        const segments = app.segments;
        expect(segments[0]).toMatchObject({ state: 'waiting', reason: 'ContainerCreating' });
        expect(segments[1]).toMatchObject({ state: 'running' });
        expect(segments[2]).toMatchObject({ state: 'terminated', reason: 'Error', exitCode: 1 });
        for (const s of segments) {
          if (s.state === 'terminated') expect(s).toMatchObject({ reason: 'Error', exitCode: 1 });
          if (s.state === 'waiting' && s.reason !== 'ContainerCreating') expect(s.reason).toBe('CrashLoopBackOff');
        }
        expect(segments.some((s) => s.message?.startsWith('back-off 5m0s restarting failed container=app'))).toBe(true);
      });

      it('covers the hour without gaps or overlaps, in virtual seconds from the apply', () => {
        expect(timeline.end).toBe(3600);
        const segments = app.segments;
        expect(segments[0]?.from).toBeLessThan(1);
        expect(segments.slice(1).map((s) => s.from)).toEqual(segments.slice(0, -1).map((s) => s.to));
        expect(segments.at(-1)?.to).toBe(3600);
        for (const s of segments) expect(s.to).toBeGreaterThanOrEqual(s.from);
      });

      it('is plain data', () => {
        expect(JSON.parse(JSON.stringify(timeline))).toEqual(timeline);
      });
    });
  }
});

describe('image pull failures', () => {
  it('alternate ErrImagePull and ImagePullBackOff, with the back-off waits between pulls', () => {
    const c = cluster('1.26');
    const recorder = recordTimeline(c);
    c.apply(pod('pull', { name: 'web', image: 'nginx:9.99' }));
    c.advance(300);
    const web = only(recorder.timeline());
    const reasons = web.segments.map((s) => s.reason);
    expect(reasons[0]).toBe('ContainerCreating');
    expect(new Set(reasons.slice(1))).toEqual(new Set(['ErrImagePull', 'ImagePullBackOff']));
    expect(web.segments.every((s) => s.state === 'waiting')).toBe(true);
    expect(web.restarts).toEqual([]);
    const waits = web.backoffs.filter((b) => b.kind === 'image-pull');
    const backOffs = web.segments.filter((s) => s.reason === 'ImagePullBackOff');
    expect(waits.map((w) => [w.from, w.to])).toEqual(backOffs.map((s) => [s.from, s.to]));
  });
});

describe('restartPolicy Never', () => {
  it('keeps the exit and does not restart', () => {
    const c = cluster('1.26');
    const recorder = recordTimeline(c);
    c.apply(
      pod(
        'once',
        { name: 'job', image: BUSYBOX, command: ['sh', '-c', 'sleep 30; exit 3'] },
        { restartPolicy: 'Never' },
      ),
    );
    c.advance(120);
    const timeline = recorder.timeline();
    const job = only(timeline);
    expect(job.restarts).toEqual([]);
    expect(job.backoffs).toEqual([]);
    expect(job.segments.at(-1)).toMatchObject({ state: 'terminated', reason: 'Error', exitCode: 3, to: 120 });
    const running = job.segments.find((s) => s.state === 'running');
    expect((running?.to ?? 0) - (running?.from ?? 0)).toBeGreaterThanOrEqual(29);
    expect(timeline.pods[0]?.phases.at(-1)?.phase).toBe('Failed');
    expect(timeline.pods[0]?.restartPolicy).toBe('Never');
  });
});

describe('the recorder', () => {
  it('ends a deleted pod at its deletion', () => {
    const c = cluster('1.26');
    const recorder = recordTimeline(c);
    c.apply(pod('web', { name: 'app', image: BUSYBOX, command: ['sleep', '3600'] }));
    c.advance(60);
    c.delete('pod', 'web');
    c.advance(60);
    const p = recorder.timeline().pods[0];
    expect(p?.deleted).toBeGreaterThan(60);
    expect(p?.deleted).toBeLessThan(120);
    for (const s of p?.containers[0]?.segments ?? []) expect(s.to).toBeLessThanOrEqual(p?.deleted as number);
  });

  it('starts from pods that already exist, and stops listening when told', () => {
    const c = cluster('1.26');
    c.apply(pod('early', { name: 'app', image: BUSYBOX, command: ['sleep', '3600'] }));
    c.advance(10);
    const recorder = recordTimeline(c);
    expect(recorder.timeline().pods.map((p) => p.name)).toEqual(['early']);
    recorder.stop();
    c.apply(pod('late', { name: 'app', image: BUSYBOX, command: ['sleep', '3600'] }));
    c.advance(10);
    const timeline = recorder.timeline();
    expect(timeline.pods.map((p) => p.name)).toEqual(['early']);
    expect(timeline.end).toBe(0);
  });

  it('answers the same timeline for the same seed', () => {
    expect(crashLoop('1.26', 600, 7).timeline).toEqual(crashLoop('1.26', 600, 7).timeline);
  });

  it('cuts a timeline at an earlier end without changing what it keeps', () => {
    const c = cluster('1.26');
    const recorder = recordTimeline(c);
    c.apply(pod('crash', { name: 'app', image: BUSYBOX, command: ['sh', '-c', 'sleep 2; exit 1'] }));
    c.advance(600);
    const cut = recorder.timeline(120);
    const app = only(cut);
    expect(cut.end).toBe(120);
    expect(app.segments.at(-1)?.to).toBe(120);
    expect(app.restarts.every((r) => r.at <= 120)).toBe(true);
    expect(only(recorder.timeline()).segments.at(-1)?.to).toBe(600);
  });
});
