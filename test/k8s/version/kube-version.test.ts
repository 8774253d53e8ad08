import { describe, expect, it } from 'vitest';
import {
  formatVersion,
  gateExists,
  KubeVersionError,
  kubeVersion,
  parseMinor,
  supportedMinors,
} from '../../../src/k8s/version/index.ts';

describe('parseMinor', () => {
  it.each([
    ['1.35', 35],
    ['v1.26', 26],
    ['1.30.4', 30],
    ['23', 23],
    [' 1.31 ', 31],
  ])('%s -> %i', (input, minor) => expect(parseMinor(input)).toBe(minor));

  it.each(['1.22', '1.36', '2.0', 'latest', '', '1.x', '1.35-rc.1', 'NaN'])(
    'rejects %j with a clear error',
    (input) => {
      expect(() => parseMinor(input)).toThrow(KubeVersionError);
      expect(() => parseMinor(input)).toThrow(/expected 1\.23 to 1\.35/);
    },
  );
});

describe('feature-gate defaults per release (pkg/features/kube_features.go)', () => {
  // Each row: gate, last release where it is off by default, first release where it is on.
  it.each([
    ['SidecarContainers', 28, 29],
    ['ContainerRestartRules', 34, 35],
    ['KubeletCrashLoopBackOffMax', 34, 35],
    ['KubeletEnsureSecretPulledImages', 34, 35],
    ['PodSchedulingReadiness', 26, 27],
    ['PodLevelResources', 33, 34],
    ['ImageVolume', 34, 35],
  ] as const)('%s: off in 1.%i, on in 1.%i', (gate, off, on) => {
    expect(kubeVersion(off).gates[gate]).toBe(false);
    expect(kubeVersion(on).gates[gate]).toBe(true);
  });

  it('keeps alpha gates off by default in 1.35', () => {
    const v = kubeVersion('1.35');
    expect(v.gates.ReduceDefaultCrashLoopBackOffDecay).toBe(false);
    expect(v.gates.RestartAllContainersOnContainerExits).toBe(false);
  });

  it('lets a caller override a gate, leaving the others at the release default', () => {
    const v = kubeVersion('1.34', { ContainerRestartRules: true });
    expect(v.gates.ContainerRestartRules).toBe(true);
    expect(v.gates.SidecarContainers).toBe(true);
    expect(kubeVersion('1.34').gates.ContainerRestartRules).toBe(false);
  });

  it('knows when a gate first exists', () => {
    expect(gateExists('ContainerRestartRules', 33)).toBe(false);
    expect(gateExists('ContainerRestartRules', 34)).toBe(true);
    expect(gateExists('SidecarContainers', 27)).toBe(false);
  });

  it('freezes the value so no caller can change a release behind the others', () => {
    const v = kubeVersion('1.30');
    expect(Object.isFrozen(v)).toBe(true);
    expect(Object.isFrozen(v.gates)).toBe(true);
  });
});

it('formats and lists versions', () => {
  expect(formatVersion(kubeVersion('v1.26'))).toBe('1.26');
  expect(supportedMinors()).toEqual([23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35]);
});
