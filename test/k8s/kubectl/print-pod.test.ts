/**
 * Expected rows written by hand from pkg/printers/internalversion/printers.go printPod (and its history, see
 * PRINT_POD_SINCE), and whole tables copied from real `kubectl get pods` output in /work/shared.
 */
import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod, PodCondition } from '../../../src/k8s/api/types.ts';
import {
  GetPodsPrinter,
  PRINT_POD_SINCE,
  PrintPodError,
  podColumnNames,
  printPod,
  renderGetPods,
} from '../../../src/k8s/kubectl/print-pod.ts';

const NOW = 100_000;

const READY: PodCondition = { type: 'Ready', status: 'True' };
const INITIALIZED: PodCondition = { type: 'Initialized', status: 'True' };

function running(name: string, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name, ready: true, started: true, restartCount: 0, state: { running: { startedAt: NOW - 50 } }, ...extra };
}

function restartedAgo(seconds: number): Partial<ContainerStatus> {
  return { lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: NOW - seconds } } };
}

function pod(name: string, fields: { spec?: Partial<Pod['spec']>; status?: Pod['status']; age?: number } = {}): Pod {
  return {
    metadata: { name, namespace: 'default', creationTimestamp: NOW - (fields.age ?? 60) },
    spec: { containers: [{ name: 'app' }], ...fields.spec },
    status: fields.status ?? { phase: 'Running', conditions: [READY], containerStatuses: [running('app')] },
  };
}

function cells(p: Pod, minor = 35, wide = false): readonly string[] {
  return printPod(p, { now: NOW, minor, wide }).cells;
}

describe('printPod basics', () => {
  it('prints NAME READY STATUS RESTARTS AGE', () => {
    expect(cells(pod('web', { age: 279 }))).toEqual(['web', '1/1', 'Running', '0', '4m39s']);
  });

  it('prints <unknown> AGE without a creationTimestamp', () => {
    const p = pod('web');
    delete p.metadata.creationTimestamp;
    expect(cells(p)[4]).toBe('<unknown>');
  });

  it('adds "(X ago)" from the latest lastState.terminated.finishedAt', () => {
    const p = pod('web', {
      status: {
        phase: 'Running',
        containerStatuses: [
          running('a', { restartCount: 2, ...restartedAgo(300) }),
          running('b', { restartCount: 1, ...restartedAgo(17) }),
        ],
      },
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
    });
    expect(cells(p)[3]).toBe('3 (17s ago)');
  });

  it('shows the first container waiting reason (statuses are read last to first)', () => {
    const p = pod('web', {
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      status: {
        phase: 'Pending',
        containerStatuses: [
          { name: 'a', state: { waiting: { reason: 'ErrImagePull' } } },
          { name: 'b', state: { waiting: { reason: 'ContainerCreating' } } },
        ],
      },
    });
    expect(cells(p).slice(1, 3)).toEqual(['0/2', 'ErrImagePull']);
  });

  it('falls back to ExitCode:N / Signal:N for a terminated state without reason', () => {
    const exit3 = pod('a', {
      status: { phase: 'Running', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 3 } } }] },
    });
    const sig9 = pod('b', {
      status: {
        phase: 'Running',
        containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 137, signal: 9 } } }],
      },
    });
    expect(cells(exit3)[2]).toBe('ExitCode:3');
    expect(cells(sig9)[2]).toBe('Signal:9');
  });

  it('uses status.reason over the phase', () => {
    const p = pod('web', { status: { phase: 'Failed', reason: 'Evicted' } });
    expect(cells(p).slice(1, 4)).toEqual(['0/1', 'Evicted', '0']);
  });

  it('reads Completed with a running container as Running (Ready) or NotReady', () => {
    const status = (conditions: PodCondition[]): Pod['status'] => ({
      phase: 'Running',
      conditions,
      containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } }, running('b')],
    });
    const spec = { containers: [{ name: 'a' }, { name: 'b' }] };
    expect(cells(pod('x', { spec, status: status([READY]) }))[2]).toBe('Running');
    expect(cells(pod('x', { spec, status: status([]) }))[2]).toBe('NotReady');
  });

  it('marks finished rows with the Completed row condition', () => {
    const succeeded = printPod(pod('x', { status: { phase: 'Succeeded' } }), { now: NOW, minor: 35 });
    const failed = printPod(pod('x', { status: { phase: 'Failed' } }), { now: NOW, minor: 35 });
    expect(succeeded.conditions).toEqual([
      { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
    ]);
    expect(failed.conditions).toEqual([
      { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' },
    ]);
    expect(printPod(pod('x'), { now: NOW, minor: 35 }).conditions).toBeNull();
  });

  it('NodeLost on a deleted pod shows Unknown in every release', () => {
    const p = pod('x', { status: { phase: 'Running', reason: 'NodeLost', containerStatuses: [running('app')] } });
    p.metadata.deletionTimestamp = NOW - 5;
    expect(cells(p, 23)[2]).toBe('Unknown');
    expect(cells(p, 35)[2]).toBe('Unknown');
  });
});

describe('init containers', () => {
  const spec = { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }] };
  const appWaiting: ContainerStatus = { name: 'app', state: { waiting: { reason: 'PodInitializing' } } };
  const withInit = (init: ContainerStatus): Pod =>
    pod('x', { spec, status: { phase: 'Pending', initContainerStatuses: [init], containerStatuses: [appWaiting] } });

  it.each<[string, ContainerStatus, string]>([
    ['running', { name: 'init', state: { running: {} } }, 'Init:0/1'],
    ['waiting PodInitializing', { name: 'init', state: { waiting: { reason: 'PodInitializing' } } }, 'Init:0/1'],
    ['crash looping', { name: 'init', state: { waiting: { reason: 'CrashLoopBackOff' } } }, 'Init:CrashLoopBackOff'],
    ['failed', { name: 'init', state: { terminated: { exitCode: 1, reason: 'Error' } } }, 'Init:Error'],
    ['killed, no reason', { name: 'init', state: { terminated: { exitCode: 137, signal: 9 } } }, 'Init:Signal:9'],
    ['exit 2, no reason', { name: 'init', state: { terminated: { exitCode: 2 } } }, 'Init:ExitCode:2'],
    ['done', { name: 'init', state: { terminated: { exitCode: 0, reason: 'Completed' } } }, 'PodInitializing'],
  ])('%s -> %s', (_label, init, status) => {
    expect(cells(withInit(init))[2]).toBe(status);
  });

  it('counts init restarts while initializing', () => {
    const init: ContainerStatus = {
      name: 'init',
      restartCount: 4,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      ...restartedAgo(25),
    };
    expect(cells(withInit(init)).slice(1, 4)).toEqual(['0/1', 'Init:CrashLoopBackOff', '4 (25s ago)']);
  });
});

describe('release differences', () => {
  it(`SchedulingGated from 1.${PRINT_POD_SINCE.schedulingGated}`, () => {
    const p = pod('gated', {
      status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] },
    });
    expect(cells(p, 25)[2]).toBe('Pending');
    expect(cells(p, 26)[2]).toBe('SchedulingGated');
  });

  describe(`sidecars (restartable init containers) from 1.${PRINT_POD_SINCE.sidecars}`, () => {
    const spec = { initContainers: [{ name: 'log', restartPolicy: 'Always' }], containers: [{ name: 'app' }] };
    const sidecarPod = pod('with-sidecar', {
      spec,
      status: {
        phase: 'Running',
        conditions: [INITIALIZED, READY],
        initContainerStatuses: [running('log', { restartCount: 2, ...restartedAgo(30) })],
        containerStatuses: [running('app', { restartCount: 1, ...restartedAgo(60) })],
      },
    });

    it('1.28 counts the sidecar in READY and RESTARTS', () => {
      expect(cells(sidecarPod, 28).slice(1, 4)).toEqual(['2/2', 'Running', '3 (30s ago)']);
    });

    it('1.27 does not know sidecars: the running init container holds the pod in Init', () => {
      expect(cells(sidecarPod, 27).slice(1, 4)).toEqual(['0/1', 'Init:0/1', '2 (30s ago)']);
    });

    it('1.28 shows the app containers once Initialized=True, even if a sidecar is not started', () => {
      const p = pod('restarting-sidecar', {
        spec,
        status: {
          phase: 'Running',
          conditions: [INITIALIZED],
          initContainerStatuses: [running('log', { started: false, ready: false })],
          containerStatuses: [{ name: 'app', restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } }],
        },
      });
      expect(cells(p, 28).slice(1, 4)).toEqual(['0/2', 'CrashLoopBackOff', '3']);
      expect(cells(p, 27).slice(1, 4)).toEqual(['0/1', 'Init:0/1', '0']);
    });

    it('a restartable init container still starting holds the pod in Init', () => {
      const p = pod('starting', {
        spec,
        status: {
          phase: 'Pending',
          initContainerStatuses: [running('log', { started: false, ready: false })],
          containerStatuses: [{ name: 'app', state: { waiting: { reason: 'PodInitializing' } } }],
        },
      });
      expect(cells(p, 35).slice(1, 3)).toEqual(['0/2', 'Init:0/1']);
    });

    it('from 1.28 a finished init container no longer leaves "0 (X ago)"', () => {
      const p = pod('init-restarted', {
        spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'app' }] },
        status: {
          phase: 'Running',
          conditions: [READY],
          initContainerStatuses: [
            {
              name: 'init',
              restartCount: 1,
              state: { terminated: { exitCode: 0, reason: 'Completed' } },
              ...restartedAgo(100),
            },
          ],
          containerStatuses: [running('app')],
        },
      });
      expect(cells(p, 27)[3]).toBe('0 (100s ago)');
      expect(cells(p, 28)[3]).toBe('0');
    });
  });

  it(`a Succeeded/Failed pod being deleted keeps its status from 1.${PRINT_POD_SINCE.terminalNotTerminating}`, () => {
    const p = pod('done', {
      status: {
        phase: 'Succeeded',
        containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      },
    });
    p.metadata.deletionTimestamp = NOW - 10;
    expect(cells(p, 30)[2]).toBe('Terminating');
    expect(cells(p, 31)[2]).toBe('Completed');
    const live = pod('live');
    live.metadata.deletionTimestamp = NOW - 10;
    expect(cells(live, 31)[2]).toBe('Terminating');
  });

  it(`a failed container outranks Completed from 1.${PRINT_POD_SINCE.failedContainerOverCompleted}`, () => {
    // kubernetes issue #121563: [Completed, Error] used to print Completed
    const p = pod('job', {
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      status: {
        phase: 'Failed',
        containerStatuses: [
          { name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { name: 'b', state: { terminated: { exitCode: 1, reason: 'Error' } } },
        ],
      },
    });
    expect(cells(p, 34)[2]).toBe('Completed');
    expect(cells(p, 35)[2]).toBe('Error');
  });

  it('1.35 still prefers Running when a container runs and the pod is Ready', () => {
    const p = pod('mixed', {
      spec: { containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
      status: {
        phase: 'Running',
        conditions: [READY],
        containerStatuses: [
          { name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { name: 'b', state: { terminated: { exitCode: 1, reason: 'Error' } } },
          running('c'),
        ],
      },
    });
    expect(cells(p, 35)[2]).toBe('Running');
    const notReady = { ...p, status: { ...p.status, conditions: [] } };
    expect(cells(notReady, 35)[2]).toBe('Error');
    expect(cells(notReady, 34)[2]).toBe('NotReady');
  });
});

describe('-o wide', () => {
  it('adds IP (first podIPs entry), NODE, NOMINATED NODE and READINESS GATES', () => {
    const p = pod('web', {
      spec: { nodeName: 'node-1', readinessGates: [{ conditionType: 'lb/ready' }, { conditionType: 'other' }] },
      status: {
        phase: 'Running',
        conditions: [READY, { type: 'lb/ready', status: 'True' }, { type: 'other', status: 'False' }],
        podIPs: [{ ip: '10.244.0.11' }, { ip: 'fd00::b' }],
        nominatedNodeName: 'node-2',
        containerStatuses: [running('app')],
      },
    });
    expect(cells(p, 35, true).slice(5)).toEqual(['10.244.0.11', 'node-1', 'node-2', '1/2']);
  });

  it('prints <none> for anything unset (status.podIP alone is not read)', () => {
    const p = pod('web', { status: { phase: 'Pending', podIP: '10.0.0.1' } });
    expect(cells(p, 35, true).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });

  it('rejects malformed readiness gates', () => {
    const p = pod('web', { spec: { readinessGates: ['lb/ready'] } });
    expect(() => cells(p, 35, true)).toThrow(PrintPodError);
  });
});

describe('input checks', () => {
  it('rejects a release outside 1.23..1.35', () => {
    expect(() => printPod(pod('x'), { now: NOW, minor: 22 })).toThrow(/unsupported Kubernetes version/);
  });

  it('rejects a pod without spec.containers and a non-finite now', () => {
    expect(() => printPod({ metadata: {} } as Pod, { now: NOW, minor: 35 })).toThrow(PrintPodError);
    expect(() => printPod(pod('x'), { now: Number.NaN, minor: 35 })).toThrow(/now/);
  });
});

describe('columns', () => {
  it('names the server columns', () => {
    expect(podColumnNames()).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age']);
    expect(podColumnNames(true).slice(5)).toEqual(['IP', 'Node', 'Nominated Node', 'Readiness Gates']);
  });
});

/** The real tables below are copied from /work/shared; times are rebuilt as "seconds before now". */
describe('kubectl get pods tables (real output)', () => {
  const terminated = (reason: string, exitCode: number) => ({ terminated: { exitCode, reason } });

  it('transcript 07 (kind v1.30): three pods', () => {
    const pods = [
      pod('nginx-pod', {
        age: 89 * 60,
        status: {
          phase: 'Running',
          conditions: [READY],
          containerStatuses: [running('app', { restartCount: 1, ...restartedAgo(36 * 60) })],
        },
      }),
      pod('nginx-pod-2', { age: 60 * 60 }),
      pod('redis', {
        age: 12,
        status: {
          phase: 'Pending',
          containerStatuses: [{ name: 'app', state: { waiting: { reason: 'ErrImagePull' } } }],
        },
      }),
    ];
    expect(renderGetPods(pods, { now: NOW, minor: 30 })).toBe(
      [
        'NAME          READY   STATUS         RESTARTS      AGE',
        'nginx-pod     1/1     Running        1 (36m ago)   89m',
        'nginx-pod-2   1/1     Running        0             60m',
        'redis         0/1     ErrImagePull   0             12s',
        '',
      ].join('\n'),
    );
  });

  it('transcript 20 (1.33+): Never / Always / OnFailure pods, two snapshots', () => {
    const snapshot = (
      age: number,
      crash: { restarts: number; ago: number; state: ContainerStatus['state'] },
      onFailureAgo: number,
      badImage: string,
    ) => [
      pod('bad-image-pod', {
        age,
        status: { phase: 'Pending', containerStatuses: [{ name: 'app', state: { waiting: { reason: badImage } } }] },
      }),
      pod('completed-pod', {
        age,
        status: { phase: 'Succeeded', containerStatuses: [{ name: 'app', state: terminated('Completed', 0) }] },
      }),
      pod('crash-pod', {
        age,
        status: {
          phase: 'Running',
          containerStatuses: [
            { name: 'app', restartCount: crash.restarts, state: crash.state, ...restartedAgo(crash.ago) },
          ],
        },
      }),
      pod('onfailure-pod', {
        age,
        status: {
          phase: 'Succeeded',
          containerStatuses: [
            { name: 'app', restartCount: 1, state: terminated('Completed', 0), ...restartedAgo(onFailureAgo) },
          ],
        },
      }),
    ];
    const early = snapshot(11, { restarts: 1, ago: 7, state: terminated('Error', 1) }, 2, 'ErrImagePull');
    expect(renderGetPods(early, { now: NOW, minor: 34 })).toBe(
      [
        'NAME            READY   STATUS         RESTARTS     AGE',
        'bad-image-pod   0/1     ErrImagePull   0            11s',
        'completed-pod   0/1     Completed      0            11s',
        'crash-pod       0/1     Error          1 (7s ago)   11s',
        'onfailure-pod   0/1     Completed      1 (2s ago)   11s',
        '',
      ].join('\n'),
    );
    const late = snapshot(434, { restarts: 6, ago: 231, state: terminated('Error', 1) }, 425, 'ImagePullBackOff');
    expect(renderGetPods(late, { now: NOW, minor: 34 })).toBe(
      [
        'NAME            READY   STATUS             RESTARTS        AGE',
        'bad-image-pod   0/1     ImagePullBackOff   0               7m14s',
        'completed-pod   0/1     Completed          0               7m14s',
        'crash-pod       0/1     Error              6 (3m51s ago)   7m14s',
        'onfailure-pod   0/1     Completed          1 (7m5s ago)    7m14s',
        '',
      ].join('\n'),
    );
  });

  it('transcript 03 (1.33+): CrashLoopBackOff after OOMKilled', () => {
    const p = pod('pod-lim', {
      age: 254,
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'app',
            restartCount: 5,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: NOW - 75 } },
          },
        ],
      },
    });
    expect(renderGetPods([p], { now: NOW, minor: 33 })).toBe(
      'NAME      READY   STATUS             RESTARTS      AGE\npod-lim   0/1     CrashLoopBackOff   5 (75s ago)   4m14s\n',
    );
  });

  it('seed notes: nginx-5 with restartPolicy Always after `nginx -s stop`', () => {
    const stopped = pod('nginx-5', {
      age: 116,
      status: {
        phase: 'Running',
        containerStatuses: [{ name: 'app', restartCount: 1, state: terminated('Completed', 0), ...restartedAgo(43) }],
      },
    });
    expect(renderGetPods([stopped], { now: NOW, minor: 29 })).toBe(
      'NAME      READY   STATUS      RESTARTS      AGE\nnginx-5   0/1     Completed   1 (43s ago)   116s\n',
    );
    const back = pod('nginx-5', {
      age: 144,
      status: {
        phase: 'Running',
        conditions: [READY],
        containerStatuses: [running('app', { restartCount: 2, ...restartedAgo(32) })],
      },
    });
    expect(renderGetPods([back], { now: NOW, minor: 29 })).toBe(
      'NAME      READY   STATUS    RESTARTS      AGE\nnginx-5   1/1     Running   2 (32s ago)   2m24s\n',
    );
  });

  it('transcript 05 (1.33+): -o wide --watch keeps remembered widths', () => {
    const startupPod = (restarts: number, age: number): Pod =>
      pod('startup-pod', {
        age,
        spec: { nodeName: 'devops-cluster-control-plane' },
        status: {
          phase: 'Running',
          podIPs: [{ ip: '10.244.0.11' }],
          containerStatuses: [
            running('app', { ready: false, restartCount: restarts, ...(restarts ? restartedAgo(1) : {}) }),
          ],
        },
      });
    // one printer for the whole --watch: the first list, then one flush per watch event
    const printer = new GetPodsPrinter({ minor: 33, wide: true });
    const first = printer.print([startupPod(0, 3)], NOW);
    const second = printer.print([startupPod(1, 42)], NOW);
    const third = printer.print([startupPod(2, 82)], NOW);
    expect(first + second + third).toBe(
      [
        'NAME          READY   STATUS    RESTARTS   AGE   IP            NODE                           NOMINATED NODE   READINESS GATES',
        'startup-pod   0/1     Running   0          3s    10.244.0.11   devops-cluster-control-plane   <none>           <none>',
        'startup-pod   0/1     Running   1 (1s ago)   42s   10.244.0.11   devops-cluster-control-plane   <none>           <none>',
        'startup-pod   0/1     Running   2 (1s ago)   82s   10.244.0.11   devops-cluster-control-plane   <none>           <none>',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for no pods, and no header with --no-headers', () => {
    expect(renderGetPods([], { now: NOW, minor: 35 })).toBe('');
    expect(renderGetPods([pod('web', { age: 5 })], { now: NOW, minor: 35, noHeaders: true })).toBe(
      'web   1/1   Running   0     5s\n',
    );
  });

  it('-A puts NAMESPACE first', () => {
    const p = pod('coredns', { age: 600 });
    p.metadata.namespace = 'kube-system';
    expect(renderGetPods([p], { now: NOW, minor: 35, withNamespace: true })).toBe(
      'NAMESPACE     NAME      READY   STATUS    RESTARTS   AGE\nkube-system   coredns   1/1     Running   0          10m\n',
    );
  });
});
