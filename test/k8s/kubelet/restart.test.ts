/**
 * Restart decision. Expected values are read from pkg/kubelet/container/helpers.go ShouldContainerBeRestarted,
 * pkg/api/v1/pod/util.go (ContainerShouldRestart, IsContainerRestartable, findMatchingContainerRestartRule) and
 * kuberuntime_container.go computeInitContainerActions / findNextInitContainerToRun.
 */
import { describe, expect, it } from 'vitest';
import type { Container, ContainerRestartRule, PodSpec } from '../../../src/k8s/api/types.ts';
import {
  containerShouldRestart,
  decideRestart,
  findMatchingContainerRestartRule,
  gateOn,
  isContainerRestartable,
  isSidecar,
  type LatestRuntimeStatus,
  RestartInputError,
} from '../../../src/k8s/kubelet/restart.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';

const v133 = kubeVersion('1.33');
const v134 = kubeVersion('1.34');
const v135 = kubeVersion('1.35');

function regular(
  restartPolicy: string | undefined,
  latest: LatestRuntimeStatus | null,
  extra: Partial<Container> = {},
) {
  const container: Container = { name: 'app', ...extra };
  const spec: PodSpec = { containers: [container] };
  if (restartPolicy !== undefined) spec.restartPolicy = restartPolicy;
  return { container, spec, latest };
}

const exited = (exitCode: number): LatestRuntimeStatus => ({ state: 'exited', exitCode });
const inRule = (action: string, ...values: number[]): ContainerRestartRule => ({
  action,
  exitCodes: { operator: 'In', values },
});

describe('classic ShouldContainerBeRestarted (1.33)', () => {
  const cases: [string, string | undefined, LatestRuntimeStatus | null, boolean][] = [
    ['never ran, Never', 'Never', null, true],
    ['running, Always', 'Always', { state: 'running' }, false],
    ['unknown, Never', 'Never', { state: 'unknown' }, true],
    ['created, Never', 'Never', { state: 'created' }, true],
    ['exit 0, Never', 'Never', exited(0), false],
    ['exit 1, Never', 'Never', exited(1), false],
    ['exit 0, OnFailure', 'OnFailure', exited(0), false],
    ['exit 137, OnFailure', 'OnFailure', exited(137), true],
    ['exit -1, OnFailure', 'OnFailure', exited(-1), true],
    ['exit 0, Always', 'Always', exited(0), true],
    ['exit 0, unset policy', undefined, exited(0), true],
    ['exit 0, empty policy', '', exited(0), true],
  ];
  for (const [name, policy, latest, want] of cases) {
    it(name, () => expect(decideRestart(regular(policy, latest), v133).restart).toBe(want));
  }

  it('never restarts in a deleted pod, even without history', () => {
    const d = decideRestart({ ...regular('Always', null), deleted: true }, v133);
    expect(d).toMatchObject({ restart: false, rule: 'pod-deleted' });
  });

  it('names the deciding function and the kubelet log lines', () => {
    expect(decideRestart(regular('Never', exited(1)), v133)).toMatchObject({
      decidedBy: 'kubecontainer.ShouldContainerBeRestarted',
      kubeletLog: 'Already ran container, do nothing',
    });
    expect(decideRestart(regular('OnFailure', exited(0)), v133).kubeletLog).toBe(
      'Already successfully ran container, do nothing',
    );
    expect(decideRestart(regular('Always', exited(0)), v133).kubeletLog).toBe(
      'Container of pod is not in the desired state and shall be started',
    );
  });

  it('ignores the container-level restartPolicy while ContainerRestartRules is off', () => {
    const input = regular('Always', exited(1), { restartPolicy: 'Never' });
    expect(decideRestart(input, v133).restart).toBe(true);
    expect(decideRestart(input, v134).restart).toBe(true); // alpha, off by default
  });
});

describe('ContainerRestartRules gate', () => {
  it('does not exist before 1.34, is off by default in 1.34 and on in 1.35', () => {
    expect(gateOn(kubeVersion('1.33', { ContainerRestartRules: true }), 'ContainerRestartRules')).toBe(false);
    expect(gateOn(v134, 'ContainerRestartRules')).toBe(false);
    expect(gateOn(kubeVersion('1.34', { ContainerRestartRules: true }), 'ContainerRestartRules')).toBe(true);
    expect(gateOn(v135, 'ContainerRestartRules')).toBe(true);
    expect(gateOn(kubeVersion('1.35', { ContainerRestartRules: false }), 'ContainerRestartRules')).toBe(false);
  });

  it('container restartPolicy Never overrides pod Always once the gate is on', () => {
    const input = regular('Always', exited(1), { restartPolicy: 'Never' });
    expect(decideRestart(input, kubeVersion('1.34', { ContainerRestartRules: true }))).toMatchObject({
      restart: false,
      rule: 'container-policy',
    });
    expect(decideRestart(input, v135).restart).toBe(false);
    expect(decideRestart(input, kubeVersion('1.33', { ContainerRestartRules: true })).restart).toBe(true);
  });

  it('a matching Restart rule restarts a Never container; otherwise its policy decides', () => {
    const spec = { restartPolicy: 'Never', restartPolicyRules: [inRule('Restart', 42)] };
    const hit = decideRestart(regular('Never', exited(42), spec), v135);
    expect(hit).toMatchObject({ restart: true, rule: 'container-rule' });
    expect(hit.reason).toContain('restartPolicyRules[0]');
    expect(decideRestart(regular('Never', exited(1), spec), v135)).toMatchObject({
      restart: false,
      rule: 'container-policy',
    });
  });

  it('keeps the pod-level rule for containers without their own policy', () => {
    expect(decideRestart(regular('OnFailure', exited(0)), v135)).toMatchObject({ restart: false, rule: 'pod-policy' });
    expect(decideRestart(regular('OnFailure', exited(3)), v135).restart).toBe(true);
  });

  it('still starts unknown/created containers and never restarts in a deleted pod', () => {
    const own = { restartPolicy: 'Never' };
    expect(decideRestart(regular('Never', { state: 'unknown' }, own), v135).restart).toBe(true);
    expect(
      decideRestart({ ...regular('Always', exited(1), { restartPolicy: 'Always' }), deleted: true }, v135).restart,
    ).toBe(false);
  });
});

describe('RestartAllContainersOnContainerExits (KEP-5532)', () => {
  const own = { restartPolicy: 'Never', restartPolicyRules: [inRule('RestartAllContainers', 42)] };

  it('is absent before 1.35 and off by default in 1.35', () => {
    expect(gateOn(v135, 'RestartAllContainersOnContainerExits')).toBe(false);
    expect(
      gateOn(
        kubeVersion('1.34', { RestartAllContainersOnContainerExits: true }),
        'RestartAllContainersOnContainerExits',
      ),
    ).toBe(false);
  });

  it('gate off: the action is not "Restart", so the container policy (Never) decides', () => {
    expect(decideRestart(regular('Always', exited(42), own), v135)).toMatchObject({
      restart: false,
      restartAllContainers: false,
    });
  });

  it('gate on: the whole pod restarts in place', () => {
    const v = kubeVersion('1.35', { RestartAllContainersOnContainerExits: true });
    expect(decideRestart(regular('Always', exited(42), own), v)).toMatchObject({
      restart: true,
      restartAllContainers: true,
      rule: 'restart-all-containers',
    });
  });
});

describe('util.go helpers', () => {
  const c = (rules: ContainerRestartRule[], restartPolicy?: string): Container => ({
    name: 'c',
    restartPolicyRules: rules,
    ...(restartPolicy ? { restartPolicy } : {}),
  });

  it('findMatchingContainerRestartRule: In, NotIn, first match, no exitCodes, unknown operator', () => {
    expect(findMatchingContainerRestartRule(c([inRule('Restart', 1, 2)]), 2)).toMatchObject({ found: true, index: 0 });
    const notIn = { action: 'Restart', exitCodes: { operator: 'NotIn', values: [0] } };
    expect(findMatchingContainerRestartRule(c([notIn]), 0).found).toBe(false);
    expect(findMatchingContainerRestartRule(c([notIn]), 7).found).toBe(true);
    expect(findMatchingContainerRestartRule(c([inRule('Other', 5), inRule('Restart', 5)]), 5).index).toBe(0);
    expect(findMatchingContainerRestartRule(c([{ action: 'Restart' }]), 0)).toEqual({
      found: false,
      rule: null,
      index: -1,
    });
    const weird = { action: 'Restart', exitCodes: { operator: 'Between', values: [5] } };
    expect(findMatchingContainerRestartRule(c([weird, inRule('Restart', 5)]), 5).index).toBe(1);
  });

  it('ContainerShouldRestart: rules only count when the container policy is set', () => {
    expect(containerShouldRestart(c([inRule('Restart', 9)]), { restartPolicy: 'Never' }, 9)).toBe(false);
    expect(containerShouldRestart(c([inRule('Restart', 9)], 'Never'), { restartPolicy: 'Never' }, 9)).toBe(true);
    expect(containerShouldRestart(c([inRule('Other', 9)], 'OnFailure'), {}, 0)).toBe(false);
    expect(containerShouldRestart(c([]), { restartPolicy: '' }, 0)).toBe(true);
  });

  it('IsContainerRestartable counts a Restart rule even without exitCodes', () => {
    expect(isContainerRestartable({ restartPolicy: 'Never' }, c([{ action: 'Restart' }], 'Never'))).toBe(true);
    expect(isContainerRestartable({ restartPolicy: 'Always' }, c([], 'Never'))).toBe(false);
    expect(isContainerRestartable({ restartPolicy: 'Never' }, c([]))).toBe(false);
  });
});

describe('init containers and sidecars', () => {
  const initSpec = (restartPolicy: string, init: Container): PodSpec => ({
    restartPolicy,
    initContainers: [init],
    containers: [{ name: 'main' }],
  });
  const sidecar: Container = { name: 'proxy', restartPolicy: 'Always' };
  const init: Container = { name: 'setup' };

  it('SidecarContainers: absent before 1.28, off in 1.28, on from 1.29', () => {
    expect(isSidecar(sidecar, kubeVersion('1.27', { SidecarContainers: true }))).toBe(false);
    expect(isSidecar(sidecar, kubeVersion('1.28'))).toBe(false);
    expect(isSidecar(sidecar, kubeVersion('1.28', { SidecarContainers: true }))).toBe(true);
    expect(isSidecar(sidecar, kubeVersion('1.29'))).toBe(true);
  });

  it('a sidecar is restarted on every exit, even under pod Never', () => {
    const d = decideRestart(
      { container: sidecar, spec: initSpec('Never', sidecar), latest: exited(0) },
      kubeVersion('1.29'),
    );
    expect(d).toMatchObject({ restart: true, rule: 'sidecar', decidedBy: 'computeInitContainerActions' });
  });

  it('without the gate the same container is a plain init container (findNextInitContainerToRun)', () => {
    const d = decideRestart(
      { container: sidecar, spec: initSpec('Never', sidecar), latest: exited(0) },
      kubeVersion('1.28'),
    );
    expect(d).toMatchObject({ restart: false, rule: 'init-succeeded', decidedBy: 'findNextInitContainerToRun' });
  });

  it('a failed regular init container: restarted unless the pod is Never, then the pod is killed', () => {
    for (const policy of ['Always', 'OnFailure']) {
      expect(decideRestart({ container: init, spec: initSpec(policy, init), latest: exited(1) }, v135)).toMatchObject({
        restart: true,
        killPod: false,
      });
    }
    expect(decideRestart({ container: init, spec: initSpec('Never', init), latest: exited(1) }, v135)).toMatchObject({
      restart: false,
      killPod: true,
      rule: 'init-failed',
    });
    expect(
      decideRestart({ container: init, spec: initSpec('Never', init), latest: { state: 'unknown' } }, v135).killPod,
    ).toBe(true);
  });

  it('a regular init container that exited 0 is done; one that is running is left alone', () => {
    expect(decideRestart({ container: init, spec: initSpec('Always', init), latest: exited(0) }, v135).restart).toBe(
      false,
    );
    expect(
      decideRestart({ container: init, spec: initSpec('Always', init), latest: { state: 'running' } }, v135),
    ).toMatchObject({
      restart: false,
      rule: 'running',
    });
  });
});

describe('bad input', () => {
  it('rejects an unknown pod restartPolicy', () => {
    expect(() => decideRestart(regular('Sometimes', exited(1)), v135)).toThrow(RestartInputError);
  });
  it('rejects a non-integer exit code and an exited container without one', () => {
    expect(() => decideRestart(regular('Always', exited(1.5)), v135)).toThrow(/integer/);
    expect(() => decideRestart(regular('Always', { state: 'exited' }), v135)).toThrow(/exit code is missing/);
  });
  it('rejects an unknown container restartPolicy', () => {
    expect(() => containerShouldRestart({ name: 'x', restartPolicy: 'Maybe' }, {}, 0)).toThrow(/container "x"/);
  });
});
