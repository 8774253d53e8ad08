/**
 * Pod-level resource defaults (1.34/1.35, PodLevelResources on): pkg/apis/core/v1/defaults.go defaultPodRequests
 * and defaultHugePagePodLimits, with component-helpers AggregateContainerRequests (sidecar formula).
 */
import { describe, expect, it } from 'vitest';
import { aggregateContainerResources, defaultPod, formatQuantity } from '../../../src/k8s/defaults/index.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';

// biome-ignore lint/suspicious/noExplicitAny: free-form JSON fixtures, read by deep property access
type Obj = Record<string, any>;
const c = (name: string, requests: Obj, extra: Obj = {}): Obj => ({
  name,
  image: 'nginx',
  resources: { requests },
  ...extra,
});

describe('effective container requests', () => {
  it('sums regular containers and sidecars; other init containers run alone with the sidecars before them', () => {
    const spec = {
      initContainers: [
        c('setup', { cpu: '2' }),
        c('proxy', { cpu: '100m' }, { restartPolicy: 'Always' }),
        c('migrate', { cpu: '1500m' }),
      ],
      containers: [c('app', { cpu: '500m', memory: '1Gi' })],
    };
    const total = aggregateContainerResources(spec, 'requests');
    // regular 500m + sidecar 100m = 600m; init phases: 2 (setup), 1500m + 100m (migrate): the max is 2.
    expect(formatQuantity(total.get('cpu')!)).toBe('2');
    expect(formatQuantity(total.get('memory')!)).toBe('1Gi');
  });
});

describe('defaultPodRequests', () => {
  const spec = {
    resources: { limits: { cpu: '2', memory: '2Gi' } },
    containers: [c('a', { cpu: '500m' }), c('b', { cpu: '250m' })],
  };
  it('fills pod requests from the containers, then from the pod limits (1.34+)', () => {
    const out = defaultPod<Obj>({ spec }, kubeVersion('1.34')).object.spec;
    expect(out.resources).toEqual({ limits: { cpu: '2', memory: '2Gi' }, requests: { cpu: '750m', memory: '2Gi' } });
  });
  it('is not applied before the gate is on by default', () => {
    expect(defaultPod<Obj>({ spec }, kubeVersion('1.33')).object.spec.resources).toEqual({
      limits: { cpu: '2', memory: '2Gi' },
    });
  });
  it('needs pod-level limits', () => {
    const requestsOnly = { resources: { requests: { cpu: '1' } }, containers: [c('a', { memory: '1Gi' })] };
    expect(defaultPod<Obj>({ spec: requestsOnly }, kubeVersion('1.35')).object.spec.resources).toEqual({
      requests: { cpu: '1' },
    });
  });
});

describe('defaultHugePagePodLimits', () => {
  it('sets pod hugepage limits from the containers when only other pod-level values are set', () => {
    const spec = {
      resources: { limits: { cpu: '1', memory: '1Gi' } },
      containers: [{ name: 'a', image: 'x', resources: { limits: { 'hugepages-2Mi': '10Mi', memory: '100Mi' } } }],
    };
    const out = defaultPod<Obj>({ spec }, kubeVersion('1.35')).object.spec.resources;
    expect(out.limits).toEqual({ cpu: '1', memory: '1Gi', 'hugepages-2Mi': '10Mi' });
    // hugepages are not overcommittable, so they come to the pod requests only through the limits.
    expect(out.requests).toEqual({ memory: '100Mi', cpu: '1', 'hugepages-2Mi': '10Mi' });
  });
});
