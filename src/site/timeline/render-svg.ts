/**
 * renderTimelineSvg: a Timeline as an SVG string. One lane per container: its name, the back-off waits as
 * brackets with their lengths, the state bars with the reason written on them, restart markers with the restart
 * count; a time axis with round ticks and a legend below. The SVG scales with its viewBox (the figure scrolls
 * sideways on a phone rather than shrinking the text); colours come from classes (style.ts).
 */
import { axisEnd, axisTicks } from './axis.ts';
import { describeTimeline, type Lane, lanesOf, segmentDetail, segmentLabel } from './describe.ts';
import { formatAxisTime, formatLength } from './format-time.ts';
import { type TimelineLabels, type TimelineLang, timelineLabels } from './labels.ts';
import { element, escapeXml, num, textWidth } from './markup.ts';
import { type SegmentLook, segmentLook, TIMELINE_CSS } from './style.ts';
import type { BackoffWait, Timeline } from './types.ts';

export interface SvgOptions {
  lang: TimelineLang;
  /** The chart's title (default: "Container states over time" in the page's language). */
  title?: string;
  /** Prefix of the ids inside the SVG; give each chart of a page its own (default `podbook-timeline`). */
  id?: string;
  /** Put the stylesheet inside the SVG (for an SVG shown on its own; renderTimelineFigure adds it itself). */
  embedStyle?: boolean;
}

const WIDTH = 640;
const LEFT = 12;
const RIGHT = 24;
const PLOT = WIDTH - LEFT - RIGHT;
const FONT = 12;
/** Rows of a lane, top to bottom: its name, the back-off brackets, the bar, the restart badges. */
const LANE = { label: 18, brackets: 20, bar: 26, badges: 20, gap: 8 };
const LANE_HEIGHT = LANE.label + LANE.brackets + LANE.bar + LANE.badges + LANE.gap;
const BADGE_SPACING = 18;

interface Scale {
  x(t: number): number;
}

function scaleFor(end: number): Scale {
  const length = axisEnd(end);
  return { x: (t) => LEFT + (Math.min(Math.max(t, 0), length) / length) * PLOT };
}

/** The first candidate text that fits in `width`, or undefined. */
function fitting(candidates: readonly string[], width: number, size = FONT): string | undefined {
  return candidates.find((c) => textWidth(c, size) <= width);
}

function text(x: number, y: number, content: string, cls: string, anchor = 'start'): string {
  return element(
    'text',
    { x, y, class: cls, 'text-anchor': anchor === 'start' ? undefined : anchor },
    escapeXml(content),
  );
}

function backoffLabels(wait: BackoffWait, labels: TimelineLabels): string[] {
  const length = wait.to - wait.from;
  if (wait.kind === 'image-pull') {
    return [`${labels.imagePullBackoff} ${formatLength(length)}`, formatLength(length)];
  }
  if (wait.backoffSeconds === undefined) return [labels.waited(length), formatLength(length)];
  const nominal = labels.backoff(wait.backoffSeconds);
  return [...(wait.ended ? [`${nominal} · ${labels.waited(length)}`] : []), nominal, formatLength(wait.backoffSeconds)];
}

function renderLane(lane: Lane, top: number, scale: Scale, end: number, labels: TimelineLabels, id: string): string {
  const parts: string[] = [];
  const { pod, container } = lane;
  const policy = lane.first && pod.restartPolicy ? ` · restartPolicy: ${pod.restartPolicy}` : '';
  parts.push(text(LEFT, top + 13, `${lane.name}${policy}`, 'tl-lane-label'));

  // Back-off brackets (greedy left to right: a label that would overlap the previous one is left out).
  const bracketBottom = top + LANE.label + LANE.brackets;
  let labelEnd = Number.NEGATIVE_INFINITY;
  for (const wait of container.backoffs) {
    const x1 = scale.x(wait.from);
    const x2 = Math.max(scale.x(wait.to), x1 + 2);
    const open = wait.ended ? `V${num(bracketBottom)}` : '';
    const d = `M${num(x1)} ${num(bracketBottom)}V${num(bracketBottom - 5)}H${num(x2)}${open}`;
    parts.push(element('path', { d, class: 'tl-bracket' }));
    const mid = (x1 + x2) / 2;
    const room = Math.min(mid - Math.max(labelEnd + 12, LEFT), WIDTH - mid) * 2;
    const label = fitting(backoffLabels(wait, labels), room);
    if (label) {
      parts.push(text(mid, bracketBottom - 8, label, 'tl-bracket-label', 'middle'));
      labelEnd = mid + textWidth(label, FONT) / 2;
    }
  }

  // The pod before its container had a status: a thin line from its creation.
  const barTop = bracketBottom + 2;
  const barMid = barTop + LANE.bar / 2;
  const firstFrom = container.segments[0]?.from ?? pod.deleted ?? end;
  if (firstFrom > pod.created) {
    parts.push(
      element('line', {
        x1: scale.x(pod.created),
        x2: scale.x(firstFrom),
        y1: barMid,
        y2: barMid,
        class: 'tl-axis',
      }),
    );
  }

  for (const segment of container.segments) {
    const look: SegmentLook = segmentLook(segment.state, segment.reason, segment.exitCode);
    const x1 = scale.x(segment.from);
    const width = Math.max(scale.x(segment.to) - x1, 1.5);
    const tip = `${segmentDetail(segment, labels)}: ${formatAxisTime(segment.from)}–${formatAxisTime(segment.to)} (${formatLength(segment.to - segment.from)})`;
    const rect = { x: x1, y: barTop, width, height: LANE.bar };
    parts.push(element('rect', { ...rect, class: `tl-seg tl-${look}` }, `<title>${escapeXml(tip)}</title>`));
    if (look === 'backoff')
      parts.push(element('rect', { ...rect, fill: `url(#${id}-hatch)`, 'pointer-events': 'none' }));
    const label = fitting([segmentDetail(segment, labels), segmentLabel(segment, labels)], width - 6);
    if (label) parts.push(text(x1 + width / 2, barMid + 4.5, label, `tl-seg-label tl-${look}`, 'middle'));
  }

  if (pod.deleted !== undefined) {
    const x = scale.x(pod.deleted);
    const s = 5;
    parts.push(
      element('path', {
        d: `M${num(x - s)} ${num(barMid - s)}l${s * 2} ${s * 2}m0 ${-s * 2}l${-s * 2} ${s * 2}`,
        class: 'tl-deleted',
      }),
    );
    if (x + 8 + textWidth(labels.deleted, FONT) <= WIDTH)
      parts.push(text(x + 8, barMid + 4, labels.deleted, 'tl-muted'));
  }

  // Restart markers; badges that would overlap merge into the last one (which shows the higher count).
  const badgeY = barTop + LANE.bar + LANE.badges / 2 + 2;
  const restarts = container.restarts;
  restarts.forEach((restart, i) => {
    const x = scale.x(restart.at);
    parts.push(element('line', { x1: x, x2: x, y1: barTop - 3, y2: barTop + LANE.bar + 3, class: 'tl-restart-line' }));
    const next = restarts[i + 1];
    if (next && scale.x(next.at) - x < BADGE_SPACING) return;
    const count = String(restart.restartCount);
    const r = count.length > 1 ? 8 + (count.length - 2) * 3 : 7;
    const cx = Math.min(Math.max(x, LEFT + r), WIDTH - r);
    parts.push(
      element(
        'rect',
        { x: cx - r, y: badgeY - 7, width: r * 2, height: 14, rx: 7, class: 'tl-restart-badge' },
        `<title>${escapeXml(labels.restart(restart.restartCount))}: ${escapeXml(formatAxisTime(restart.at))}</title>`,
      ),
    );
    parts.push(text(cx, badgeY + 3.5, count, 'tl-restart-count', 'middle'));
  });
  return `<g class="tl-lane">${parts.join('')}</g>`;
}

/** Dashed lines at the ticks, drawn first so that bars, labels and badges cover them. */
function renderGrid(top: number, bottom: number, scale: Scale, end: number): string {
  return axisTicks(axisEnd(end))
    .filter((t) => t > 0)
    .map((t) => element('line', { x1: scale.x(t), x2: scale.x(t), y1: top, y2: bottom, class: 'tl-grid' }))
    .join('');
}

function renderAxis(top: number, scale: Scale, end: number, labels: TimelineLabels): string {
  const parts: string[] = [];
  const length = axisEnd(end);
  parts.push(element('line', { x1: LEFT, x2: LEFT + PLOT, y1: top, y2: top, class: 'tl-axis' }));
  for (const t of axisTicks(length)) {
    const x = scale.x(t);
    parts.push(element('line', { x1: x, x2: x, y1: top, y2: top + 4, class: 'tl-axis' }));
    const label = formatAxisTime(t);
    const anchor = t === 0 ? 'start' : x + textWidth(label, FONT) / 2 > WIDTH ? 'end' : 'middle';
    parts.push(text(x, top + 18, label, 'tl-tick-label', anchor));
  }
  parts.push(text(LEFT + PLOT, top + 34, labels.axis, 'tl-muted', 'end'));
  return parts.join('');
}

interface LegendItem {
  look: SegmentLook | 'restart';
  label: string;
}

/** What the chart shows, so that the legend lists only that (a crash loop has no image-pull colours). */
function looksUsed(lanes: readonly Lane[]): Set<LegendItem['look']> {
  const used = new Set<LegendItem['look']>();
  for (const { container } of lanes) {
    for (const s of container.segments) used.add(segmentLook(s.state, s.reason, s.exitCode));
    if (container.backoffs.length > 0) used.add('backoff');
    if (container.restarts.length > 0) used.add('restart');
  }
  return used;
}

function renderLegend(
  top: number,
  labels: TimelineLabels,
  id: string,
  used: ReadonlySet<LegendItem['look']>,
): { svg: string; height: number } {
  const all: LegendItem[] = [
    { look: 'running', label: labels.legend.running },
    { look: 'waiting', label: labels.legend.waiting },
    { look: 'problem', label: labels.legend.problem },
    { look: 'backoff', label: labels.legend.backoff },
    { look: 'completed', label: labels.legend.completed },
    { look: 'failed', label: labels.legend.failed },
    { look: 'restart', label: labels.legend.restart },
  ];
  const items = all.filter((item) => used.has(item.look));
  if (items.length === 0) return { svg: '', height: 0 };
  const parts: string[] = [];
  let x = LEFT;
  let y = top;
  for (const item of items) {
    const width = 18 + textWidth(item.label, FONT) + 16;
    if (x + width > WIDTH && x > LEFT) {
      x = LEFT;
      y += 20;
    }
    if (item.look === 'restart') {
      parts.push(element('rect', { x, y: y - 9, width: 12, height: 12, rx: 6, class: 'tl-restart-badge' }));
    } else {
      const swatch = { x, y: y - 9, width: 12, height: 12 };
      parts.push(element('rect', { ...swatch, class: `tl-seg tl-${item.look}` }));
      if (item.look === 'backoff') parts.push(element('rect', { ...swatch, fill: `url(#${id}-hatch)` }));
    }
    parts.push(text(x + 18, y + 1, item.label, 'tl-muted'));
    x += width;
  }
  return { svg: parts.join(''), height: y - top + 14 };
}

/** The chart as an SVG document fragment (`<svg>...</svg>`), ready to put in HTML. */
export function renderTimelineSvg(timeline: Timeline, options: SvgOptions): string {
  const labels = timelineLabels(options.lang);
  const id = (options.id ?? 'podbook-timeline').replace(/[^A-Za-z0-9_-]/g, '-');
  const end = axisEnd(timeline.end);
  const scale = scaleFor(end);
  const lanes = lanesOf(timeline, labels);
  const top = 8;
  const lanesSvg = lanes.map((lane, i) => renderLane(lane, top + i * LANE_HEIGHT, scale, end, labels, id));
  const empty = lanes.length === 0 ? text(LEFT, top + 30, labels.noPods, 'tl-muted') : '';
  const axisTop = top + Math.max(lanes.length * LANE_HEIGHT, 44);
  const grid = renderGrid(top, axisTop, scale, end);
  const axis = renderAxis(axisTop, scale, end, labels);
  const legend = renderLegend(axisTop + 62, labels, id, looksUsed(lanes));
  const height = axisTop + 62 + legend.height;
  const title = options.title ?? labels.title;
  const hatch =
    `<pattern id="${id}-hatch" class="tl-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
    '<line x1="0" y1="0" x2="0" y2="6"/></pattern>';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="podbook-timeline__chart" viewBox="0 0 ${WIDTH} ${num(height)}" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeXml(title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(describeTimeline(timeline, labels))}</desc>` +
    (options.embedStyle ? `<style>${TIMELINE_CSS}</style>` : '') +
    `<defs>${hatch}</defs>${grid}${lanesSvg.join('')}${empty}${axis}${legend.svg}</svg>`
  );
}
