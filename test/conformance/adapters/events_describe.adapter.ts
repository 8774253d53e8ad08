/**
 * events_describe.json: kubectl describe Events rows and header (describe.go DescribeEvents) and the client-go
 * EventCorrelator (events_cache.go). Row inputs give ages ("…Ago", seconds before now); the adapter turns them into
 * virtual-clock timestamps relative to a fixed `now`. Correlator cases describe outcomes in words; the adapter runs
 * the scenario and writes the model's outcome in the same words only when the model shows exactly that behaviour
 * (otherwise it writes what the model did, so the case fails).
 */
import type { KubeEvent } from '../../../src/k8s/api/types.ts';
import {
  AGGREGATE_MESSAGE_PREFIX,
  type CorrelatedEvent,
  type CorrelateResult,
  EventCorrelator,
  type RecordedEvent,
} from '../../../src/k8s/events/correlator.ts';
import { eventRow, eventsSectionSource } from '../../../src/k8s/kubectl/describe-events.ts';
import { type CaseOutcome, casesOf, defaultCaseName, type VectorAdapter, type VectorCase } from '../adapter.ts';

const NOW = 100_000;
const KUBECTL_MINOR = 35;

interface RowInput {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  firstTimestampAgo?: number | null;
  lastTimestampAgo?: number | null;
  eventTimeAgo?: number | null;
  count?: number;
  series?: { count: number; lastObservedAgo: number };
  source?: { component?: string; host?: string };
  reportingController?: string;
}

const at = (ago: number | null | undefined): number | undefined =>
  ago === null || ago === undefined ? undefined : NOW - ago;

function rowCase(input: RowInput): unknown {
  const e: KubeEvent = {
    type: input.type,
    reason: input.reason,
    message: input.message,
    involvedObject: { kind: 'Pod', name: 'pod', namespace: 'default' },
    source: input.source ?? {},
  };
  if (input.count !== undefined) e.count = input.count;
  if (at(input.firstTimestampAgo) !== undefined) e.firstTimestamp = at(input.firstTimestampAgo);
  if (at(input.lastTimestampAgo) !== undefined) e.lastTimestamp = at(input.lastTimestampAgo);
  if (at(input.eventTimeAgo) !== undefined) e.eventTime = at(input.eventTimeAgo);
  if (input.series) e.series = { count: input.series.count, lastObservedTime: NOW - input.series.lastObservedAgo };
  if (input.reportingController !== undefined) e.reportingController = input.reportingController;
  const r = eventRow(e, NOW, KUBECTL_MINOR);
  return { Type: r.type, Reason: r.reason, Age: r.age, From: r.from, Message: r.message };
}

function headerCase(): string {
  const sample: KubeEvent = {
    type: 'Normal',
    reason: 'Pulled',
    message: 'm',
    count: 1,
    firstTimestamp: NOW,
    lastTimestamp: NOW,
    involvedObject: { kind: 'Pod', name: 'pod' },
    source: { component: 'kubelet' },
  };
  // the header is the text before the first row
  const lines = eventsSectionSource([sample], NOW, KUBECTL_MINOR).split('\n');
  return `${lines.slice(0, 3).join('\n')}\n`;
}

function kubeletEvent(over: Partial<RecordedEvent> = {}): RecordedEvent {
  return {
    type: 'Warning',
    reason: 'BackOff',
    message: 'Back-off restarting failed container app in pod app_default(0b1c)',
    involvedObject: { kind: 'Pod', name: 'app', namespace: 'default', uid: '0b1c', fieldPath: 'spec.containers{app}' },
    source: { component: 'kubelet', host: 'node1' },
    reportingController: 'kubelet',
    reportingInstance: 'node1',
    ...over,
  };
}

const recorded = (r: CorrelateResult): CorrelatedEvent | undefined => (r.action === 'drop' ? undefined : r.event);

function identicalCase(occurrences: number): unknown {
  const c = new EventCorrelator();
  const times = Array.from({ length: occurrences }, (_, i) => 10 + i * 60); // within 10 minutes
  const results = times.map((t) => c.correlate(kubeletEvent(), t));
  const created = results.filter((r) => r.action === 'create');
  const updates = results.filter((r) => r.action === 'update');
  const last = recorded(results[results.length - 1]!);
  const patchesOk = updates.every((r, i) => {
    const e = recorded(r);
    return e !== undefined && e.count === i + 2 && e.lastTimestamp === times[i + 1];
  });
  return {
    apiEvents: new Set(results.map((r) => recorded(r)?.name)).size,
    count: last?.count,
    firstTimestamp: last?.firstTimestamp === times[0] ? 'time of first' : last?.firstTimestamp,
    lastTimestamp: last?.lastTimestamp === times[times.length - 1] ? 'time of last' : last?.lastTimestamp,
    updates: patchesOk && created.length === 1 ? `${updates.length} PATCHes of count/lastTimestamp` : updates.length,
  };
}

function distinctMessagesCase(n: number): unknown {
  const c = new EventCorrelator();
  const msg = (i: number) => `Successfully pulled image "busybox" in ${i}ms`;
  const results = Array.from({ length: n }, (_, i) =>
    c.correlate(kubeletEvent({ type: 'Normal', reason: 'Pulled', message: msg(i + 1) }), 10 + i * 10),
  );
  const asIs = results.slice(0, 9).every((r, i) => {
    const e = recorded(r);
    return r.action === 'create' && e?.message === msg(i + 1) && e.count === 1 && !e.aggregated;
  });
  const tenth = recorded(results[9]!);
  const tenthOk =
    results[9]!.action === 'create' &&
    tenth?.aggregated === true &&
    tenth.count === 1 &&
    tenth.message === AGGREGATE_MESSAGE_PREFIX + msg(10) &&
    !tenth.cacheKey.endsWith(msg(10));
  const later = results.slice(10);
  const laterOk = later.every((r, i) => {
    const e = recorded(r);
    return (
      r.action === 'update' &&
      e?.name === tenth?.name &&
      e?.count === i + 2 &&
      e.lastTimestamp === 10 + (i + 10) * 10 &&
      e.message === AGGREGATE_MESSAGE_PREFIX + msg(i + 11)
    );
  });
  return {
    events1to9: asIs
      ? 'recorded as-is (each distinct message is its own Event, dedup/count per exact message)'
      : results.slice(0, 9),
    event10: tenthOk
      ? "replaced by a NEW aggregate Event: message '(combined from similar events): ' + message, count 1, cache key = aggregateKey"
      : results[9],
    laterSimilarEvents: laterOk
      ? "usually PATCH the aggregate Event (count+1, lastTimestamp, message = '(combined from similar events): ' + newest message)"
      : later,
  };
}

function spamCase(count: number, withinSeconds: number): unknown {
  const c = new EventCorrelator();
  // distinct reasons: neither dedup nor aggregation, only the spam filter decides
  const actions = Array.from(
    { length: count },
    (_, i) => c.correlate(kubeletEvent({ reason: `Reason${i}` }), (i * withinSeconds) / count).action,
  );
  // probe once a second until a token is back, twice: the gap between the two accepted probes is the refill time
  const accepted: number[] = [];
  for (let t = withinSeconds; accepted.length < 2 && t < 10_000; t++) {
    if (c.correlate(kubeletEvent({ reason: 'Probe' }), t).action !== 'drop') accepted.push(t);
  }
  const refill = accepted.length === 2 ? accepted[1]! - accepted[0]! : undefined;
  return {
    recorded: actions.filter((a) => a !== 'drop').length,
    dropped: actions.filter((a) => a === 'drop').length,
    refill: refill === undefined ? 'never' : `1 token per ${refill}s`,
  };
}

export const adapter: VectorAdapter = {
  file: 'events_describe.json',
  versionNote:
    'kubectl 1.35 for the rows/header (the cases cite no release; no case sets a fieldPath, so the 1.35 prefix does ' +
    'not show); the correlator is release-independent (events_cache.go is unchanged across 1.23..1.35)',
  cases: casesOf,
  caseName: defaultCaseName,
  run(c: VectorCase): CaseOutcome {
    const input = (c.input ?? {}) as Record<string, unknown>;
    switch (c.function) {
      case 'kubectl describe Events row':
        return { actual: rowCase(input as unknown as RowInput), expected: c.expected };
      case 'kubectl describe Events header':
        return { actual: headerCase(), expected: c.expected };
      case 'EventCorrelator':
        if (input.sameKeyIncludingMessage === true) {
          return { actual: identicalCase(Number(input.occurrences)), expected: c.expected };
        }
        if (typeof input.distinctMessages === 'number') {
          return { actual: distinctMessagesCase(input.distinctMessages), expected: c.expected };
        }
        if (typeof input.eventsAboutOnePodFromKubelet === 'number') {
          return {
            actual: spamCase(input.eventsAboutOnePodFromKubelet, Number(input.withinSeconds)),
            expected: c.expected,
          };
        }
        throw new Error(`events_describe.json: unknown EventCorrelator input ${JSON.stringify(input)}`);
      default:
        throw new Error(`events_describe.json: unknown function ${String(c.function)}`);
    }
  },
};
