/**
 * recordTimeline: listens to a virtual cluster's pod watch stream (what `kubectl get pods -w` sees) and keeps,
 * for every pod and container, the states the API showed, the restarts and the back-off waits.
 *
 * The kubelet writes the waiting reason CrashLoopBackOff at the sync after the one that found the container in
 * back-off (pkg/kubelet/kuberuntime/kuberuntime_manager.go (kubeGenericRuntimeManager).SyncPod computes the status
 * before acting), so that waiting state can be short or missing; the wait itself runs from the exit's
 * `finishedAt` to the next run's `startedAt`, and that is what a BackoffWait holds.
 */

import { parseDuration } from '../../check/extract/durations.ts';
import type { ContainerState, ContainerStatus, Pod } from '../../k8s/api/types.ts';
import type { PodListener, PodWatchEvent } from '../../sim/index.ts';
import type {
  BackoffWait,
  ContainerStateKind,
  ContainerTimeline,
  PodTimeline,
  StateSegment,
  Timeline,
} from './types.ts';

/** What the recorder needs of a cluster (src/sim's Cluster has it). */
export interface TimelineCluster {
  now(): number;
  watchPods(listener: PodListener): () => void;
  listPods(namespace?: string): Pod[];
}

export interface RecordOptions {
  /** Virtual Unix time of t = 0 (default: the cluster's clock when recording starts). */
  startTime?: number;
  /** Record only this namespace's pods (default: all). */
  namespace?: string;
}

export interface TimelineRecorder {
  /** The timeline so far, up to `end` seconds after the start (default: the cluster's clock). A fresh copy. */
  timeline(end?: number): Timeline;
  /** Stops listening; `timeline()` still answers with what was recorded. */
  stop(): void;
}

/** pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff: `back-off %s restarting failed container=...`. */
const CRASH_LOOP_MESSAGE = /^back-off (\S+) restarting failed container/;

interface OpenSegment {
  from: number;
  state: ContainerStateKind;
  reason?: string;
  exitCode?: number;
  message?: string;
  restartCount: number;
}

interface ContainerRecord {
  data: ContainerTimeline;
  open?: OpenSegment;
  restartCount: number;
  /** A CrashLoopBackOff seen since the last exit: the exit's finishedAt and the nominal back-off. */
  crashLoop?: { from: number; backoffSeconds?: number };
  /** The ImagePullBackOff wait in progress. */
  imagePull?: { from: number };
}

interface PodRecord {
  data: PodTimeline;
  phase?: { from: number; phase: string };
  containers: Map<string, ContainerRecord>;
  gone: boolean;
}

function stateOf(state: ContainerState | undefined): OpenSegment | undefined {
  if (state?.running) return { from: 0, state: 'running', restartCount: 0 };
  if (state?.terminated) {
    const t = state.terminated;
    return {
      from: 0,
      state: 'terminated',
      exitCode: t.exitCode,
      restartCount: 0,
      ...(t.reason ? { reason: t.reason } : {}),
    };
  }
  if (state?.waiting) {
    const w = state.waiting;
    return {
      from: 0,
      state: 'waiting',
      restartCount: 0,
      ...(w.reason ? { reason: w.reason } : {}),
      ...(w.message ? { message: w.message } : {}),
    };
  }
  return undefined;
}

function sameState(a: OpenSegment, b: OpenSegment): boolean {
  return (
    a.state === b.state &&
    a.reason === b.reason &&
    a.exitCode === b.exitCode &&
    a.message === b.message &&
    a.restartCount === b.restartCount
  );
}

function closed(open: OpenSegment, to: number): StateSegment {
  const segment: StateSegment = { from: open.from, to: Math.max(open.from, to), state: open.state, restartCount: 0 };
  if (open.reason !== undefined) segment.reason = open.reason;
  if (open.exitCode !== undefined) segment.exitCode = open.exitCode;
  if (open.message !== undefined) segment.message = open.message;
  segment.restartCount = open.restartCount;
  return segment;
}

/** Every container of the spec, init containers first, with its status (if the kubelet wrote one yet). */
function containersOf(pod: Pod): { name: string; init: boolean; status?: ContainerStatus }[] {
  const statuses = (list: ContainerStatus[] | undefined) => new Map((list ?? []).map((s) => [s.name, s]));
  const init = statuses(pod.status?.initContainerStatuses);
  const regular = statuses(pod.status?.containerStatuses);
  return [
    ...(pod.spec.initContainers ?? []).map((c) => ({ name: c.name, init: true, status: init.get(c.name) })),
    ...pod.spec.containers.map((c) => ({ name: c.name, init: false, status: regular.get(c.name) })),
  ].map(({ status, ...rest }) => (status ? { ...rest, status } : rest));
}

class Recorder implements TimelineRecorder {
  private readonly cluster: TimelineCluster;
  private readonly startTime: number;
  private readonly namespace: string | undefined;
  private readonly pods: PodRecord[] = [];
  private readonly byUid = new Map<string, PodRecord>();
  private unsubscribe: (() => void) | undefined;
  /** The latest time an event was seen (a stopped recorder answers up to here by default). */
  private lastTime = 0;

  constructor(cluster: TimelineCluster, options: RecordOptions) {
    this.cluster = cluster;
    this.startTime = options.startTime ?? cluster.now();
    this.namespace = options.namespace;
    const at = this.relative(cluster.now());
    for (const pod of cluster.listPods(this.namespace)) this.observe(pod, at, 'ADDED');
    this.unsubscribe = cluster.watchPods((e) => this.onEvent(e));
  }

  stop(): void {
    this.lastTime = Math.max(this.lastTime, this.relative(this.cluster.now()));
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  timeline(end?: number): Timeline {
    const until = end ?? (this.unsubscribe ? this.relative(this.cluster.now()) : this.lastTime);
    return {
      start: 0,
      end: until,
      startTime: this.startTime,
      pods: this.pods.filter((p) => p.data.created <= until).map((p) => this.snapshot(p, until)),
    };
  }

  private relative(time: number): number {
    return Math.round((time - this.startTime) * 1000) / 1000;
  }

  private onEvent(e: PodWatchEvent): void {
    if (this.namespace !== undefined && e.pod.metadata.namespace !== this.namespace) return;
    this.observe(e.pod, this.relative(e.time), e.type);
  }

  private observe(pod: Pod, at: number, type: PodWatchEvent['type']): void {
    this.lastTime = Math.max(this.lastTime, at);
    const uid = pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`;
    let record = this.byUid.get(uid);
    if (!record) {
      if (type === 'DELETED') return;
      const created = pod.metadata.creationTimestamp;
      record = {
        data: {
          name: pod.metadata.name ?? '',
          namespace: pod.metadata.namespace ?? 'default',
          uid,
          created: typeof created === 'number' ? Math.min(at, Math.max(0, this.relative(created))) : at,
          phases: [],
          containers: [],
        },
        containers: new Map(),
        gone: false,
      };
      if (pod.spec.restartPolicy) record.data.restartPolicy = pod.spec.restartPolicy;
      this.byUid.set(uid, record);
      this.pods.push(record);
    }
    if (record.gone) return;
    if (pod.spec.nodeName) record.data.node = pod.spec.nodeName;
    this.observePhase(record, pod.status?.phase, at);
    for (const c of containersOf(pod)) this.observeContainer(record, c, at);
    if (type === 'DELETED') this.remove(record, at);
  }

  private observePhase(record: PodRecord, phase: string | undefined, at: number): void {
    if (!phase || record.phase?.phase === phase) return;
    if (record.phase) record.data.phases.push({ from: record.phase.from, to: at, phase: record.phase.phase });
    record.phase = { from: at, phase };
  }

  private container(record: PodRecord, name: string, init: boolean): ContainerRecord {
    let c = record.containers.get(name);
    if (!c) {
      c = { data: { name, init, segments: [], restarts: [], backoffs: [] }, restartCount: 0 };
      record.containers.set(name, c);
      record.data.containers.push(c.data);
      // Keep init containers before regular ones whatever order their statuses appear in.
      record.data.containers.sort((a, b) => Number(b.init) - Number(a.init));
    }
    return c;
  }

  private observeContainer(
    record: PodRecord,
    spec: { name: string; init: boolean; status?: ContainerStatus },
    at: number,
  ): void {
    const c = this.container(record, spec.name, spec.init);
    const status = spec.status;
    const next = stateOf(status?.state);
    if (!status || !next) return;
    const count = status.restartCount ?? 0;
    next.from = at;
    next.restartCount = count;

    if (count > c.restartCount) this.restarted(c, status, count, at);
    c.restartCount = Math.max(c.restartCount, count);

    if (next.state === 'waiting' && next.reason === 'CrashLoopBackOff') {
      const finished = status.lastState?.terminated?.finishedAt;
      const nominal = CRASH_LOOP_MESSAGE.exec(next.message ?? '')?.[1];
      const seconds = nominal === undefined ? undefined : parseDuration(nominal);
      c.crashLoop = {
        from: typeof finished === 'number' ? this.relative(finished) : at,
        ...(seconds !== undefined ? { backoffSeconds: seconds } : {}),
      };
    }
    const pulling = next.state === 'waiting' && next.reason === 'ImagePullBackOff';
    if (pulling && !c.imagePull) c.imagePull = { from: at };
    if (!pulling && c.imagePull) {
      c.data.backoffs.push({ kind: 'image-pull', from: c.imagePull.from, to: at, ended: true });
      c.imagePull = undefined;
    }

    if (c.open && sameState(c.open, next)) return;
    if (c.open) c.data.segments.push(closed(c.open, at));
    c.open = next;
  }

  /** The restart count went up: mark each restart when the API showed it, and end the crash-loop wait. */
  private restarted(c: ContainerRecord, status: ContainerStatus, count: number, at: number): void {
    for (let n = c.restartCount + 1; n <= count; n++) c.data.restarts.push({ at, restartCount: n });
    if (c.crashLoop) {
      // The wait ends when the new run started (the kubelet's startedAt), not when the API said so.
      const started = status.state?.running?.startedAt ?? status.state?.terminated?.startedAt;
      const to = typeof started === 'number' ? Math.max(c.crashLoop.from, this.relative(started)) : at;
      const wait: BackoffWait = { kind: 'crash-loop', from: c.crashLoop.from, to, ended: true };
      if (c.crashLoop.backoffSeconds !== undefined) wait.backoffSeconds = c.crashLoop.backoffSeconds;
      c.data.backoffs.push(wait);
      c.crashLoop = undefined;
    }
  }

  private remove(record: PodRecord, at: number): void {
    record.gone = true;
    record.data.deleted = at;
    const snapshot = this.snapshot(record, at);
    record.data.phases = snapshot.phases;
    record.data.containers.splice(0, record.data.containers.length, ...snapshot.containers);
    record.phase = undefined;
    for (const c of record.containers.values()) {
      c.open = undefined;
      c.crashLoop = undefined;
      c.imagePull = undefined;
    }
  }

  /** A copy of a pod's record with everything still open closed at `end`. */
  private snapshot(record: PodRecord, end: number): PodTimeline {
    const data = record.data;
    const to = data.deleted !== undefined ? Math.min(end, data.deleted) : end;
    const phases = data.phases.filter((p) => p.from <= to).map((p) => ({ ...p, to: Math.min(p.to, to) }));
    if (record.phase && record.phase.from <= to)
      phases.push({ from: record.phase.from, to, phase: record.phase.phase });
    const containers = data.containers.map((cd) => {
      const c = record.containers.get(cd.name);
      const segments = cd.segments.filter((s) => s.from <= to).map((s) => ({ ...s, to: Math.min(s.to, to) }));
      if (c?.open && c.open.from <= to) segments.push(closed(c.open, to));
      const backoffs = cd.backoffs.filter((b) => b.from <= to).map((b) => ({ ...b, to: Math.min(b.to, to) }));
      const pending = c?.crashLoop ?? c?.imagePull;
      if (c && pending && pending.from <= to) {
        const wait: BackoffWait = {
          kind: c.crashLoop ? 'crash-loop' : 'image-pull',
          from: pending.from,
          to,
          ended: false,
        };
        if (c.crashLoop?.backoffSeconds !== undefined) wait.backoffSeconds = c.crashLoop.backoffSeconds;
        backoffs.push(wait);
      }
      return {
        name: cd.name,
        init: cd.init,
        segments,
        restarts: cd.restarts.filter((r) => r.at <= to).map((r) => ({ ...r })),
        backoffs: backoffs.sort((a, b) => a.from - b.from),
      };
    });
    const pod: PodTimeline = { ...data, phases, containers };
    return pod;
  }
}

/** Starts recording a cluster's pods; see index.ts for the shape of what `timeline()` answers. */
export function recordTimeline(cluster: TimelineCluster, options: RecordOptions = {}): TimelineRecorder {
  return new Recorder(cluster, options);
}
