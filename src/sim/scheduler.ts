/**
 * default-scheduler, reduced to what a bare Pod meets: a pod with spec.nodeName set never reaches the
 * scheduler (its queue only takes unassigned pods, so there is no Scheduled event); otherwise the feasible nodes
 * are the ready, schedulable ones whose NoSchedule taints the pod tolerates and whose labels match its
 * nodeSelector, all scored equally, and the host is drawn among them (selectHost's reservoir sampling over
 * equal top scores) with the seeded PRNG. Binding sets spec.nodeName and PodScheduled=True, then the Scheduled
 * event `Successfully assigned <ns>/<name> to <node>` is recorded through events.k8s.io.
 */
import type { Pod } from '../k8s/api/types.ts';
import type { ApiServer } from './apiserver.ts';
import type { VirtualClock } from './clock.ts';
import { type EventStore, recordSchedulerEvent, type SimEvent } from './events.ts';
import type { NodeTaint, SimNode } from './node.ts';
import type { SeededRandom } from './seeded-random.ts';

/** Retry period of unschedulable pods when nothing in the cluster changes (podMaxInUnschedulablePodsDuration). */
export const UNSCHEDULABLE_RETRY_SECONDS = 300;

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

// staging/src/k8s.io/api/core/v1/toleration.go (*Toleration).ToleratesTaint
function tolerates(t: Toleration, taint: NodeTaint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if ((t.operator ?? 'Equal') === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

export class Scheduler {
  private readonly api: ApiServer;
  private readonly clock: VirtualClock;
  private readonly nodes: () => readonly SimNode[];
  private readonly events: EventStore;
  private readonly rng: SeededRandom;
  private readonly instance: string;
  private readonly unschedulable = new Set<string>();
  /** the last FailedScheduling event of each pod (a repeat becomes a series) */
  private readonly lastFailure = new Map<string, SimEvent>();

  constructor(o: {
    api: ApiServer;
    clock: VirtualClock;
    nodes: () => readonly SimNode[];
    events: EventStore;
    rng: SeededRandom;
    instance?: string;
  }) {
    this.api = o.api;
    this.clock = o.clock;
    this.nodes = o.nodes;
    this.events = o.events;
    this.rng = o.rng;
    this.instance = o.instance ?? 'default-scheduler-control-plane';
  }

  /** A new pod: schedule it shortly (the informer's and the queue's latency). */
  podAdded(pod: Pod): void {
    if (pod.spec.nodeName) return; // assigned pods are not in the scheduling queue
    const gates = (pod.spec as { schedulingGates?: unknown[] }).schedulingGates;
    if (Array.isArray(gates) && gates.length > 0) return;
    const uid = pod.metadata.uid ?? '';
    this.clock.after(this.rng.between(0.005, 0.03), () => this.attempt(uid), `schedule ${pod.metadata.name}`);
  }

  /** A node changed (ready, cordon, taints): unschedulable pods are tried again (MoveAllToActiveOrBackoffQueue). */
  nodesChanged(): void {
    for (const uid of [...this.unschedulable]) {
      this.clock.after(this.rng.between(0.005, 0.03), () => this.attempt(uid), 'retry after a node change');
    }
  }

  private attempt(uid: string): void {
    const pod = this.api.peekPodByUid(uid);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp !== undefined) {
      this.unschedulable.delete(uid);
      return;
    }
    const nodes = this.nodes();
    const feasible: SimNode[] = [];
    const reasons = new Map<string, number>();
    for (const node of nodes) {
      const why = this.unfit(pod, node);
      if (why) reasons.set(why, (reasons.get(why) ?? 0) + 1);
      else feasible.push(node);
    }
    if (feasible.length === 0) {
      this.fail(pod, nodes.length, reasons);
      return;
    }
    this.unschedulable.delete(uid);
    // pkg/scheduler/schedule_one.go selectHost: one of the nodes with the top score, uniformly.
    const node = feasible[this.rng.int(feasible.length)]!;
    this.api.bind(uid, node.name);
    const ns = pod.metadata.namespace ?? 'default';
    // pkg/scheduler/schedule_one.go (*Scheduler).handleBindingCycle / finishBinding
    recordSchedulerEvent(this.events, this.clock, involved(pod), {
      type: 'Normal',
      reason: 'Scheduled',
      action: 'Binding',
      message: `Successfully assigned ${ns}/${pod.metadata.name} to ${node.name}`,
      instance: this.instance,
    });
  }

  // The filter plugins a bare pod meets: NodeUnschedulable, TaintToleration (not-ready nodes carry the
  // node.kubernetes.io/not-ready:NoSchedule taint), NodeAffinity (nodeSelector on the node's hostname label).
  private unfit(pod: Pod, node: SimNode): string | undefined {
    const tolerations = ((pod.spec as { tolerations?: Toleration[] }).tolerations ?? []) as Toleration[];
    if (node.unschedulable) {
      const ok = tolerations.some((t) =>
        tolerates(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }),
      );
      if (!ok) return 'node(s) were unschedulable';
    }
    const taints: NodeTaint[] = [...node.taints];
    if (!node.ready) taints.push({ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' });
    for (const taint of taints) {
      if (taint.effect === 'PreferNoSchedule') continue;
      if (!tolerations.some((t) => tolerates(t, taint))) {
        return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
      }
    }
    const selector = (pod.spec as { nodeSelector?: Record<string, string> }).nodeSelector ?? {};
    const labels: Record<string, string> = { 'kubernetes.io/hostname': node.name, 'kubernetes.io/os': 'linux' };
    for (const [k, v] of Object.entries(selector)) {
      if (labels[k] !== v) return "node(s) didn't match Pod's node affinity/selector";
    }
    return undefined;
  }

  private fail(pod: Pod, total: number, reasons: Map<string, number>): void {
    const uid = pod.metadata.uid ?? '';
    this.unschedulable.add(uid);
    const parts = [...reasons.entries()].map(([why, n]) => `${n} ${why}`).sort();
    // pkg/scheduler/framework/types.go (*FitError).Error: "0/N nodes are available: <reasons>."
    const message = `0/${total} nodes are available: ${parts.join(', ')}${parts.length ? '' : 'no nodes registered'}.`;
    this.api.markUnschedulable(uid, message);
    const last = this.lastFailure.get(uid);
    if (last && last.message === message && this.bumpSeries(last)) {
      // events.k8s.io: a repeat of the same event becomes a series on the first one
    } else {
      this.lastFailure.set(
        uid,
        recordSchedulerEvent(this.events, this.clock, involved(pod), {
          type: 'Warning',
          reason: 'FailedScheduling',
          action: 'Scheduling',
          message,
          instance: this.instance,
        }),
      );
    }
    this.clock.after(UNSCHEDULABLE_RETRY_SECONDS, () => this.attempt(uid), 'retry unschedulable pod');
  }

  private bumpSeries(e: SimEvent): boolean {
    const count = (e.series?.count ?? 1) + 1;
    const lastObservedTime = Math.floor(this.clock.now() * 1e6) / 1e6;
    if (!this.events.patch(e.metadata.namespace, e.metadata.name, { series: { count, lastObservedTime } }))
      return false;
    e.series = { count, lastObservedTime };
    return true;
  }
}

function involved(pod: Pod) {
  return {
    kind: 'Pod',
    name: pod.metadata.name ?? '',
    namespace: pod.metadata.namespace ?? 'default',
    uid: pod.metadata.uid ?? '',
  };
}
