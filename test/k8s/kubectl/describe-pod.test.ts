/**
 * kubectl describe pod. Full expected outputs are either real kubectl output from the transcripts in /work/shared
 * (their trailing spaces were lost when they were published, so those are compared line by line with trailing
 * whitespace removed, and the trailing spaces are checked separately from describe.go's format strings) or
 * written out by hand from describe.go's format strings and the tabwriter's column rules (cell width = widest cell
 * in a run of lines with tabs + 2; a line without a tab ends the run).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeEvent, Pod } from '../../../src/k8s/api/types.ts';
import { DescribePodError, type DescribePodOptions, describePod } from '../../../src/k8s/kubectl/describe-pod.ts';
import { unixSeconds } from '../../../src/k8s/util/go-time.ts';
import { KubeVersionError } from '../../../src/k8s/version/index.ts';

const shared = join(import.meta.dirname, '../../../../shared');
const transcript = (file: string): string =>
  (JSON.parse(readFileSync(join(shared, 'transcripts', file), 'utf8')) as { transcript: string }).transcript;

/** The lines of `text` between the line `after` and the line `before` (exclusive). */
function excerpt(text: string, after: string, before: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(after);
  const end = lines.indexOf(before, start + 1);
  if (start < 0 || end < 0) throw new Error(`excerpt markers not found: ${after} / ${before}`);
  return lines.slice(start + 1, end);
}

const trimmed = (text: string) =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => l.trimEnd());

function expectInOrder(output: string, lines: readonly string[]): void {
  const out = output.split('\n');
  let at = 0;
  for (const line of lines) {
    const found = out.indexOf(line, at);
    expect(found, `line in order: ${JSON.stringify(line)}\n--- output ---\n${output}`).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
}

function kubeletEvent(
  now: number,
  type: 'Normal' | 'Warning',
  reason: string,
  firstAgo: number,
  lastAgo: number,
  count: number,
  message: string,
  fieldPath?: string,
): KubeEvent {
  return {
    type,
    reason,
    message,
    count,
    firstTimestamp: now - firstAgo,
    lastTimestamp: now - lastAgo,
    involvedObject: { kind: 'Pod', name: 'p', namespace: 'default', ...(fieldPath ? { fieldPath } : {}) },
    source: { component: 'kubelet', host: 'node' },
    reportingController: 'kubelet',
  };
}

function scheduledEvent(now: number, ago: number, message: string): KubeEvent {
  return {
    type: 'Normal',
    reason: 'Scheduled',
    message,
    eventTime: now - ago,
    involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' },
    source: {},
    reportingController: 'default-scheduler',
  };
}

const TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

function apiAccessVolume(name: string) {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
          },
        },
      ],
    },
  };
}

const SA_MOUNT = (volume: string) => ({
  name: volume,
  readOnly: true,
  mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
});

// ---------------------------------------------------------------------------------------------------------------
// Transcript 07: kind v1.30, kubectl v1.30.2, pod `redis` with image `rediss` in ImagePullBackOff.

const T07_START = unixSeconds(2024, 6, 27, 18, 17, 24);
const T07_NOW = T07_START + 94;

function redisPod(): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'redis',
      namespace: 'default',
      labels: { app: 'test' },
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration':
          '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"test"},"name":"redis","namespace":"default"},"spec":{"containers":[{"image":"rediss","name":"redis"}]}}\n',
      },
      creationTimestamp: T07_START,
    },
    spec: {
      containers: [
        {
          name: 'redis',
          image: 'rediss',
          imagePullPolicy: 'Always',
          resources: {},
          volumeMounts: [SA_MOUNT('kube-api-access-qks6m')],
        },
      ],
      priority: 0,
      serviceAccountName: 'default',
      nodeName: 'lucky-luke-worker2',
      tolerations: TOLERATIONS,
      volumes: [apiAccessVolume('kube-api-access-qks6m')],
    },
    status: {
      phase: 'Pending',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True' },
        { type: 'Initialized', status: 'True' },
        { type: 'Ready', status: 'False' },
        { type: 'ContainersReady', status: 'False' },
        { type: 'PodScheduled', status: 'True' },
      ],
      hostIP: '172.19.0.2',
      podIP: '10.244.2.3',
      podIPs: [{ ip: '10.244.2.3' }],
      startTime: T07_START,
      containerStatuses: [
        {
          name: 'redis',
          state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "rediss"' } },
          lastState: {},
          ready: false,
          restartCount: 0,
          image: 'rediss',
          imageID: '',
          started: false,
        },
      ],
      qosClass: 'BestEffort',
    } as Pod['status'] & Record<string, unknown>,
  };
}

function redisEvents(): KubeEvent[] {
  const failed =
    'Failed to pull image "rediss": failed to pull and unpack image "docker.io/library/rediss:latest": failed to ' +
    'resolve reference "docker.io/library/rediss:latest": pull access denied, repository does not exist or may ' +
    'require authorization: server message: insufficient_scope: authorization failed';
  const f = 'spec.containers{redis}';
  return [
    scheduledEvent(T07_NOW, 94, 'Successfully assigned default/redis to lucky-luke-worker2'),
    kubeletEvent(T07_NOW, 'Normal', 'Pulling', 93, 3, 4, 'Pulling image "rediss"', f),
    kubeletEvent(T07_NOW, 'Warning', 'Failed', 92, 2, 4, failed, f),
    kubeletEvent(T07_NOW, 'Warning', 'Failed', 92, 2, 4, 'Error: ErrImagePull', f),
    kubeletEvent(T07_NOW, 'Normal', 'BackOff', 92, 17, 5, 'Back-off pulling image "rediss"', f),
    kubeletEvent(T07_NOW, 'Warning', 'Failed', 92, 17, 5, 'Error: ImagePullBackOff', f),
  ];
}

describe('transcript 07 (kubectl 1.30): ImagePullBackOff', () => {
  const output = describePod(redisPod(), { kubectlMinor: 30, now: T07_NOW, events: redisEvents() });
  const real = excerpt(
    transcript('07-errimagepull-imagepullbackoff-describe-then-edit-fix.json'),
    'root@localhost:~# kubectl describe pod redis',
    'root@localhost:~# kubectl edit pod redis',
  );

  it('matches the published output line for line', () => {
    expect(trimmed(output)).toEqual(real);
  });
  it('keeps the trailing padding of empty values and of the condition cells', () => {
    // "Container ID:\t%s" with an empty ID: the cell is padded to the block width (20) and nothing follows
    expect(output).toContain('\n    Container ID:   \n    Image:          rediss\n    Image ID:       \n');
    // "%v \t%v \n": both cells end with a space
    expect(output).toContain('\n  PodReadyToStartContainers   True \n  Initialized                 True \n');
  });
  it('ends with a newline and nothing after the last event', () => {
    expect(output.endsWith('Error: ErrImagePull\n')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Transcript 20: kubectl 1.35 (fieldPath-prefixed event messages), zone +0700, crash-pod after 5 restarts.

describe('transcript 20 (kubectl 1.35, +0700): crash-pod excerpt', () => {
  const now = unixSeconds(2026, 10, 5, 10, 7, 16);
  const command = "echo 'กำลังเปิดร้าน...'; sleep 3; echo 'ERROR: หาไฟล์เมนูไม่เจอ' >&2; exit 1";
  const pod: Pod = {
    metadata: { name: 'crash-pod', namespace: 'default', uid: '9390c699-fd0e-4e5a-a275-345e190554b4' },
    spec: {
      restartPolicy: 'Always',
      containers: [
        {
          name: 'app',
          image: 'busybox:1.36',
          command: ['sh', '-c', command],
          resources: {},
          volumeMounts: [SA_MOUNT('kube-api-access-x7k2p')],
        },
      ],
      nodeName: 'lab-worker',
      serviceAccountName: 'default',
      priority: 0,
      tolerations: TOLERATIONS,
      volumes: [apiAccessVolume('kube-api-access-x7k2p')],
    },
    status: {
      phase: 'Running',
      hostIP: '172.18.0.3',
      podIP: '10.244.1.7',
      podIPs: [{ ip: '10.244.1.7' }],
      startTime: now - 201,
      containerStatuses: [
        {
          name: 'app',
          containerID: 'containerd://4f1c',
          image: 'docker.io/library/busybox:1.36',
          imageID: 'docker.io/library/busybox@sha256:b7d3',
          ready: true,
          restartCount: 5,
          state: { running: { startedAt: unixSeconds(2026, 10, 5, 10, 7, 15) } },
          lastState: {
            terminated: {
              exitCode: 1,
              reason: 'Error',
              startedAt: unixSeconds(2026, 10, 5, 10, 5, 45),
              finishedAt: unixSeconds(2026, 10, 5, 10, 5, 48),
            },
          },
        },
      ],
    },
  };
  const f = 'spec.containers{app}';
  const events = [
    scheduledEvent(now, 201, 'Successfully assigned default/crash-pod to lab-worker'),
    kubeletEvent(
      now,
      'Normal',
      'Pulled',
      200,
      1,
      6,
      'Container image "busybox:1.36" already present on machine and can be accessed by the pod',
      f,
    ),
    kubeletEvent(now, 'Normal', 'Created', 200, 1, 6, 'Container created', f),
    kubeletEvent(now, 'Normal', 'Started', 200, 1, 6, 'Container started', f),
    kubeletEvent(
      now,
      'Warning',
      'BackOff',
      193,
      24,
      5,
      'Back-off restarting failed container app in pod crash-pod_default(9390c699-fd0e-4e5a-a275-345e190554b4)',
      f,
    ),
  ];
  const output = describePod(pod, { kubectlMinor: '1.35', now, events, utcOffsetMinutes: 7 * 60 });
  const text = transcript('20-restartpolicy-never-always-onfailure-badimage-snapshots.json');
  const published = excerpt(
    text,
    'ผลจริงที่ประมาณ 3 นาที 20 วินาทีหลังสร้าง (ตัดเฉพาะส่วนสำคัญ)',
    '$ kubectl logs crash-pod --previous',
  );

  it('contains every line the author kept, in order', () => {
    // the excerpt is fenced (```text ... ```), trimmed by the author ("..."), and ends with a blank line
    const lines = published.filter((l) => l !== '' && !l.startsWith('```') && l !== '...');
    expect(lines.length).toBeGreaterThan(20);
    expectInOrder(output, lines);
  });
  it('prints the events table exactly', () => {
    const start = published.indexOf('Events:');
    const table = published.slice(start).filter((l) => l !== '' && !l.startsWith('```'));
    expect(output.slice(output.indexOf('Events:'))).toBe(`${table.join('\n')}\n`);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Transcript 03: kubectl 1.33+, OOMKilled container with limits (requests defaulted from them).

describe('transcript 03 (kubectl 1.33+): OOMKilled with limits and requests', () => {
  const t = (h: number, m: number, s: number) => unixSeconds(2026, 10, 9, h, m, s);
  const pod: Pod = {
    metadata: { name: 'pod-lim', namespace: 'default' },
    spec: {
      containers: [
        {
          name: 'polinux',
          image: 'polinux/stress',
          command: ['stress', '--vm', '1', '--vm-bytes', '200M', '--vm-hang', '1'],
          resources: { limits: { memory: '100Mi', cpu: '250m' }, requests: { memory: '100Mi', cpu: '250m' } },
        },
      ],
    },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'polinux',
          ready: false,
          restartCount: 4,
          state: {
            terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: t(18, 45, 51), finishedAt: t(18, 45, 51) },
          },
          lastState: {
            terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: t(18, 45, 2), finishedAt: t(18, 45, 2) },
          },
        },
      ],
    },
  };

  it('matches the pasted container block (limits and requests are separate column blocks)', () => {
    const text = transcript('03-oomkilled-then-crashloopbackoff.json');
    const block = excerpt(text, '```sh', '# after some time the staus changed to CrashLoopBackOff').slice(-19, -1);
    // the author lost the first line's indentation when pasting
    expect(block[0]).toBe('State:          Terminated');
    block[0] = `    ${block[0]}`;
    const output = describePod(pod, { kubectlMinor: 33, now: t(18, 46, 0) });
    expect(output).toContain(`\n${block.join('\n')}\n`);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Whole outputs written by hand.

function pendingPod(): Pod {
  return {
    metadata: { name: 'web', namespace: 'default' },
    spec: { containers: [{ name: 'web', image: 'nginx:1.25' }], priority: 0, serviceAccountName: 'default' },
    status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False' }] },
  };
}

describe('a pod that is not scheduled yet', () => {
  it('kubectl 1.24: no Service Account line; Volumes..Events align with the condition table', () => {
    expect(describePod(pendingPod(), { kubectlMinor: 24, now: 0 })).toBe(
      [
        'Name:         web',
        'Namespace:    default',
        'Priority:     0',
        'Node:         <none>',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Status:       Pending',
        'IP:           ',
        'IPs:          <none>',
        'Containers:',
        '  web:',
        '    Image:        nginx:1.25',
        '    Port:         <none>',
        '    Host Port:    <none>',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        'Conditions:',
        '  Type           Status',
        '  PodScheduled   False ',
        'Volumes:         <none>',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });
  it('kubectl 1.25: `Service Account:` widens the first block', () => {
    const out = describePod(pendingPod(), { kubectlMinor: 25, now: 0 });
    expect(out.split('\n').slice(0, 5)).toEqual([
      'Name:             web',
      'Namespace:        default',
      'Priority:         0',
      'Service Account:  default',
      'Node:             <none>',
    ]);
  });
  it('--show-events=false leaves the section out', () => {
    const out = describePod(pendingPod(), { kubectlMinor: 35, now: 0, showEvents: false });
    expect(out.endsWith('Tolerations:     <none>\n')).toBe(true);
  });
  it('computes the QoS class when status.qosClass is not set (container resources only)', () => {
    const pod = pendingPod();
    pod.spec.containers[0]!.resources = { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } };
    pod.spec.resources = { requests: { cpu: '2' } }; // kubectl's QoS helper ignores pod-level resources
    expect(describePod(pod, { kubectlMinor: 35, now: 0 })).toContain('QoS Class:       Guaranteed\n');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Release boundaries.

describe('release differences', () => {
  const describeAt = (pod: Pod, minor: number, extra: Partial<DescribePodOptions> = {}) =>
    describePod(pod, { kubectlMinor: minor, now: 1000, ...extra });

  it('1.25 adds Runtime Class Name', () => {
    const pod = pendingPod();
    pod.spec.runtimeClassName = 'gvisor';
    pod.spec.priorityClassName = 'high';
    expect(describeAt(pod, 24)).not.toContain('Runtime Class Name');
    expect(describeAt(pod, 25)).toContain(
      'Priority:             0\nPriority Class Name:  high\nRuntime Class Name:   gvisor\nService Account:      default\n',
    );
  });

  it('1.25 adds Topology Spread Constraints (sorted by topology key)', () => {
    const pod = pendingPod();
    pod.spec.topologySpreadConstraints = [
      {
        topologyKey: 'zone',
        whenUnsatisfiable: 'DoNotSchedule',
        maxSkew: 1,
        labelSelector: {
          matchLabels: { app: 'web' },
          matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }],
        },
      },
      { topologyKey: 'host', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
    ];
    expect(describeAt(pod, 24)).not.toContain('Topology');
    expect(describeAt(pod, 25)).toContain(
      'Tolerations:                  <none>\n' +
        'Topology Spread Constraints:  host:ScheduleAnyway when max skew 3 is exceeded\n' +
        '                              zone:DoNotSchedule when max skew 1 is exceeded for selector app=web,tier in (a,b)\n',
    );
  });

  it('1.26 escapes ESC and CR', () => {
    const pod = pendingPod();
    pod.metadata.labels = { color: '\x1b[31mred\r' };
    expect(describeAt(pod, 25)).toContain('Labels:           color=\x1b[31mred\r\n');
    expect(describeAt(pod, 26)).toContain('Labels:           color=^[[31mred\\r\n');
  });

  it('1.27 shows seccomp profiles of the pod and the containers', () => {
    const pod = pendingPod();
    pod.spec.securityContext = { seccompProfile: { type: 'RuntimeDefault' } };
    pod.spec.containers[0]!.securityContext = { seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } };
    expect(describeAt(pod, 26)).not.toContain('Seccomp');
    const out = describeAt(pod, 27);
    expect(out).toContain('Status:           Pending\nSeccompProfile:   RuntimeDefault\nIP:               \n');
    expect(out).toContain(
      '    Host Port:           <none>\n    SeccompProfile:      Localhost\n      LocalhostProfile:  p.json\n',
    );
  });

  it('1.31 shows the phase of a deleted pod that already finished; a running one stays Terminating', () => {
    const pod = pendingPod();
    pod.status!.phase = 'Succeeded';
    pod.metadata.deletionTimestamp = 1000 - 75;
    pod.metadata.deletionGracePeriodSeconds = 30;
    expect(describeAt(pod, 30)).toContain(
      'Status:                    Terminating (lasts 75s)\nTermination Grace Period:  30s\n',
    );
    expect(describeAt(pod, 31)).toContain('Status:           Succeeded\n');
    pod.status!.phase = 'Running';
    expect(describeAt(pod, 31)).toContain('Terminating (lasts 75s)');
  });

  it('1.31 knows image volumes', () => {
    const pod = pendingPod();
    pod.spec.volumes = [{ name: 'models', image: { reference: 'quay.io/m:1', pullPolicy: 'IfNotPresent' } }];
    expect(describeAt(pod, 30)).toContain('Volumes:\n  models:\n  <unknown>\n');
    expect(describeAt(pod, 31)).toContain(
      'Volumes:\n  models:\n' +
        '    Type:        Image (a container image or OCI artifact)\n' +
        '    Reference:   quay.io/m:1\n' +
        '    PullPolicy:  IfNotPresent\n' +
        'QoS Class:       BestEffort\n',
    );
  });

  it('1.32 prints pod-level resources', () => {
    const pod = pendingPod();
    pod.spec.resources = { limits: { memory: '1Gi', cpu: '2' }, requests: { cpu: '500m' } };
    expect(describeAt(pod, 31)).not.toContain('Resources:');
    expect(describeAt(pod, 32)).toContain(
      'IPs:              <none>\nResources:\n  Limits:\n    cpu:     2\n    memory:  1Gi\n  Requests:\n    cpu:  500m\nContainers:\n',
    );
  });

  it('1.33 prints Optional for projected sources; before, the *bool pointer', () => {
    const pod = pendingPod();
    pod.spec.volumes = [
      {
        name: 'both',
        projected: {
          sources: [
            { secret: { name: 's', optional: true } },
            { configMap: { name: 'c' } },
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { downwardAPI: {} },
          ],
        },
      },
    ];
    expect(describeAt(pod, 32)).toContain(
      '  both:\n' +
        '    Type:                    Projected (a volume that contains injected data from multiple sources)\n' +
        '    SecretName:              s\n' +
        '    SecretOptionalName:      0xc000a1b2c3\n' +
        '    ConfigMapName:           c\n' +
        '    ConfigMapOptional:       <nil>\n' +
        '    TokenExpirationSeconds:  3607\n' +
        '    DownwardAPI:             true\n',
    );
    expect(describeAt(pod, 33)).toContain(
      '    SecretName:              s\n    Optional:                true\n' +
        '    ConfigMapName:           c\n    Optional:                false\n',
    );
  });

  it('1.35 prefixes event messages with the field path', () => {
    const pod = pendingPod();
    const events = [kubeletEvent(1000, 'Normal', 'Pulled', 5, 5, 1, 'Pulled it', 'spec.containers{web}')];
    expect(describeAt(pod, 34, { events })).toContain('  Normal  Pulled  5s    kubelet  Pulled it\n');
    expect(describeAt(pod, 35, { events })).toContain(
      '  Normal  Pulled  5s    kubelet  spec.containers{web}: Pulled it\n',
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Field formats.

function runningPod(): Pod {
  return {
    metadata: {
      name: 'app-7d9f-abcde',
      namespace: 'prod',
      labels: { 'pod-template-hash': '7d9f', app: 'app' },
      annotations: { 'example.com/owner': 'team-a' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'app-7d9f', uid: 'u1', controller: true }],
    },
    spec: {
      nodeName: 'node-1',
      serviceAccountName: 'default',
      containers: [
        {
          name: 'app',
          image: 'nginx:1.25',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          env: [{ name: 'MODE', value: 'prod' }],
          volumeMounts: [{ name: 'data', mountPath: '/data', subPath: 'app' }, SA_MOUNT('kube-api-access-abcde')],
        },
      ],
      volumes: [{ name: 'data', emptyDir: {} }, apiAccessVolume('kube-api-access-abcde')],
      tolerations: TOLERATIONS,
    },
    status: {
      phase: 'Running',
      hostIP: '10.0.0.5',
      podIP: '10.1.2.3',
      podIPs: [{ ip: '10.1.2.3' }],
      startTime: 0,
      containerStatuses: [
        {
          name: 'app',
          containerID: 'containerd://abc',
          image: 'docker.io/library/nginx:1.25',
          imageID: 'docker.io/library/nginx@sha256:1',
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: 3 } },
        },
      ],
      qosClass: 'BestEffort',
    } as Pod['status'] & Record<string, unknown>,
  };
}

describe('field formats', () => {
  const at35 = (pod: Pod) => describePod(pod, { kubectlMinor: 35, now: 100 });

  it('labels on continuation lines, Controlled By, Node with host IP, Start Time', () => {
    const out = at35(runningPod());
    expect(out).toContain(
      'Node:             node-1/10.0.0.5\n' +
        'Start Time:       Thu, 01 Jan 1970 00:00:00 +0000\n' +
        'Labels:           app=app\n' +
        '                  pod-template-hash=7d9f\n' +
        'Annotations:      example.com/owner: team-a\n' +
        'Status:           Running\n' +
        'IP:               10.1.2.3\n' +
        'IPs:\n' +
        '  IP:           10.1.2.3\n' +
        'Controlled By:  ReplicaSet/app-7d9f\n' +
        'Containers:\n',
    );
  });

  it('a running container: ports, host port 0, state, env, mounts sorted with subPath', () => {
    expect(at35(runningPod())).toContain(
      '  app:\n' +
        '    Container ID:   containerd://abc\n' +
        '    Image:          nginx:1.25\n' +
        '    Image ID:       docker.io/library/nginx@sha256:1\n' +
        '    Port:           80/TCP\n' +
        '    Host Port:      0/TCP\n' +
        '    State:          Running\n' +
        '      Started:      Thu, 01 Jan 1970 00:00:03 +0000\n' +
        '    Ready:          True\n' +
        '    Restart Count:  0\n' +
        '    Environment:\n' +
        '      MODE:  prod\n' +
        '    Mounts:\n' +
        '      /data from data (rw,path="app")\n' +
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-abcde (ro)\n',
    );
  });

  it('volumes: emptyDir and the service-account token volume, aligned with QoS and the tolerations', () => {
    expect(at35(runningPod())).toContain(
      'Volumes:\n' +
        '  data:\n' +
        "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)\n" +
        '    Medium:     \n' +
        '    SizeLimit:  <unset>\n' +
        '  kube-api-access-abcde:\n' +
        '    Type:                    Projected (a volume that contains injected data from multiple sources)\n' +
        '    TokenExpirationSeconds:  3607\n' +
        '    ConfigMapName:           kube-root-ca.crt\n' +
        '    Optional:                false\n' +
        '    DownwardAPI:             true\n' +
        'QoS Class:                   BestEffort\n' +
        'Node-Selectors:              <none>\n' +
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n' +
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n' +
        'Events:                      <none>\n',
    );
  });

  it('several ports, named ports, host ports', () => {
    const pod = runningPod();
    pod.spec.containers[0]!.ports = [
      { containerPort: 80, protocol: 'TCP', name: 'http' },
      { containerPort: 53, hostPort: 5353, protocol: 'UDP' },
    ];
    const out = at35(pod);
    expect(out).toContain('    Ports:          80/TCP (http), 53/UDP\n');
    expect(out).toContain('    Host Ports:     0/TCP (http), 5353/UDP\n');
  });

  it('command and args, one line per line', () => {
    const pod = runningPod();
    pod.spec.containers[0]!.command = ['sh', '-c'];
    pod.spec.containers[0]!.args = ['echo a\necho b'];
    expect(at35(pod)).toContain(
      '    Host Port:     0/TCP\n    Command:\n      sh\n      -c\n    Args:\n      echo a\n      echo b\n    State:',
    );
  });

  it('terminated states with message and signal, last state, waiting without reason', () => {
    const pod = runningPod();
    pod.status!.containerStatuses![0] = {
      name: 'app',
      ready: false,
      restartCount: 2,
      state: { waiting: {} },
      lastState: {
        terminated: { exitCode: 143, signal: 15, reason: 'Error', message: 'bye', startedAt: 1, finishedAt: 2 },
      },
    };
    expect(at35(pod)).toContain(
      '    Container ID:   \n' +
        '    Image:          nginx:1.25\n' +
        '    Image ID:       \n' +
        '    Port:           80/TCP\n' +
        '    Host Port:      0/TCP\n' +
        '    State:          Waiting\n' +
        '    Last State:     Terminated\n' +
        '      Reason:       Error\n' +
        '      Message:      bye\n' +
        '      Exit Code:    143\n' +
        '      Signal:       15\n' +
        '      Started:      Thu, 01 Jan 1970 00:00:01 +0000\n' +
        '      Finished:     Thu, 01 Jan 1970 00:00:02 +0000\n' +
        '    Ready:          False\n' +
        '    Restart Count:  2\n',
    );
  });

  it('a state with no member reads Waiting; an unset time is Go zero time', () => {
    const pod = runningPod();
    pod.status!.containerStatuses![0] = { name: 'app', state: { terminated: { exitCode: 0 } } };
    const out = at35(pod);
    expect(out).toContain('    State:          Terminated\n      Exit Code:    0\n');
    expect(out).toContain('      Started:      Mon, 01 Jan 0001 00:00:00 +0000\n');
    pod.status!.containerStatuses![0] = { name: 'app' };
    expect(at35(pod)).toContain('    State:          Waiting\n    Ready:          False\n');
  });

  it('probes', () => {
    const pod = runningPod();
    const c = pod.spec.containers[0]!;
    const timing = {
      initialDelaySeconds: 5,
      timeoutSeconds: 1,
      periodSeconds: 5,
      successThreshold: 1,
      failureThreshold: 3,
    };
    c.livenessProbe = { exec: { command: ['cat', '/tmp/healthy'] }, ...timing };
    c.readinessProbe = { httpGet: { path: 'healthz', port: 8080, scheme: 'HTTP' }, ...timing };
    c.startupProbe = { tcpSocket: { port: 'http' }, ...timing };
    const out = at35(pod);
    const t = 'delay=5s timeout=1s period=5s #success=1 #failure=3';
    expect(out).toContain(`    Liveness:       exec [cat /tmp/healthy] ${t}\n`);
    expect(out).toContain(`    Readiness:      http-get http://:8080/healthz ${t}\n`);
    expect(out).toContain(`    Startup:        tcp-socket :http ${t}\n`);
    c.livenessProbe = { httpGet: { host: '::1', path: '/a b', port: 80, scheme: 'HTTPS' } };
    c.readinessProbe = { grpc: { port: 9000, service: 'health' } };
    c.startupProbe = {};
    const out2 = at35(pod);
    const zero = 'delay=0s timeout=0s period=0s #success=0 #failure=0';
    expect(out2).toContain(`    Liveness:       http-get https://[::1]:80/a%20b ${zero}\n`);
    expect(out2).toContain(`    Readiness:      grpc <pod>:9000 health ${zero}\n`);
    expect(out2).toContain(`    Startup:        unknown ${zero}\n`);
  });

  it('environment: multi-line values, field and resource references, secrets, config maps, envFrom', () => {
    const pod = runningPod();
    const c = pod.spec.containers[0]!;
    c.resources = { limits: { cpu: '250m', memory: '64Mi' } };
    c.envFrom = [{ configMapRef: { name: 'cfg' } }, { secretRef: { name: 'sec', optional: true }, prefix: 'S_' }];
    c.env = [
      { name: 'MULTI', value: 'a\nb' },
      { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
      { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
      { name: 'APP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['app']" } } },
      { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
      { name: 'CORES', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
      { name: 'MEM_MI', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
      { name: 'REQ_MEM', valueFrom: { resourceFieldRef: { resource: 'requests.memory' } } },
      { name: 'PASS', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'level', optional: true } } },
    ];
    expect(at35(pod)).toContain(
      '    Limits:\n' +
        '      cpu:     250m\n' +
        '      memory:  64Mi\n' +
        '    Environment Variables from:\n' +
        // column widths: names 9 + 2, sources 23 + 2
        '      cfg  ConfigMap                Optional: false\n' +
        "      sec  Secret with prefix 'S_'  Optional: true\n" +
        '    Environment:\n' +
        '      MULTI:     a\n' +
        '                 b\n' +
        '      POD_NAME:  app-7d9f-abcde (v1:metadata.name)\n' +
        '      POD_IP:     (v1:status.podIP)\n' +
        "      APP:        (v1:metadata.labels['app'])\n" +
        '      CPU:       250 (limits.cpu)\n' +
        '      CORES:     1 (limits.cpu)\n' +
        '      MEM_MI:    64 (limits.memory)\n' +
        '      REQ_MEM:   0 (requests.memory)\n' +
        // the last two lines have a second tab: their own column block, 44 + 2 wide
        "      PASS:      <set to the key 'password' in secret 'db'>    Optional: false\n" +
        "      LEVEL:     <set to the key 'level' of config map 'cfg'>  Optional: true\n" +
        '    Mounts:\n',
    );
  });

  it('an unset cpu or memory limit reads as node allocatable', () => {
    const pod = runningPod();
    pod.spec.containers[0]!.env = [{ name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } }];
    expect(at35(pod)).toContain('      CPU:  node allocatable (limits.cpu)\n');
  });

  it('long and multi-line annotations go on their own lines, cut at 138 bytes', () => {
    const pod = runningPod();
    const long = 'x'.repeat(150);
    pod.metadata.annotations = { a: 'one\ntwo\n', b: long, c: 'short' };
    expect(at35(pod)).toContain(
      'Annotations:      a:\n' +
        '                    one\n' +
        '                    two\n' +
        '                  b:\n' +
        `                    ${'x'.repeat(138)}...\n` +
        '                  c: short\n',
    );
  });

  it('tolerations: sorted by key, values, effects and the match-everything toleration', () => {
    const pod = runningPod();
    pod.spec.tolerations = [
      { key: 'gpu', operator: 'Equal', value: 'true', effect: 'NoSchedule' },
      { operator: 'Exists' },
      { key: 'b', operator: 'Exists' },
    ];
    expect(at35(pod)).toContain(
      'Tolerations:                 op=Exists\n' +
        '                             b op=Exists\n' +
        '                             gpu=true:NoSchedule\n',
    );
  });

  it('init and ephemeral containers, readiness gates', () => {
    const pod = runningPod();
    pod.spec.initContainers = [{ name: 'init', image: 'busybox' }];
    pod.spec.ephemeralContainers = [{ name: 'debug', image: 'busybox' }];
    pod.spec.readinessGates = [{ conditionType: 'example.com/ready' }, { conditionType: 'other' }];
    pod.status!.conditions = [{ type: 'example.com/ready', status: 'True' }];
    const out = at35(pod);
    expect(out).toContain(
      'Controlled By:  ReplicaSet/app-7d9f\nInit Containers:\n  init:\n    Image:        busybox\n',
    );
    expect(out).toContain('Ephemeral Containers:\n  debug:\n');
    expect(out).toContain(
      // "%v \t%v \n": the widest first cell is "  example.com/ready " (20), so the column is 22 wide
      'Readiness Gates:\n  Type                Status\n  example.com/ready   True \n  other' +
        `${' '.repeat(15)}<none> \nConditions:\n`,
    );
  });

  it('other volume sources', () => {
    const pod = runningPod();
    pod.spec.volumes = [
      { name: 'h', hostPath: { path: '/var/log', type: '' } },
      { name: 's', secret: { secretName: 'tls', defaultMode: 420 } },
      { name: 'c', configMap: { name: 'cfg', optional: true } },
      { name: 'p', persistentVolumeClaim: { claimName: 'data' } },
      { name: 'd', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
      { name: 'e', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
    ];
    expect(at35(pod)).toContain(
      'Volumes:\n' +
        '  h:\n' +
        '    Type:          HostPath (bare host directory volume)\n' +
        '    Path:          /var/log\n' +
        '    HostPathType:  \n' +
        '  s:\n' +
        '    Type:        Secret (a volume populated by a Secret)\n' +
        '    SecretName:  tls\n' +
        '    Optional:    false\n' +
        '  c:\n' +
        '    Type:      ConfigMap (a volume populated by a ConfigMap)\n' +
        '    Name:      cfg\n' +
        '    Optional:  true\n' +
        '  p:\n' +
        '    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n' +
        '    ClaimName:  data\n' +
        '    ReadOnly:   false\n' +
        '  d:\n' +
        '    Type:  DownwardAPI (a volume populated by information about the pod)\n' +
        '    Items:\n' +
        '      metadata.labels -> labels\n' +
        '  e:\n' +
        // the last volume's block runs on through QoS Class, Node-Selectors (15 + 2) and Tolerations
        "    Type:        EmptyDir (a temporary directory that shares a pod's lifetime)\n" +
        '    Medium:      Memory\n' +
        '    SizeLimit:   64Mi\n' +
        'QoS Class:       BestEffort\n',
    );
  });
});

describe('input errors', () => {
  it('rejects unsupported releases and bad input', () => {
    expect(() => describePod(pendingPod(), { kubectlMinor: 22, now: 0 })).toThrow(KubeVersionError);
    expect(() => describePod(pendingPod(), { kubectlMinor: 35, now: Number.NaN })).toThrow(DescribePodError);
    expect(() => describePod({ metadata: {} } as Pod, { kubectlMinor: 35, now: 0 })).toThrow(DescribePodError);
    const pod = pendingPod();
    pod.metadata.labels = { a: 1 } as unknown as Record<string, string>;
    expect(() => describePod(pod, { kubectlMinor: 35, now: 0 })).toThrow(/labels\["a"\]/);
  });
  it('refuses volume sources it does not model', () => {
    const pod = pendingPod();
    pod.spec.volumes = [{ name: 'x', csi: { driver: 'd' } }];
    expect(() => describePod(pod, { kubectlMinor: 35, now: 0 })).toThrow(/csi volume is not modelled/);
  });
  it('a deleted pod needs its grace period', () => {
    const pod = pendingPod();
    pod.metadata.deletionTimestamp = 0;
    expect(() => describePod(pod, { kubectlMinor: 35, now: 0 })).toThrow(/deletionGracePeriodSeconds/);
  });
});
