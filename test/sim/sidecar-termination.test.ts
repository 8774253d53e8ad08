/**
 * Sidecars (restartable init containers) once the pod's regular containers are done, and when the pod is deleted:
 * - computePodActions (kuberuntime_manager.go): `keepCount == 0 && len(ContainersToStart) == 0` sets KillPod and
 *   drops InitContainersToStart, so running sidecars get a Killing event `Stopping container <name>` (killContainer
 *   with no message) and SIGTERM, SIGKILL at the grace period's end; the sandbox is stopped; getPhase ignores the
 *   stopped sidecars and the pod ends Succeeded/Failed by its regular containers.
 * - killContainersWithSyncResult + newTerminationOrdering (1.29+): a whole-pod kill signals the sidecars after the
 *   regular containers, in reverse spec order, each wait bounded by the grace period (then 2s at least).
 */
import { describe, expect, it } from 'vitest';
import type { Container, Pod } from '../../src/k8s/api/types.ts';
import { kubeVersion } from '../../src/k8s/version/index.ts';
import type { RuntimeContainer } from '../../src/sim/container-runtime.ts';
import { type Cluster, type ContainerBehaviour, createCluster, longRunning, runCommand } from '../../src/sim/index.ts';
import { PLEG_RELIST_PERIOD_SECONDS } from '../../src/sim/kubelet.ts';
import { MINIMUM_GRACE_PERIOD_SECONDS } from '../../src/sim/pod-sync.ts';
import { shellContext } from './shell/context.ts';

const NODE = 'node-1';
/** The default terminationGracePeriodSeconds the API server sets. */
const DEFAULT_GRACE = 30;
/** The app runs this long (`sleep 30; exit N`). */
const APP_SECONDS = 30;

function sidecarPodYaml(o: {
  sidecarCommand: string;
  appExitCode?: number;
  restartPolicy?: string;
  graceSeconds?: number;
}): string {
  const grace = o.graceSeconds === undefined ? '' : `  terminationGracePeriodSeconds: ${o.graceSeconds}\n`;
  return `apiVersion: v1
kind: Pod
metadata:
  name: with-sidecar
spec:
  restartPolicy: ${o.restartPolicy ?? 'Never'}
${grace}  initContainers:
  - name: log-agent
    image: busybox:1.36
    restartPolicy: Always
    command: ["sh", "-c", "${o.sidecarCommand}"]
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep ${APP_SECONDS}; exit ${o.appExitCode ?? 0}"]
`;
}

interface Session {
  c: Cluster;
  run: (line: string) => string;
  uid: string;
  created: number;
}

function applyPod(
  version: string,
  yaml: string,
  behaviours?: (c: Container) => ContainerBehaviour | undefined,
): Session {
  const c = createCluster({
    version,
    seed: 7,
    nodes: [{ name: NODE, images: ['busybox:1.36'] }],
    behaviours: behaviours && ((_pod: Pod, container: Container) => behaviours(container)),
  });
  const ctx = shellContext(c, { 'pod.yaml': yaml });
  const run = (line: string) => runCommand(ctx, { kind: 'client' }, line).output;
  const applied = run('kubectl apply -f pod.yaml');
  if (applied !== 'pod/with-sidecar created\n') throw new Error(`kubectl apply failed: ${applied}`);
  const pod = c.getPod('with-sidecar');
  return { c, run, uid: pod?.metadata.uid ?? '', created: pod?.metadata.creationTimestamp as number };
}

/** Every runtime record of one container, oldest first. */
function records(s: Session, name: string): RuntimeContainer[] {
  return s.c
    .node(NODE)
    .runtime.containersOf(s.uid)
    .filter((r) => r.name === name)
    .reverse();
}

function last(s: Session, name: string): RuntimeContainer {
  const list = records(s, name);
  const rec = list[list.length - 1];
  if (!rec) throw new Error(`no runtime record of ${name}`);
  return rec;
}

function finishedAt(s: Session, name: string): number {
  const t = last(s, name).finishedAt;
  if (t === undefined) throw new Error(`${name} has not finished`);
  return t;
}

/** When the kubelet recorded each Killing event (exact virtual time). */
function killingTimes(s: Session): number[] {
  return s.c
    .kubelet(NODE)
    .recorded.filter((r) => r.reason === 'Killing')
    .map((r) => r.time);
}

function phase(s: Session): string | undefined {
  return s.c.getPod('with-sidecar')?.status?.phase;
}

/** The pod's row of `kubectl get pods`, columns split on runs of 2+ spaces. */
function podRow(s: Session): string[] {
  const line = s.run('kubectl get pods').split('\n')[1] ?? '';
  return line.trim().split(/ {2,}/);
}

function advanceUntilExited(s: Session, name: string, timeoutSeconds: number): void {
  const done = s.c.advanceUntil(() => records(s, name).at(-1)?.state === 'exited', {
    timeoutSeconds,
    stepSeconds: 0.05,
  });
  if (!done) throw new Error(`${name} did not exit within ${timeoutSeconds}s`);
}

describe.each(['1.29', '1.30', '1.33', '1.35'])(
  '%s: a long-running sidecar of a restartPolicy Never pod',
  (version) => {
    const s = applyPod(version, sidecarPodYaml({ sidecarCommand: 'sleep 3600' }));
    advanceUntilExited(s, 'app', APP_SECONDS + 10);
    const appEnd = finishedAt(s, 'app');
    s.c.advanceTo(appEnd + PLEG_RELIST_PERIOD_SECONDS + 0.5);
    const kills = killingTimes(s);
    const killAt = kills[0] ?? Number.NaN;

    it('is stopped at the first PLEG relist after the app exited, with a Killing event', () => {
      expect(last(s, 'app').exitCode).toBe(0);
      expect(kills).toHaveLength(1);
      expect(killAt).toBeGreaterThan(appEnd);
      expect(killAt).toBeLessThanOrEqual(appEnd + PLEG_RELIST_PERIOD_SECONDS + 0.2);
      const killing = s.c.eventsFor('with-sidecar').filter((e) => e.reason === 'Killing');
      expect(killing).toHaveLength(1);
      expect(killing[0]).toMatchObject({
        type: 'Normal',
        message: 'Stopping container log-agent',
        involvedObject: { fieldPath: 'spec.initContainers{log-agent}' },
      });
    });

    it('keeps the pod Running, READY 1/2 Completed, while sh (PID 1, no SIGTERM handler) waits for SIGKILL', () => {
      s.c.advanceTo(killAt + DEFAULT_GRACE - 1);
      expect(last(s, 'log-agent').state).toBe('running');
      expect(phase(s)).toBe('Running');
      const age = Math.floor(s.c.now()) - s.created;
      expect(podRow(s)).toEqual(['with-sidecar', '1/2', 'Completed', '0', `${age}s`]);
    });

    it('is SIGKILLed when the 30s grace period ends (exit 137), and not restarted', () => {
      advanceUntilExited(s, 'log-agent', 5);
      expect(finishedAt(s, 'log-agent')).toBeCloseTo(killAt + DEFAULT_GRACE, 6);
      expect(last(s, 'log-agent').exitCode).toBe(137);
      s.c.advance(120);
      expect(records(s, 'log-agent')).toHaveLength(1);
      expect(s.c.node(NODE).runtime.sandboxOf(s.uid)?.state).toBe('notready');
    });

    it('then the pod is Succeeded by its app container: 0/2 Completed', () => {
      const sidecarEnd = finishedAt(s, 'log-agent');
      expect(phase(s)).toBe('Succeeded');
      expect(podRow(s).slice(0, 4)).toEqual(['with-sidecar', '0/2', 'Completed', '0']);
      // the phase turns at the sync after the sidecar stopped, not before
      const history = s.c.kubelet(NODE).trace.filter((t) => t.outcome === 'terminated');
      expect(history).toHaveLength(1);
      expect(history[0]!.start).toBeGreaterThan(sidecarEnd);
      expect(history[0]!.start).toBeLessThanOrEqual(sidecarEnd + PLEG_RELIST_PERIOD_SECONDS + 0.2);
    });
  },
);

describe('1.35: the sidecar of the bug report, sh -c "sleep 20; exit 1"', () => {
  const s = applyPod('1.35', sidecarPodYaml({ sidecarCommand: 'sleep 20; exit 1' }));
  advanceUntilExited(s, 'app', APP_SECONDS + 10);
  const appEnd = finishedAt(s, 'app');

  it('restarted once while the app ran, is told to stop once the app exited', () => {
    expect(records(s, 'log-agent').map((r) => r.attempt)).toEqual([0, 1]);
    s.c.advanceTo(appEnd + PLEG_RELIST_PERIOD_SECONDS + 0.5);
    expect(killingTimes(s)).toHaveLength(1);
    expect(killingTimes(s)[0]).toBeGreaterThan(appEnd);
  });

  it('ignores SIGTERM and exits 1 by itself before the grace period ends, with no further restart', () => {
    advanceUntilExited(s, 'log-agent', DEFAULT_GRACE);
    const rerun = last(s, 'log-agent');
    expect(rerun.exitCode).toBe(1);
    expect(rerun.finishedAt).toBeCloseTo((rerun.startedAt ?? 0) + 20, 6);
    expect(rerun.finishedAt).toBeLessThan((killingTimes(s)[0] ?? 0) + DEFAULT_GRACE);
    s.c.advance(60);
    expect(records(s, 'log-agent')).toHaveLength(2);
  });

  it('ends Succeeded; kubectl get pods shows 0/2 Completed with the sidecar restart', () => {
    expect(phase(s)).toBe('Succeeded');
    const firstExit = Math.floor(records(s, 'log-agent')[0]?.finishedAt ?? 0);
    const now = Math.floor(s.c.now());
    const row = podRow(s);
    expect(row.slice(0, 3)).toEqual(['with-sidecar', '0/2', 'Completed']);
    expect(row[3]).toBe(`1 (${now - firstExit}s ago)`);
  });
});

describe('1.35: the pod phase follows the regular containers, whatever the sidecar exits with', () => {
  it('restartPolicy Never and an app exiting 3: Failed, STATUS Error, the sidecar still stopped', () => {
    const s = applyPod('1.35', sidecarPodYaml({ sidecarCommand: 'sleep 3600', appExitCode: 3 }));
    advanceUntilExited(s, 'app', APP_SECONDS + 10);
    advanceUntilExited(s, 'log-agent', DEFAULT_GRACE + 5);
    s.c.advance(5);
    expect(phase(s)).toBe('Failed');
    expect(podRow(s).slice(0, 4)).toEqual(['with-sidecar', '0/2', 'Error', '0']);
  });

  it('restartPolicy OnFailure and an app exiting 0: the sidecar is stopped and the pod Succeeded', () => {
    const s = applyPod('1.35', sidecarPodYaml({ sidecarCommand: 'sleep 3600', restartPolicy: 'OnFailure' }));
    advanceUntilExited(s, 'app', APP_SECONDS + 10);
    advanceUntilExited(s, 'log-agent', DEFAULT_GRACE + 5);
    s.c.advance(5);
    expect(killingTimes(s)).toHaveLength(1);
    expect(phase(s)).toBe('Succeeded');
  });

  it('terminationGracePeriodSeconds 5: SIGKILL 5s after the Killing event', () => {
    const s = applyPod('1.35', sidecarPodYaml({ sidecarCommand: 'sleep 3600', graceSeconds: 5 }));
    advanceUntilExited(s, 'app', APP_SECONDS + 10);
    advanceUntilExited(s, 'log-agent', 10);
    expect(finishedAt(s, 'log-agent')).toBeCloseTo((killingTimes(s)[0] ?? 0) + 5, 6);
  });

  it('a sidecar that handles SIGTERM exits at once, and the pod is Succeeded within two relists', () => {
    const s = applyPod('1.35', sidecarPodYaml({ sidecarCommand: 'sleep 3600' }), (c) =>
      c.name === 'log-agent' ? longRunning('log agent with a SIGTERM handler') : undefined,
    );
    advanceUntilExited(s, 'app', APP_SECONDS + 10);
    advanceUntilExited(s, 'log-agent', 3);
    const onSigterm = longRunning().onSigterm as { exitCode: number; afterSeconds: number };
    expect(last(s, 'log-agent').exitCode).toBe(onSigterm.exitCode);
    expect(finishedAt(s, 'log-agent')).toBeCloseTo((killingTimes(s)[0] ?? 0) + onSigterm.afterSeconds, 6);
    s.c.advanceTo(finishedAt(s, 'app') + 2 * PLEG_RELIST_PERIOD_SECONDS + 0.5);
    expect(phase(s)).toBe('Succeeded');
  });

  it('restartPolicy Always: the app is restarted, so the sidecar is never stopped', () => {
    const s = applyPod('1.35', sidecarPodYaml({ sidecarCommand: 'sleep 3600', restartPolicy: 'Always' }));
    advanceUntilExited(s, 'app', APP_SECONDS + 10);
    s.c.advance(20);
    expect(killingTimes(s)).toEqual([]);
    expect(records(s, 'app').length).toBeGreaterThan(1);
    expect(last(s, 'log-agent')).toMatchObject({ state: 'running', attempt: 0 });
    expect(phase(s)).toBe('Running');
  });
});

describe('1.35: after initialization an exited sidecar restarts in the same sync as the regular containers', () => {
  // computeInitContainerActions appends the exited sidecar to InitContainersToStart and, the pod having
  // initialized (a regular container is running), computePodActions goes on to the regular containers: one
  // SyncPod starts both.
  it('kill 1 in the sidecar and in one of two apps at once: both are started again by one sync', () => {
    const yaml = sidecarPodYaml({ sidecarCommand: 'sleep 3600', restartPolicy: 'Always' }).concat(
      '  - name: helper\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n',
    );
    const s = applyPod('1.35', yaml, () => longRunning('handles kill 1'));
    s.c.advance(5);
    s.run('kubectl exec with-sidecar -c log-agent -- kill 1');
    s.run('kubectl exec with-sidecar -c app -- kill 1');
    s.c.advance(5);
    const sidecarRerun = records(s, 'log-agent')[1];
    const appRerun = records(s, 'app')[1];
    expect(sidecarRerun?.state).toBe('running');
    expect(appRerun?.state).toBe('running');
    const created = sidecarRerun?.createdAt ?? Number.NaN;
    const sync = s.c.kubelet(NODE).trace.find((t) => t.start <= created && created <= t.end);
    expect(sync).toBeDefined();
    expect(appRerun?.createdAt).toBeGreaterThanOrEqual(sync?.start ?? Number.NaN);
    expect(appRerun?.createdAt).toBeLessThanOrEqual(sync?.end ?? Number.NaN);
  });
});

/** A pod with sidecars `first` and `second` and an app; each process exits `afterSeconds` after SIGTERM. */
function orderedPod(
  version: string | ReturnType<typeof kubeVersion>,
  sigtermSeconds: Record<string, number | 'ignore'>,
) {
  const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: with-sidecar
spec:
  terminationGracePeriodSeconds: 10
  initContainers:
  - name: first
    image: busybox:1.36
    restartPolicy: Always
  - name: second
    image: busybox:1.36
    restartPolicy: Always
  containers:
  - name: app
    image: busybox:1.36
`;
  const behaviour = (c: Container): ContainerBehaviour => {
    const after = sigtermSeconds[c.name] ?? 'ignore';
    return {
      main: { kind: 'runs' },
      onSigterm: after === 'ignore' ? 'ignore' : { exitCode: 0, afterSeconds: after },
      exec: [],
      source: `test: exits ${after} after SIGTERM`,
    };
  };
  const c = createCluster({
    version,
    seed: 3,
    nodes: [{ name: NODE, images: ['busybox:1.36'] }],
    behaviours: (_pod, container) => behaviour(container),
  });
  const ctx = shellContext(c, { 'pod.yaml': yaml });
  const run = (line: string) => runCommand(ctx, { kind: 'client' }, line).output;
  const applied = run('kubectl apply -f pod.yaml');
  if (applied !== 'pod/with-sidecar created\n') throw new Error(`kubectl apply failed: ${applied}`);
  const pod = c.getPod('with-sidecar');
  const s: Session = { c, run, uid: pod?.metadata.uid ?? '', created: pod?.metadata.creationTimestamp as number };
  c.advance(10);
  for (const name of ['first', 'second', 'app']) {
    if (last(s, name).state !== 'running') throw new Error(`${name} should be running before the deletion`);
  }
  return s;
}

/**
 * Deletes the pod and advances `seconds`, noting each container's finishedAt and exit code as it stops (the
 * kubelet removes the records once the deleted pod is gone).
 */
function deleteAndWatch(s: Session, seconds: number): Map<string, { at: number; exitCode: number | undefined }> {
  const seen = new Map<string, { at: number; exitCode: number | undefined }>();
  s.c.delete('pod', 'with-sidecar');
  s.c.advanceUntil(
    () => {
      for (const rec of s.c.node(NODE).runtime.containersOf(s.uid)) {
        if (rec.state === 'exited' && rec.finishedAt !== undefined && !seen.has(rec.name)) {
          seen.set(rec.name, { at: rec.finishedAt, exitCode: rec.exitCode });
        }
      }
      return false;
    },
    { timeoutSeconds: seconds, stepSeconds: 0.05 },
  );
  return seen;
}

function stopAt(seen: Map<string, { at: number }>, name: string): number {
  const t = seen.get(name)?.at;
  if (t === undefined) throw new Error(`${name} was not seen stopping`);
  return t;
}

describe('pod deletion with sidecars: termination ordering', () => {
  it('1.35: Killing for all three at once, then app, second, first stop one after the other', () => {
    const s = orderedPod('1.35', { app: 3, second: 2, first: 1 });
    const seen = deleteAndWatch(s, 15);
    expect(s.c.getPod('with-sidecar')).toBeUndefined();
    const kills = killingTimes(s);
    expect(kills).toHaveLength(3);
    const t = kills[0] ?? Number.NaN;
    expect(kills.every((k) => k === t)).toBe(true);
    expect(stopAt(seen, 'app')).toBeCloseTo(t + 3, 6);
    expect(stopAt(seen, 'second')).toBeCloseTo(t + 3 + 2, 6);
    expect(stopAt(seen, 'first')).toBeCloseTo(t + 3 + 2 + 1, 6);
    const messages = s.c
      .listEvents('default')
      .filter((e) => e.reason === 'Killing' && e.involvedObject.name === 'with-sidecar')
      .map((e) => e.message)
      .sort();
    expect(messages).toEqual(['Stopping container app', 'Stopping container first', 'Stopping container second']);
  });

  it('1.28 with SidecarContainers on (before PR #120620): every container gets SIGTERM at once', () => {
    const s = orderedPod(kubeVersion('1.28', { SidecarContainers: true }), { app: 3, second: 2, first: 1 });
    const seen = deleteAndWatch(s, 15);
    const t = killingTimes(s)[0] ?? Number.NaN;
    expect(stopAt(seen, 'app')).toBeCloseTo(t + 3, 6);
    expect(stopAt(seen, 'second')).toBeCloseTo(t + 2, 6);
    expect(stopAt(seen, 'first')).toBeCloseTo(t + 1, 6);
  });

  it('1.35: an app that outlives the grace period leaves the sidecars the 2s minimum each', () => {
    const s = orderedPod('1.35', { app: 'ignore', second: 'ignore', first: 1 });
    const seen = deleteAndWatch(s, 20);
    const t = killingTimes(s)[0] ?? Number.NaN;
    const grace = 10;
    expect(seen.get('app')?.exitCode).toBe(137);
    expect(stopAt(seen, 'app')).toBeCloseTo(t + grace, 6);
    // second waited until the grace period's end, then got the minimum and was SIGKILLed
    expect(seen.get('second')?.exitCode).toBe(137);
    expect(stopAt(seen, 'second')).toBeCloseTo(t + grace + MINIMUM_GRACE_PERIOD_SECONDS, 6);
    // first's wait also ended with the grace period, so it was signalled then and exited 1s later
    expect(seen.get('first')?.exitCode).toBe(0);
    expect(stopAt(seen, 'first')).toBeCloseTo(t + grace + 1, 6);
  });
});

describe('1.35: the KillPod of a finished pod also stops its sidecars in reverse order', () => {
  it('second, then first', () => {
    const yaml = sidecarPodYaml({ sidecarCommand: 'sleep 3600' }).replace(
      '  containers:\n',
      '  - name: second\n    image: busybox:1.36\n    restartPolicy: Always\n    command: ["sleep", "3600"]\n  containers:\n',
    );
    const handlers: Record<string, ContainerBehaviour> = {
      'log-agent': { ...longRunning('first sidecar'), onSigterm: { exitCode: 0, afterSeconds: 1 } },
      second: { ...longRunning('second sidecar'), onSigterm: { exitCode: 0, afterSeconds: 2 } },
    };
    const s = applyPod('1.35', yaml, (c) => handlers[c.name]);
    advanceUntilExited(s, 'app', APP_SECONDS + 10);
    advanceUntilExited(s, 'log-agent', 10);
    const kills = killingTimes(s);
    expect(kills).toHaveLength(2);
    const t = kills[0] ?? Number.NaN;
    expect(finishedAt(s, 'second')).toBeCloseTo(t + 2, 6);
    expect(finishedAt(s, 'log-agent')).toBeCloseTo(t + 2 + 1, 6);
    s.c.advance(3);
    expect(phase(s)).toBe('Succeeded');
  });
});
