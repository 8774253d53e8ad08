/**
 * The apiserver's pod store: create through createPod, resourceVersion, apply, graceful delete
 * (pkg/registry/core/pod/strategy.go CheckGracefulDelete), the injected validator.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, createCluster } from '../../src/sim/index.ts';
import { podManifest } from './helpers.ts';

const nginx = (name = 'web', extra: Record<string, unknown> = {}) =>
  podManifest(name, { name: 'nginx', image: 'nginx:1.25', ...extra });

describe('create', () => {
  it('stores the defaulted pod with a uid, creationTimestamp, resourceVersion and Pending phase', () => {
    const c = createCluster({ version: '1.26', seed: 3, startTime: 1000.4 });
    const pod = c.create(nginx());
    expect(pod.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(pod.metadata.creationTimestamp).toBe(1000);
    expect(pod.metadata.resourceVersion).toBe('1');
    expect(pod.spec.restartPolicy).toBe('Always');
    expect(pod.spec.containers[0]?.imagePullPolicy).toBe('IfNotPresent');
    expect((pod.spec as { terminationGracePeriodSeconds?: number }).terminationGracePeriodSeconds).toBe(30);
    expect(pod.status?.phase).toBe('Pending');
    expect(() => c.create(nginx())).toThrow('pods "web" already exists');
  });

  it('expands generateName with five characters of the apimachinery alphabet', () => {
    const c = createCluster({ version: '1.35', seed: 3 });
    const pod = c.create({ apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'demo-' }, spec: nginx().spec });
    expect(pod.metadata.name).toMatch(/^demo-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('refuses other kinds and reports validation errors from the injected validator', () => {
    const c = createCluster({
      version: '1.35',
      validate: (obj) =>
        (obj as { spec?: { containers?: { image?: string }[] } }).spec?.containers?.[0]?.image
          ? []
          : [{ type: 'FieldValueRequired', field: 'spec.containers[0].image', detail: 'Required value' }],
    });
    expect(() => c.apply({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' } })).toThrow(ApiError);
    try {
      c.apply(podManifest('bad', { name: 'x' }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).reason).toBe('Invalid');
      expect((e as ApiError).details[0]?.field).toBe('spec.containers[0].image');
    }
  });
});

describe('apply', () => {
  it('creates, then reports unchanged, then configures an image change', () => {
    const c = createCluster({ version: '1.30', seed: 1 });
    expect(c.apply(nginx()).action).toBe('created');
    expect(c.apply(nginx()).action).toBe('unchanged');
    const rv = c.getPod('web')?.metadata.resourceVersion;
    const r = c.apply(nginx('web', { image: 'nginx:1.27' }));
    expect(r.action).toBe('configured');
    expect(r.pod.spec.containers[0]?.image).toBe('nginx:1.27');
    expect(Number(r.pod.metadata.resourceVersion)).toBeGreaterThan(Number(rv));
  });

  it('refuses spec changes a pod does not allow', () => {
    const c = createCluster({ version: '1.30', seed: 1 });
    c.apply(nginx());
    const changed = podManifest('web', { name: 'nginx', image: 'nginx:1.25' }, { restartPolicy: 'Never' });
    expect(() => c.apply(changed)).toThrow(/pod updates may not change fields other than/);
  });
});

describe('delete', () => {
  it('removes an unscheduled pod at once', () => {
    const c = createCluster({ version: '1.30', seed: 1, nodes: [{ name: 'n1', unschedulable: true }] });
    c.apply(nginx());
    c.advance(2);
    c.delete('pod', 'web');
    expect(c.getPod('web')).toBeUndefined();
    expect(() => c.delete('pod', 'web')).toThrow('pods "web" not found');
  });

  it('marks a running pod with deletionTimestamp = now + 30s, Terminating until the kubelet is done', () => {
    const c = createCluster({ version: '1.30', seed: 1, nodes: [{ name: 'n1', images: ['nginx:1.25'] }] });
    c.apply(nginx());
    c.advance(5);
    const now = Math.floor(c.now());
    const pod = c.delete('pod', 'web');
    expect(pod.metadata.deletionTimestamp).toBe(now + 30);
    expect(pod.metadata.deletionGracePeriodSeconds).toBe(30);
    c.advance(0.05);
    expect(c.getPod('web')).toBeDefined();
    expect(c.advanceUntil(() => c.getPod('web') === undefined, { timeoutSeconds: 5 })).toBe(true);
  });

  it('honours --grace-period=0 --force (gracePeriodSeconds 0) by removing the object at once', () => {
    const c = createCluster({ version: '1.30', seed: 1, nodes: [{ name: 'n1', images: ['nginx:1.25'] }] });
    c.apply(nginx());
    c.advance(5);
    c.delete('pod', 'web', { gracePeriodSeconds: 0 });
    expect(c.getPod('web')).toBeUndefined();
    c.advance(5);
    expect(c.listContainersOnNode('n1')).toEqual([]); // the kubelet stopped and removed what was left
  });

  it('refuses to create (POST) a pod with the name of one being deleted', () => {
    const c = createCluster({ version: '1.30', seed: 1, nodes: [{ name: 'n1', images: ['busybox:1.36'] }] });
    c.apply(podManifest('slow', { name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }));
    c.advance(5);
    c.delete('pod', 'slow');
    c.advance(1);
    expect(() => c.create(podManifest('slow', { name: 'c', image: 'busybox:1.36' }))).toThrow(
      'object is being deleted: pods "slow" already exists',
    );
  });
});

describe('watch', () => {
  it('streams ADDED, MODIFIED and DELETED with growing resourceVersions', () => {
    const c = createCluster({ version: '1.30', seed: 1, nodes: [{ name: 'n1', images: ['nginx:1.25'] }] });
    const seen: string[] = [];
    const versions: number[] = [];
    const stop = c.watchPods((e) => {
      seen.push(e.type);
      versions.push(Number(e.pod.metadata.resourceVersion));
    });
    c.apply(nginx());
    c.advance(5);
    c.delete('pod', 'web');
    c.advance(5);
    stop();
    expect(seen[0]).toBe('ADDED');
    expect(seen.at(-1)).toBe('DELETED');
    expect(seen.filter((t) => t === 'MODIFIED').length).toBeGreaterThan(2);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });
});
