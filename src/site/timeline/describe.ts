/**
 * What a timeline says, in words: the lanes (one per pod and container), the label of each state, and the
 * sentences of the chart's description. Shared by the SVG (its `<desc>`), the table and the caption, so they
 * cannot disagree.
 */
import { formatLength } from './format-time.ts';
import type { TimelineLabels } from './labels.ts';
import type { ContainerTimeline, PodTimeline, StateSegment, Timeline } from './types.ts';

export interface Lane {
  pod: PodTimeline;
  container: ContainerTimeline;
  /** `nginx-5/nginx`, `web/init-db (init container)`. */
  name: string;
  /** The pod's first lane carries its restartPolicy. */
  first: boolean;
}

export function lanesOf(timeline: Timeline, labels: TimelineLabels): Lane[] {
  return timeline.pods.flatMap((pod) =>
    pod.containers.map((container, i) => ({
      pod,
      container,
      name: `${pod.name}/${container.name}${container.init ? labels.init : ''}`,
      first: i === 0,
    })),
  );
}

/** The word on a bar: the reason the API shows (`CrashLoopBackOff`, `Completed`), else the state (`Running`). */
export function segmentLabel(segment: StateSegment, labels: TimelineLabels): string {
  if (segment.reason) return segment.reason;
  return labels.state[segment.state];
}

/** The bar's word with its exit code when the reason does not say it (`Error (exit code 1)`). */
export function segmentDetail(segment: StateSegment, labels: TimelineLabels): string {
  const label = segmentLabel(segment, labels);
  if (segment.state !== 'terminated' || segment.exitCode === undefined) return label;
  return `${label} (${labels.exitCode(segment.exitCode)})`;
}

/** The `<desc>` text: how long was recorded, then per lane its restarts, back-offs and last state. */
export function describeTimeline(timeline: Timeline, labels: TimelineLabels): string {
  const sentences = [labels.describe.window(formatLength(timeline.end))];
  const lanes = lanesOf(timeline, labels);
  if (lanes.length === 0) sentences.push(labels.noPods);
  for (const lane of lanes) {
    const { container } = lane;
    if (container.restarts.length > 0) {
      const count = container.restarts[container.restarts.length - 1]?.restartCount ?? container.restarts.length;
      sentences.push(labels.describe.restarts(lane.name, count));
    }
    const waits = container.backoffs.filter((b) => b.kind === 'crash-loop' && b.ended);
    if (waits.length > 0) {
      sentences.push(
        labels.describe.backoffs(
          lane.name,
          waits.map((b) => formatLength(b.backoffSeconds ?? b.to - b.from)),
        ),
      );
    }
    const last = container.segments[container.segments.length - 1];
    if (last) {
      const what = lane.pod.deleted !== undefined ? labels.deleted : segmentDetail(last, labels);
      sentences.push(labels.describe.last(lane.name, what));
    }
  }
  return sentences.join(labels.sentenceGap);
}
