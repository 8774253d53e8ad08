/**
 * The clusters the published transcripts were recorded on (/work/shared/transcripts), as virtual clusters with
 * the seeds that reproduce them. Both replays use them: test/sim/transcripts.test.ts drives the cluster directly,
 * test/sim/shell/transcripts.test.ts types the transcript's commands.
 */
import { type Cluster, createCluster } from '../../src/sim/index.ts';

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
