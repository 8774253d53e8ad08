/**
 * Replays of real sessions (/work/shared/transcripts; the README says what each shows). Expected text is copied
 * from the transcripts (reference data, cited by file name). Where counts depend on the pod worker's jitter,
 * the seed that reproduces the session is named; where the session is outside what the model covers, only the
 * shape is checked and the report says why.
 */
import { describe, expect, it } from 'vitest';
import { printPod } from '../../src/k8s/kubectl/print-pod.ts';
import { type Cluster, createCluster, exitsAfter } from '../../src/sim/index.ts';
import { creationTime, describeEvents, getPods, podManifest, row } from './helpers.ts';
import { T07_START, T18_START, transcript07Cluster, transcript18Cluster } from './transcript-clusters.ts';

describe('07: rediss (no tag => Always) on kind v1.30: ErrImagePull, back-off, edit to fix', () => {
  const K = T07_START;
  const c = transcript07Cluster();
  c.advanceTo(K + 0.4);
  c.apply({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'redis', labels: { app: 'test' } },
    spec: { containers: [{ image: 'rediss', name: 'redis' }] },
  });
  const created = creationTime(c.getPod('redis'));

  it('shows ErrImagePull at 12s', () => {
    c.advanceTo(created + 12.5);
    expect(row(c, 'redis')).toEqual(['redis', '0/1', 'ErrImagePull', '0', '12s']);
  });

  it('describes four pulls and five back-off syncs at 94s, word for word', () => {
    c.advanceTo(created + 94.5);
    expect(describeEvents(c, 'redis')).toBe(
      [
        'Events:',
        '  Type     Reason     Age                From               Message',
        '  ----     ------     ----               ----               -------',
        '  Normal   Scheduled  94s                default-scheduler  Successfully assigned default/redis to lucky-luke-worker2',
        '  Normal   BackOff    17s (x5 over 92s)  kubelet            Back-off pulling image "rediss"',
        '  Warning  Failed     17s (x5 over 92s)  kubelet            Error: ImagePullBackOff',
        '  Normal   Pulling    3s (x4 over 93s)   kubelet            Pulling image "rediss"',
        '  Warning  Failed     2s (x4 over 92s)   kubelet            Failed to pull image "rediss": failed to pull and unpack image "docker.io/library/rediss:latest": failed to resolve reference "docker.io/library/rediss:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
        '  Warning  Failed     2s (x4 over 92s)   kubelet            Error: ErrImagePull',
        '',
      ].join('\n'),
    );
  });

  it('runs the fixed image a few seconds after the edit, RESTARTS 0', () => {
    c.advanceTo(created + 124.6);
    expect(
      c.apply({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'redis', labels: { app: 'test' } },
        spec: { containers: [{ image: 'redis', name: 'redis' }] },
      }).action,
    ).toBe('configured');
    c.advanceTo(created + 125.5);
    expect(row(c, 'redis')).toEqual(['redis', '0/1', 'ImagePullBackOff', '0', '2m5s']);
    c.advanceTo(created + 130.5);
    expect(row(c, 'redis')).toEqual(['redis', '1/1', 'Running', '0', '2m10s']);
  });
});

describe('18: nginx:1.23.1 with imagePullPolicy Never on kind v1.24, then `kind load`', () => {
  const K = T18_START;
  const c = transcript18Cluster();
  c.advanceTo(K + 0.2);
  c.apply({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels: { run: 'nginx' }, name: 'nginx' },
    spec: {
      containers: [{ image: 'nginx:1.23.1', imagePullPolicy: 'Never', name: 'nginx' }],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
    },
  });
  const created = creationTime(c.getPod('nginx'));

  it('shows ErrImageNeverPull at 8s and three of each event at 21s', () => {
    c.advanceTo(created + 8.5);
    expect(row(c, 'nginx')).toEqual(['nginx', '0/1', 'ErrImageNeverPull', '0', '8s']);
    c.advanceTo(created + 21.5);
    expect(describeEvents(c, 'nginx')).toBe(
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

  it('runs the same pod, RESTARTS 0, once the image is loaded into the node', () => {
    c.advanceTo(created + 60);
    c.loadImageOnNode('alice-control-plane', 'nginx:1.23.1');
    c.advanceTo(created + 18 * 60 + 0.5);
    expect(row(c, 'nginx')).toEqual(['nginx', '1/1', 'Running', '0', '18m']);
  });
});

describe('19: registry/demoapi:latest without imagePullPolicy on Docker Desktop (dockershim era)', () => {
  function deploy(policy?: string): Cluster {
    const c = createCluster({ version: '1.23', seed: 2, nodes: [{ name: 'docker-desktop', runtime: 'docker' }] });
    c.loadImageOnNode('docker-desktop', 'registry/demoapi:latest', { sizeBytes: 210_000_000 });
    c.apply(
      podManifest('demoapi-test', {
        name: 'demoapi-test-container',
        image: 'registry/demoapi:latest',
        ...(policy ? { imagePullPolicy: policy } : {}),
        ports: [{ containerPort: 80 }],
      }),
    );
    return c;
  }

  it('defaults to Always and fails to pull although the image is on the node', () => {
    const c = deploy();
    expect(c.getPod('demoapi-test')?.spec.containers[0]?.imagePullPolicy).toBe('Always');
    c.advance(14.5);
    expect(row(c, 'demoapi-test')).toEqual(['demoapi-test', '0/1', 'ErrImagePull', '0', '14s']);
  });

  it('runs at once with imagePullPolicy IfNotPresent', () => {
    const c = deploy('IfNotPresent');
    c.advance(2.5);
    expect(row(c, 'demoapi-test')).toEqual(['demoapi-test', '1/1', 'Running', '0', '2s']);
  });
});

describe('20: four pods on kind v1.35 (Never exit 0, Always crash, OnFailure once, bad tag)', () => {
  const K = 1759658600;
  const c = createCluster({
    version: '1.35',
    seed: '1',
    startTime: K,
    nodes: [
      { name: 'lab-worker', images: ['busybox:1.36'] },
      { name: 'lab-worker2', images: ['busybox:1.36'] },
    ],
    // onfailure-pod's script keeps a marker in an emptyDir (`if [ -f /work/tried ]`): fails once, then succeeds.
    behaviours: (pod) =>
      pod.metadata.name === 'onfailure-pod'
        ? {
            main: [
              { kind: 'exits', afterSeconds: 0, exitCode: 1 },
              { kind: 'exits', afterSeconds: 0, exitCode: 0 },
            ],
            onSigterm: 'ignore',
            exec: [],
            source: 'marker file',
          }
        : undefined,
  });
  c.advanceTo(K + 0.5);
  c.apply(
    podManifest(
      'completed-pod',
      { name: 'job', image: 'busybox:1.36', command: ['sh', '-c', "echo 'done'; exit 0"] },
      { restartPolicy: 'Never' },
    ),
  );
  c.apply(
    podManifest(
      'crash-pod',
      {
        name: 'app',
        image: 'busybox:1.36',
        command: ['sh', '-c', "echo 'opening'; sleep 3; echo 'ERROR: no menu' >&2; exit 1"],
      },
      { restartPolicy: 'Always' },
    ),
  );
  c.apply(
    podManifest(
      'onfailure-pod',
      {
        name: 'app',
        image: 'busybox:1.36',
        command: ['sh', '-c', 'if [ -f /work/tried ]; then exit 0; else touch /work/tried; exit 1; fi'],
      },
      { restartPolicy: 'OnFailure' },
    ),
  );
  c.apply(podManifest('bad-image-pod', { name: 'web', image: 'nginx:9.99-doesnotexist' }));
  const created = creationTime(c.getPod('crash-pod'));

  it('at ~11s: Completed 0, crash-pod Error 1 (7s ago), onfailure Completed 1, bad image ErrImagePull', () => {
    c.advanceTo(created + 11.6);
    expect(row(c, 'crash-pod')).toEqual(['crash-pod', '0/1', 'Error', '1 (7s ago)', '11s']);
    expect(row(c, 'completed-pod')).toEqual(['completed-pod', '0/1', 'Completed', '0', '11s']);
    expect(row(c, 'onfailure-pod').slice(0, 3)).toEqual(['onfailure-pod', '0/1', 'Completed']);
    expect(row(c, 'onfailure-pod')[3]).toMatch(/^1 \(\d+s ago\)$/);
    expect(row(c, 'bad-image-pod')).toEqual(['bad-image-pod', '0/1', 'ErrImagePull', '0', '11s']);
  });

  it('at ~3m21s crash-pod has restarted five times; its events use the 1.35 texts with the field path', () => {
    c.advanceTo(created + 201.6);
    const text = describeEvents(c, 'crash-pod');
    const uid = c.getPod('crash-pod')?.metadata.uid;
    expect(text).toMatch(
      /Normal +Pulled +\d+s \(x6 over 3m20s\) +kubelet +spec\.containers\{app\}: Container image "busybox:1\.36" already present on machine and can be accessed by the pod/,
    );
    expect(text).toMatch(
      /Normal +Created +\d+s \(x6 over 3m20s\) +kubelet +spec\.containers\{app\}: Container created/,
    );
    expect(text).toMatch(
      /Normal +Started +\d+s \(x6 over 3m20s\) +kubelet +spec\.containers\{app\}: Container started/,
    );
    expect(text).toContain(
      `spec.containers{app}: Back-off restarting failed container app in pod crash-pod_default(${uid})`,
    );
    expect(text).toMatch(/Warning +BackOff +\d+s \(x5 over 3m1\ds\)/);
  });

  it('at ~7m14s: the crash loop has reached 6 restarts, the bad image waits in ImagePullBackOff', () => {
    c.advanceTo(created + 434.6);
    expect(row(c, 'crash-pod').slice(0, 2)).toEqual(['crash-pod', '0/1']);
    expect(['Error', 'CrashLoopBackOff']).toContain(row(c, 'crash-pod')[2]);
    expect(row(c, 'crash-pod')[3]).toMatch(/^6 \(/);
    expect(row(c, 'bad-image-pod')).toEqual(['bad-image-pod', '0/1', 'ImagePullBackOff', '0', '7m14s']);
    expect(row(c, 'completed-pod')).toEqual(['completed-pod', '0/1', 'Completed', '0', '7m14s']);
    expect(c.getPod('onfailure-pod')?.status?.phase).toBe('Succeeded');
  });
});

describe('21: nginx:9.99-doesnotexist on kind v1.35: the pull error text and the event families', () => {
  const K = 1760000000;
  const c = createCluster({
    version: '1.35',
    seed: '1',
    startTime: K,
    nodes: [{ name: 'lab-worker' }, { name: 'lab-worker2' }],
  });
  c.advanceTo(K + 0.5);
  c.apply(podManifest('bad-image-pod', { name: 'web', image: 'nginx:9.99-doesnotexist' }));
  c.advanceTo(K + 435);
  const lines = describeEvents(c, 'bad-image-pod').split('\n');
  const messages = lines.slice(3).map((l) => l.replace(/^ +\S+ +\S+ +\S+(?: \(x\d+ over \S+\))? +\S+ +/, ''));

  it('records the containerd NotFound error and the back-off events with the field path', () => {
    expect(messages).toContain(
      'spec.containers{web}: Failed to pull image "nginx:9.99-doesnotexist": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:9.99-doesnotexist": failed to resolve reference "docker.io/library/nginx:9.99-doesnotexist": docker.io/library/nginx:9.99-doesnotexist: not found',
    );
    expect(messages).toContain('spec.containers{web}: Pulling image "nginx:9.99-doesnotexist"');
    expect(messages).toContain('spec.containers{web}: Error: ErrImagePull');
    expect(messages).toContain('spec.containers{web}: Error: ImagePullBackOff');
    expect(messages).toContain('spec.containers{web}: Back-off pulling image "nginx:9.99-doesnotexist"');
  });

  it('drops events once the pod has used its 25 tokens (the counts then jump on the next accepted write)', () => {
    const dropped = c
      .kubelet(c.getPod('bad-image-pod')!.spec.nodeName!)
      .recorded.filter((r) => r.outcome === 'dropped');
    expect(dropped.length).toBeGreaterThan(20);
  });
});

describe('27: kubectl run --restart Never --image redis:0.2 (dockershim): pulls retried despite Never', () => {
  it('records the daemon error and keeps backing off', () => {
    const c = createCluster({ version: '1.23', seed: 4, nodes: [{ name: 'ubuntu', runtime: 'docker' }] });
    c.apply(podManifest('redispod', { name: 'redispod', image: 'redis:0.2' }, { restartPolicy: 'Never' }));
    c.advance(60);
    const reasons = c.eventsFor('redispod').map((e) => `${e.reason}: ${e.message}`);
    expect(reasons).toContain('Pulling: Pulling image "redis:0.2"');
    expect(reasons).toContain(
      'Failed: Failed to pull image "redis:0.2": rpc error: code = Unknown desc = Error response from daemon: manifest for redis:0.2 not found: manifest unknown: manifest unknown',
    );
    expect(reasons).toContain('Failed: Error: ErrImagePull');
    expect(reasons).toContain('BackOff: Back-off pulling image "redis:0.2"');
    expect(reasons).toContain('Failed: Error: ImagePullBackOff');
    expect(c.eventsFor('redispod').find((e) => e.reason === 'Pulling')?.count).toBeGreaterThanOrEqual(3);
  });
});

describe('29: sleeps 30s and exits 0 under restartPolicy Always (kubectl get --watch)', () => {
  it('goes Running, Completed, Running, Completed, CrashLoopBackOff, Running... within seconds of the session', () => {
    const c = createCluster({
      version: '1.23',
      seed: 1,
      nodes: [{ name: 'docker-desktop' }],
      registries: [
        {
          host: 'docker.io',
          repositories: { 'courselabs/bad-sleep': { latest: { sizeBytes: 5_600_000, behaviour: exitsAfter(30, 0) } } },
        },
      ],
    });
    const rows: { status: string; restarts: string; age: number }[] = [];
    let created = 0;
    c.watchPods((e) => {
      if (e.type === 'DELETED') return;
      const cells = printPod(e.pod, { now: e.time, minor: 23 }).cells;
      const restarts = cells[3]!.split(' ')[0]!;
      const last = rows.at(-1);
      if (last && last.status === cells[2] && last.restarts === restarts) return;
      rows.push({ status: cells[2]!, restarts, age: e.time - created });
    });
    c.apply(podManifest('sleep-lab', { name: 'app', image: 'courselabs/bad-sleep' }));
    created = creationTime(c.getPod('sleep-lab'));
    c.advance(140);
    // transcript: Running 0 3s, Completed 0 33s, Running 1 35s, Completed 1 64s, CrashLoopBackOff 1 79s,
    // Running 2 80s, Completed 2 110s, CrashLoopBackOff 2 2m4s, Running 3 2m17s
    const expected: [string, string, number][] = [
      ['Running', '0', 3],
      ['Completed', '0', 33],
      ['Running', '1', 35],
      ['Completed', '1', 64],
      ['CrashLoopBackOff', '1', 79],
      ['Running', '2', 80],
      ['Completed', '2', 110],
      ['CrashLoopBackOff', '2', 124],
      ['Running', '3', 137],
    ];
    const seen = rows.filter((r) => r.status !== 'Pending' && r.status !== 'ContainerCreating');
    expect(seen.map((r) => [r.status, r.restarts])).toEqual(expected.map(([s, n]) => [s, n]));
    for (const [i, r] of seen.entries()) expect(Math.abs(r.age - expected[i]![2])).toBeLessThan(6);
  });
});

describe('03: stress over a 100Mi limit (v1.33+): OOMKilled, then CrashLoopBackOff', () => {
  it('shows OOMKilled with one restart early and CrashLoopBackOff with five at 4m14s', () => {
    const K = 1791650000;
    const c = createCluster({
      version: '1.34',
      seed: '1',
      startTime: K,
      nodes: [{ name: 'devops-cluster-control-plane' }],
    });
    c.advanceTo(K + 0.5);
    c.apply(
      podManifest('pod-lim', {
        name: 'polinux',
        image: 'polinux/stress',
        command: ['stress', '--vm', '1', '--vm-bytes', '200M', '--vm-hang', '1'],
        resources: { limits: { memory: '100Mi', cpu: '250m' } },
      }),
    );
    const created = creationTime(c.getPod('pod-lim'));
    c.advanceTo(created + 14.5);
    expect(row(c, 'pod-lim').slice(0, 3)).toEqual(['pod-lim', '0/1', 'OOMKilled']);
    expect(row(c, 'pod-lim')[3]).toMatch(/^1 \(\d+s ago\)$/);
    c.advanceTo(created + 254.5);
    expect(row(c, 'pod-lim').slice(0, 3)).toEqual(['pod-lim', '0/1', 'CrashLoopBackOff']);
    expect(row(c, 'pod-lim')[3]).toMatch(/^5 \(\d+s ago\)$/);
    const s = c.getPod('pod-lim')?.status?.containerStatuses?.[0];
    expect(s?.lastState?.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    expect(s?.state?.waiting?.message).toMatch(
      /^back-off 2m40s restarting failed container=polinux pod=pod-lim_default\(/,
    );
  });
});

describe('09: an init container waiting for a Service (v1.30)', () => {
  it('stays Init:0/1, then runs once the init container succeeds', () => {
    const c = createCluster({
      version: '1.30',
      seed: 1,
      nodes: [{ name: 'lucky-luke-worker', images: ['busybox:1.28'] }],
      // `until nslookup myservice...; do sleep 2; done` ends when the Service exists (created at ~2m27s).
      behaviours: (_pod, ctr) =>
        ctr.name === 'init-myservice' ? exitsAfter(150, 0, 'nslookup succeeds once the Service exists') : undefined,
    });
    c.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'myapp', labels: { name: 'myapp-pod' } },
      spec: {
        containers: [
          {
            name: 'myapp-container',
            image: 'busybox:1.28',
            command: ['sh', '-c', 'echo the app is running && sleep 3600'],
          },
        ],
        initContainers: [
          {
            name: 'init-myservice',
            image: 'busybox:1.28',
            command: ['sh', '-c'],
            args: ['until nslookup myservice.default.svc.cluster.local; do echo waiting; sleep 2; done'],
          },
        ],
      },
    });
    const created = creationTime(c.getPod('myapp'));
    for (const age of [4, 16, 42, 108]) {
      c.advanceTo(created + age + 0.5);
      expect(row(c, 'myapp')).toEqual(['myapp', '0/1', 'Init:0/1', '0', `${age}s`]);
    }
    c.advanceTo(created + 125.5);
    expect(describeEvents(c, 'myapp')).toBe(
      [
        'Events:',
        '  Type    Reason     Age   From               Message',
        '  ----    ------     ----  ----               -------',
        '  Normal  Scheduled  2m5s  default-scheduler  Successfully assigned default/myapp to lucky-luke-worker',
        '  Normal  Pulled     2m5s  kubelet            Container image "busybox:1.28" already present on machine',
        '  Normal  Created    2m5s  kubelet            Created container init-myservice',
        '  Normal  Started    2m5s  kubelet            Started container init-myservice',
        '',
      ].join('\n'),
    );
    c.advanceTo(created + 162.5);
    expect(row(c, 'myapp')).toEqual(['myapp', '1/1', 'Running', '0', '2m42s']);
    expect(getPods(c)).not.toContain('Init:');
  });
});
