/**
 * CrashLoopBackOff. Expected values follow kubelet.go (newCrashLoopBackOff, the 600s HasExpiredFunc),
 * kubelet config validation/defaults, kuberuntime_manager.go doBackOff and pod_workers.go completeWork.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/k8s/kubelet/backoff.ts';
import {
  CRASH_LOOP_BACK_OFF,
  CrashLoopInputError,
  crashLoopBackOffKey,
  crashLoopBackOffParams,
  crashLoopHasExpired,
  crashLoopSchedule,
  doBackOff,
  newCrashLoopBackOff,
  nextSyncAfterBackOff,
} from '../../../src/k8s/kubelet/crash-loop.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';

const pod = { name: 'app', namespace: 'default', uid: 'uid' };

describe('parameters (newCrashLoopBackOff)', () => {
  it('defaults to 10s → 300s', () => {
    expect(crashLoopBackOffParams(kubeVersion('1.23'))).toEqual({ initial: 10, max: 300 });
    expect(crashLoopBackOffParams(kubeVersion('1.34'))).toEqual({ initial: 10, max: 300 });
  });

  it('1.35 turns KubeletCrashLoopBackOffMax on, whose unset config defaults to 300s', () => {
    expect(crashLoopBackOffParams(kubeVersion('1.35'))).toEqual({ initial: 10, max: 300 });
    expect(crashLoopBackOffParams(kubeVersion('1.35'), { maxContainerRestartPeriodSeconds: 30 })).toEqual({
      initial: 10,
      max: 30,
    });
    expect(crashLoopBackOffParams(kubeVersion('1.35'), { maxContainerRestartPeriodSeconds: 5 })).toEqual({
      initial: 5,
      max: 5,
    });
  });

  it('ReduceDefaultCrashLoopBackOffDecay gives 1s → 60s, unless the configured max takes precedence', () => {
    expect(crashLoopBackOffParams(kubeVersion('1.33', { ReduceDefaultCrashLoopBackOffDecay: true }))).toEqual({
      initial: 1,
      max: 60,
    });
    // 1.35: KubeletCrashLoopBackOffMax is on and its defaulted 300s max wins over the reduced 60s
    expect(crashLoopBackOffParams(kubeVersion('1.35', { ReduceDefaultCrashLoopBackOffDecay: true }))).toEqual({
      initial: 1,
      max: 300,
    });
    expect(
      crashLoopBackOffParams(kubeVersion('1.35', { ReduceDefaultCrashLoopBackOffDecay: true }), {
        maxContainerRestartPeriodSeconds: 20,
      }),
    ).toEqual({ initial: 1, max: 20 });
  });

  it('validates the kubelet configuration like ValidateKubeletConfiguration', () => {
    expect(() => crashLoopBackOffParams(kubeVersion('1.35'), { maxContainerRestartPeriodSeconds: 0.5 })).toThrow(
      'invalid configuration: CrashLoopBackOff.MaxContainerRestartPeriod (got: 0.5 seconds) must be set between 1s and 300s',
    );
    expect(() => crashLoopBackOffParams(kubeVersion('1.35'), { maxContainerRestartPeriodSeconds: 301 })).toThrow(
      CrashLoopInputError,
    );
    expect(() => crashLoopBackOffParams(kubeVersion('1.34'), { maxContainerRestartPeriodSeconds: 30 })).toThrow(
      'invalid configuration: FeatureGate KubeletCrashLoopBackOffMax not enabled, CrashLoopBackOff.MaxContainerRestartPeriod must not be set',
    );
    expect(() => crashLoopBackOffParams(kubeVersion('1.31', { KubeletCrashLoopBackOffMax: true }))).toThrow(
      /does not exist in Kubernetes 1.31/,
    );
    expect(() => crashLoopBackOffParams(kubeVersion('1.32', { ReduceDefaultCrashLoopBackOffDecay: true }))).toThrow(
      /does not exist/,
    );
  });

  it('resets after a fixed 600s from 1.32 (2*max before, also 600s then)', () => {
    expect(crashLoopHasExpired(kubeVersion('1.31'))).toBeUndefined();
    const fixed = crashLoopHasExpired(kubeVersion('1.32'));
    expect(fixed?.(600, 0, 30)).toBe(false);
    expect(fixed?.(600.1, 0, 30)).toBe(true);
    const clock = new ManualClock(0);
    const b = newCrashLoopBackOff(kubeVersion('1.35'), clock, { config: { maxContainerRestartPeriodSeconds: 30 } });
    b.next('k', 0);
    clock.set(100);
    b.next('k', 100); // 2*max would be 60s; the kubelet still counts up
    expect(b.get('k')).toBe(20);
  });
});

describe('doBackOff', () => {
  it('no exited instance: no back-off and no Next', () => {
    const b = newCrashLoopBackOff(kubeVersion('1.35'), new ManualClock(0));
    expect(doBackOff({ version: kubeVersion('1.35'), backOff: b, pod, containerName: 'app' })).toEqual({
      inBackOff: false,
    });
    expect(b.keys()).toEqual([]);
  });

  it('first exit: restart at once and arm 10s; second exit: CrashLoopBackOff with message and event', () => {
    const version = kubeVersion('1.35');
    const clock = new ManualClock(0);
    const b = newCrashLoopBackOff(version, clock);
    expect(doBackOff({ version, backOff: b, pod, containerName: 'app', lastExitFinishedAt: 0 }).inBackOff).toBe(false);
    expect(b.get(crashLoopBackOffKey(pod, 'app'))).toBe(10);
    clock.set(3);
    const r = doBackOff({ version, backOff: b, pod, containerName: 'app', lastExitFinishedAt: 2 });
    expect(r).toEqual({
      inBackOff: true,
      backOffSeconds: 10,
      waiting: {
        reason: CRASH_LOOP_BACK_OFF,
        message: 'back-off 10s restarting failed container=app pod=app_default(uid)',
      },
      event: {
        type: 'Warning',
        reason: 'BackOff',
        message: 'Back-off restarting failed container app in pod app_default(uid)',
      },
      backOffExpiresAt: 12,
    });
    expect(
      doBackOff({ version: kubeVersion('1.25'), backOff: b, pod, containerName: 'app', lastExitFinishedAt: 2 }).event
        ?.message,
    ).toBe('Back-off restarting failed container');
  });

  it('checks its input', () => {
    const b = newCrashLoopBackOff(kubeVersion('1.35'), new ManualClock(0));
    expect(() => doBackOff({ version: kubeVersion('1.35'), backOff: b, pod, containerName: '' })).toThrow(
      CrashLoopInputError,
    );
    expect(() =>
      doBackOff({ version: kubeVersion('1.35'), backOff: b, pod, containerName: 'a', lastExitFinishedAt: Number.NaN }),
    ).toThrow(CrashLoopInputError);
  });
});

describe('pod worker requeue', () => {
  it('before 1.35: 10s (to 15s with jitter) whatever the back-off', () => {
    expect(nextSyncAfterBackOff(kubeVersion('1.34'), 100, 400)).toBe(110);
    expect(nextSyncAfterBackOff(kubeVersion('1.34'), 100, 101, { jitter: 0.5 })).toBe(112.5);
  });

  it('1.35: at the back-off end, capped at the resync interval', () => {
    expect(nextSyncAfterBackOff(kubeVersion('1.35'), 100, 120)).toBe(120);
    expect(nextSyncAfterBackOff(kubeVersion('1.35'), 100, 400)).toBe(160);
    expect(nextSyncAfterBackOff(kubeVersion('1.35'), 100, 90)).toBe(100);
    expect(() => nextSyncAfterBackOff(kubeVersion('1.35'), 0, 1, { jitter: 1 })).toThrow(CrashLoopInputError);
  });
});

describe('schedule', () => {
  it('default: immediate, then 10, 20, 40, 80, 160, 300, 300 (messages with Go durations)', () => {
    const s = crashLoopSchedule({ version: kubeVersion('1.35'), pod, containerName: 'app', exits: 8 });
    expect(s.map((e) => e.waitSeconds)).toEqual([0, 10, 20, 40, 80, 160, 300, 300]);
    expect(s.map((e) => e.restartAt)).toEqual([0, 10, 30, 70, 150, 310, 610, 910]);
    expect(s[5]?.waitingMessage).toBe('back-off 2m40s restarting failed container=app pod=app_default(uid)');
    expect(s[6]?.waitingMessage).toBe('back-off 5m0s restarting failed container=app pod=app_default(uid)');
    expect(s[0]?.waitingMessage).toBeNull();
  });

  it('1.35 syncs at least every resync interval while waiting (BackOff event each time)', () => {
    const s = crashLoopSchedule({ version: kubeVersion('1.35'), pod, containerName: 'app', exits: 7 });
    expect(s[6]?.backOffSyncs).toEqual([310, 370, 430, 490, 550]);
    expect(s[6]?.restartAt).toBe(610);
  });

  it('before 1.35 the reduced 1s back-off still waits for the 10s pod-worker retry', () => {
    const version = kubeVersion('1.33', { ReduceDefaultCrashLoopBackOffDecay: true });
    const s = crashLoopSchedule({ version, pod, containerName: 'app', exits: 3 });
    expect(s.map((e) => e.restartAt)).toEqual([0, 10, 20]);
    expect(s.map((e) => e.waitSeconds)).toEqual([0, 1, 2]);
    const exact = crashLoopSchedule({ version, pod, containerName: 'app', exits: 3, sync: 'exact' });
    expect(exact.map((e) => e.restartAt)).toEqual([0, 1, 3]);
  });

  it('jitter makes pre-1.35 restarts lag: 15s retries turn a 20s back-off into 30s', () => {
    const s = crashLoopSchedule({
      version: kubeVersion('1.34'),
      pod,
      containerName: 'app',
      exits: 3,
      jitter: 0.999999,
    });
    expect(s[2]?.backOffSyncs.length).toBe(2);
    expect(s[2]?.restartAt).toBeCloseTo(15 + 30, 3);
  });

  it('a run longer than 600s after the last update starts over: immediate restart, then 10s', () => {
    const s = crashLoopSchedule({
      version: kubeVersion('1.35'),
      pod,
      containerName: 'app',
      exits: 5,
      runSeconds: [0, 0, 0, 601, 0],
    });
    // runs: exit1@0 restart@0; exit2@0 wait10 → 10; exit3@10 wait20 → 30; exit4@631 (601s after 30) → reset
    expect(s.map((e) => e.inBackOffAtExit)).toEqual([false, true, true, false, true]);
    expect(s[3]?.restartAt).toBe(631);
    expect(s[4]?.waitSeconds).toBe(10);
  });

  it('a run of exactly 600s does not reset', () => {
    const s = crashLoopSchedule({
      version: kubeVersion('1.35'),
      pod,
      containerName: 'app',
      exits: 3,
      runSeconds: [0, 600, 0],
    });
    expect(s[1]?.inBackOffAtExit).toBe(true);
    expect(s[1]?.waitSeconds).toBe(10);
  });

  it('rejects bad input', () => {
    expect(() => crashLoopSchedule({ version: kubeVersion('1.35'), pod, containerName: 'app', exits: -1 })).toThrow(
      CrashLoopInputError,
    );
    expect(() =>
      crashLoopSchedule({ version: kubeVersion('1.35'), pod, containerName: 'app', exits: 2, runSeconds: [1] }),
    ).toThrow(/run 2/);
  });
});

describe('requeue after other sync errors', () => {
  it('ImagePullBackOff and other plain errors wait 10s in every release', () => {
    expect(nextSyncAfterBackOff(kubeVersion('1.35'), 50)).toBe(60);
    expect(nextSyncAfterBackOff(kubeVersion('1.23'), 50, undefined, { jitter: 0.2 })).toBe(61);
  });
});
