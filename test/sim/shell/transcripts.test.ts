/**
 * Commands of the real sessions in /work/shared/transcripts, typed into runCommand. Expected text is copied from
 * the transcripts (file names in the describe titles); where a transcript shows what the virtual cluster does not
 * model (pipes, --watch, logs, edit, wait, run, workloads) the test checks that the front end says so instead of
 * passing silently. Cluster set-ups and seeds follow test/sim/transcripts.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/sim/index.ts';
import { runCommand } from '../../../src/sim/shell/index.ts';
import type { CommandTarget } from '../../../src/sim/shell/types.ts';
import { T07_START, T18_START, transcript07Cluster, transcript18Cluster } from '../transcript-clusters.ts';
import { shellContext } from './context.ts';

const CLIENT: CommandTarget = { kind: 'client' };
/** Pasted transcripts lose trailing blanks; kubectl's describe writes some (`Container ID:   `). */
const trimLines = (text: string) => text.replace(/ +$/gm, '');

describe('07-errimagepull-imagepullbackoff-describe-then-edit-fix.json (kind v1.30, kubectl v1.30.2)', () => {
  const K = T07_START;
  const c = transcript07Cluster();
  const task3 =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app: test\n  name: redis\nspec:\n  containers:\n  - image: rediss\n    name: redis\n';
  const ctx = shellContext(c, { 'task3.yaml': task3, 'task3-fixed.yaml': task3.replace('rediss', 'redis') }, 30);
  const run = (line: string) => runCommand(ctx, CLIENT, line);
  c.advanceTo(K + 0.4);

  it('kubectl apply -f task3.yaml', () => {
    expect(run('kubectl apply -f task3.yaml')).toEqual({ output: 'pod/redis created\n', exitCode: 0 });
  });

  it('kubectl get pods: redis ErrImagePull at 12s (the other pods of that cluster left aside)', () => {
    c.advanceTo(K + 12.9);
    expect(run('kubectl get pods').output).toBe(
      'NAME    READY   STATUS         RESTARTS   AGE\nredis   0/1     ErrImagePull   0          12s\n',
    );
  });

  it('kubectl describe pod redis at 94s: the whole text (pod IP and token volume name differ by cluster)', () => {
    c.advanceTo(K + 94.9);
    const r = run('kubectl describe pod redis');
    expect(r.exitCode).toBe(0);
    const neutral = (t: string) =>
      trimLines(t)
        .replace(/10\.244\.2\.\d+/g, '10.244.2.X')
        .replace(/kube-api-access-[a-z0-9]{5}/g, 'kube-api-access-XXXXX');
    expect(neutral(r.output)).toBe(
      neutral(`Name:             redis
Namespace:        default
Priority:         0
Service Account:  default
Node:             lucky-luke-worker2/172.19.0.2
Start Time:       Thu, 27 Jun 2024 18:17:24 +0000
Labels:           app=test
Annotations:      <none>
Status:           Pending
IP:               10.244.2.3
IPs:
  IP:  10.244.2.3
Containers:
  redis:
    Container ID:
    Image:          rediss
    Image ID:
    Port:           <none>
    Host Port:      <none>
    State:          Waiting
      Reason:       ImagePullBackOff
    Ready:          False
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-qks6m (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True
  Initialized                 True
  Ready                       False
  ContainersReady             False
  PodScheduled                True
Volumes:
  kube-api-access-qks6m:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age                From               Message
  ----     ------     ----               ----               -------
  Normal   Scheduled  94s                default-scheduler  Successfully assigned default/redis to lucky-luke-worker2
  Normal   BackOff    17s (x5 over 92s)  kubelet            Back-off pulling image "rediss"
  Warning  Failed     17s (x5 over 92s)  kubelet            Error: ImagePullBackOff
  Normal   Pulling    3s (x4 over 93s)   kubelet            Pulling image "rediss"
  Warning  Failed     2s (x4 over 92s)   kubelet            Failed to pull image "rediss": failed to pull and unpack image "docker.io/library/rediss:latest": failed to resolve reference "docker.io/library/rediss:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed
  Warning  Failed     2s (x4 over 92s)   kubelet            Error: ErrImagePull
`),
    );
  });

  it('kubectl edit pod redis is not modelled; the same fix applied from a file configures the pod', () => {
    c.advanceTo(K + 124.6);
    expect(run('kubectl edit pod redis')).toEqual({
      output: 'podbook: `kubectl edit` is not modelled by the virtual cluster\n',
      exitCode: 127,
    });
    expect(run('kubectl apply -f task3-fixed.yaml')).toEqual({ output: 'pod/redis configured\n', exitCode: 0 });
    c.advanceTo(K + 130.9);
    expect(run('kubectl get pods').output).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\nredis   1/1     Running   0          2m10s\n',
    );
  });
});

describe('18-kind-errimageneverpull-then-kind-load-recovers.json (kind v1.24)', () => {
  const K = T18_START;
  const c = transcript18Cluster();
  const manifest = `apiVersion: v1
kind: Pod
metadata:
  labels:
    run: nginx
  name: nginx
spec:
  containers:
    - image: nginx:1.23.1
      imagePullPolicy: Never
      name: nginx
  dnsPolicy: ClusterFirst
  restartPolicy: Always
`;
  const ctx = shellContext(c, { 'nginx.yaml': manifest });
  const run = (line: string) => runCommand(ctx, CLIENT, line);
  c.advanceTo(K + 0.2);

  it('`cat <<EOF | kubectl apply -f -` is not modelled; from a file the pod is created', () => {
    expect(run('cat <<EOF | kubectl apply -f -')).toEqual({
      output: 'podbook: a line with here-documents (<<) is not modelled by the virtual cluster\n',
      exitCode: 127,
    });
    expect(run('kubectl apply -f nginx.yaml')).toEqual({ output: 'pod/nginx created\n', exitCode: 0 });
  });

  it('kubectl get pods: ErrImageNeverPull at 8s; with -w it is not modelled', () => {
    const created = c.getPod('nginx')!.metadata.creationTimestamp!;
    c.advanceTo(created + 8.5);
    expect(run('kubectl  get pods').output).toBe(
      'NAME    READY   STATUS              RESTARTS   AGE\nnginx   0/1     ErrImageNeverPull   0          8s\n',
    );
    expect(run('kubectl  get pods -w')).toEqual({
      output: 'podbook: `kubectl get --watch` is not modelled by the virtual cluster\n',
      exitCode: 127,
    });
  });

  it('kubectl describe pod nginx at 21s: the events the transcript greps', () => {
    const created = c.getPod('nginx')!.metadata.creationTimestamp!;
    c.advanceTo(created + 21.5);
    expect(run('kubectl describe pod nginx| grep -A10 -i events:').exitCode).toBe(127);
    const out = run('kubectl describe pod nginx').output;
    expect(out.slice(out.indexOf('Events:'))).toBe(
      [
        'Events:',
        '  Type     Reason             Age               From               Message',
        '  ----     ------             ----              ----               -------',
        '  Normal   Scheduled          21s               default-scheduler  Successfully assigned default/nginx to alice-control-plane',
        '  Warning  ErrImageNeverPull  8s (x3 over 20s)  kubelet            Container image "nginx:1.23.1" is not present with pull policy of Never',
        '  Warning  Failed             8s (x3 over 20s)  kubelet            Error: ErrImageNeverPull',
        '',
      ].join('\n'),
    );
  });
});

describe('21-badimage-events-x20-imagepullbackoff-then-fix.json (kind, v1.34+)', () => {
  const K = 1760000000;
  const c = createCluster({
    version: '1.35',
    seed: '1',
    startTime: K,
    nodes: [
      { name: 'lab-worker', images: ['nginx:1.27-alpine'] },
      { name: 'lab-worker2', images: ['nginx:1.27-alpine'] },
    ],
  });
  const bad =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad-image-pod\nspec:\n  containers:\n  - name: web\n    image: nginx:9.99-doesnotexist\n';
  const ctx = shellContext(c, {
    'labs/lab05-lifecycle/bad-image-pod.yaml': bad,
    '/tmp/bad-image-fixed.yaml': bad.replace(
      'nginx:9.99-doesnotexist',
      'nginx:1.27-alpine   # tag ผิด! แก้เป็น nginx:1.27-alpine แล้วลบ/apply ใหม่',
    ),
  });
  const run = (line: string) => runCommand(ctx, CLIENT, line);
  c.advanceTo(K + 0.5);
  run('kubectl apply -f labs/lab05-lifecycle/bad-image-pod.yaml');
  c.advanceTo(K + 435);

  it('the one-line chain (&&) is not modelled as such', () => {
    expect(
      run(
        'kubectl delete pod bad-image-pod && kubectl apply -f /tmp/bad-image-fixed.yaml && kubectl wait --for=condition=Ready pod/bad-image-pod --timeout=60s && kubectl get pod bad-image-pod',
      ).output,
    ).toBe('podbook: a line with command lists (&&) is not modelled by the virtual cluster\n');
    expect(c.getPod('bad-image-pod')).toBeDefined();
  });

  it('its commands one by one: deleted from default namespace, created; kubectl wait is not modelled', () => {
    expect(run('kubectl delete pod bad-image-pod')).toEqual({
      output: 'pod "bad-image-pod" deleted from default namespace\n',
      exitCode: 0,
    });
    expect(run('kubectl apply -f /tmp/bad-image-fixed.yaml')).toEqual({
      output: 'pod/bad-image-pod created\n',
      exitCode: 0,
    });
    expect(run('kubectl wait --for=condition=Ready pod/bad-image-pod --timeout=60s').exitCode).toBe(127);
    c.advance(3);
    expect(run('kubectl get pod bad-image-pod').output).toMatch(
      /^NAME {12}READY {3}STATUS {4}RESTARTS {3}AGE\nbad-image-pod {3}1\/1 {5}Running {3}0 {10}\ds\n$/,
    );
  });
});

describe('20-restartpolicy-never-always-onfailure-badimage-snapshots.json (kind, v1.34+)', () => {
  it('applies the four pods of one file in file order', () => {
    const c = createCluster({ version: '1.35', seed: '1', nodes: [{ name: 'lab-worker', images: ['busybox:1.36'] }] });
    const pod = (name: string, policy: string, image: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  restartPolicy: ${policy}\n  containers:\n  - name: app\n    image: ${image}\n`;
    const file = [
      pod('completed-pod', 'Never', 'busybox:1.36'),
      pod('crash-pod', 'Always', 'busybox:1.36'),
      pod('onfailure-pod', 'OnFailure', 'busybox:1.36'),
      pod('bad-image-pod', 'Always', 'nginx:9.99-doesnotexist'),
    ].join('---\n');
    const r = runCommand(shellContext(c, { 'pods.yaml': file }), CLIENT, 'kubectl apply -f pods.yaml');
    expect(r).toEqual({
      output:
        'pod/completed-pod created\npod/crash-pod created\npod/onfailure-pod created\npod/bad-image-pod created\n',
      exitCode: 0,
    });
  });
});

describe('09-init-container-waiting-for-service-init0of1-to-running.json (kind v1.30)', () => {
  const c = createCluster({
    version: '1.30',
    seed: 1,
    nodes: [{ name: 'lucky-luke-worker', images: ['busybox:1.28'] }],
  });
  const manifest = `---
apiVersion: v1

kind: Pod

metadata:
  name: myapp
  labels:
    name: myapp-pod

spec:
  containers:
    - name: myapp-container
      image: busybox:1.28
      command: ['sh', '-c', 'echo the app is running && sleep 3600']
      env:
        - name: FIRSTNAME
          value: "SINA"
  initContainers:
    - name: init-myservice
      image: busybox:1.28
      command: ['sh', '-c']
      args: ['until nslookup myservice.default.svc.cluster.local; do echo Wainting for service to be up; sleep 2; done']

`;
  const ctx = shellContext(c, { 'pod-sidecar.yaml': manifest }, 30);
  const run = (line: string) => runCommand(ctx, CLIENT, line);

  it('kubectl apply -f pod-sidecar.yaml, then kubectl get pod: Init:0/1 at 4s', () => {
    expect(run('kubectl apply -f pod-sidecar.yaml')).toEqual({ output: 'pod/myapp created\n', exitCode: 0 });
    c.advance(4.5);
    expect(run('kubectl get pod').output).toBe(
      'NAME    READY   STATUS     RESTARTS   AGE\nmyapp   0/1     Init:0/1   0          4s\n',
    );
  });

  it('kubectl logs is not modelled', () => {
    expect(run('kubectl logs pod/myapp')).toEqual({
      output: 'podbook: `kubectl logs` is not modelled by the virtual cluster\n',
      exitCode: 127,
    });
  });
});

describe('commands of other transcripts that the virtual cluster does not model', () => {
  const c = createCluster({ version: '1.30', seed: 1 });
  const ctx = shellContext(c, {
    'tls-app.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: tls-app\nspec:\n  selector:\n    matchLabels:\n      app: tls\n  template:\n    metadata:\n      labels:\n        app: tls\n    spec:\n      containers:\n      - name: tls-app\n        image: nginx\n',
  });
  const cases: [string, string][] = [
    // 11-liveness-exec-always-pull-repeated-pulls.json, 29-exit0-after-30s-completed-crashloop-watch.json
    ['kubectl get pod --watch', 'podbook: `kubectl get --watch` is not modelled by the virtual cluster\n'],
    ['kubectl get pod sleep-lab --watch', 'podbook: `kubectl get --watch` is not modelled by the virtual cluster\n'],
    // 05-startup-probe-threshold-2-kill-loop.json
    ['kubectl get po -w -o wide', 'podbook: `kubectl get --watch` is not modelled by the virtual cluster\n'],
    // 27-restart-never-bad-tag-events-two-snapshots.json
    [
      'kubectl run --restart Never --image redis:0.2 redispod',
      'podbook: `kubectl run` is not modelled by the virtual cluster\n',
    ],
    ['kubectl get events | grep redispod', 'podbook: a line with pipes (|) is not modelled by the virtual cluster\n'],
    // 13-init-error-to-init-crashloopbackoff.json
    [
      'kubectl create -f tls-app.yaml',
      'podbook: a Deployment object (the virtual cluster serves Pods only) is not modelled by the virtual cluster\n',
    ],
    // 20-...: jsonpath output
    [
      'kubectl get pod crash-pod -o jsonpath="{.status.phase}"',
      'podbook: `kubectl get -o jsonpath={.status.phase}` is not modelled by the virtual cluster\n',
    ],
  ];
  for (const [line, output] of cases) {
    it(line, () => expect(runCommand(ctx, CLIENT, line)).toEqual({ output, exitCode: 127 }));
  }
});
