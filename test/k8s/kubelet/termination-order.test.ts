/** kuberuntime_termination_order.go newTerminationOrdering: who waits for whom when a pod with sidecars is killed. */
import { describe, expect, it } from 'vitest';
import type { Container, PodSpec } from '../../../src/k8s/api/types.ts';
import {
  SIDECAR_TERMINATION_ORDER_SINCE,
  terminationPrerequisites,
} from '../../../src/k8s/kubelet/termination-order.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';

const sidecar = (name: string): Container => ({ name, image: 'busybox', restartPolicy: 'Always' });
const plain = (name: string): Container => ({ name, image: 'busybox' });

const spec: PodSpec = {
  initContainers: [sidecar('a'), plain('setup'), sidecar('b'), sidecar('c')],
  containers: [plain('app'), plain('worker')],
};
const everything = ['a', 'b', 'c', 'app', 'worker'];

describe('terminationPrerequisites', () => {
  it('1.35: regular containers wait for nothing; each sidecar waits for the regular containers and the next sidecar', () => {
    const order = terminationPrerequisites(spec, everything, kubeVersion('1.35'));
    expect(order && Object.fromEntries(order)).toEqual({
      c: ['app', 'worker'],
      b: ['app', 'worker', 'c'],
      a: ['app', 'worker', 'b'],
    });
  });

  it('a stopped container is a closed channel: nobody waits for it, and the wait does not skip past it', () => {
    const order = terminationPrerequisites(spec, ['a', 'c', 'app'], kubeVersion('1.35'));
    // b is not running: a waits for the running regular containers only, not for c behind b
    expect(order && Object.fromEntries(order)).toEqual({ c: ['app'], a: ['app'] });
  });

  it('applies from the first release with ordering, not before', () => {
    expect(SIDECAR_TERMINATION_ORDER_SINCE).toBe(29);
    expect(terminationPrerequisites(spec, everything, kubeVersion('1.29'))).toBeDefined();
    expect(
      terminationPrerequisites(spec, everything, kubeVersion('1.28', { SidecarContainers: true })),
    ).toBeUndefined();
  });

  it('does not apply to a pod without sidecars, or with the SidecarContainers gate off', () => {
    const noSidecars: PodSpec = { initContainers: [plain('setup')], containers: [plain('app')] };
    expect(terminationPrerequisites(noSidecars, ['app'], kubeVersion('1.35'))).toBeUndefined();
    expect(
      terminationPrerequisites(spec, everything, kubeVersion('1.30', { SidecarContainers: false })),
    ).toBeUndefined();
  });
});
