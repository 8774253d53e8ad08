/**
 * The seed's sessions (/work/shared/seed/pod-policies-notes.zh-CN.txt, kubectl and cluster 1.26, containerd),
 * replayed through runCommand: the commands as typed, the outputs compared with the notes' text. Times and seeds
 * are those test/sim/calibration-seed.test.ts found (928 for the ErrImageNeverPull session, 124 for the
 * restartPolicy Always session). Two liberties, both from the notes themselves: their first `kubectl get pods`
 * tables carry a RESTARTS column widened by rows the author cut (the single row is compared as kubectl prints
 * it alone), and their `-o wide` row is cut after the NODE column (compared by pattern).
 */
import { describe, expect, it } from 'vitest';
import { createCluster, nginxServer } from '../../../src/sim/index.ts';
import { runCommand } from '../../../src/sim/shell/index.ts';
import type { CommandTarget } from '../../../src/sim/shell/types.ts';
import {
  KUBECTL_GET_OUTPUT_AS_PRINTED,
  RESTART_ALWAYS,
  RESTART_NEVER,
} from '../../manifest/parse/fixtures/seed-manifests.ts';
import { SEED_IMAGE, SEED_NODE, SEED_START, seedCluster } from '../transcript-clusters.ts';
import { shellContext } from './context.ts';

const NODE = SEED_NODE;
const IMAGE = SEED_IMAGE;
const K = SEED_START;
const CLIENT: CommandTarget = { kind: 'client' };
const ON_NODE: CommandTarget = { kind: 'node', node: NODE };
const IN_NGINX: CommandTarget = { kind: 'container', pod: 'nginx-5' };
const DEPRECATED =
  'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n';

function eventsOf(describeText: string): string {
  return describeText.slice(describeText.indexOf('Events:'));
}

describe('seed sessions (1) and (2): Never/Never, ErrImageNeverPull, crictl pull, nginx -s stop', () => {
  const c = seedCluster('928', false);
  const ctx = shellContext(c, { 'nginx-pod.yml': RESTART_NEVER });
  const run = (line: string, target: CommandTarget = CLIENT) => runCommand(ctx, target, line);
  c.advanceTo(K + 0.7);
  const applied = run('kubectl apply -f nginx-pod.yml');
  const created = c.getPod('nginx-5')?.metadata.creationTimestamp as number;

  it('creates the pod', () => {
    expect(applied).toEqual({ output: 'pod/nginx-5 created\n', exitCode: 0 });
  });

  it('kubectl get pods: ErrImageNeverPull at 4s', () => {
    c.advanceTo(created + 4.5);
    expect(run('kubectl get pods')).toEqual({
      output:
        'NAME      READY   STATUS              RESTARTS   AGE\nnginx-5   0/1     ErrImageNeverPull   0          4s\n',
      exitCode: 0,
    });
  });

  it('kubectl get pods -o wide: bound to k8s-node3 at 59s', () => {
    c.advanceTo(created + 59.5);
    const lines = run('kubectl get pods -o wide').output.split('\n');
    expect(lines[0]).toBe(
      'NAME      READY   STATUS              RESTARTS   AGE   IP              NODE                   NOMINATED NODE   READINESS GATES',
    );
    expect(lines[1]).toMatch(
      /^nginx-5 {3}0\/1 {5}ErrImageNeverPull {3}0 {10}59s {3}192\.17\.65\.\d+ +k8s-node3\.guoguo\.com {2}/,
    );
  });

  it('kubectl describe pods nginx-5: ErrImageNeverPull x10 over 105s', () => {
    c.advanceTo(created + 106.3);
    const r = run('kubectl describe pods nginx-5');
    expect(r.exitCode).toBe(0);
    expect(eventsOf(r.output)).toBe(
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

  it('crictl pull on k8s-node3 stores the image (the command waits for the pull)', () => {
    c.advanceTo(created + 124);
    const before = c.now();
    const r = run(`crictl pull ${IMAGE}`, ON_NODE);
    expect(r.output).toMatch(/^Image is up to date for sha256:[0-9a-f]{64}\n$/);
    expect(r.exitCode).toBe(0);
    expect(c.now()).toBeGreaterThan(before);
    expect(c.listImagesOnNode(NODE).map((i) => i.repoTags)).toEqual([[IMAGE]]);
  });

  it('kubectl get pods: Running at 4m39s', () => {
    c.advanceTo(created + 279.5);
    expect(run('kubectl get pods').output).toBe(
      'NAME      READY   STATUS    RESTARTS   AGE\nnginx-5   1/1     Running   0          4m39s\n',
    );
  });

  it('kubectl describe pods nginx-5: x12, then Pulled, no Created/Started', () => {
    c.advanceTo(created + 461.8);
    expect(eventsOf(run('kubectl describe pods nginx-5').output)).toBe(
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
  });

  it('kubectl exec -it nginx-5 /bin/bash: the deprecation line, then a session', () => {
    c.advanceTo(created + 82 * 60 - 5);
    expect(run('kubectl exec -it nginx-5 /bin/bash')).toEqual({
      output: DEPRECATED,
      exitCode: 0,
      openedSession: { pod: 'nginx-5', container: 'nginx', namespace: 'default' },
    });
  });

  it('nginx -s stop in the session: the prompt returns, then command terminated with exit code 137', () => {
    expect(run('nginx -s stop', IN_NGINX)).toEqual({
      output: '',
      exitCode: 0,
      sessionClosed: { message: 'command terminated with exit code 137\n', exitCode: 137 },
    });
  });

  it('kubectl get pods: Completed, RESTARTS 0, at 82m', () => {
    c.advanceTo(created + 82 * 60 + 10.5);
    expect(run('kubectl get pods').output).toBe(
      'NAME      READY   STATUS      RESTARTS   AGE\nnginx-5   0/1     Completed   0          82m\n',
    );
  });

  it('kubectl delete -f nginx-pod.yml: pod "nginx-5" deleted, at once for a completed pod', () => {
    const before = c.now();
    expect(run('kubectl delete -f nginx-pod.yml')).toEqual({ output: 'pod "nginx-5" deleted\n', exitCode: 0 });
    expect(c.now()).toBe(before);
    expect(c.getPod('nginx-5')).toBeUndefined();
  });
});

describe('seed session (3): restartPolicy Always, nginx -s stop twice', () => {
  const c = seedCluster('124', true);
  const ctx = shellContext(c, { 'nginx-pod.yml': RESTART_ALWAYS });
  const run = (line: string, target: CommandTarget = CLIENT) => runCommand(ctx, target, line);
  c.advanceTo(K + 0.3);
  const applied = run('kubectl apply -f nginx-pod.yml');
  const created = c.getPod('nginx-5')?.metadata.creationTimestamp as number;
  const stopNginx = () => {
    expect(run('kubectl exec -it nginx-5 /bin/bash').output).toBe(DEPRECATED);
    return run('nginx -s stop', IN_NGINX);
  };

  it('kubectl apply -f nginx-pod.yml: pod/nginx-5 created', () => {
    expect(applied).toEqual({ output: 'pod/nginx-5 created\n', exitCode: 0 });
  });

  it('restarts at once after a first stop (not shown in the notes): 1 (7s ago) at 80s', () => {
    c.advanceTo(created + 73.2);
    expect(stopNginx().sessionClosed?.exitCode).toBe(137);
    c.advanceTo(created + 80.5);
    expect(run('kubectl get pods').output).toBe(
      'NAME      READY   STATUS    RESTARTS     AGE\nnginx-5   1/1     Running   1 (7s ago)   80s\n',
    );
  });

  it('the second stop: Completed 1 (43s ago) at 116s, then Running 2 (32s ago) at 2m24s', () => {
    c.advanceTo(created + 112.2);
    expect(stopNginx().sessionClosed).toEqual({ message: 'command terminated with exit code 137\n', exitCode: 137 });
    c.advanceTo(created + 116.5);
    expect(run('kubectl get pods').output).toBe(
      'NAME      READY   STATUS      RESTARTS      AGE\nnginx-5   0/1     Completed   1 (43s ago)   116s\n',
    );
    c.advanceTo(created + 144.5);
    expect(run('kubectl get pods').output).toBe(
      'NAME      READY   STATUS    RESTARTS      AGE\nnginx-5   1/1     Running   2 (32s ago)   2m24s\n',
    );
  });

  it('kubectl describe pods nginx-5: one BackOff and x3 Pulled/Created/Started', () => {
    c.advanceTo(created + 171.5);
    const uid = c.getPod('nginx-5')?.metadata.uid;
    expect(eventsOf(run('kubectl describe pods nginx-5').output)).toBe(
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

  it('kubectl delete -f of the running pod waits for its graceful termination', () => {
    const before = c.now();
    expect(run('kubectl delete -f nginx-pod.yml')).toEqual({ output: 'pod "nginx-5" deleted\n', exitCode: 0 });
    expect(c.getPod('nginx-5')).toBeUndefined();
    const waited = c.now() - before;
    expect(waited).toBeGreaterThan(0);
    expect(waited).toBeLessThan(5); // nginx answers SIGTERM at once: far below the 30s grace period
  });
});

describe('seed: kubectl get pods nginx-5 -o yaml (the annotated listing at the top of the notes)', () => {
  // The manifest the notes' last-applied-configuration records, applied to a 1.26 cluster with k8s-node2.
  const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: nginx-5
  namespace: default
  labels:
    app: nginx
    linux: ubuntu
spec:
  nodeName: k8s-node2.guoguo.com
  containers:
  - name: nginx
    ports:
    - containerPort: 80
    image: images.guoguo.com/apps/ubuntu-nginx:1.22.1
`;
  const c = createCluster({
    version: '1.26',
    seed: '1',
    startTime: K,
    nodes: [{ name: 'k8s-node2.guoguo.com', internalIP: '172.17.8.12', podCIDR: '192.28.252.192/26' }],
    registries: [
      {
        host: 'images.guoguo.com',
        flavour: 'distribution',
        repositories: { 'apps/ubuntu-nginx': { '1.22.1': { sizeBytes: 60_000_000, behaviour: nginxServer() } } },
      },
    ],
  });
  const ctx = shellContext(c, { 'nginx-pod.yaml': MANIFEST });
  c.advanceTo(K + 0.5);
  runCommand(ctx, CLIENT, 'kubectl apply -f nginx-pod.yaml');
  c.advance(30);
  const output = runCommand(ctx, CLIENT, 'kubectl get pods nginx-5 -o yaml').output;

  // Values only a real cluster knows (identities, times, addresses) and the Calico annotations (CNI-specific).
  const neutral = (text: string) =>
    text
      .replace(/uid: [0-9a-f-]{36}/g, 'uid: UID')
      .replace(/resourceVersion: "\d+"/g, 'resourceVersion: "RV"')
      .replace(/"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/g, '"TIME"')
      .replace(/kube-api-access-[a-z0-9]{5}/g, 'kube-api-access-XXXXX')
      .replace(/containerd:\/\/[0-9a-f]{64}/g, 'containerd://ID')
      .replace(/@sha256:[0-9a-f]{64}/g, '@sha256:DIGEST')
      .replace(/192\.\d+\.\d+\.\d+/g, 'POD_IP');
  const expected = KUBECTL_GET_OUTPUT_AS_PRINTED.split('\n')
    .filter((l) => !l.includes('cni.projectcalico.org'))
    .join('\n');

  it('prints the last-applied-configuration kubectl apply wrote, byte for byte', () => {
    expect(output).toContain(
      '    kubectl.kubernetes.io/last-applied-configuration: |\n      {"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"nginx","linux":"ubuntu"},"name":"nginx-5","namespace":"default"},"spec":{"containers":[{"image":"images.guoguo.com/apps/ubuntu-nginx:1.22.1","name":"nginx","ports":[{"containerPort":80}]}],"nodeName":"k8s-node2.guoguo.com"}}\n',
    );
  });

  it('prints the whole object as the notes show it (volatile values aside)', () => {
    expect(neutral(output)).toBe(neutral(expected));
  });
});
