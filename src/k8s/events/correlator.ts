/**
 * The client-go EventCorrelator as the kubelet's event recorder runs it: every event the kubelet emits passes the
 * aggregator, then the de-duplicating logger, then the per-object spam filter, and only then reaches the apiserver
 * as a POST (new Event) or a PATCH (count, lastTimestamp, message of an existing one).
 * Source: staging/src/k8s.io/client-go/tools/record/events_cache.go (stored copy 00080d40, long-stable) and
 * tools/record/event.go (recordToSink: Count > 1 means PATCH, else POST); the kubelet builds its recorder with
 * record.NewBroadcaster() and default CorrelatorOptions.
 *
 * Determinism: upstream's aggregator drops an arbitrary message from its set (sets.String.PopAny iterates a Go map,
 * so the key is random). Here it drops the OLDEST distinct message (first inserted), so the set keeps the newest
 * nine. Everything else is exact; times are seconds on the virtual clock, passed in with each event.
 */
import type { EventType, KubeEvent } from '../api/types.ts';

// events_cache.go constants
const MAX_LRU_CACHE_ENTRIES = 4096;
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_SECONDS = 600;
const SPAM_BURST = 25;
// events_cache.go defaultSpamQPS = 1. / 300. is a float32; rate.Limit(qps) widens it to float64 (0.0033333334…),
// which is why a token is back after exactly 300s (300 × limit = 1.000000024).
const SPAM_QPS = Math.fround(1 / 300);

export const AGGREGATE_MESSAGE_PREFIX = '(combined from similar events): ';

export class CorrelatorError extends Error {
  override name = 'CorrelatorError';
}

/** An event as the recorder hands it to the correlator (recorderImpl.makeEvent + generateEvent). */
export interface RecordedEvent {
  type: EventType;
  reason: string;
  message: string;
  involvedObject: KubeEvent['involvedObject'] & { apiVersion?: string };
  source: { component?: string; host?: string };
  /** generateEvent sets these to source.component / source.host (1.19+ recorders) */
  reportingController?: string;
  reportingInstance?: string;
}

/** What the recorder sends to the apiserver after correlation. */
export type CorrelateResult =
  | {
      /** POST a new Event (count 1): a first occurrence, or a new aggregate Event */
      readonly action: 'create';
      readonly event: CorrelatedEvent;
    }
  | {
      /** PATCH the existing Event called `event.name`: count, lastTimestamp and message change */
      readonly action: 'update';
      readonly event: CorrelatedEvent;
    }
  | {
      /** the spam filter had no token for this source+object: nothing is written */
      readonly action: 'drop';
    };

export interface CorrelatedEvent extends KubeEvent {
  /** metadata.name: `<involvedObject.name>.<UnixNano in hex>` of the first occurrence (recorderImpl.makeEvent) */
  name: string;
  count: number;
  firstTimestamp: number;
  lastTimestamp: number;
  /** the correlator cache key this event is counted under (full event key, or the aggregate key) */
  cacheKey: string;
  /** true when this is the `(combined from similar events)` Event */
  aggregated: boolean;
}

// events_cache.go getEventKey: source, involvedObject (with fieldPath), type, reason, message
function eventKey(e: RecordedEvent): string {
  const o = e.involvedObject;
  return [
    e.source.component ?? '',
    e.source.host ?? '',
    o.kind,
    o.namespace ?? '',
    o.name,
    o.fieldPath ?? '',
    o.uid ?? '',
    o.apiVersion ?? '',
    e.type,
    e.reason,
    e.message,
  ].join('\u0000');
}

// events_cache.go getSpamKey: source and involvedObject only (no fieldPath, reason or message)
function spamKey(e: RecordedEvent): string {
  const o = e.involvedObject;
  return [
    e.source.component ?? '',
    e.source.host ?? '',
    o.kind,
    o.namespace ?? '',
    o.name,
    o.uid ?? '',
    o.apiVersion ?? '',
  ].join('\u0000');
}

// events_cache.go EventAggregatorByReasonFunc: aggregate key (no fieldPath, no message) and local key (the message)
function aggregateKeys(e: RecordedEvent): { aggregateKey: string; localKey: string } {
  const o = e.involvedObject;
  const aggregateKey = [
    e.source.component ?? '',
    e.source.host ?? '',
    o.kind,
    o.namespace ?? '',
    o.name,
    o.uid ?? '',
    o.apiVersion ?? '',
    e.type,
    e.reason,
    e.reportingController ?? '',
    e.reportingInstance ?? '',
  ].join('\u0000');
  return { aggregateKey, localKey: e.message };
}

/** github.com/golang/groupcache/lru: Get and Add move an entry to the front; Add evicts the oldest past the limit. */
class LruCache<V> {
  private readonly entries = new Map<string, V>();
  private readonly maxEntries: number;
  constructor(maxEntries: number) {
    this.maxEntries = maxEntries;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  add(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

/**
 * golang.org/x/time/rate Limiter.AllowN(now, 1) as flowcontrol.NewTokenBucketRateLimiterWithClock uses it: a bucket
 * that starts full (burst tokens), refills continuously at `limit` tokens per second up to burst, and on a refused
 * event keeps its state (tokens keep accruing from the last accepted event).
 */
class TokenBucket {
  private readonly limit: number;
  private readonly burst: number;
  private tokens = 0;
  /** undefined is Go's zero time: the first call fills the bucket */
  private last: number | undefined;
  constructor(limit: number, burst: number) {
    this.limit = limit;
    this.burst = burst;
  }

  // x/time/rate (Limiter).reserveN with maxFutureReserve 0, via (Limiter).advance
  allow(now: number): boolean {
    let tokens: number;
    if (this.last === undefined) {
      tokens = this.burst;
    } else {
      const elapsed = Math.max(0, now - this.last);
      tokens = Math.min(this.burst, this.tokens + elapsed * this.limit);
    }
    tokens -= 1;
    if (tokens < 0) return false;
    this.tokens = tokens;
    this.last = now;
    return true;
  }
}

interface AggregateRecord {
  /** insertion-ordered set of distinct messages (sets.String upstream) */
  localKeys: Set<string>;
  lastTimestamp: number;
}

interface EventLog {
  count: number;
  firstTimestamp: number;
  name: string;
}

/** recorderImpl.makeEvent: `%v.%x` of the involved object's name and the time in Unix nanoseconds. */
export function eventName(objectName: string, now: number): string {
  const nanos = BigInt(Math.round(now * 1e9));
  return `${objectName}.${nanos.toString(16)}`;
}

/**
 * One correlator per recorder (one per kubelet). `correlate` must be called in time order; `now` is the virtual
 * time at which the recorder observed the event.
 */
export class EventCorrelator {
  private readonly aggregates = new LruCache<AggregateRecord>(MAX_LRU_CACHE_ENTRIES);
  private readonly logs = new LruCache<EventLog>(MAX_LRU_CACHE_ENTRIES);
  private readonly spam = new LruCache<TokenBucket>(MAX_LRU_CACHE_ENTRIES);
  private lastNow = Number.NEGATIVE_INFINITY;

  // events_cache.go (EventCorrelator).EventCorrelate: aggregate, then observe (dedup/count), then spam-filter
  correlate(event: RecordedEvent, now: number): CorrelateResult {
    if (!Number.isFinite(now)) throw new CorrelatorError(`event time must be a finite number of seconds, got ${now}`);
    if (now < this.lastNow) {
      throw new CorrelatorError(`events must be correlated in time order: ${now} is before ${this.lastNow}`);
    }
    if (!event.involvedObject?.name || !event.involvedObject.kind) {
      throw new CorrelatorError('an event needs involvedObject.kind and involvedObject.name');
    }
    this.lastNow = now;
    const { event: candidate, cacheKey, aggregated } = this.aggregate(event, now);
    const observed = this.observe(candidate, cacheKey, aggregated, now);
    // the logger has already counted this occurrence: a dropped event still raises the next PATCH's count
    if (this.filtered(observed, now)) return { action: 'drop' };
    return { action: observed.count > 1 ? 'update' : 'create', event: observed };
  }

  // events_cache.go (EventAggregator).EventAggregate
  private aggregate(
    event: RecordedEvent,
    now: number,
  ): { event: RecordedEvent; cacheKey: string; aggregated: boolean } {
    const { aggregateKey, localKey } = aggregateKeys(event);
    let record = this.aggregates.get(aggregateKey);
    // a record older than the interval (or none: Go's zero time) starts afresh
    if (record === undefined || now - record.lastTimestamp > AGGREGATE_INTERVAL_SECONDS) {
      record = { localKeys: new Set(), lastTimestamp: now };
    }
    record.localKeys.add(localKey);
    record.lastTimestamp = now;
    this.aggregates.add(aggregateKey, record);
    if (record.localKeys.size < AGGREGATE_MAX_EVENTS) return { event, cacheKey: eventKey(event), aggregated: false };
    // upstream PopAny removes a random key; we remove the oldest one (see the file comment)
    const oldest = record.localKeys.values().next().value as string;
    record.localKeys.delete(oldest);
    // EventAggregatorByReasonMessageFunc; the aggregate copy keeps type, reason, source and involvedObject
    const combined: RecordedEvent = {
      type: event.type,
      reason: event.reason,
      message: AGGREGATE_MESSAGE_PREFIX + event.message,
      involvedObject: event.involvedObject,
      source: event.source,
    };
    return { event: combined, cacheKey: aggregateKey, aggregated: true };
  }

  // events_cache.go (eventLogger).eventObserve: a cache hit becomes a PATCH with count+1 and the first timestamp
  private observe(event: RecordedEvent, key: string, aggregated: boolean, now: number): CorrelatedEvent {
    const last = this.logs.get(key);
    const seen = last !== undefined && last.count > 0;
    const log: EventLog = seen
      ? { count: last.count + 1, firstTimestamp: last.firstTimestamp, name: last.name }
      : { count: 1, firstTimestamp: now, name: eventName(event.involvedObject.name, now) };
    this.logs.add(key, log);
    return {
      type: event.type,
      reason: event.reason,
      message: event.message,
      involvedObject: event.involvedObject,
      source: event.source,
      ...(event.reportingController !== undefined ? { reportingController: event.reportingController } : {}),
      name: log.name,
      count: log.count,
      firstTimestamp: log.firstTimestamp,
      lastTimestamp: now,
      cacheKey: key,
      aggregated,
    };
  }

  // events_cache.go (EventSourceObjectSpamFilter).Filter: true means "skip"
  private filtered(event: RecordedEvent, now: number): boolean {
    const key = spamKey(event);
    const bucket = this.spam.get(key) ?? new TokenBucket(SPAM_QPS, SPAM_BURST);
    const allowed = bucket.allow(now);
    this.spam.add(key, bucket);
    return !allowed;
  }
}
