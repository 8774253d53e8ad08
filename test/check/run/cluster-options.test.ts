/** The cluster a page's frontmatter describes, as createCluster options. */
import { describe, expect, it } from 'vitest';
import { clusterOptions } from '../../../src/check/run/cluster-options.ts';
import { manifestChecks } from '../../../src/check/run/manifest-checks.ts';
import { pageRegistries } from '../../../src/check/run/page-registries.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';
import { testPack } from '../../manifest/schema/pack-fixture.ts';

const scenario = {
  name: 'default',
  k8s: '1.26',
  seed: 928,
  cluster: {
    start: '2023-08-09T02:35:00Z',
    startSeconds: 1691548500,
    nodes: [
      { name: 'k8s-master1', roles: ['control-plane'], images: [] },
      {
        name: 'k8s-node3.guoguo.com',
        roles: ['worker'],
        images: ['images.guoguo.com/apps/ubuntu-nginx:1.24.0'],
        ip: '172.17.8.13',
      },
    ],
    registries: [{ host: 'images.guoguo.com', repositories: [{ name: 'apps/ubuntu-nginx', tags: ['1.24.0'] }] }],
  },
};

const checks = manifestChecks(testPack(26), kubeVersion('1.26'));

describe('clusterOptions', () => {
  it('takes the seed, start, nodes and their images and IP from the page', () => {
    const options = clusterOptions(scenario, kubeVersion('1.26'), checks.validateObject);
    expect(options).toMatchObject({ seed: 928, startTime: 1691548500 });
    expect(options.nodes).toEqual([
      { name: 'k8s-master1', taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
      {
        name: 'k8s-node3.guoguo.com',
        internalIP: '172.17.8.13',
        images: ['images.guoguo.com/apps/ubuntu-nginx:1.24.0'],
      },
    ]);
  });

  it("taints a control-plane node as that release's kubeadm does", () => {
    const taints = (minor: string) =>
      clusterOptions(scenario, kubeVersion(minor), checks.validateObject).nodes?.[0]?.taints?.map((t) => t.key);
    expect(taints('1.23')).toEqual(['node-role.kubernetes.io/master']);
    expect(taints('1.24')).toEqual(['node-role.kubernetes.io/master', 'node-role.kubernetes.io/control-plane']);
    expect(taints('1.25')).toEqual(['node-role.kubernetes.io/control-plane']);
  });

  it('validates objects sent to the apiserver as creates, and leaves updates of stored pods to it', () => {
    const validate = clusterOptions(scenario, kubeVersion('1.26'), checks.validateObject).validate!;
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'x' }] } };
    expect(validate(pod, kubeVersion('1.26')).map((e) => `${e.field}: ${e.type}`)).toEqual([
      'spec.containers[0].image: FieldValueRequired',
    ]);
    const stored = { ...pod, metadata: { name: 'x', uid: 'u', creationTimestamp: 1691548500 } };
    expect(validate(stored, kubeVersion('1.26'))).toEqual([]);
  });
});

describe('pageRegistries', () => {
  it("keeps the default hosts, and gives the page's images a size and a behaviour from their name", () => {
    const registries = pageRegistries(scenario.cluster.registries);
    expect(registries.map((r) => [r.host, r.flavour])).toEqual([
      ['docker.io', 'docker-hub'],
      ['registry.k8s.io', 'distribution'],
      ['images.guoguo.com', 'distribution'],
    ]);
    const image = registries[2]?.repositories['apps/ubuntu-nginx']?.['1.24.0'];
    expect(image?.sizeBytes).toBe(60_000_000);
    expect(image?.behaviour?.source).toMatch(/nginx/);
  });

  it('replaces a default host the page lists, keeping what the default catalog knows of a tag', () => {
    const registries = pageRegistries([
      { host: 'docker.io', repositories: [{ name: 'library/nginx', tags: ['1.25', '0.1'] }] },
    ]);
    const hub = registries.find((r) => r.host === 'docker.io');
    expect(Object.keys(hub?.repositories ?? {})).toEqual(['library/nginx']);
    expect(hub?.repositories['library/nginx']?.['1.25']?.sizeBytes).toBe(70_520_000);
    expect(hub?.repositories['library/nginx']?.['0.1']?.sizeBytes).toBe(60_000_000);
  });
});
