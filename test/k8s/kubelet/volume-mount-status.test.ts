/**
 * status.containerStatuses[].volumeMounts. Expected values are read from pkg/kubelet/kubelet_pods.go
 * convertToAPIContainerStatuses / resolveRecursiveReadOnly (1.31 and 1.35 alike), the RecursiveReadOnlyMounts
 * rows of pkg/features/kube_features.go (alpha off 1.30, beta on 1.31, GA locked 1.33) and the json tags of
 * core/v1 VolumeMountStatus (readOnly and recursiveReadOnly omitempty).
 */
import { describe, expect, it } from 'vitest';
import type { Container, ContainerStatus, Pod } from '../../../src/k8s/api/types.ts';
import { buildContainerStatuses, type RuntimeContainerRecord } from '../../../src/k8s/kubelet/container-state.ts';
import {
  resolveRecursiveReadOnly,
  VolumeMountStatusError,
  volumeMountStatuses,
} from '../../../src/k8s/kubelet/volume-mount-status.ts';
import { kubeVersion, supportedMinors } from '../../../src/k8s/version/index.ts';

const SA_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** The mount the ServiceAccount admission plugin appends (plugin/pkg/admission/serviceaccount). */
const saMount = { name: 'kube-api-access-x7k2p', readOnly: true, mountPath: SA_PATH };
const tokenOnly: Container = { name: 'nginx', image: 'nginx:1.25', volumeMounts: [saMount] };
const withEmptyDirs: Container = {
  name: 'app',
  image: 'busybox:1.36',
  volumeMounts: [
    { name: 'cache', mountPath: '/cache' },
    { name: 'data', mountPath: '/data', readOnly: true },
    { name: 'scratch', mountPath: '/scratch', readOnly: false },
    saMount,
  ],
};

describe('which releases write status volumeMounts', () => {
  it.each(supportedMinors())('1.%i', (minor) => {
    const mounts = volumeMountStatuses(tokenOnly, kubeVersion(minor));
    if (minor <= 30) expect(mounts).toBeUndefined();
    else {
      expect(mounts).toEqual([
        { name: 'kube-api-access-x7k2p', mountPath: SA_PATH, readOnly: true, recursiveReadOnly: 'Disabled' },
      ]);
    }
  });

  it('follows the gate where it can be set: on in 1.30, off in 1.31 and 1.32', () => {
    expect(volumeMountStatuses(tokenOnly, kubeVersion('1.30', { RecursiveReadOnlyMounts: true }))).toHaveLength(1);
    expect(volumeMountStatuses(tokenOnly, kubeVersion('1.31', { RecursiveReadOnlyMounts: false }))).toBeUndefined();
    expect(volumeMountStatuses(tokenOnly, kubeVersion('1.32', { RecursiveReadOnlyMounts: false }))).toBeUndefined();
  });

  it('refuses a gate the kubelet would refuse: unknown before 1.30, locked on from 1.33', () => {
    expect(() => volumeMountStatuses(tokenOnly, kubeVersion('1.29', { RecursiveReadOnlyMounts: true }))).toThrow(
      'feature gate RecursiveReadOnlyMounts does not exist in Kubernetes 1.29',
    );
    for (const v of ['1.33', '1.35']) {
      expect(() => volumeMountStatuses(tokenOnly, kubeVersion(v, { RecursiveReadOnlyMounts: false }))).toThrow(
        'cannot set feature gate RecursiveReadOnlyMounts to false, feature is locked to true',
      );
    }
  });
});

describe('the mounts written', () => {
  const v = kubeVersion('1.35');

  it('keeps spec order; a read-write mount has neither readOnly nor recursiveReadOnly', () => {
    expect(volumeMountStatuses(withEmptyDirs, v)).toEqual([
      { name: 'cache', mountPath: '/cache' },
      { name: 'data', mountPath: '/data', readOnly: true, recursiveReadOnly: 'Disabled' },
      { name: 'scratch', mountPath: '/scratch' },
      { name: 'kube-api-access-x7k2p', mountPath: SA_PATH, readOnly: true, recursiveReadOnly: 'Disabled' },
    ]);
  });

  it('writes nothing for a container without mounts (a nil slice is omitted)', () => {
    expect(volumeMountStatuses({ name: 'bare' }, v)).toBeUndefined();
    expect(volumeMountStatuses({ name: 'bare', volumeMounts: [] }, v)).toBeUndefined();
  });

  it('resolves IfPossible and Enabled against the runtime handler', () => {
    const c = (recursiveReadOnly: string): Container => ({
      name: 'app',
      volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true, recursiveReadOnly }],
    });
    const rro = (mode: string, supported: boolean) =>
      volumeMountStatuses(c(mode), v, supported)?.[0]?.recursiveReadOnly;
    expect(rro('IfPossible', true)).toBe('Enabled');
    expect(rro('IfPossible', false)).toBe('Disabled');
    expect(rro('Enabled', true)).toBe('Enabled');
    // an error is only logged: the status says Disabled (the container itself cannot be created)
    expect(rro('Enabled', false)).toBe('Disabled');
    expect(rro('Disabled', true)).toBe('Disabled');
  });

  it('gives resolveRecursiveReadOnly the kubelet error texts', () => {
    expect(resolveRecursiveReadOnly({ name: 'd', recursiveReadOnly: 'Enabled' }, true)).toEqual({
      error: 'volume "d" requested recursive read-only mode, but it is not read-only',
    });
    expect(
      resolveRecursiveReadOnly(
        { name: 'd', readOnly: true, recursiveReadOnly: 'IfPossible', mountPropagation: 'HostToContainer' },
        true,
      ),
    ).toEqual({
      error:
        'volume "d" requested recursive read-only mode, but it is not compatible with propagation "HostToContainer"',
    });
    expect(resolveRecursiveReadOnly({ name: 'd', readOnly: true, recursiveReadOnly: 'Enabled' }, false)).toEqual({
      error: 'volume "d" requested recursive read-only mode, but it is not supported by the runtime',
    });
    expect(resolveRecursiveReadOnly({ name: 'd', readOnly: true, recursiveReadOnly: 'Sometimes' }, true)).toEqual({
      error: 'unknown recursive read-only mode "Sometimes"',
    });
    expect(resolveRecursiveReadOnly({ name: 'd', readOnly: true }, true)).toEqual({ enabled: false });
  });

  it('rejects malformed mounts with a clear error', () => {
    expect(() => volumeMountStatuses({ name: 'app', volumeMounts: 'data' }, v)).toThrow(VolumeMountStatusError);
    expect(() => volumeMountStatuses({ name: 'app', volumeMounts: [{ name: 'data' }] }, v)).toThrow(
      'container "app": volumeMounts[0] needs a string name and mountPath',
    );
  });
});

describe('buildContainerStatuses carries the mounts', () => {
  const v = kubeVersion('1.35');
  const pod = (containers: Container[], initContainers?: Container[]): Pod => ({
    metadata: { name: 'p' },
    spec: { restartPolicy: 'Always', containers, ...(initContainers ? { initContainers } : {}) },
  });
  const running = (name: string, createdAt: number): RuntimeContainerRecord => ({
    name,
    state: 'running',
    createdAt,
    startedAt: createdAt,
    containerID: `containerd://${name}-${createdAt}`,
    image: 'docker.io/library/nginx:1.25',
    imageID: 'docker.io/library/nginx@sha256:abc',
  });
  const tokenMount = {
    name: 'kube-api-access-x7k2p',
    mountPath: SA_PATH,
    readOnly: true,
    recursiveReadOnly: 'Disabled' as const,
  };

  it('in the first status (ContainerCreating), computed from the spec', () => {
    const p = pod([tokenOnly]);
    const [s] = buildContainerStatuses({ pod: p, containers: p.spec.containers, isInit: false, runtime: [] }, v);
    expect(s?.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(s?.volumeMounts).toEqual([tokenMount]);
  });

  it('once running, copied from the previous status ("immutable"), not recomputed', () => {
    const p = pod([tokenOnly]);
    const previous: ContainerStatus[] = [
      { name: 'nginx', state: { waiting: { reason: 'ContainerCreating' } }, volumeMounts: [tokenMount] },
    ];
    const [s] = buildContainerStatuses(
      { pod: p, containers: p.spec.containers, isInit: false, runtime: [running('nginx', 5)], previous },
      v,
    );
    expect(s?.state?.running).toBeDefined();
    expect(s?.volumeMounts).toEqual([tokenMount]);
    expect(s?.volumeMounts).not.toBe(previous[0]?.volumeMounts);

    // the copy wins over the spec: an old status without mounts stays without them
    const [bare] = buildContainerStatuses(
      {
        pod: p,
        containers: p.spec.containers,
        isInit: false,
        runtime: [running('nginx', 5)],
        previous: [{ name: 'nginx', state: { waiting: { reason: 'ContainerCreating' } } }],
      },
      v,
    );
    expect(bare?.volumeMounts).toBeUndefined();
  });

  it('a runtime record with no previous status has none (convertContainerStatus without oldStatus)', () => {
    const p = pod([tokenOnly]);
    const [s] = buildContainerStatuses(
      { pod: p, containers: p.spec.containers, isInit: false, runtime: [running('nginx', 5)] },
      v,
    );
    expect(s?.state?.running).toBeDefined();
    expect(s?.volumeMounts).toBeUndefined();
  });

  it('for init containers too, and nowhere before 1.31', () => {
    const init: Container = { name: 'setup', image: 'busybox:1.36', volumeMounts: [saMount] };
    const p = pod([tokenOnly], [init]);
    const inits = (version = v) =>
      buildContainerStatuses({ pod: p, containers: [init], isInit: true, runtime: [] }, version);
    expect(inits()[0]?.state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(inits()[0]?.volumeMounts).toEqual([tokenMount]);
    expect(inits(kubeVersion('1.30'))[0]?.volumeMounts).toBeUndefined();
    expect(inits(kubeVersion('1.26'))[0]).not.toHaveProperty('volumeMounts');
  });
});
