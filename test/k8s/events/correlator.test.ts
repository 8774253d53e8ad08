/**
 * client-go tools/record/events_cache.go EventCorrelator, as the kubelet's recorder runs it. Expected values come
 * from reading events_cache.go / event.go and golang.org/x/time/rate; the spam-filter timings were also checked by
 * running the x/time/rate reserveN/advance code (2019–2022 version) under Go 1.19 with qps float32(1/300), burst 25.
 */
import { describe, expect, it } from 'vitest';
import {
  AGGREGATE_MESSAGE_PREFIX,
  type CorrelateResult,
  CorrelatorError,
  EventCorrelator,
  eventName,
  type RecordedEvent,
} from '../../../src/k8s/events/correlator.ts';

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

function event(r: CorrelateResult) {
  if (r.action === 'drop') throw new Error('expected a recorded event, got a drop');
  return r.event;
}

describe('dedup (eventLogger.eventObserve): identical events update one Event', () => {
  it('first occurrence is a POST with count 1; repeats are PATCHes with count+1, first time kept', () => {
    const c = new EventCorrelator();
    const first = c.correlate(kubeletEvent(), 100);
    expect(first.action).toBe('create');
    expect(event(first)).toMatchObject({ count: 1, firstTimestamp: 100, lastTimestamp: 100, aggregated: false });
    for (let i = 1; i < 10; i++) {
      const r = c.correlate(kubeletEvent(), 100 + 10 * i);
      expect(r.action).toBe('update');
      expect(event(r)).toMatchObject({ count: i + 1, firstTimestamp: 100, lastTimestamp: 100 + 10 * i });
      // the PATCH goes to the Event created first (recorderImpl.makeEvent named it)
      expect(event(r).name).toBe(event(first).name);
    }
  });

  it('the dedup key includes fieldPath and message; type, reason and source matter too', () => {
    const c = new EventCorrelator();
    expect(c.correlate(kubeletEvent(), 0).action).toBe('create');
    const other = [
      kubeletEvent({ involvedObject: { kind: 'Pod', name: 'app', namespace: 'default', uid: '0b1c', fieldPath: 'x' } }),
      kubeletEvent({ message: 'another message' }),
      kubeletEvent({ type: 'Normal' }),
      kubeletEvent({ reason: 'Failed' }),
      kubeletEvent({ source: { component: 'kubelet', host: 'node2' } }),
    ];
    for (const [i, e] of other.entries()) expect(c.correlate(e, i + 1).action).toBe('create');
  });

  it('names the Event <object>.<UnixNano in hex>', () => {
    expect(eventName('app', 1)).toBe('app.3b9aca00');
    expect(eventName('nginx-5', 0.5)).toBe('nginx-5.1dcd6500');
  });
});

describe('aggregation (EventAggregator): 10 distinct messages within 600s', () => {
  const msg = (i: number) => `Successfully pulled image "busybox" in ${i}ms`;
  const pulled = (i: number) => kubeletEvent({ type: 'Normal', reason: 'Pulled', message: msg(i) });

  it('events 1-9 are recorded as-is, the 10th becomes a new combined Event, later ones PATCH it', () => {
    const c = new EventCorrelator();
    for (let i = 1; i <= 9; i++) {
      const e = event(c.correlate(pulled(i), i * 10));
      expect(e).toMatchObject({ message: msg(i), count: 1, aggregated: false });
    }
    const tenth = c.correlate(pulled(10), 100);
    expect(tenth.action).toBe('create');
    expect(event(tenth)).toMatchObject({
      message: `${AGGREGATE_MESSAGE_PREFIX}${msg(10)}`,
      count: 1,
      firstTimestamp: 100,
      aggregated: true,
    });
    const eleventh = c.correlate(pulled(11), 110);
    expect(eleventh.action).toBe('update');
    expect(event(eleventh)).toMatchObject({
      message: `${AGGREGATE_MESSAGE_PREFIX}${msg(11)}`,
      count: 2,
      firstTimestamp: 100,
      lastTimestamp: 110,
      name: event(tenth).name,
    });
  });

  it('deterministic PopAny: the oldest message leaves the set, so a repeat of it aggregates again', () => {
    const c = new EventCorrelator();
    for (let i = 1; i <= 10; i++) c.correlate(pulled(i), i);
    // the set now holds messages 2..10: message 1 is new again, message 5 is still known
    expect(event(c.correlate(pulled(1), 11)).aggregated).toBe(true);
    // after that pop the set holds 3..10 and 1; message 5 is in it: recorded individually (dedup of its own Event)
    const five = event(c.correlate(pulled(5), 12));
    expect(five).toMatchObject({ aggregated: false, message: msg(5), count: 2, firstTimestamp: 5 });
  });

  it('the aggregate key ignores fieldPath: different containers of one pod aggregate together', () => {
    const c = new EventCorrelator();
    for (let i = 1; i <= 10; i++) {
      const fieldPath = `spec.containers{c${i}}`;
      const r = c.correlate(
        { ...pulled(i), involvedObject: { kind: 'Pod', name: 'app', namespace: 'default', fieldPath } },
        i,
      );
      if (i === 10) expect(event(r)).toMatchObject({ aggregated: true, involvedObject: { fieldPath } });
    }
  });

  it('more than 600s since the last similar event starts a fresh set (exactly 600s does not)', () => {
    const c = new EventCorrelator();
    for (let i = 1; i <= 9; i++) c.correlate(pulled(i), i);
    // 600s after the 9th: still in the window, the 10th distinct message aggregates
    expect(event(c.correlate(pulled(10), 609)).aggregated).toBe(true);
    const d = new EventCorrelator();
    for (let i = 1; i <= 9; i++) d.correlate(pulled(i), i);
    expect(event(d.correlate(pulled(10), 609.001)).aggregated).toBe(false);
  });
});

describe('spam filter (EventSourceObjectSpamFilter): burst 25, one token per 300s per source+object', () => {
  const distinct = (i: number) => kubeletEvent({ reason: `Reason${i}` });

  it('records 25 events of a burst and drops the rest', () => {
    const c = new EventCorrelator();
    const actions = Array.from({ length: 40 }, (_, i) => c.correlate(distinct(i), i * 0.25).action);
    expect(actions.filter((a) => a !== 'drop')).toHaveLength(25);
    expect(actions.slice(25).every((a) => a === 'drop')).toBe(true);
  });

  it('refills continuously: the 26th token is there 300s after the first event, not before', () => {
    // timings checked against x/time/rate under Go 1.19 (see the file comment)
    const c = new EventCorrelator();
    for (let i = 0; i < 40; i++) c.correlate(distinct(i), i * 0.25);
    const at = (t: number, i: number) => c.correlate(distinct(100 + i), t).action !== 'drop';
    expect([at(150, 0), at(299, 1), at(299.9, 2), at(299.99, 3)]).toEqual([false, false, false, false]);
    expect(at(300, 4)).toBe(true);
    expect([at(300.1, 5), at(450, 6), at(599.99, 7)]).toEqual([false, false, false]);
    expect(at(600, 8)).toBe(true);
    expect(at(600.0001, 9)).toBe(false);
    expect(at(900, 10)).toBe(true);
    // a long quiet period refills the bucket up to the burst again
    expect([at(5000, 11), at(5000.1, 12), at(5000.2, 13)]).toEqual([true, true, true]);
  });

  it('the key is source + involved object only: another pod, or another node, has its own bucket', () => {
    const c = new EventCorrelator();
    for (let i = 0; i < 25; i++) c.correlate(distinct(i), 0);
    expect(c.correlate(distinct(99), 1).action).toBe('drop');
    const otherPod = kubeletEvent({ involvedObject: { kind: 'Pod', name: 'other', namespace: 'default' } });
    expect(c.correlate(otherPod, 1).action).toBe('create');
    expect(c.correlate(kubeletEvent({ reason: 'X', source: { component: 'kubelet', host: 'node2' } }), 1).action).toBe(
      'create',
    );
  });

  it('a dropped repeat is still counted: the next recorded PATCH carries it', () => {
    const c = new EventCorrelator();
    for (let i = 0; i < 24; i++) c.correlate(distinct(i), 0);
    expect(c.correlate(kubeletEvent(), 1).action).toBe('create'); // 25th token
    expect(c.correlate(kubeletEvent(), 2).action).toBe('drop'); // counted as occurrence 2
    expect(c.correlate(kubeletEvent(), 3).action).toBe('drop'); // occurrence 3
    const later = c.correlate(kubeletEvent(), 400);
    expect(later.action).toBe('update');
    expect(event(later)).toMatchObject({ count: 4, firstTimestamp: 1, lastTimestamp: 400 });
  });
});

describe('input checks', () => {
  it('rejects time going backwards and non-finite times', () => {
    const c = new EventCorrelator();
    c.correlate(kubeletEvent(), 10);
    expect(() => c.correlate(kubeletEvent(), 9)).toThrow(CorrelatorError);
    expect(() => c.correlate(kubeletEvent(), Number.NaN)).toThrow(CorrelatorError);
  });

  it('rejects an event without an involved object name', () => {
    const c = new EventCorrelator();
    expect(() => c.correlate(kubeletEvent({ involvedObject: { kind: 'Pod', name: '' } }), 0)).toThrow(CorrelatorError);
  });
});
