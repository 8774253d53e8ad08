/**
 * kubectl describe's Events section. Expected tables are copied from real `kubectl describe` output (the 1.26 seed
 * notes and the transcripts in /work/shared, each checked to contain the lines); expected sort orders were recorded
 * by running Go's own sort.Sort (Go 1.19.8, pdqsort), the go1.18 quickSort and Go 1.19's sort with the Go 1.24
 * xorshift constants on the same keys.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeEvent } from '../../../src/k8s/api/types.ts';
import {
  eventRow,
  eventsSectionSource,
  goSort,
  renderEventsSection,
  sortEvents,
  writeEventsSection,
} from '../../../src/k8s/kubectl/describe-events.ts';
import { DESCRIBE_TABWRITER_OPTIONS, TabWriter } from '../../../src/k8s/kubectl/tabwriter.ts';
import { KubeVersionError } from '../../../src/k8s/version/index.ts';

const NOW = 10_000;
const shared = join(import.meta.dirname, '../../../../shared');
const seed = readFileSync(join(shared, 'seed/pod-policies-notes.zh-CN.txt'), 'utf8');
const transcript = (file: string): string =>
  (JSON.parse(readFileSync(join(shared, 'transcripts', file), 'utf8')) as { transcript: string }).transcript;

/** A core/v1 Event written by the kubelet's recorder (ages in seconds before NOW). */
function kubelet(
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
    firstTimestamp: NOW - firstAgo,
    lastTimestamp: NOW - lastAgo,
    involvedObject: { kind: 'Pod', name: 'p', namespace: 'default', ...(fieldPath ? { fieldPath } : {}) },
    source: { component: 'kubelet', host: 'node1' },
    reportingController: 'kubelet',
  };
}

/** The scheduler's events.k8s.io Event as core/v1 shows it: eventTime, no source, no first/lastTimestamp. */
function scheduled(ago: number, message: string): KubeEvent {
  return {
    type: 'Normal',
    reason: 'Scheduled',
    message,
    eventTime: NOW - ago,
    involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' },
    source: {},
    reportingController: 'default-scheduler',
  };
}

function expectTable(actual: string, lines: string[], source: string): void {
  for (const line of lines) expect(source, `source contains ${line}`).toContain(line);
  expect(actual).toBe(`${lines.join('\n')}\n`);
}

describe('real kubectl describe output', () => {
  it('1.26 cluster (seed notes): ErrImageNeverPull x10', () => {
    const img = 'images.guoguo.com/apps/ubuntu-nginx:1.24.0';
    const events = [
      scheduled(105, 'Successfully assigned default/nginx-5 to k8s-node3.guoguo.com'),
      kubelet(
        'Warning',
        'ErrImageNeverPull',
        105,
        11,
        10,
        `Container image "${img}" is not present with pull policy of Never`,
      ),
      kubelet('Warning', 'Failed', 105, 11, 10, 'Error: ErrImageNeverPull'),
    ];
    expectTable(
      renderEventsSection(events, NOW, 26),
      [
        'Events:',
        '  Type     Reason             Age                  From               Message',
        '  ----     ------             ----                 ----               -------',
        '  Normal   Scheduled          105s                 default-scheduler  Successfully assigned default/nginx-5 to k8s-node3.guoguo.com',
        `  Warning  ErrImageNeverPull  11s (x10 over 105s)  kubelet            Container image "${img}" is not present with pull policy of Never`,
        '  Warning  Failed             11s (x10 over 105s)  kubelet            Error: ErrImageNeverPull',
      ],
      seed,
    );
  });

  it('1.26 cluster (seed notes): after the image appears, Pulled follows the x12 rows', () => {
    const img = 'images.guoguo.com/apps/ubuntu-nginx:1.24.0';
    const events = [
      scheduled(461, 'Successfully assigned default/nginx-5 to k8s-node3.guoguo.com'),
      kubelet(
        'Warning',
        'ErrImageNeverPull',
        460,
        340,
        12,
        `Container image "${img}" is not present with pull policy of Never`,
      ),
      kubelet('Warning', 'Failed', 460, 340, 12, 'Error: ErrImageNeverPull'),
      kubelet('Normal', 'Pulled', 325, 325, 1, `Container image "${img}" already present on machine`),
    ];
    expectTable(
      renderEventsSection(events, NOW, 26),
      [
        'Events:',
        '  Type     Reason             Age                     From               Message',
        '  ----     ------             ----                    ----               -------',
        '  Normal   Scheduled          7m41s                   default-scheduler  Successfully assigned default/nginx-5 to k8s-node3.guoguo.com',
        `  Warning  ErrImageNeverPull  5m40s (x12 over 7m40s)  kubelet            Container image "${img}" is not present with pull policy of Never`,
        '  Warning  Failed             5m40s (x12 over 7m40s)  kubelet            Error: ErrImageNeverPull',
        `  Normal   Pulled             5m25s                   kubelet            Container image "${img}" already present on machine`,
      ],
      seed,
    );
  });

  it('1.26 cluster (seed notes): restarts under restartPolicy Always', () => {
    const img = 'images.guoguo.com/apps/ubuntu-nginx:1.24.0';
    const events = [
      scheduled(171, 'Successfully assigned default/nginx-5 to k8s-node3.guoguo.com'),
      kubelet('Normal', 'Pulled', 171, 44, 3, `Container image "${img}" already present on machine`),
      kubelet('Normal', 'Created', 171, 44, 3, 'Created container nginx'),
      kubelet('Normal', 'Started', 171, 44, 3, 'Started container nginx'),
      kubelet(
        'Warning',
        'BackOff',
        58,
        58,
        1,
        'Back-off restarting failed container nginx in pod nginx-5_default(bf17257e-c091-4ef5-bc06-25d6bf392802)',
      ),
    ];
    expectTable(
      renderEventsSection(events, NOW, 26),
      [
        'Events:',
        '  Type     Reason     Age                  From               Message',
        '  ----     ------     ----                 ----               -------',
        '  Normal   Scheduled  2m51s                default-scheduler  Successfully assigned default/nginx-5 to k8s-node3.guoguo.com',
        '  Warning  BackOff    58s                  kubelet            Back-off restarting failed container nginx in pod nginx-5_default(bf17257e-c091-4ef5-bc06-25d6bf392802)',
        `  Normal   Pulled     44s (x3 over 2m51s)  kubelet            Container image "${img}" already present on machine`,
        '  Normal   Created    44s (x3 over 2m51s)  kubelet            Created container nginx',
        '  Normal   Started    44s (x3 over 2m51s)  kubelet            Started container nginx',
      ],
      seed,
    );
  });

  it('kubectl 1.30 (transcript 07): equal ages keep the apiserver list order', () => {
    const pullError =
      'Failed to pull image "rediss": failed to pull and unpack image "docker.io/library/rediss:latest": failed to resolve reference "docker.io/library/rediss:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
    const events = [
      scheduled(94, 'Successfully assigned default/redis to lucky-luke-worker2'),
      kubelet('Normal', 'Pulling', 93, 3, 4, 'Pulling image "rediss"', 'spec.containers{redis}'),
      kubelet('Warning', 'Failed', 92, 2, 4, pullError, 'spec.containers{redis}'),
      kubelet('Warning', 'Failed', 92, 2, 4, 'Error: ErrImagePull', 'spec.containers{redis}'),
      kubelet('Normal', 'BackOff', 92, 17, 5, 'Back-off pulling image "rediss"', 'spec.containers{redis}'),
      kubelet('Warning', 'Failed', 92, 17, 5, 'Error: ImagePullBackOff', 'spec.containers{redis}'),
    ];
    expectTable(
      renderEventsSection(events, NOW, 30),
      [
        'Events:',
        '  Type     Reason     Age                From               Message',
        '  ----     ------     ----               ----               -------',
        '  Normal   Scheduled  94s                default-scheduler  Successfully assigned default/redis to lucky-luke-worker2',
        '  Normal   BackOff    17s (x5 over 92s)  kubelet            Back-off pulling image "rediss"',
        '  Warning  Failed     17s (x5 over 92s)  kubelet            Error: ImagePullBackOff',
        '  Normal   Pulling    3s (x4 over 93s)   kubelet            Pulling image "rediss"',
        `  Warning  Failed     2s (x4 over 92s)   kubelet            ${pullError}`,
        '  Warning  Failed     2s (x4 over 92s)   kubelet            Error: ErrImagePull',
      ],
      transcript('07-errimagepull-imagepullbackoff-describe-then-edit-fix.json'),
    );
  });

  it('kubectl 1.30 (transcript 09): narrow columns when every age is short', () => {
    const events = [
      scheduled(125, 'Successfully assigned default/myapp to lucky-luke-worker'),
      kubelet('Normal', 'Pulled', 125, 125, 1, 'Container image "busybox:1.28" already present on machine'),
      kubelet('Normal', 'Created', 125, 125, 1, 'Created container init-myservice'),
      kubelet('Normal', 'Started', 125, 125, 1, 'Started container init-myservice'),
    ];
    expectTable(
      renderEventsSection(events, NOW, 30),
      [
        'Events:',
        '  Type    Reason     Age   From               Message',
        '  ----    ------     ----  ----               -------',
        '  Normal  Scheduled  2m5s  default-scheduler  Successfully assigned default/myapp to lucky-luke-worker',
        '  Normal  Pulled     2m5s  kubelet            Container image "busybox:1.28" already present on machine',
        '  Normal  Created    2m5s  kubelet            Created container init-myservice',
        '  Normal  Started    2m5s  kubelet            Started container init-myservice',
      ],
      transcript('09-init-container-waiting-for-service-init0of1-to-running.json'),
    );
  });

  it('kubectl 1.30 (transcript 11): distinct Pulled messages stay separate rows, sorted by last seen', () => {
    const pulled = (d: string, w: string) =>
      `Successfully pulled image "registry.k8s.io/busybox" in ${d} (${w} including waiting). Image size: 1144547 bytes.`;
    const events = [
      scheduled(217, 'Successfully assigned default/liveness-exec to lucky-luke-worker'),
      kubelet('Normal', 'Pulling', 217, 67, 3, 'Pulling image "registry.k8s.io/busybox"'),
      kubelet('Normal', 'Pulled', 216, 216, 1, pulled('1.08s', '1.08s')),
      kubelet('Normal', 'Created', 216, 67, 3, 'Created container liveness'),
      kubelet('Normal', 'Started', 216, 66, 3, 'Started container liveness'),
      kubelet(
        'Warning',
        'Unhealthy',
        182,
        22,
        9,
        "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
      ),
      kubelet('Normal', 'Killing', 172, 22, 3, 'Container liveness failed liveness probe, will be restarted'),
      kubelet('Normal', 'Pulled', 142, 142, 1, pulled('367ms', '367ms')),
      kubelet('Normal', 'Pulled', 67, 67, 1, pulled('503ms', '505ms')),
    ];
    expectTable(
      renderEventsSection(events, NOW, 30),
      [
        'Events:',
        '  Type     Reason     Age                  From               Message',
        '  ----     ------     ----                 ----               -------',
        '  Normal   Scheduled  3m37s                default-scheduler  Successfully assigned default/liveness-exec to lucky-luke-worker',
        `  Normal   Pulled     3m36s                kubelet            ${pulled('1.08s', '1.08s')}`,
        `  Normal   Pulled     2m22s                kubelet            ${pulled('367ms', '367ms')}`,
        '  Normal   Pulling    67s (x3 over 3m37s)  kubelet            Pulling image "registry.k8s.io/busybox"',
        '  Normal   Created    67s (x3 over 3m36s)  kubelet            Created container liveness',
        `  Normal   Pulled     67s                  kubelet            ${pulled('503ms', '505ms')}`,
        '  Normal   Started    66s (x3 over 3m36s)  kubelet            Started container liveness',
        "  Warning  Unhealthy  22s (x9 over 3m2s)   kubelet            Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
        '  Normal   Killing    22s (x3 over 2m52s)  kubelet            Container liveness failed liveness probe, will be restarted',
      ],
      transcript('11-liveness-exec-always-pull-repeated-pulls.json'),
    );
  });

  it('kubectl 1.24 (transcript 18): From shows the component without the host', () => {
    const events = [
      scheduled(21, 'Successfully assigned default/nginx to alice-control-plane'),
      kubelet(
        'Warning',
        'ErrImageNeverPull',
        20,
        8,
        3,
        'Container image "nginx:1.23.1" is not present with pull policy of Never',
      ),
      kubelet('Warning', 'Failed', 20, 8, 3, 'Error: ErrImageNeverPull'),
    ];
    expectTable(
      renderEventsSection(events, NOW, 24),
      [
        'Events:',
        '  Type     Reason             Age               From               Message',
        '  ----     ------             ----              ----               -------',
        '  Normal   Scheduled          21s               default-scheduler  Successfully assigned default/nginx to alice-control-plane',
        '  Warning  ErrImageNeverPull  8s (x3 over 20s)  kubelet            Container image "nginx:1.23.1" is not present with pull policy of Never',
        '  Warning  Failed             8s (x3 over 20s)  kubelet            Error: ErrImageNeverPull',
      ],
      transcript('18-kind-errimageneverpull-then-kind-load-recovers.json'),
    );
  });

  it('kubectl 1.35 (transcript 20): messages carry the involvedObject.fieldPath prefix', () => {
    const c = 'spec.containers{app}';
    const events = [
      scheduled(201, 'Successfully assigned default/crash-pod to lab-worker'),
      kubelet(
        'Normal',
        'Pulled',
        200,
        1,
        6,
        'Container image "busybox:1.36" already present on machine and can be accessed by the pod',
        c,
      ),
      kubelet('Normal', 'Created', 200, 1, 6, 'Container created', c),
      kubelet('Normal', 'Started', 200, 1, 6, 'Container started', c),
      kubelet(
        'Warning',
        'BackOff',
        193,
        24,
        5,
        'Back-off restarting failed container app in pod crash-pod_default(9390c699-fd0e-4e5a-a275-345e190554b4)',
        c,
      ),
    ];
    expectTable(
      renderEventsSection(events, NOW, 35),
      [
        'Events:',
        '  Type     Reason     Age                  From               Message',
        '  ----     ------     ----                 ----               -------',
        '  Normal   Scheduled  3m21s                default-scheduler  Successfully assigned default/crash-pod to lab-worker',
        '  Warning  BackOff    24s (x5 over 3m13s)  kubelet            spec.containers{app}: Back-off restarting failed container app in pod crash-pod_default(9390c699-fd0e-4e5a-a275-345e190554b4)',
        '  Normal   Pulled     1s (x6 over 3m20s)   kubelet            spec.containers{app}: Container image "busybox:1.36" already present on machine and can be accessed by the pod',
        '  Normal   Created    1s (x6 over 3m20s)   kubelet            spec.containers{app}: Container created',
        '  Normal   Started    1s (x6 over 3m20s)   kubelet            spec.containers{app}: Container started',
      ],
      transcript('20-restartpolicy-never-always-onfailure-badimage-snapshots.json'),
    );
  });

  it('kubectl 1.35 (transcript 21): image pull back-off counts', () => {
    const w = 'spec.containers{web}';
    const img = 'nginx:9.99-doesnotexist';
    const pullError = `Failed to pull image "${img}": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/${img}": failed to resolve reference "docker.io/library/${img}": docker.io/library/${img}: not found`;
    const events = [
      scheduled(434, 'Successfully assigned default/bad-image-pod to lab-worker2'),
      kubelet('Normal', 'Pulling', 433, 242, 5, `Pulling image "${img}"`, w),
      kubelet('Warning', 'Failed', 427, 241, 5, pullError, w),
      kubelet('Warning', 'Failed', 427, 241, 5, 'Error: ErrImagePull', w),
      kubelet('Normal', 'BackOff', 427, 104, 21, `Back-off pulling image "${img}"`, w),
      kubelet('Warning', 'Failed', 427, 118, 20, 'Error: ImagePullBackOff', w),
    ];
    expectTable(
      renderEventsSection(events, NOW, 35),
      [
        'Events:',
        '  Type     Reason     Age                   From               Message',
        '  ----     ------     ----                  ----               -------',
        '  Normal   Scheduled  7m14s                 default-scheduler  Successfully assigned default/bad-image-pod to lab-worker2',
        `  Normal   Pulling    4m2s (x5 over 7m13s)  kubelet            ${w}: Pulling image "${img}"`,
        `  Warning  Failed     4m1s (x5 over 7m7s)   kubelet            ${w}: ${pullError}`,
        `  Warning  Failed     4m1s (x5 over 7m7s)   kubelet            ${w}: Error: ErrImagePull`,
        `  Warning  Failed     118s (x20 over 7m7s)  kubelet            ${w}: Error: ImagePullBackOff`,
        `  Normal   BackOff    104s (x21 over 7m7s)  kubelet            ${w}: Back-off pulling image "${img}"`,
      ],
      transcript('21-badimage-events-x20-imagepullbackoff-then-fix.json'),
    );
  });

  it('kubectl 1.35 (transcript 23): liveness kill', () => {
    const c = 'spec.containers{app}';
    const events = [
      scheduled(61, 'Successfully assigned default/liveness-exec-pod to lab-worker2'),
      kubelet(
        'Normal',
        'Pulled',
        60,
        60,
        1,
        'Container image "busybox:1.36" already present on machine and can be accessed by the pod',
        c,
      ),
      kubelet('Normal', 'Created', 60, 60, 1, 'Container created', c),
      kubelet('Normal', 'Started', 60, 60, 1, 'Container started', c),
      kubelet(
        'Warning',
        'Unhealthy',
        25,
        15,
        3,
        "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
        c,
      ),
      kubelet('Normal', 'Killing', 15, 15, 1, 'Container app failed liveness probe, will be restarted', c),
    ];
    expectTable(
      renderEventsSection(events, NOW, 35),
      [
        'Events:',
        '  Type     Reason     Age                From               Message',
        '  ----     ------     ----               ----               -------',
        '  Normal   Scheduled  61s                default-scheduler  Successfully assigned default/liveness-exec-pod to lab-worker2',
        `  Normal   Pulled     60s                kubelet            ${c}: Container image "busybox:1.36" already present on machine and can be accessed by the pod`,
        `  Normal   Created    60s                kubelet            ${c}: Container created`,
        `  Normal   Started    60s                kubelet            ${c}: Container started`,
        `  Warning  Unhealthy  15s (x3 over 25s)  kubelet            ${c}: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory`,
        `  Normal   Killing    15s                kubelet            ${c}: Container app failed liveness probe, will be restarted`,
      ],
      transcript('23-liveness-kill-with-sigterm-grace-delay.json'),
    );
  });
});

describe('rows (describe.go DescribeEvents)', () => {
  const e = kubelet(
    'Warning',
    'BackOff',
    105,
    11,
    10,
    '  Back-off restarting failed container app  ',
    'spec.containers{app}',
  );

  it('fieldPath prefix: kubectl 1.34 prints the bare message, 1.35 prefixes it (PR #133627)', () => {
    expect(eventRow(e, NOW, 34).message).toBe('Back-off restarting failed container app');
    expect(eventRow(e, NOW, 35).message).toBe('spec.containers{app}: Back-off restarting failed container app');
  });

  it('count > 1: "<last> (x<count> over <first>)"; count 1 or 0: the first time only', () => {
    expect(eventRow(e, NOW, 35).age).toBe('11s (x10 over 105s)');
    expect(eventRow({ ...e, count: 1 }, NOW, 35).age).toBe('105s');
    expect(eventRow({ ...e, count: undefined }, NOW, 35).age).toBe('105s');
  });

  it('series (events.k8s.io): "<lastObserved> (x<series.count> over <eventTime>)"', () => {
    const s: KubeEvent = {
      ...scheduled(28_800, 'Back-off pulling image "busybox:1.36.1"'),
      reason: 'BackOff',
      reportingController: 'kubelet',
      series: { count: 1445, lastObservedTime: NOW - 3480 },
    };
    expect(eventRow(s, NOW, 30)).toEqual({
      type: 'Normal',
      reason: 'BackOff',
      age: '58m (x1445 over 8h)',
      from: 'kubelet',
      message: 'Back-off pulling image "busybox:1.36.1"',
    });
  });

  it('a zero first timestamp prints <unknown>', () => {
    const { firstTimestamp: _, ...noFirst } = kubelet('Normal', 'Created', 0, 0, 1, 'Created container: app');
    expect(eventRow(noFirst, NOW, 35).age).toBe('<unknown>');
  });

  it('From: source.component, else reportingController (the host is never shown)', () => {
    expect(eventRow(e, NOW, 23).from).toBe('kubelet');
    expect(eventRow({ ...e, source: {}, reportingController: 'default-scheduler' }, NOW, 23).from).toBe(
      'default-scheduler',
    );
    expect(eventRow({ ...e, source: {}, reportingController: undefined }, NOW, 23).from).toBe('');
  });

  it('timestamps are read back at the wire precision: seconds for lastTimestamp, microseconds for eventTime', () => {
    const t = kubelet('Normal', 'Pulled', 0, 0, 1, 'x');
    // recorded at 10.9s, read as 10s: 10.5s later kubectl says 11s, not 10s
    expect(eventRow({ ...t, firstTimestamp: 10.9, lastTimestamp: 10.9 }, 21.4, 35).age).toBe('11s');
    expect(eventRow({ ...scheduled(0, 'x'), eventTime: 10.9 }, 21.4, 35).age).toBe('10s');
  });

  it('rejects an unsupported kubectl version', () => {
    expect(() => eventRow(e, NOW, 22)).toThrow(KubeVersionError);
  });
});

describe('section text', () => {
  it('no events: "Events:\\t<none>" (a tab-separated cell)', () => {
    expect(eventsSectionSource([], NOW, 35)).toBe('Events:\t<none>\n');
    expect(renderEventsSection([], NOW, 35)).toBe('Events:  <none>\n');
  });

  it('the header and rows before the tabwriter', () => {
    expect(eventsSectionSource([kubelet('Normal', 'Pulled', 5, 5, 1, 'msg')], NOW, 30)).toBe(
      'Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n  Normal\tPulled\t5s\tkubelet\tmsg\n',
    );
  });

  it('in a shared describe writer, <none> aligns with the lines above; a table starts its own columns', () => {
    const none = new TabWriter(DESCRIBE_TABWRITER_OPTIONS).write('Node-Selectors:\t<none>\n');
    writeEventsSection(none, [], NOW, 35);
    expect(none.flush().read()).toBe('Node-Selectors:  <none>\nEvents:          <none>\n');
    const table = new TabWriter(DESCRIBE_TABWRITER_OPTIONS).write('Node-Selectors:\t<none>\n');
    writeEventsSection(table, [kubelet('Normal', 'Pulled', 5, 5, 1, 'msg')], NOW, 35);
    expect(table.flush().read()).toBe(
      'Node-Selectors:  <none>\nEvents:\n  Type    Reason  Age   From     Message\n  ----    ------  ----  ----     -------\n  Normal  Pulled  5s    kubelet  msg\n',
    );
  });
});

describe('sorting (SortableEvents: lastTimestamp only, Go sort.Sort)', () => {
  // keys and orders recorded from Go (see the file comment); index lists are the original positions in result order
  const GOLDEN: { keys: number[]; go118: number[]; go119: number[]; go124: number[] }[] = [
    {
      keys: [5, 1, 2, 2, 2, 2, 1],
      go118: [6, 1, 2, 3, 4, 5, 0],
      go119: [1, 6, 2, 3, 4, 5, 0],
      go124: [1, 6, 2, 3, 4, 5, 0],
    },
    {
      keys: [3, 1, 3, 2, 3, 1, 2, 3, 1, 3, 2, 1, 3],
      go118: [8, 1, 11, 5, 3, 10, 6, 0, 7, 9, 4, 2, 12],
      go119: [5, 1, 11, 8, 6, 3, 10, 4, 0, 7, 9, 2, 12],
      go124: [5, 1, 11, 8, 6, 3, 10, 4, 0, 7, 9, 2, 12],
    },
    {
      keys: [9, ...Array<number>(24).fill(4)],
      go118: [24, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0],
      go119: [12, 4, 24, 3, 13, 5, 6, 14, 8, 9, 10, 11, 2, 1, 7, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0],
      go124: [12, 21, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 14, 24, 15, 16, 17, 18, 19, 20, 13, 22, 23, 0],
    },
    {
      keys: Array.from({ length: 60 }, (_, i) => (i % 5 === 0 ? 100 + i : 50)),
      go118: [
        14, 1, 2, 3, 4, 58, 6, 7, 8, 9, 57, 11, 12, 13, 56, 54, 16, 17, 18, 19, 53, 21, 22, 23, 24, 52, 26, 27, 28, 29,
        47, 31, 32, 33, 34, 51, 36, 49, 38, 39, 48, 41, 42, 43, 44, 37, 46, 59, 0, 5, 10, 15, 20, 25, 30, 35, 40, 45,
        50, 55,
      ],
      go119: [
        31, 4, 2, 3, 29, 59, 6, 7, 8, 9, 58, 11, 12, 13, 14, 28, 16, 17, 18, 19, 56, 21, 22, 23, 24, 54, 26, 27, 57, 1,
        53, 52, 32, 33, 34, 51, 36, 37, 38, 39, 49, 41, 42, 43, 44, 48, 46, 47, 0, 5, 10, 15, 20, 25, 30, 35, 40, 45,
        50, 55,
      ],
      go124: [
        31, 39, 2, 3, 59, 58, 6, 7, 8, 9, 57, 11, 12, 13, 14, 56, 16, 17, 18, 19, 54, 21, 22, 23, 24, 53, 26, 27, 1, 28,
        4, 52, 32, 33, 34, 51, 36, 37, 38, 29, 49, 41, 42, 43, 44, 48, 46, 47, 0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50,
        55,
      ],
    },
    {
      keys: Array.from({ length: 64 }, (_, i) => Math.trunc((64 - i) / 3)),
      go118: [
        62, 63, 60, 59, 61, 57, 58, 56, 53, 54, 55, 52, 51, 50, 49, 47, 48, 45, 44, 46, 43, 42, 41, 38, 39, 40, 37, 36,
        35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 23, 24, 22, 21, 20, 19, 18, 17, 16, 14, 15, 13, 12, 11, 10, 9, 8, 7,
        6, 5, 4, 3, 2, 1, 0,
      ],
      go119: [
        63, 62, 61, 60, 59, 58, 57, 56, 53, 55, 54, 50, 51, 52, 47, 49, 48, 44, 46, 45, 43, 42, 41, 40, 39, 38, 35, 37,
        36, 33, 32, 34, 29, 31, 30, 28, 27, 26, 25, 24, 23, 20, 22, 21, 18, 19, 17, 14, 16, 15, 11, 12, 13, 8, 10, 9, 7,
        6, 5, 4, 3, 2, 0, 1,
      ],
      go124: [
        63, 62, 61, 60, 59, 58, 57, 56, 53, 55, 54, 50, 51, 52, 47, 49, 48, 44, 46, 45, 43, 42, 41, 40, 39, 38, 35, 37,
        36, 33, 32, 34, 29, 31, 30, 28, 27, 26, 25, 24, 23, 20, 22, 21, 18, 19, 17, 14, 16, 15, 11, 12, 13, 8, 10, 9, 7,
        6, 5, 4, 3, 2, 0, 1,
      ],
    },
  ];

  function order(keys: number[], kubectlMinor: number): number[] {
    const k = [...keys];
    const idx = keys.map((_, i) => i);
    goSort(
      {
        less: (a, b) => k[a]! < k[b]!,
        swap: (a, b) => {
          [k[a], k[b]] = [k[b]!, k[a]!];
          [idx[a], idx[b]] = [idx[b]!, idx[a]!];
        },
      },
      k.length,
      kubectlMinor,
    );
    return idx;
  }

  for (const [n, g] of GOLDEN.entries()) {
    it(`case ${n} (${g.keys.length} items): go1.18 for kubectl 1.23/1.24, Go 1.19–1.23 pdqsort, Go 1.24+ pdqsort`, () => {
      expect(order(g.keys, 23)).toEqual(g.go118);
      expect(order(g.keys, 24)).toEqual(g.go118);
      expect(order(g.keys, 25)).toEqual(g.go119);
      expect(order(g.keys, 32)).toEqual(g.go119);
      expect(order(g.keys, 33)).toEqual(g.go124);
      expect(order(g.keys, 35)).toEqual(g.go124);
    });
  }

  it('a zero lastTimestamp (events.k8s.io events) sorts first; ties keep list order for <= 12 events on 1.25+', () => {
    const events = [
      kubelet('Normal', 'A', 50, 5, 2, 'a'),
      scheduled(60, 'scheduled'),
      kubelet('Normal', 'B', 50, 30, 2, 'b'),
      kubelet('Normal', 'C', 5, 5, 1, 'c'),
    ];
    expect(sortEvents(events, 35).map((e) => e.reason)).toEqual(['Scheduled', 'B', 'A', 'C']);
  });

  it('kubectl 1.24 (go1.18): the gap-6 shell pass can swap equal lastTimestamps; 1.25 keeps them in order', () => {
    const events = [5, 1, 2, 2, 2, 2, 1].map((ago, i) => kubelet('Normal', `E${i}`, 100, 100 - ago, 2, 'x'));
    expect(sortEvents(events, 24).map((e) => e.reason)).toEqual(['E6', 'E1', 'E2', 'E3', 'E4', 'E5', 'E0']);
    expect(sortEvents(events, 25).map((e) => e.reason)).toEqual(['E1', 'E6', 'E2', 'E3', 'E4', 'E5', 'E0']);
  });
});
