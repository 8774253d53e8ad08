/**
 * Cluster.apply on a pod that exists: the manifest as written (not merged by kubectl) is defaulted before it is
 * compared, as the apiserver does, so re-applying it is a no-op and only the mutable fields may change.
 */
import { describe, expect, it } from 'vitest';
import { kubeVersion } from '../../src/k8s/version/index.ts';
import { ApiError, createCluster } from '../../src/sim/index.ts';

const manifest = (image: string, restartPolicy = 'Always') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: { restartPolicy, containers: [{ name: 'web', image, ports: [{ containerPort: 80 }] }] },
});

describe('Cluster.apply on an existing pod', () => {
  const cluster = () => {
    const c = createCluster({ version: kubeVersion('1.35'), seed: 1 });
    c.apply(manifest('nginx:1.25'));
    return c;
  };

  it('is unchanged when the same manifest is applied again (defaulted fields are not changes)', () => {
    expect(cluster().apply(manifest('nginx:1.25')).action).toBe('unchanged');
  });

  it('is configured when only the image changes', () => {
    const c = cluster();
    const result = c.apply(manifest('nginx:1.26'));
    expect(result.action).toBe('configured');
    expect(result.pod.spec.containers[0]?.image).toBe('nginx:1.26');
  });

  it('refuses a change of restartPolicy as pod validation does', () => {
    expect(() => cluster().apply(manifest('nginx:1.25', 'Never'))).toThrow(ApiError);
    expect(() => cluster().apply(manifest('nginx:1.25', 'Never'))).toThrow(/pod updates may not change fields/);
  });
});
