/**
 * The clusters the published transcripts (/work/shared/transcripts) and the seed notes were recorded on, as
 * virtual clusters with the seeds that reproduce them. Both replays use them: test/sim/transcripts.test.ts drives the cluster directly,
 * test/sim/shell/transcripts.test.ts types the transcript's commands.
 */
import { type Cluster, createCluster, nginxServer } from '../../src/sim/index.ts';

/** 07: kind v1.30 with a tainted control plane and two workers (lucky-luke-worker2 at 172.19.0.2). */
export const T07_START = 1719512244;
export function transcript07Cluster(): Cluster {
  return createCluster({
    version: '1.30',
    seed: '1384',
    startTime: T07_START,
    nodes: [
      {
        name: 'lucky-luke-control-plane',
        taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
      },
      { name: 'lucky-luke-worker' },
      { name: 'lucky-luke-worker2', internalIP: '172.19.0.2' },
    ],
  });
}

/** 18: a one-node kind v1.24 cluster. */
export const T18_START = 1667900000;
export function transcript18Cluster(): Cluster {
  return createCluster({ version: '1.24', seed: '63', startTime: T18_START, nodes: [{ name: 'alice-control-plane' }] });
}

/** The seed notes' 1.26 cluster: k8s-node3 (pod CIDR 192.17.65.192/26) and the images.guoguo.com registry. */
export const SEED_NODE = 'k8s-node3.guoguo.com';
export const SEED_IMAGE = 'images.guoguo.com/apps/ubuntu-nginx:1.24.0';
export const SEED_START = 1691548500; // a whole second; creationTimestamp is floored to it
export function seedCluster(seed: string, preload: boolean): Cluster {
  return createCluster({
    version: '1.26',
    seed,
    startTime: SEED_START,
    nodes: [{ name: SEED_NODE, podCIDR: '192.17.65.192/26', ...(preload ? { images: [SEED_IMAGE] } : {}) }],
    registries: [
      {
        host: 'images.guoguo.com',
        flavour: 'distribution',
        repositories: { 'apps/ubuntu-nginx': { '1.24.0': { sizeBytes: 60_000_000, behaviour: nginxServer() } } },
      },
    ],
  });
}
