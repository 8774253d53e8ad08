/**
 * getPhase per release form and generateAPIPodStatus stickiness. Expected values are read from
 * pkg/kubelet/kubelet_pods.go (getPhase of 1.27 classic, 1.31 single counter, 1.32+ split counters, 1.35 with
 * ContainerRestartRules) and its tests (TestPodPhaseWithRestartAlwaysAndPodHasRun).
 */
import { describe, expect, it } from 'vitest';
import type { ContainerStatus, PodSpec } from '../../../src/k8s/api/types.ts';
import { applyTerminalPhaseStickiness, getPhase, pinPhaseFormula } from '../../../src/k8s/kubelet/pod-phase.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';

const running = (name: string, started?: boolean): ContainerStatus => ({
  name,
  state: { running: {} },
  ...(started === undefined ? {} : { started }),
});
const terminated = (name: string, exitCode: number): ContainerStatus => ({ name, state: { terminated: { exitCode } } });
const backoff = (name: string, exitCode: number): ContainerStatus => ({
  name,
  state: { waiting: { reason: 'CrashLoopBackOff' } },
  lastState: { terminated: { exitCode } },
});

describe('pinPhaseFormula', () => {
  it('classic up to 1.27, single counter 1.28-1.31, split counters from 1.32', () => {
    const forms = [23, 27, 28, 31, 32, 35].map((m) => pinPhaseFormula(kubeVersion(m)));
    expect(forms).toEqual(['classic', 'classic', 'single-counter', 'single-counter', 'split-counter', 'split-counter']);
  });
});

describe('the two cases that differ between the single-counter and split-counter forms', () => {
  // TestPodPhaseWithRestartAlwaysAndPodHasRun: init X regular, init Y sidecar, container A.
  const spec: PodSpec = {
    restartPolicy: 'Always',
    initContainers: [{ name: 'X' }, { name: 'Y', restartPolicy: 'Always' }],
    containers: [{ name: 'A' }],
  };
  const allRunning = [running('X'), running('Y'), running('A')];
  const aStopped = [running('X'), running('Y'), terminated('A', 0)];

  it('1.31: a started regular container hides the running regular init container (Running)', () => {
    expect(getPhase({ spec, statuses: allRunning }, kubeVersion('1.31'))).toBe('Running');
    expect(getPhase({ spec, statuses: aStopped }, kubeVersion('1.31'))).toBe('Running');
  });

  it('1.32+: a pending regular init container always means Pending', () => {
    expect(getPhase({ spec, statuses: allRunning }, kubeVersion('1.32'))).toBe('Pending');
    expect(getPhase({ spec, statuses: aStopped }, kubeVersion('1.35'))).toBe('Pending');
  });

  it('1.33+ callers may pass podHasInitialized from the runtime instead', () => {
    const statuses = [terminated('X', 0), running('Y', false), terminated('A', 0)];
    expect(getPhase({ spec, statuses }, kubeVersion('1.35'))).toBe('Running');
    expect(getPhase({ spec, statuses, podHasInitialized: false }, kubeVersion('1.35'))).toBe('Pending');
  });
});

describe('classic form (before sidecars)', () => {
  const spec: PodSpec = { restartPolicy: 'Always', initContainers: [{ name: 'init' }], containers: [{ name: 'A' }] };

  it('1.27: any pending init container means Pending, even with a running regular container', () => {
    expect(getPhase({ spec, statuses: [running('init'), running('A')] }, kubeVersion('1.27'))).toBe('Pending');
    expect(getPhase({ spec, statuses: [running('init'), running('A')] }, kubeVersion('1.28'))).toBe('Running');
  });

  it('a failed init container fails the pod only under Never', () => {
    const never = { ...spec, restartPolicy: 'Never' };
    expect(getPhase({ spec: never, statuses: [terminated('init', 1)] }, kubeVersion('1.23'))).toBe('Failed');
    expect(getPhase({ spec, statuses: [terminated('init', 1)] }, kubeVersion('1.23'))).toBe('Pending');
    expect(getPhase({ spec: never, statuses: [backoff('init', 2)] }, kubeVersion('1.35'))).toBe('Failed');
  });
});

describe('podIsTerminal (1.27+)', () => {
  const spec: PodSpec = { restartPolicy: 'Always', containers: [{ name: 'A' }, { name: 'B' }] };
  const statuses = [terminated('A', 0), terminated('B', 1)];

  it('1.26 ignores it: Always keeps the pod Running', () => {
    expect(getPhase({ spec, statuses, podIsTerminal: true }, kubeVersion('1.26'))).toBe('Running');
  });
  it('1.27: a terminal pod ends Failed (one failure) or Succeeded (all 0)', () => {
    expect(getPhase({ spec, statuses, podIsTerminal: true }, kubeVersion('1.27'))).toBe('Failed');
    const ok = [terminated('A', 0), terminated('B', 0)];
    expect(getPhase({ spec, statuses: ok, podIsTerminal: true }, kubeVersion('1.35'))).toBe('Succeeded');
  });
  it('static pods are exempt', () => {
    expect(getPhase({ spec, statuses, podIsTerminal: true, staticPod: true }, kubeVersion('1.35'))).toBe('Running');
  });
});

describe('one container, restartPolicy x exit', () => {
  const phase = (restartPolicy: string, s: ContainerStatus) =>
    getPhase({ spec: { restartPolicy, containers: [{ name: 'c' }] }, statuses: [s] }, kubeVersion('1.33'));

  it('terminated', () => {
    expect(phase('Always', terminated('c', 0))).toBe('Running');
    expect(phase('Always', terminated('c', 1))).toBe('Running');
    expect(phase('OnFailure', terminated('c', 0))).toBe('Succeeded');
    expect(phase('OnFailure', terminated('c', 1))).toBe('Running');
    expect(phase('Never', terminated('c', 0))).toBe('Succeeded');
    expect(phase('Never', terminated('c', 137))).toBe('Failed');
  });
  it('waiting: with a previous termination it counts as stopped, without one it is Pending', () => {
    expect(phase('Always', backoff('c', 1))).toBe('Running');
    expect(phase('Never', { name: 'c', state: { waiting: { reason: 'ErrImageNeverPull' } } })).toBe('Pending');
    expect(phase('Always', { name: 'c', state: { waiting: { reason: 'ContainerCreating' } } })).toBe('Pending');
  });
  it('no status at all is Pending; running is Running', () => {
    expect(getPhase({ spec: { containers: [{ name: 'c' }] }, statuses: [] }, kubeVersion('1.35'))).toBe('Pending');
    expect(phase('Never', running('c'))).toBe('Running');
  });
});

describe('ContainerRestartRules in getPhase', () => {
  const spec: PodSpec = { restartPolicy: 'Always', containers: [{ name: 'c', restartPolicy: 'Never' }] };

  it('1.35: a container-level Never makes a stopped container final under pod Always', () => {
    expect(getPhase({ spec, statuses: [terminated('c', 1)] }, kubeVersion('1.35'))).toBe('Failed');
    expect(getPhase({ spec, statuses: [terminated('c', 0)] }, kubeVersion('1.35'))).toBe('Succeeded');
  });
  it('1.34 default (gate off) and 1.33 still read the pod policy', () => {
    expect(getPhase({ spec, statuses: [terminated('c', 1)] }, kubeVersion('1.34'))).toBe('Running');
    expect(
      getPhase({ spec, statuses: [terminated('c', 1)] }, kubeVersion('1.34', { ContainerRestartRules: true })),
    ).toBe('Failed');
    expect(getPhase({ spec, statuses: [terminated('c', 1)] }, kubeVersion('1.33'))).toBe('Running');
  });
  it('a failed init container whose own policy may restart does not fail a Never pod', () => {
    const s: PodSpec = {
      restartPolicy: 'Never',
      initContainers: [{ name: 'i', restartPolicy: 'OnFailure' }],
      containers: [{ name: 'c' }],
    };
    expect(getPhase({ spec: s, statuses: [terminated('i', 1)] }, kubeVersion('1.35'))).toBe('Pending');
    expect(getPhase({ spec: s, statuses: [terminated('i', 1)] }, kubeVersion('1.34'))).toBe('Failed');
  });
});

describe('applyTerminalPhaseStickiness (generateAPIPodStatus)', () => {
  it('a terminal phase from the status manager or the API is kept', () => {
    expect(applyTerminalPhaseStickiness({ computed: 'Running', previous: { phase: 'Succeeded' } }).phase).toBe(
      'Succeeded',
    );
    expect(
      applyTerminalPhaseStickiness({ computed: 'Pending', previous: { phase: 'Running' }, api: { phase: 'Failed' } })
        .phase,
    ).toBe('Failed');
  });
  it('reason and message are kept while the phase does not change', () => {
    const r = applyTerminalPhaseStickiness({
      computed: 'Failed',
      previous: { phase: 'Failed', reason: '' },
      api: { phase: 'Failed', reason: 'Evicted', message: 'low on memory' },
    });
    expect(r).toMatchObject({ phase: 'Failed', reason: 'Evicted', message: 'low on memory' });
    expect(
      applyTerminalPhaseStickiness({ computed: 'Running', previous: { phase: 'Pending', reason: 'X' } }).reason,
    ).toBe(undefined);
  });
  it('an eviction forces Failed, but never out of a terminal API phase', () => {
    const eviction = { reason: 'Evicted', message: 'The node was low on resource: memory.' };
    expect(applyTerminalPhaseStickiness({ computed: 'Running', eviction })).toMatchObject({
      phase: 'Failed',
      reason: 'Evicted',
      illegalTransition: false,
    });
    expect(
      applyTerminalPhaseStickiness({ computed: 'Running', api: { phase: 'Succeeded' }, previous: {}, eviction }),
    ).toMatchObject({ phase: 'Succeeded', illegalTransition: true });
  });
});
