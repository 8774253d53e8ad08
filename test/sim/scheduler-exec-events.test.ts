/**
 * Scheduler (spec.nodeName skips it: no Scheduled event), exec (client-go remotecommand exit codes), and the
 * event store (kube-apiserver --event-ttl 1h; the kubelet's spam filter is per pod).
 */
import { describe, expect, it } from 'vitest';
import { createCluster, ExecError, nginxServer } from '../../src/sim/index.ts';
import { describeEvents, getPods, podManifest } from './helpers.ts';

const nodes = [
  { name: 'node-a', images: ['nginx:1.25'] },
  { name: 'node-b', images: ['nginx:1.25'] },
];

describe('scheduling', () => {
  it('binds to a node and records Scheduled from default-scheduler', () => {
    const c = createCluster({ version: '1.30', seed: 1, nodes });
    c.apply(podManifest('web', { name: 'nginx', image: 'nginx:1.25' }));
    c.advance(3);
    const pod = c.getPod('web')!;
    expect(['node-a', 'node-b']).toContain(pod.spec.nodeName);
    const scheduled = c.eventsFor('web').find((e) => e.reason === 'Scheduled');
    expect(scheduled).toMatchObject({
      type: 'Normal',
      message: `Successfully assigned default/web to ${pod.spec.nodeName}`,
      reportingController: 'default-scheduler',
      source: {},
      action: 'Binding',
    });
    expect(scheduled?.firstTimestamp).toBeUndefined();
    expect(scheduled?.eventTime).toBeDefined();
  });

  it('with spec.nodeName set there is no Scheduled event; the kubelet still reports PodScheduled=True', () => {
    const c = createCluster({ version: '1.30', seed: 1, nodes });
    c.apply(podManifest('web', { name: 'nginx', image: 'nginx:1.25' }, { nodeName: 'node-b' }));
    c.advance(3);
    expect(c.eventsFor('web').map((e) => e.reason)).toEqual(['Pulled', 'Created', 'Started']);
    const cond = c.getPod('web')?.status?.conditions?.find((x) => x.type === 'PodScheduled');
    expect(cond?.status).toBe('True');
    expect(getPods(c)).toMatch(/web +1\/1 +Running/);
  });

  it('leaves a pod Pending with FailedScheduling when no node fits, and binds it after uncordon', () => {
    const c = createCluster({ version: '1.30', seed: 1, nodes: [{ name: 'node-a', unschedulable: true }] });
    c.apply(podManifest('web', { name: 'nginx', image: 'nginx:1.25' }));
    c.advance(2);
    const failed = c.eventsFor('web').find((e) => e.reason === 'FailedScheduling');
    expect(failed?.message).toBe('0/1 nodes are available: 1 node(s) were unschedulable.');
    expect(c.getPod('web')?.status?.conditions?.[0]).toMatchObject({
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
    });
    c.setNodeSchedulable('node-a', true);
    c.advance(5);
    expect(c.getPod('web')?.spec.nodeName).toBe('node-a');
  });

  it('picks among feasible nodes with the seeded PRNG, the same for the same seed', () => {
    const pick = (seed: number) => {
      const c = createCluster({ version: '1.30', seed, nodes });
      c.apply(podManifest('web', { name: 'nginx', image: 'nginx:1.25' }));
      c.advance(1);
      return c.getPod('web')?.spec.nodeName;
    };
    expect(pick(4)).toBe(pick(4));
    const picks = new Set([1, 2, 3, 4, 5, 6, 7, 8].map(pick));
    expect(picks).toEqual(new Set(['node-a', 'node-b']));
  });
});

describe('exec', () => {
  function running(restartPolicy = 'Always') {
    const c = createCluster({
      version: '1.30',
      seed: 2,
      nodes: [{ name: 'n1', images: ['nginx:1.25', 'busybox:1.36'] }],
    });
    c.apply(podManifest('web', { name: 'nginx', image: 'nginx:1.25' }, { restartPolicy }));
    c.advance(5);
    return c;
  }

  it('nginx -s stop typed into a shell ends the session with 137', () => {
    const c = running();
    const r = c.execInContainer('web', 'nginx', ['bash'], { stdin: ['echo hi', 'nginx -s stop'] });
    expect(r).toMatchObject({ exitCode: 137, stdout: 'hi\n', error: 'command terminated with exit code 137' });
    c.advance(2);
    expect(c.getPod('web')?.status?.containerStatuses?.[0]?.restartCount).toBe(1);
  });

  it('nginx -s stop run directly returns 0 (the client exits before nginx)', () => {
    const c = running('Never');
    const r = c.execInContainer('web', undefined, ['nginx', '-s', 'stop']);
    expect(r.exitCode).toBe(0);
    expect(r.error).toBeUndefined();
    c.advance(2);
    expect(getPods(c)).toMatch(/web +0\/1 +Completed +0 /);
    expect(() => c.execInContainer('web', undefined, ['ls'])).toThrow(
      'cannot exec into a container in a completed pod; current phase is Succeeded',
    );
  });

  it('reports the exit code of a shell that exits, and errors for a stopped container', () => {
    const c = running();
    expect(c.execInContainer('web', undefined, ['sh', '-c', 'exit 3'])).toMatchObject({
      exitCode: 3,
      error: 'command terminated with exit code 3',
    });
    expect(() => c.execInContainer('nope', undefined, ['ls'])).toThrow('pods "nope" not found');
    expect(() => c.execInContainer('web', 'other', ['ls'])).toThrow(ExecError);
  });
});

describe('events', () => {
  it('expire one hour after their last write', () => {
    const c = createCluster({ version: '1.30', seed: 3, nodes: [{ name: 'n1', images: ['nginx:1.25'] }] });
    c.apply(podManifest('web', { name: 'nginx', image: 'nginx:1.25' }));
    c.advance(3599);
    expect(c.eventsFor('web').length).toBe(4);
    c.advance(5);
    expect(describeEvents(c, 'web')).toBe('Events:  <none>\n');
  });

  it('the spam filter is per pod: a second pod has its own 25 tokens', () => {
    const c = createCluster({ version: '1.30', seed: 3, nodes: [{ name: 'n1' }] });
    c.apply(podManifest('a', { name: 'app', image: 'nginx:1.25', imagePullPolicy: 'Never' }));
    c.advance(600);
    c.apply(podManifest('b', { name: 'app', image: 'nginx:1.25', imagePullPolicy: 'Never' }));
    c.advance(20);
    const k = c.kubelet('n1');
    expect(k.recorded.filter((r) => r.outcome === 'dropped').length).toBeGreaterThan(0);
    // a's bucket is empty (one token comes back every 300s); b's events are written as they happen
    const last = (pod: string) => c.eventsFor(pod).find((e) => e.reason === 'ErrImageNeverPull')?.lastTimestamp ?? 0;
    expect(c.now() - last('b')).toBeLessThan(16);
    expect(c.eventsFor('b').find((e) => e.reason === 'ErrImageNeverPull')?.count).toBeGreaterThanOrEqual(2);
  });
});

describe('nginx behaviour', () => {
  it('exits 0 on SIGTERM, so deleting the pod takes well under the grace period', () => {
    const c = createCluster({ version: '1.30', seed: 3, nodes: [{ name: 'n1', images: ['nginx:1.25'] }] });
    expect(nginxServer().onSigterm).toEqual({ exitCode: 0, afterSeconds: 0.1 });
    c.apply(podManifest('web', { name: 'nginx', image: 'nginx:1.25' }));
    c.advance(5);
    c.delete('pod', 'web');
    expect(c.advanceUntil(() => c.getPod('web') === undefined, { timeoutSeconds: 3 })).toBe(true);
    const killing = c.events.list({ involvedName: 'web' }).find((e) => e.reason === 'Killing');
    expect(killing?.message).toBe('Stopping container nginx');
  });

  it('a shell that ignores SIGTERM is killed after the grace period (137)', () => {
    const c = createCluster({ version: '1.30', seed: 3, nodes: [{ name: 'n1', images: ['busybox:1.36'] }] });
    c.apply(
      podManifest(
        'sleepy',
        { name: 'sh', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] },
        { terminationGracePeriodSeconds: 5 },
      ),
    );
    c.advance(5);
    c.delete('pod', 'sleepy');
    c.advance(4);
    expect(getPods(c)).toMatch(/sleepy +1\/1 +Terminating/);
    expect(c.advanceUntil(() => c.getPod('sleepy') === undefined, { timeoutSeconds: 5 })).toBe(true);
  });
});
