/**
 * The `Events:` section of `kubectl describe` (pods and every other describer).
 * Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go DescribeEvents (stored copies from the 1.2x `Write`
 * era to the 1.35/1.36 copy with the fieldPath prefix), k8s.io/kubectl/pkg/util/event SortableEvents, and Go's
 * sort.Sort, whose instability decides the order of events that share a lastTimestamp second.
 */
import type { KubeEvent } from '../api/types.ts';
import { parseMinor } from '../version/index.ts';
import { humanDuration } from './human-duration.ts';
import { DESCRIBE_TABWRITER_OPTIONS, TabWriter } from './tabwriter.ts';

/** One rendered row, before the tabwriter aligns it. */
export interface EventRow {
  readonly type: string;
  readonly reason: string;
  /** `11s`, `11s (x10 over 105s)`, `<unknown>` */
  readonly age: string;
  readonly from: string;
  readonly message: string;
}

export class DescribeEventsError extends Error {
  override name = 'DescribeEventsError';
}

/** The first kubectl release that prefixes the message with involvedObject.fieldPath (PR #133627, CHANGELOG-1.35). */
export const FIELD_PATH_PREFIX_SINCE = 35;

// metav1.Time is serialized with whole seconds (JSON RFC 3339 and protobuf both drop the nanoseconds), so what
// kubectl reads back is the floor of the recorded instant; metav1.MicroTime keeps microseconds.
function wireTime(t: number | undefined | null): number | undefined {
  if (t === undefined || t === null) return undefined;
  if (!Number.isFinite(t)) throw new DescribeEventsError(`event timestamps must be finite seconds, got ${t}`);
  return Math.floor(t);
}
function wireMicroTime(t: number | undefined | null): number | undefined {
  if (t === undefined || t === null) return undefined;
  if (!Number.isFinite(t)) throw new DescribeEventsError(`event timestamps must be finite seconds, got ${t}`);
  // the tiny bias keeps 0.3 (= 299999.99999999994 µs in floating point) at 300000 µs
  return Math.floor(t * 1e6 + 1e-6) / 1e6;
}

// describe.go translateTimestampSince / translateMicroTimestampSince: zero time prints <unknown>
function since(t: number | undefined, now: number): string {
  return t === undefined ? '<unknown>' : humanDuration(now - t);
}

/** describe.go DescribeEvents: the Age column. */
export function eventAge(e: KubeEvent, now: number): string {
  // DescribeEvents: the first time is EventTime when set (events.k8s.io writers), else FirstTimestamp
  const eventTime = wireMicroTime(e.eventTime);
  const first = eventTime !== undefined ? since(eventTime, now) : since(wireTime(e.firstTimestamp), now);
  if (e.series) {
    return `${since(wireMicroTime(e.series.lastObservedTime), now)} (x${e.series.count} over ${first})`;
  }
  if ((e.count ?? 0) > 1) return `${since(wireTime(e.lastTimestamp), now)} (x${e.count} over ${first})`;
  return first;
}

/** describe.go DescribeEvents: one row. `kubectlMinor` is the client release (1.23 → 23). */
export function eventRow(e: KubeEvent, now: number, kubectlMinor: number): EventRow {
  const minor = parseMinor(kubectlMinor);
  // DescribeEvents (PR #93687, 1.19+): From is Source.Component, else ReportingController; the host is not shown
  const from = e.source?.component ? e.source.component : (e.reportingController ?? '');
  let message = e.message.trim();
  // DescribeEvents (1.35, PR #133627): `<fieldPath>: <message>` when involvedObject.fieldPath is set
  const fieldPath = e.involvedObject?.fieldPath ?? '';
  if (minor >= FIELD_PATH_PREFIX_SINCE && fieldPath.length > 0) message = `${fieldPath}: ${message}`;
  return { type: e.type ?? '', reason: e.reason ?? '', age: eventAge(e, now), from, message };
}

/** The header DescribeEvents writes before the rows (LEVEL_0 text, then a LEVEL_1 line: two-space prefix). */
export function eventsTableHeader(): string {
  return 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n';
}

/**
 * The text DescribeEvents hands to the describe tabwriter: `Events:\t<none>\n`, or the header and one
 * `  Type\tReason\tAge\tFrom\tMessage` line per event, oldest lastTimestamp first.
 * `events` must be in the order the apiserver lists them (by name, which for recorder-made names is creation order).
 */
export function eventsSectionSource(events: readonly KubeEvent[], now: number, kubectlMinor: number): string {
  if (!Number.isFinite(now)) throw new DescribeEventsError(`now must be finite seconds, got ${now}`);
  if (events.length === 0) return 'Events:\t<none>\n';
  let text = eventsTableHeader();
  for (const e of sortEvents(events, kubectlMinor)) {
    const r = eventRow(e, now, kubectlMinor);
    text += `  ${r.type}\t${r.reason}\t${r.age}\t${r.from}\t${r.message}\n`;
  }
  return text;
}

/**
 * Writes the section into a describe tabwriter shared with the rest of the describe output. Like DescribeEvents,
 * it flushes the writer before the table (so earlier columns do not widen it) but not before `Events:\t<none>`,
 * which therefore aligns with the lines above it.
 */
export function writeEventsSection(w: TabWriter, events: readonly KubeEvent[], now: number, kubectlMinor: number) {
  const text = eventsSectionSource(events, now, kubectlMinor);
  if (events.length > 0) w.flush();
  w.write(text);
}

/** The section on its own, through tabwriter(minwidth 0, tabwidth 8, padding 2, ' ', 0) as describe.go tabbedString. */
export function renderEventsSection(events: readonly KubeEvent[], now: number, kubectlMinor: number): string {
  const w = new TabWriter(DESCRIBE_TABWRITER_OPTIONS);
  writeEventsSection(w, events, now, kubectlMinor);
  return w.flush().read();
}

// ---------------------------------------------------------------------------------------------------------------
// Sorting. kubectl/pkg/util/event SortableEvents.Less compares LastTimestamp only (a zero one, as on events.k8s.io
// events, sorts first), and DescribeEvents sorts with sort.Sort, which is not stable: how ties come out depends on
// the Go release kubectl was built with. kubectl 1.23/1.24 (Go 1.17/1.18): quicksort + a gap-6 shell pass for
// <= 12 items; 1.25+ (Go 1.19+): pdqsort (plain insertion sort, so stable, for <= 12 items), whose pattern breaker
// used xorshift shifts 13/17/5 until Go 1.24 (kubectl 1.33+) switched to 13/7/17 (golang/go#70144). Each minor is
// taken at the Go version of its .0 release (CHANGELOG "Kubernetes is now built with Go 1.x").

interface SortData {
  less(i: number, j: number): boolean;
  swap(i: number, j: number): void;
}

/** Events in DescribeEvents order (a new array; the input is not changed). */
export function sortEvents(events: readonly KubeEvent[], kubectlMinor: number): KubeEvent[] {
  const minor = parseMinor(kubectlMinor);
  const list = [...events];
  const keys = list.map((e) => wireTime(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY);
  const data: SortData = {
    // sorted_event_list.go (SortableEvents).Less: LastTimestamp.Before
    less: (i, j) => keys[i]! < keys[j]!,
    swap: (i, j) => {
      [list[i], list[j]] = [list[j]!, list[i]!];
      [keys[i], keys[j]] = [keys[j]!, keys[i]!];
    },
  };
  goSort(data, list.length, minor);
  return list;
}

/** Go's sort.Sort for the Go release that built kubectl 1.<minor>.0. Exported for tests. */
export function goSort(data: SortData, n: number, kubectlMinor: number): void {
  if (kubectlMinor <= 24) {
    // go1.18 sort.Sort: maxDepth = 2*ceil(lg(n+1))
    quickSort(data, 0, n, 2 * bitsLen(n));
  } else if (n > 1) {
    // go1.19+ sort.Sort: limit = bits.Len(n)
    pdqsort(data, 0, n, bitsLen(n), kubectlMinor >= 33 ? [13n, 7n, 17n] : [13n, 17n, 5n]);
  }
}

function bitsLen(n: number): number {
  return n <= 0 ? 0 : Math.floor(Math.log2(n)) + 1;
}

// sort/zsortinterface.go insertionSort
function insertionSort(data: SortData, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && data.less(j, j - 1); j--) data.swap(j, j - 1);
  }
}

// sort/zsortinterface.go siftDown
function siftDown(data: SortData, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && data.less(first + child, first + child + 1)) child++;
    if (!data.less(first + root, first + child)) return;
    data.swap(first + root, first + child);
    root = child;
  }
}

// sort/zsortinterface.go heapSort
function heapSort(data: SortData, a: number, b: number): void {
  const hi = b - a;
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(data, i, hi, a);
  for (let i = hi - 1; i >= 0; i--) {
    data.swap(a, a + i);
    siftDown(data, 0, i, a);
  }
}

// go1.18 sort/zsortinterface.go medianOfThree
function medianOfThree(data: SortData, m1: number, m0: number, m2: number): void {
  if (data.less(m1, m0)) data.swap(m1, m0);
  if (data.less(m2, m1)) {
    data.swap(m2, m1);
    if (data.less(m1, m0)) data.swap(m1, m0);
  }
}

// go1.18 sort/zsortinterface.go doPivot
function doPivot(data: SortData, lo: number, hi: number): [number, number] {
  const m = (lo + hi) >>> 1;
  if (hi - lo > 40) {
    const s = Math.trunc((hi - lo) / 8);
    medianOfThree(data, lo, lo + s, lo + 2 * s);
    medianOfThree(data, m, m - s, m + s);
    medianOfThree(data, hi - 1, hi - 1 - s, hi - 1 - 2 * s);
  }
  medianOfThree(data, lo, m, hi - 1);
  const pivot = lo;
  let a = lo + 1;
  let c = hi - 1;
  for (; a < c && data.less(a, pivot); a++);
  let b = a;
  for (;;) {
    for (; b < c && !data.less(pivot, b); b++);
    for (; b < c && data.less(pivot, c - 1); c--);
    if (b >= c) break;
    data.swap(b, c - 1);
    b++;
    c--;
  }
  let protect = hi - c < 5;
  if (!protect && hi - c < Math.trunc((hi - lo) / 4)) {
    let dups = 0;
    if (!data.less(pivot, hi - 1)) {
      data.swap(c, hi - 1);
      c++;
      dups++;
    }
    if (!data.less(b - 1, pivot)) {
      b--;
      dups++;
    }
    if (!data.less(m, pivot)) {
      data.swap(m, b - 1);
      b--;
      dups++;
    }
    protect = dups > 1;
  }
  if (protect) {
    for (;;) {
      for (; a < b && !data.less(b - 1, pivot); b--);
      for (; a < b && data.less(a, pivot); a++);
      if (a >= b) break;
      data.swap(a, b - 1);
      a++;
      b--;
    }
  }
  data.swap(pivot, b - 1);
  return [b - 1, c];
}

// go1.18 sort/zsortinterface.go quickSort
function quickSort(data: SortData, a0: number, b0: number, depth0: number): void {
  let a = a0;
  let b = b0;
  let maxDepth = depth0;
  while (b - a > 12) {
    if (maxDepth === 0) {
      heapSort(data, a, b);
      return;
    }
    maxDepth--;
    const [mlo, mhi] = doPivot(data, a, b);
    if (mlo - a < b - mhi) {
      quickSort(data, a, mlo, maxDepth);
      a = mhi;
    } else {
      quickSort(data, mhi, b, maxDepth);
      b = mlo;
    }
  }
  if (b - a > 1) {
    // ShellSort pass with gap 6
    for (let i = a + 6; i < b; i++) if (data.less(i, i - 6)) data.swap(i, i - 6);
    insertionSort(data, a, b);
  }
}

const UNKNOWN_HINT = 0;
const INCREASING_HINT = 1;
const DECREASING_HINT = 2;
const UINT64 = (1n << 64n) - 1n;

// go1.19+ sort/zsortinterface.go pdqsort
function pdqsort(data: SortData, a0: number, b0: number, limit0: number, shifts: readonly bigint[]): void {
  let a = a0;
  let b = b0;
  let limit = limit0;
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= 12) {
      insertionSort(data, a, b);
      return;
    }
    if (limit === 0) {
      heapSort(data, a, b);
      return;
    }
    if (!wasBalanced) {
      breakPatterns(data, a, b, shifts);
      limit--;
    }
    let [pivot, hint] = choosePivot(data, a, b);
    if (hint === DECREASING_HINT) {
      reverseRange(data, a, b);
      pivot = b - 1 - (pivot - a);
      hint = INCREASING_HINT;
    }
    if (wasBalanced && wasPartitioned && hint === INCREASING_HINT && partialInsertionSort(data, a, b)) return;
    if (a > 0 && !data.less(a - 1, pivot)) {
      a = partitionEqual(data, a, b, pivot);
      continue;
    }
    const [mid, alreadyPartitioned] = partition(data, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const leftLen = mid - a;
    const rightLen = b - mid;
    const balanceThreshold = Math.trunc(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      pdqsort(data, a, mid, limit, shifts);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      pdqsort(data, mid + 1, b, limit, shifts);
      b = mid;
    }
  }
}

// go1.19+ sort/zsortinterface.go partition
function partition(data: SortData, a: number, b: number, pivot: number): [number, boolean] {
  data.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && data.less(i, a)) i++;
  while (i <= j && !data.less(j, a)) j--;
  if (i > j) {
    data.swap(j, a);
    return [j, true];
  }
  data.swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && data.less(i, a)) i++;
    while (i <= j && !data.less(j, a)) j--;
    if (i > j) break;
    data.swap(i, j);
    i++;
    j--;
  }
  data.swap(j, a);
  return [j, false];
}

// go1.19+ sort/zsortinterface.go partitionEqual
function partitionEqual(data: SortData, a: number, b: number, pivot: number): number {
  data.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !data.less(a, i)) i++;
    while (i <= j && data.less(a, j)) j--;
    if (i > j) break;
    data.swap(i, j);
    i++;
    j--;
  }
  return i;
}

// go1.19+ sort/zsortinterface.go partialInsertionSort
function partialInsertionSort(data: SortData, a: number, b: number): boolean {
  const maxSteps = 5;
  const shortestShifting = 50;
  let i = a + 1;
  for (let step = 0; step < maxSteps; step++) {
    while (i < b && !data.less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < shortestShifting) return false;
    data.swap(i, i - 1);
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!data.less(j, j - 1)) break;
        data.swap(j, j - 1);
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!data.less(j, j - 1)) break;
        data.swap(j, j - 1);
      }
    }
  }
  return false;
}

// go1.19+ sort/zsortinterface.go breakPatterns, with sort.go xorshift seeded by the length
function breakPatterns(data: SortData, a: number, b: number, shifts: readonly bigint[]): void {
  const length = b - a;
  if (length < 8) return;
  let random = BigInt(length);
  const [s1, s2, s3] = shifts as [bigint, bigint, bigint];
  const modulus = BigInt(1 << bitsLen(length));
  const start = a + Math.trunc(length / 4) * 2 - 1;
  for (let idx = start; idx <= start + 2; idx++) {
    random ^= (random << s1) & UINT64;
    random ^= random >> s2;
    random ^= (random << s3) & UINT64;
    let other = Number(random & (modulus - 1n));
    if (other >= length) other -= length;
    data.swap(idx, a + other);
  }
}

// go1.19+ sort/zsortinterface.go choosePivot, median, order2, medianAdjacent
function choosePivot(data: SortData, a: number, b: number): [number, number] {
  const l = b - a;
  const swaps = { n: 0 };
  let i = a + Math.trunc(l / 4) * 1;
  let j = a + Math.trunc(l / 4) * 2;
  let k = a + Math.trunc(l / 4) * 3;
  if (l >= 8) {
    if (l >= 50) {
      i = median(data, i - 1, i, i + 1, swaps);
      j = median(data, j - 1, j, j + 1, swaps);
      k = median(data, k - 1, k, k + 1, swaps);
    }
    j = median(data, i, j, k, swaps);
  }
  if (swaps.n === 0) return [j, INCREASING_HINT];
  if (swaps.n === 12) return [j, DECREASING_HINT];
  return [j, UNKNOWN_HINT];
}

function median(data: SortData, a: number, b: number, c: number, swaps: { n: number }): number {
  const first = order2(data, a, b, swaps);
  const second = order2(data, first[1], c, swaps);
  return order2(data, first[0], second[0], swaps)[1];
}

function order2(data: SortData, a: number, b: number, swaps: { n: number }): [number, number] {
  if (data.less(b, a)) {
    swaps.n++;
    return [b, a];
  }
  return [a, b];
}

// go1.19+ sort/zsortinterface.go reverseRange
function reverseRange(data: SortData, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) data.swap(i, j);
}
