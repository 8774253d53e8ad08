/**
 * Container state reasons and convertToAPIContainerStatuses. Expected values are read from containerd's CRI
 * constants (Completed/Error/OOMKilled/StartError 128), pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses
 * and the restart-policy table of the pod-lifecycle docs.
 */
import { describe, expect, it } from 'vitest';
import type { Container, ContainerStatus, Pod } from '../../../src/k8s/api/types.ts';
import {
  buildContainerStatuses,
  type ContainerStatusesInput,
  policyOutcome,
  type RuntimeContainerRecord,
  START_FAILURE_REASONS,
  terminatedReasonFromRuntime,
} from '../../../src/k8s/kubelet/container-state.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';

const v133 = kubeVersion('1.33');
const v135 = kubeVersion('1.35');

describe('terminated reasons from the runtime', () => {
  it('Completed for 0, Error otherwise, OOMKilled, StartError with 128', () => {
    expect(terminatedReasonFromRuntime({ exitCode: 0 })).toEqual({ reason: 'Completed', exitCode: 0 });
    expect(terminatedReasonFromRuntime({ exitCode: 1 })).toEqual({ reason: 'Error', exitCode: 1 });
    expect(terminatedReasonFromRuntime({ exitCode: 137, oomKilled: true })).toEqual({
      reason: 'OOMKilled',
      exitCode: 137,
    });
    expect(terminatedReasonFromRuntime({ exitCode: 0, startFailed: true })).toEqual({
      reason: 'StartError',
      exitCode: 128,
    });
  });
  it('rejects a non-integer exit code', () => {
    expect(() => terminatedReasonFromRuntime({ exitCode: Number.NaN })).toThrow(/integer/);
  });
  it('lists the kubelet start-failure waiting reasons', () => {
    for (const r of ['CrashLoopBackOff', 'ErrImageNeverPull', 'ImagePullBackOff', 'CreateContainerConfigError']) {
      expect(START_FAILURE_REASONS).toContain(r);
    }
  });
});

function pod(restartPolicy: string, containers: Container[], extra: Partial<Pod['spec']> = {}, deleted = false): Pod {
  return {
    metadata: { name: 'p', ...(deleted ? { deletionTimestamp: 100 } : {}) },
    spec: { restartPolicy, containers, ...extra },
  };
}

function build(p: Pod, more: Partial<ContainerStatusesInput>, version = v133): ContainerStatus[] {
  return buildContainerStatuses(
    { pod: p, containers: p.spec.containers, isInit: false, runtime: [], ...more },
    version,
  );
}

const exitedRec = (
  exitCode: number,
  reason: string,
  createdAt: number,
  restartCount: number,
): RuntimeContainerRecord => ({
  name: 'app',
  state: 'exited',
  exitCode,
  reason,
  createdAt,
  restartCount,
  startedAt: createdAt + 1,
  finishedAt: createdAt + 5,
});

describe('buildContainerStatuses', () => {
  const app: Container = { name: 'app', image: 'app:v1' };

  it('no runtime record: waiting ContainerCreating, or PodInitializing when the pod has init containers', () => {
    // lastState {} and imageID "" as the API serializes them (ContainerStatus: struct field, no omitempty)
    expect(build(pod('Always', [app]), {})[0]).toEqual({
      name: 'app',
      image: 'app:v1',
      imageID: '',
      state: { waiting: { reason: 'ContainerCreating' } },
      lastState: {},
      restartCount: 0,
      started: false,
      ready: false,
    });
    const withInit = pod('Always', [app], { initContainers: [{ name: 'init' }] });
    expect(build(withInit, {})[0]!.state).toEqual({ waiting: { reason: 'PodInitializing' } });
  });

  it('running: started and ready without probes; readiness probe failing keeps ready false', () => {
    const runtime: RuntimeContainerRecord[] = [{ name: 'app', state: 'running', startedAt: 7, restartCount: 2 }];
    expect(build(pod('Always', [app]), { runtime })[0]).toMatchObject({
      state: { running: { startedAt: 7 } },
      restartCount: 2,
      started: true,
      ready: true,
    });
    expect(build(pod('Always', [app]), { runtime, probes: { app: { ready: false } } })[0]).toMatchObject({
      started: true,
      ready: false,
    });
  });

  it('the newest record is the state, the one before it the lastState', () => {
    const runtime = [exitedRec(0, 'Completed', 10, 0), exitedRec(1, 'Error', 20, 1)];
    const [s] = build(pod('Never', [app]), { runtime });
    expect(s!.state?.terminated).toMatchObject({ exitCode: 1, reason: 'Error', finishedAt: 25 });
    expect(s!.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(s!.restartCount).toBe(1);
  });

  it('CrashLoopBackOff: waiting with the back-off message, the last run in lastState.terminated', () => {
    const runtime = [exitedRec(1, 'Error', 20, 2)];
    const startFailures = {
      app: { reason: 'CrashLoopBackOff', message: 'back-off 20s restarting failed container=app pod=p_default(u)' },
    };
    const [s] = build(pod('Always', [app]), { runtime, startFailures });
    expect(s!.state).toEqual({ waiting: startFailures.app });
    expect(s!.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(s!.restartCount).toBe(2);
    expect(s!.ready).toBe(false);
  });

  it('no waiting override when the container will not restart, or when no failure is cached', () => {
    const runtime = [exitedRec(1, 'Error', 20, 0)];
    const startFailures = { app: { reason: 'CrashLoopBackOff' } };
    expect(build(pod('Never', [app]), { runtime, startFailures })[0]!.state?.terminated?.reason).toBe('Error');
    expect(build(pod('Always', [app]), { runtime })[0]!.state?.terminated?.reason).toBe('Error');
    expect(build(pod('Always', [app], {}, true), { runtime, startFailures })[0]!.state?.terminated?.reason).toBe(
      'Error',
    );
  });

  it('a never-started container shows its image error', () => {
    const startFailures = {
      app: {
        reason: 'ErrImageNeverPull',
        message: 'Container image "app:v1" is not present with pull policy of Never',
      },
    };
    expect(build(pod('Never', [app]), { startFailures })[0]!.state).toEqual({ waiting: startFailures.app });
  });

  it('container-level restartPolicy decides the override from 1.35 (ContainerRestartRules on)', () => {
    const own: Container = { name: 'app', restartPolicy: 'OnFailure' };
    const runtime = [exitedRec(3, 'Error', 20, 0)];
    const startFailures = { app: { reason: 'CrashLoopBackOff' } };
    expect(build(pod('Never', [own]), { runtime, startFailures }, v135)[0]!.state?.waiting?.reason).toBe(
      'CrashLoopBackOff',
    );
    expect(build(pod('Never', [own]), { runtime, startFailures }, v133)[0]!.state?.terminated?.exitCode).toBe(3);
  });

  it('a running container that vanished from the runtime: lastState ContainerStatusUnknown/137, restartCount+1', () => {
    const previous: ContainerStatus[] = [{ name: 'app', state: { running: {} }, restartCount: 4 }];
    const [s] = build(pod('Always', [app]), { previous });
    expect(s!.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(s!.lastState?.terminated).toEqual({
      exitCode: 137,
      reason: 'ContainerStatusUnknown',
      message: 'The container could not be located when the pod was deleted.  The container used to be Running',
    });
    expect(s!.restartCount).toBe(5);
    expect(build(pod('Always', [app], {}, true), { previous })[0]!.restartCount).toBe(4);
  });

  it('a runtime record in state unknown after running: terminated ContainerStatusUnknown, restartCount+1', () => {
    const previous: ContainerStatus[] = [{ name: 'app', state: { running: {} }, restartCount: 3 }];
    const runtime: RuntimeContainerRecord[] = [{ name: 'app', state: 'unknown', restartCount: 3 }];
    const [s] = build(pod('Never', [app]), { previous, runtime });
    expect(s!.state?.terminated).toEqual({
      exitCode: 137,
      reason: 'ContainerStatusUnknown',
      message: 'The container could not be located when the pod was terminated',
    });
    expect(s!.restartCount).toBe(4);
    const fresh = build(pod('Never', [app]), { runtime: [{ name: 'app', state: 'unknown' }] })[0]!;
    expect(fresh.state).toEqual({ waiting: {} });
  });

  it('a previously terminated status is carried over when the runtime has nothing', () => {
    const previous: ContainerStatus[] = [
      { name: 'app', state: { terminated: { exitCode: 2, reason: 'Error' } }, restartCount: 1 },
    ];
    expect(build(pod('Never', [app]), { previous })[0]).toMatchObject({ state: previous[0]!.state, restartCount: 1 });
  });

  it('regular containers sorted by name; init containers keep spec order; a succeeded init container is left alone', () => {
    const p = pod('Always', [{ name: 'zeta' }, { name: 'alpha' }], {
      initContainers: [{ name: 'b-init' }, { name: 'a-init' }],
    });
    expect(build(p, {}).map((s) => s.name)).toEqual(['alpha', 'zeta']);
    const inits = buildContainerStatuses(
      {
        pod: p,
        containers: p.spec.initContainers!,
        isInit: true,
        runtime: [{ name: 'b-init', state: 'exited', exitCode: 0, reason: 'Completed' }],
        startFailures: { 'b-init': { reason: 'CrashLoopBackOff' } },
      },
      v135,
    );
    expect(inits.map((s) => s.name)).toEqual(['b-init', 'a-init']);
    expect(inits[0]!.state?.terminated?.reason).toBe('Completed');
  });
});

describe('policyOutcome (the book table)', () => {
  it('Always / OnFailure / Never x exit 0 / exit 1', () => {
    expect(policyOutcome('Always', 0)).toEqual({ restarted: true, phase: 'Running', status: 'Completed' });
    expect(policyOutcome('Always', 1)).toEqual({ restarted: true, phase: 'Running', status: 'Error' });
    expect(policyOutcome('OnFailure', 0)).toEqual({ restarted: false, phase: 'Succeeded', status: 'Completed' });
    expect(policyOutcome('OnFailure', 1)).toEqual({ restarted: true, phase: 'Running', status: 'Error' });
    expect(policyOutcome('Never', 0)).toEqual({ restarted: false, phase: 'Succeeded', status: 'Completed' });
    expect(policyOutcome('Never', 1)).toEqual({ restarted: false, phase: 'Failed', status: 'Error' });
  });
  it('is the same in the oldest supported release', () => {
    expect(policyOutcome('Never', 2, kubeVersion('1.23'))).toEqual({
      restarted: false,
      phase: 'Failed',
      status: 'Error',
    });
    expect(policyOutcome('OnFailure', 0, kubeVersion('1.23'))).toEqual({
      restarted: false,
      phase: 'Succeeded',
      status: 'Completed',
    });
  });
});
