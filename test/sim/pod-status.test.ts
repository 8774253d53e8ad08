/**
 * The kubelet's status per release: conditions (pkg/kubelet/status/generate.go, kubelet_pods.go
 * generateAPIPodStatus), PodReadyToStartContainers (gate beta 1.29), hostIPs (PodHostIPs beta 1.29),
 * observedGeneration (PodObservedGenerationTracking beta 1.34), IPs and times.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/k8s/api/types.ts';
import { createCluster, type SimPodCondition, type SimPodStatus } from '../../src/sim/index.ts';
import { podManifest } from './helpers.ts';

function runPod(version: string, container: Record<string, unknown>, spec: Record<string, unknown> = {}, seconds = 20) {
  const c = createCluster({
    version,
    seed: 11,
    nodes: [{ name: 'n1', podCIDR: '10.244.1.0/24', images: ['busybox:1.36', 'nginx:1.25'] }],
  });
  c.apply(podManifest('p', container, spec));
  c.advance(seconds);
  return { c, pod: c.getPod('p') as Pod, status: c.getPod('p')?.status as SimPodStatus };
}

const types = (s: SimPodStatus) => (s.conditions ?? []).map((x) => x.type);
const cond = (s: SimPodStatus, type: string) => (s.conditions ?? []).find((x) => x.type === type) as SimPodCondition;

describe('conditions per release', () => {
  it('1.26: Initialized, Ready, ContainersReady, PodScheduled; no hostIPs', () => {
    const { status } = runPod('1.26', { name: 'web', image: 'nginx:1.25' });
    expect(types(status)).toEqual(['Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
    expect(status.hostIPs).toBeUndefined();
    expect(status.phase).toBe('Running');
    expect(status.podIP).toBe('10.244.1.2'); // host-local: the first address after the gateway
    expect(status.podIPs).toEqual([{ ip: '10.244.1.2' }]);
    expect(status.qosClass).toBe('BestEffort');
  });

  it('1.29: PodReadyToStartContainers comes first, hostIPs are set', () => {
    const { status } = runPod('1.29', { name: 'web', image: 'nginx:1.25' });
    expect(types(status)).toEqual([
      'PodReadyToStartContainers',
      'Initialized',
      'Ready',
      'ContainersReady',
      'PodScheduled',
    ]);
    expect(cond(status, 'PodReadyToStartContainers').status).toBe('True');
    expect(status.hostIPs).toEqual([{ ip: status.hostIP! }]);
  });

  it('1.28 has neither (both gates were alpha)', () => {
    const { status } = runPod('1.28', { name: 'web', image: 'nginx:1.25' });
    expect(types(status)[0]).toBe('Initialized');
    expect(status.hostIPs).toBeUndefined();
  });

  it('1.34: conditions and status carry observedGeneration; 1.33 does not', () => {
    const s34 = runPod('1.34', { name: 'web', image: 'nginx:1.25' }).status;
    expect(cond(s34, 'Ready').observedGeneration).toBe(1);
    expect(s34.observedGeneration).toBe(1);
    const s33 = runPod('1.33', { name: 'web', image: 'nginx:1.25' }).status;
    expect(cond(s33, 'Ready').observedGeneration).toBeUndefined();
  });
});

describe('condition reasons', () => {
  it('a waiting container: Ready False ContainersNotReady with the container named', () => {
    const c = createCluster({ version: '1.30', seed: 2, nodes: [{ name: 'n1' }] });
    c.apply(podManifest('p', { name: 'app', image: 'nginx:9', imagePullPolicy: 'Never' }));
    c.advance(10);
    const s = c.getPod('p')?.status as SimPodStatus;
    expect(cond(s, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [app]',
    });
    expect(s.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ErrImageNeverPull');
    expect(s.phase).toBe('Pending');
  });

  it('a completed pod: Ready/ContainersReady False PodCompleted, Initialized True PodCompleted', () => {
    const { status } = runPod(
      '1.30',
      { name: 'job', image: 'busybox:1.36', command: ['sh', '-c', 'exit 0'] },
      { restartPolicy: 'Never' },
    );
    expect(status.phase).toBe('Succeeded');
    expect(cond(status, 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(cond(status, 'Initialized')).toMatchObject({ status: 'True', reason: 'PodCompleted' });
    expect(cond(status, 'PodReadyToStartContainers').status).toBe('False'); // the sandbox was stopped
    expect(status.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('a failed pod says PodFailed from 1.33, ContainersNotReady before', () => {
    const failed = (v: string) =>
      runPod(v, { name: 'job', image: 'busybox:1.36', command: ['sh', '-c', 'exit 2'] }, { restartPolicy: 'Never' })
        .status;
    expect(cond(failed('1.33'), 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
    expect(cond(failed('1.32'), 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    expect(failed('1.32').phase).toBe('Failed');
  });

  it('keeps lastTransitionTime while a condition keeps its status', () => {
    const c = createCluster({ version: '1.30', seed: 2, nodes: [{ name: 'n1', images: ['nginx:1.25'] }] });
    c.apply(podManifest('p', { name: 'web', image: 'nginx:1.25' }));
    c.advance(10);
    const first = cond(c.getPod('p')?.status as SimPodStatus, 'Ready').lastTransitionTime;
    c.advance(300);
    expect(cond(c.getPod('p')?.status as SimPodStatus, 'Ready').lastTransitionTime).toBe(first);
    expect(c.getPod('p')?.status?.startTime).toBeLessThanOrEqual(first!);
  });
});

describe('container statuses', () => {
  it('report the runtime image, the repo digest and a containerd ID', () => {
    const { status } = runPod('1.30', { name: 'web', image: 'nginx:1.25' });
    const s = status.containerStatuses![0]!;
    expect(s.image).toBe('docker.io/library/nginx:1.25');
    expect(s.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(s.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(s).toMatchObject({ ready: true, started: true, restartCount: 0 });
  });

  it('show OOMKilled with exit code 137', () => {
    const { status } = runPod(
      '1.33',
      {
        name: 'stress',
        image: 'busybox:1.36',
        command: ['stress', '--vm', '1', '--vm-bytes', '200M'],
        resources: { limits: { memory: '100Mi' } },
      },
      { restartPolicy: 'Never' },
    );
    expect(status.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(status.phase).toBe('Failed');
  });
});

describe('init containers', () => {
  it('run one at a time before the app container: Init:0/1, then Running', () => {
    const c = createCluster({
      version: '1.30',
      seed: 3,
      nodes: [{ name: 'n1', images: ['busybox:1.36', 'nginx:1.25'] }],
    });
    c.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        initContainers: [{ name: 'setup', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 5'] }],
        containers: [{ name: 'web', image: 'nginx:1.25' }],
      },
    });
    c.advance(3);
    let s = c.getPod('p')?.status as SimPodStatus;
    expect(s.initContainerStatuses?.[0]?.state?.running).toBeDefined();
    expect(s.containerStatuses?.[0]?.state?.waiting?.reason).toBe('PodInitializing');
    expect(cond(s, 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [setup]',
    });
    c.advance(10);
    s = c.getPod('p')?.status as SimPodStatus;
    expect(s.initContainerStatuses?.[0]).toMatchObject({
      ready: true,
      state: { terminated: { exitCode: 0, reason: 'Completed' } },
    });
    expect(s.phase).toBe('Running');
    expect(cond(s, 'Initialized').status).toBe('True');
  });

  it('a failing init container under restartPolicy Never fails the pod', () => {
    const c = createCluster({
      version: '1.30',
      seed: 3,
      nodes: [{ name: 'n1', images: ['busybox:1.36', 'nginx:1.25'] }],
    });
    c.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        restartPolicy: 'Never',
        initContainers: [{ name: 'setup', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }],
        containers: [{ name: 'web', image: 'nginx:1.25' }],
      },
    });
    c.advance(10);
    expect(c.getPod('p')?.status?.phase).toBe('Failed');
    expect(c.eventsFor('p').filter((e) => e.reason === 'Started').length).toBe(1); // web never started
  });
});
