/** QoS class: pkg/apis/core/v1/helper/qos/qos.go GetPodQOS (and ComputePodQOS with pod-level resources). */
import { describe, expect, it } from 'vitest';
import { computePodQOS, defaultPod } from '../../../src/k8s/defaults/index.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';

const v35 = kubeVersion('1.35');
// biome-ignore lint/suspicious/noExplicitAny: free-form JSON fixtures, read by deep property access
type Obj = Record<string, any>;
const res = (limits?: Obj, requests?: Obj): Obj => ({
  resources: { ...(limits ? { limits } : {}), ...(requests ? { requests } : {}) },
});
const c = (name: string, extra: Obj = {}): Obj => ({ name, image: 'nginx', ...extra });
/** QoS of the pod as stored: after defaulting (requests copied from limits). */
const qos = (spec: Obj, version = v35) => computePodQOS(defaultPod<Obj>({ spec }, version).object, version);

describe('BestEffort', () => {
  it('no cpu or memory anywhere', () => {
    expect(qos({ containers: [c('a')] })).toBe('BestEffort');
  });
  it('zero quantities and other resources do not count', () => {
    expect(qos({ containers: [c('a', res(undefined, { cpu: '0', memory: '0' }))] })).toBe('BestEffort');
    expect(qos({ containers: [c('a', res({ 'ephemeral-storage': '1Gi', 'nvidia.com/gpu': 1 }))] })).toBe('BestEffort');
  });
  it('ephemeral containers do not count', () => {
    expect(qos({ containers: [c('a')], ephemeralContainers: [c('e', res({ cpu: '1', memory: '1Gi' }))] })).toBe(
      'BestEffort',
    );
  });
});

describe('Guaranteed', () => {
  it('cpu and memory limits on every container, requests equal (defaulted from limits)', () => {
    expect(
      qos({
        containers: [
          c('a', res({ cpu: '1', memory: '1Gi' })),
          c('b', res({ cpu: '500m', memory: '128Mi' }, { cpu: '0.5' })),
        ],
      }),
    ).toBe('Guaranteed');
  });
  it('init containers must also be limited', () => {
    expect(
      qos({
        initContainers: [c('i', res({ cpu: '1', memory: '1Gi' }))],
        containers: [c('a', res({ cpu: '1', memory: '1Gi' }))],
      }),
    ).toBe('Guaranteed');
  });
});

describe('Burstable', () => {
  it('a request without a limit', () => {
    expect(qos({ containers: [c('a', res(undefined, { cpu: '100m' }))] })).toBe('Burstable');
  });
  it('a limit on cpu only', () => {
    expect(qos({ containers: [c('a', res({ cpu: '1' }))] })).toBe('Burstable');
  });
  it('requests below limits', () => {
    expect(qos({ containers: [c('a', res({ cpu: '1', memory: '1Gi' }, { cpu: '500m' }))] })).toBe('Burstable');
  });
  it('one container without limits', () => {
    expect(qos({ containers: [c('a', res({ cpu: '1', memory: '1Gi' })), c('b')] })).toBe('Burstable');
  });
  it('an init container with a request', () => {
    expect(qos({ initContainers: [c('i', res(undefined, { memory: '10Mi' }))], containers: [c('a')] })).toBe(
      'Burstable',
    );
  });
});

describe('pod-level resources (PodLevelResources, on from 1.34)', () => {
  const podLevel = { resources: { limits: { cpu: '1', memory: '1Gi' } }, containers: [c('a')] };
  it('decide the class when set', () => {
    expect(qos(podLevel, kubeVersion('1.34'))).toBe('Guaranteed');
    expect(
      qos(
        { ...podLevel, resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } } },
        kubeVersion('1.34'),
      ),
    ).toBe('Burstable');
  });
  it('are ignored while the gate is off', () => {
    expect(computePodQOS({ spec: podLevel }, kubeVersion('1.33'))).toBe('BestEffort');
  });
});
