/**
 * print_pod.json: printers.go printPod cases (copied from printers_test.go TestPrintPod* and derived ones).
 * The file's `legend` says how compact inputs expand; this adapter rebuilds full pods from them at a fixed `now`.
 */
import type { Container, ContainerStatus, Pod } from '../../../src/k8s/api/types.ts';
import { printPod } from '../../../src/k8s/kubectl/print-pod.ts';
import { type CaseOutcome, casesOf, defaultCaseName, type VectorAdapter, type VectorCase } from '../adapter.ts';

/** Any instant works: every case gives times as "seconds before now". */
const NOW = 1_000_000;

/** The copied cases come from a v1.32+-era printers_test.go; the derived ones name no era. */
const COPIED_CASES_MINOR = 32;
const DERIVED_CASES_MINOR = 35;

/**
 * The vectors hold no pod name: a case's name is the upstream test's pod name, except where the vector renamed a
 * duplicate ("test1b", "test6-ready") or the upstream table names its cases apart from its pods (TestPrintPodConditions
 * names them "running"/"succeeded", its pods are "test1").
 */
const UPSTREAM_POD_NAMES: Record<string, string> = {
  test1b: 'test1',
  'test6-ready': 'test6',
  running: 'test1',
  succeeded: 'test1',
};

type Json = Record<string, unknown>;

function containersOf(value: unknown): Container[] {
  // legend "containers (int)": make([]api.Container, n), unnamed
  if (typeof value === 'number') return Array.from({ length: value }, () => ({ name: '' }));
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error('print_pod.json: containers must be a number or a list');
  return value.map((c: Json) => ({ ...c, name: typeof c.name === 'string' ? c.name : '' }));
}

function statusOf(value: Json): ContainerStatus {
  const { lastTerminationFinishedAgo, state, ...rest } = value;
  const status: ContainerStatus = { ...(rest as Partial<ContainerStatus>), name: String(value.name ?? '') };
  const s = state as Json | undefined;
  if (s) {
    const terminated = s.terminated as Json | undefined;
    status.state = terminated ? { ...s, terminated: { exitCode: 0, ...terminated } } : s;
  }
  // legend: seconds before `now` of lastTerminationState.terminated.finishedAt
  if (typeof lastTerminationFinishedAgo === 'number') {
    status.lastState = { terminated: { exitCode: 0, finishedAt: NOW - lastTerminationFinishedAgo } };
  }
  return status;
}

function podOf(c: VectorCase): Pod {
  const input = c.input as Json;
  const p = input.pod as Json;
  const spec = p.spec as Json;
  const status = (p.status ?? {}) as Json;
  const name = String(c.name);
  const metadata: Pod['metadata'] = { name: UPSTREAM_POD_NAMES[name] ?? name };
  // legend: absent creationTimestampAgoSeconds => zero creationTimestamp
  if (typeof p.creationTimestampAgoSeconds === 'number')
    metadata.creationTimestamp = NOW - p.creationTimestampAgoSeconds;
  if (typeof p.deletionTimestampAgoSeconds === 'number')
    metadata.deletionTimestamp = NOW - p.deletionTimestampAgoSeconds;
  const podSpec: Pod['spec'] = {
    ...spec,
    containers: containersOf(spec.containers),
    initContainers: containersOf(spec.initContainers),
  };
  if (Array.isArray(spec.readinessGates)) {
    podSpec.readinessGates = spec.readinessGates.map((conditionType) => ({ conditionType }));
  }
  const podStatus: Pod['status'] = {
    ...(status as Pod['status']),
    initContainerStatuses: ((status.initContainerStatuses ?? []) as Json[]).map(statusOf),
    containerStatuses: ((status.containerStatuses ?? []) as Json[]).map(statusOf),
  };
  if (Array.isArray(status.podIPs)) podStatus.podIPs = status.podIPs.map((ip) => ({ ip: String(ip) }));
  return { metadata, spec: podSpec, status: podStatus };
}

/** The file's legend, read when the cases are listed (it defines the named rowConditions lists). */
let legend: Json = {};

function legendConditions(key: string): unknown {
  if (!(key in legend)) throw new Error(`print_pod.json: rowConditions names ${key}, which the legend does not define`);
  return legend[key];
}

function isCopied(c: VectorCase): boolean {
  return String(c.source).includes('printers_test.go');
}

export const adapter: VectorAdapter = {
  file: 'print_pod.json',
  versionNote:
    `cases copied from the v1.32+-era printers_test.go run at 1.${COPIED_CASES_MINOR}; ` +
    `derived cases (no era named) at 1.${DERIVED_CASES_MINOR}`,
  cases(doc: unknown): VectorCase[] {
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) legend = ((doc as Json).legend ?? {}) as Json;
    return casesOf(doc);
  },
  caseName: defaultCaseName,
  run(c: VectorCase): CaseOutcome {
    const minor = isCopied(c) ? COPIED_CASES_MINOR : DERIVED_CASES_MINOR;
    const input = c.input as Json;
    const row = printPod(podOf(c), { now: NOW, minor, wide: input.wide === true });
    const expected = c.expected as Json;
    // expected.rowConditions: a legend key, a literal list, null, or absent (no conditions)
    const conditions = expected.rowConditions;
    const expectedConditions = typeof conditions === 'string' ? legendConditions(conditions) : (conditions ?? null);
    return {
      actual: { cells: row.cells, rowConditions: row.conditions },
      expected: { cells: expected.cells, rowConditions: expectedConditions },
    };
  },
};
