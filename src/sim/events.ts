/**
 * Events: the apiserver's Event objects and the recorders that write them.
 *
 * - A kubelet records through client-go's EventCorrelator (src/k8s/events/correlator.ts): identical events
 *   become one Event whose count grows (PATCH), similar ones are aggregated, and the spam filter (25 tokens per
 *   source+object, one back every 300s) drops the rest. One correlator per recorder, i.e. per kubelet.
 * - The scheduler records through the events.k8s.io API (client-go tools/events): eventTime and
 *   reportingController are set, firstTimestamp/lastTimestamp/source are empty. It only writes one Scheduled
 *   event per pod, so its series logic is not modelled.
 * - Events expire an hour after their last write (kube-apiserver --event-ttl, default 1h).
 */
import type { KubeEvent } from '../k8s/api/types.ts';
import { EventCorrelator, eventName, type RecordedEvent } from '../k8s/events/correlator.ts';
import type { KubeletEventText } from '../k8s/kubelet/event-messages.ts';
import type { VirtualClock } from './clock.ts';

/** kube-apiserver --event-ttl default. */
export const EVENT_TTL_SECONDS = 3600;

export interface InvolvedObject {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly apiVersion?: string;
  readonly fieldPath?: string;
}

/** A core/v1 Event as the apiserver stores it (times: whole seconds, eventTime: microseconds). */
export interface SimEvent extends KubeEvent {
  metadata: { name: string; namespace: string; resourceVersion: string; creationTimestamp: number };
  involvedObject: InvolvedObject;
  reportingInstance?: string;
  action?: string;
}

interface StoredEvent {
  event: SimEvent;
  expiresAt: number;
}

/** The Event objects of the apiserver (etcd keys with a TTL lease). */
export class EventStore {
  private readonly clock: VirtualClock;
  private readonly nextResourceVersion: () => string;
  private readonly ttl: number;
  /** insertion order = creation order = name order for recorder-made names */
  private readonly byKey = new Map<string, StoredEvent>();

  constructor(clock: VirtualClock, nextResourceVersion: () => string, ttlSeconds = EVENT_TTL_SECONDS) {
    this.clock = clock;
    this.nextResourceVersion = nextResourceVersion;
    this.ttl = ttlSeconds;
  }

  /** POST: a new Event object. */
  create(event: Omit<SimEvent, 'metadata'> & { name: string }): SimEvent {
    const { name, ...rest } = event;
    const now = this.clock.now();
    const stored: SimEvent = {
      ...rest,
      metadata: {
        name,
        namespace: event.involvedObject.namespace,
        resourceVersion: this.nextResourceVersion(),
        creationTimestamp: Math.floor(now),
      },
    };
    this.byKey.set(`${stored.metadata.namespace}/${name}`, { event: stored, expiresAt: now + this.ttl });
    return stored;
  }

  /** PATCH (count, lastTimestamp, message, series); false when the Event no longer exists (expired). */
  patch(
    namespace: string,
    name: string,
    fields: Partial<Pick<SimEvent, 'count' | 'lastTimestamp' | 'message' | 'series'>>,
  ): boolean {
    const key = `${namespace}/${name}`;
    const stored = this.byKey.get(key);
    const now = this.clock.now();
    if (!stored || stored.expiresAt <= now) {
      this.byKey.delete(key);
      return false;
    }
    Object.assign(stored.event, fields);
    stored.event.metadata.resourceVersion = this.nextResourceVersion();
    stored.expiresAt = now + this.ttl;
    // An update re-inserts nothing: the list order stays by name (creation).
    return true;
  }

  /** Events still alive, in list (name) order; filtered by namespace and involved object when given. */
  list(
    filter: { namespace?: string; involvedUid?: string; involvedName?: string; involvedKind?: string } = {},
  ): SimEvent[] {
    const now = this.clock.now();
    const out: SimEvent[] = [];
    for (const [key, stored] of this.byKey) {
      if (stored.expiresAt <= now) {
        this.byKey.delete(key);
        continue;
      }
      const e = stored.event;
      if (filter.namespace !== undefined && e.metadata.namespace !== filter.namespace) continue;
      if (filter.involvedUid !== undefined && e.involvedObject.uid !== filter.involvedUid) continue;
      if (filter.involvedName !== undefined && e.involvedObject.name !== filter.involvedName) continue;
      if (filter.involvedKind !== undefined && e.involvedObject.kind !== filter.involvedKind) continue;
      out.push(structuredClone(e));
    }
    return out;
  }
}

/** What a correlated recording did, for tests and traces. */
export type RecordOutcome = 'created' | 'updated' | 'dropped';

/**
 * A client-go record.EventRecorder as the kubelet builds it (record.NewBroadcaster with default correlator
 * options): source {component, host}, reportingController/Instance set by generateEvent (1.19+ recorders).
 */
// staging/src/k8s.io/client-go/tools/record/event.go (*recorderImpl).generateEvent + (*eventBroadcasterImpl).recordToSink
export class CorrelatingRecorder {
  private readonly correlator = new EventCorrelator();
  private readonly store: EventStore;
  private readonly clock: VirtualClock;
  readonly component: string;
  readonly host: string;
  /** the last recording time: events of one instant are a microsecond apart, as on a real clock */
  private last = Number.NEGATIVE_INFINITY;

  constructor(store: EventStore, clock: VirtualClock, source: { component: string; host: string }) {
    this.store = store;
    this.clock = clock;
    this.component = source.component;
    this.host = source.host;
  }

  record(object: InvolvedObject, text: KubeletEventText): RecordOutcome {
    // Event names are `<object>.<UnixNano hex>`: two events of the same virtual instant would share a name.
    const now = Math.max(this.clock.now(), this.last + 1e-6);
    this.last = now;
    const recorded: RecordedEvent = {
      type: text.type,
      reason: text.reason,
      message: text.message,
      involvedObject: { apiVersion: 'v1', ...object },
      source: { component: this.component, host: this.host },
      reportingController: this.component,
      reportingInstance: this.host,
    };
    const result = this.correlator.correlate(recorded, now);
    if (result.action === 'drop') return 'dropped';
    const e = result.event;
    const fields = { count: e.count, lastTimestamp: Math.floor(e.lastTimestamp), message: e.message };
    // recordToSink: Count > 1 is a PATCH; a PATCH of an Event that expired falls back to a POST.
    if (result.action === 'update' && this.store.patch(object.namespace, e.name, fields)) return 'updated';
    this.store.create({
      name: e.name,
      type: e.type,
      reason: e.reason,
      message: e.message,
      involvedObject: { apiVersion: 'v1', ...object },
      source: { component: this.component, host: this.host },
      reportingController: this.component,
      reportingInstance: this.host,
      firstTimestamp: Math.floor(e.firstTimestamp),
      lastTimestamp: Math.floor(e.lastTimestamp),
      count: e.count,
    });
    return 'created';
  }
}

/**
 * The scheduler's events.k8s.io recorder: `Scheduled` with eventTime (microseconds), reportingController
 * default-scheduler and action Binding; the core/v1 view has no source and no first/last timestamp.
 */
// staging/src/k8s.io/client-go/tools/events/event_recorder.go (*recorderImpl).makeEvent
export function recordSchedulerEvent(
  store: EventStore,
  clock: VirtualClock,
  object: InvolvedObject,
  event: { type: 'Normal' | 'Warning'; reason: string; action: string; message: string; instance: string },
): SimEvent {
  const now = clock.now();
  return store.create({
    name: eventName(object.name, now),
    type: event.type,
    reason: event.reason,
    message: event.message,
    action: event.action,
    involvedObject: { apiVersion: 'v1', ...object },
    source: {},
    reportingController: 'default-scheduler',
    reportingInstance: event.instance,
    eventTime: Math.floor(now * 1e6) / 1e6,
  });
}
