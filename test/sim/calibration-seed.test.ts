/**
 * Calibration on the seed's sessions (/work/shared/seed/pod-policies-notes.zh-CN.txt, a 1.26 cluster with
 * containerd and Calico). The expected text is copied from those sessions. Times are chosen inside the second
 * the session's ages allow (kubectl floors every age); the seed number is the one whose jitter draws give the
 * session's counts: the rules decide everything else (see the report for the count range over seeds).
 *
 * (1) nginx-5, imagePullPolicy Never, image absent on k8s-node3: ErrImageNeverPull every pod-worker back-off
 *     (10s, jitter 0.5, 1s ticker); after `crictl pull` the pod runs, and Created/Started are dropped by the
 *     kubelet's spam filter (12 + 12 + 1 = 25 tokens spent).
 * (2) restartPolicy Never + `nginx -s stop` in an exec'd bash: exit code 137, pod Completed, RESTARTS 0.
 * (3) restartPolicy Always + `nginx -s stop` twice: immediate first restart, 10s CrashLoopBackOff second.
 */
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/sim/index.ts';
import { creationTime, describeEvents, getPods } from './helpers.ts';
import { SEED_IMAGE, SEED_NODE, SEED_START, seedCluster } from './transcript-clusters.ts';

const NODE = SEED_NODE;
const IMAGE = SEED_IMAGE;
const K = SEED_START;

function applyNginx5(c: Cluster, restartPolicy: 'Never' | 'Always') {
  c.apply({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'nginx-5', namespace: 'default', labels: { app: 'nginx', linux: 'ubuntu' } },
    spec: {
      restartPolicy,
      containers: [{ name: 'nginx', imagePullPolicy: 'Never', ports: [{ containerPort: 80 }], image: IMAGE }],
    },
  });
}

describe('seed session (1): ErrImageNeverPull, then the image is pulled on the node', () => {
  const c = seedCluster('928', false);
  c.advanceTo(K + 0.7);
  applyNginx5(c, 'Never');
  const created = creationTime(c.getPod('nginx-5'));

  it('shows ErrImageNeverPull at 4s', () => {
    c.advanceTo(created + 4.5);
    expect(getPods(c)).toBe(
      'NAME      READY   STATUS              RESTARTS   AGE\nnginx-5   0/1     ErrImageNeverPull   0          4s\n',
    );
  });

  it('is bound to k8s-node3 with an IP from the node block at 59s', () => {
    c.advanceTo(created + 59.5);
    const line = getPods(c, true).split('\n')[1]!;
    expect(line).toMatch(
      /^nginx-5 +0\/1 +ErrImageNeverPull +0 +59s +192\.17\.65\.\d+ +k8s-node3\.guoguo\.com +<none> +<none>$/,
    );
  });

  it('counts ErrImageNeverPull x10 over 105s at describe time 105s', () => {
    c.advanceTo(created + 106.3);
    expect(describeEvents(c, 'nginx-5')).toBe(
      [
        'Events:',
        '  Type     Reason             Age                  From               Message',
        '  ----     ------             ----                 ----               -------',
        '  Normal   Scheduled          105s                 default-scheduler  Successfully assigned default/nginx-5 to k8s-node3.guoguo.com',
        '  Warning  ErrImageNeverPull  11s (x10 over 105s)  kubelet            Container image "images.guoguo.com/apps/ubuntu-nginx:1.24.0" is not present with pull policy of Never',
        '  Warning  Failed             11s (x10 over 105s)  kubelet            Error: ErrImageNeverPull',
        '',
      ].join('\n'),
    );
  });

  it('runs after `crictl pull` on the node, RESTARTS 0', () => {
    c.advanceTo(created + 124);
    const pulled = c.pullOnNode(NODE, IMAGE);
    expect(pulled.ok).toBe(true);
    c.advanceTo(created + 279.5);
    expect(getPods(c)).toBe(
      'NAME      READY   STATUS    RESTARTS   AGE\nnginx-5   1/1     Running   0          4m39s\n',
    );
  });

  it('stops the events at x12 and shows Pulled but no Created/Started (spam filter: 12 + 12 + 1 tokens)', () => {
    c.advanceTo(created + 461.8);
    expect(describeEvents(c, 'nginx-5')).toBe(
      [
        'Events:',
        '  Type     Reason             Age                     From               Message',
        '  ----     ------             ----                    ----               -------',
        '  Normal   Scheduled          7m41s                   default-scheduler  Successfully assigned default/nginx-5 to k8s-node3.guoguo.com',
        '  Warning  ErrImageNeverPull  5m40s (x12 over 7m40s)  kubelet            Container image "images.guoguo.com/apps/ubuntu-nginx:1.24.0" is not present with pull policy of Never',
        '  Warning  Failed             5m40s (x12 over 7m40s)  kubelet            Error: ErrImageNeverPull',
        '  Normal   Pulled             5m25s                   kubelet            Container image "images.guoguo.com/apps/ubuntu-nginx:1.24.0" already present on machine',
        '',
      ].join('\n'),
    );
    // The container did start: the kubelet recorded Created and Started, and the correlator dropped them.
    const recorded = c.kubelet(NODE).recorded;
    expect(recorded.filter((r) => r.outcome !== 'dropped').length).toBe(25);
    expect(recorded.filter((r) => r.outcome === 'dropped').map((r) => r.reason)).toEqual(['Created', 'Started']);
  });

  it('(2) nginx -s stop in an exec shell: exit code 137, Completed, RESTARTS 0 at 82m', () => {
    c.advanceTo(created + 82 * 60 - 5);
    const exec = c.execInContainer('nginx-5', undefined, ['/bin/bash'], { stdin: ['nginx -s stop'] });
    expect(exec.exitCode).toBe(137);
    expect(exec.error).toBe('command terminated with exit code 137');
    c.advanceTo(created + 82 * 60 + 10.5);
    expect(getPods(c)).toBe(
      'NAME      READY   STATUS      RESTARTS   AGE\nnginx-5   0/1     Completed   0          82m\n',
    );
    expect(c.getPod('nginx-5')?.status?.phase).toBe('Succeeded');
  });

  it('deletes the completed pod at once', () => {
    c.delete('pod', 'nginx-5');
    expect(c.getPod('nginx-5')).toBeUndefined();
  });
});

describe('seed session (3): restartPolicy Always, nginx -s stop twice', () => {
  const c = seedCluster('124', true);
  c.advanceTo(K + 0.3);
  applyNginx5(c, 'Always');
  const created = creationTime(c.getPod('nginx-5'));
  const stop = () => c.execInContainer('nginx-5', undefined, ['/bin/bash'], { stdin: ['nginx -s stop'] });

  it('restarts at once after the first exit: 1 (7s ago) at 80s', () => {
    c.advanceTo(created + 73.2);
    expect(stop().exitCode).toBe(137);
    c.advanceTo(created + 80.5);
    expect(getPods(c)).toBe(
      'NAME      READY   STATUS    RESTARTS     AGE\nnginx-5   1/1     Running   1 (7s ago)   80s\n',
    );
  });

  it('shows Completed while the second exit waits for the 10s back-off', () => {
    c.advanceTo(created + 112.2);
    expect(stop().error).toBe('command terminated with exit code 137');
    c.advanceTo(created + 116.5);
    expect(getPods(c)).toBe(
      'NAME      READY   STATUS      RESTARTS      AGE\nnginx-5   0/1     Completed   1 (43s ago)   116s\n',
    );
  });

  it('runs again: 2 (32s ago) at 2m24s', () => {
    c.advanceTo(created + 144.5);
    expect(getPods(c)).toBe(
      'NAME      READY   STATUS    RESTARTS      AGE\nnginx-5   1/1     Running   2 (32s ago)   2m24s\n',
    );
  });

  it('describes one BackOff and Pulled/Created/Started x3 with the 1.26 texts', () => {
    c.advanceTo(created + 171.5);
    const uid = c.getPod('nginx-5')?.metadata.uid;
    expect(describeEvents(c, 'nginx-5')).toBe(
      [
        'Events:',
        '  Type     Reason     Age                  From               Message',
        '  ----     ------     ----                 ----               -------',
        '  Normal   Scheduled  2m51s                default-scheduler  Successfully assigned default/nginx-5 to k8s-node3.guoguo.com',
        `  Warning  BackOff    58s                  kubelet            Back-off restarting failed container nginx in pod nginx-5_default(${uid})`,
        '  Normal   Pulled     44s (x3 over 2m51s)  kubelet            Container image "images.guoguo.com/apps/ubuntu-nginx:1.24.0" already present on machine',
        '  Normal   Created    44s (x3 over 2m51s)  kubelet            Created container nginx',
        '  Normal   Started    44s (x3 over 2m51s)  kubelet            Started container nginx',
        '',
      ].join('\n'),
    );
  });
});

describe('determinism', () => {
  function transcript(seed: string): string {
    const c = seedCluster(seed, false);
    c.advanceTo(K + 0.7);
    applyNginx5(c, 'Never');
    c.advanceTo(K + 200);
    return `${getPods(c, true)}${describeEvents(c, 'nginx-5')}${JSON.stringify(c.getPod('nginx-5'))}`;
  }

  it('gives the same text for the same seed', () => {
    expect(transcript('7')).toBe(transcript('7'));
  });

  it('gives other UIDs and timings for another seed', () => {
    expect(transcript('7')).not.toBe(transcript('8'));
  });
});
