/**
 * renderTimelineTable: the chart's text alternative, a `<details>` with one table row per state segment,
 * restart and back-off wait, in time order for each container. Screen readers and printouts get every number
 * the chart draws.
 */
import { lanesOf, segmentDetail } from './describe.ts';
import { formatAxisTime, formatLength } from './format-time.ts';
import { type TimelineLang, timelineLabels } from './labels.ts';
import { escapeXml } from './markup.ts';
import type { Timeline } from './types.ts';

export interface TableOptions {
  lang: TimelineLang;
  /** Open the `<details>` (default: closed). */
  open?: boolean;
}

interface Row {
  lane: string;
  from: number;
  to?: number;
  what: string;
  /** Sort order among rows at the same time: segments, then back-offs, then restarts. */
  order: number;
}

export function renderTimelineTable(timeline: Timeline, options: TableOptions): string {
  const labels = timelineLabels(options.lang);
  const rows: Row[] = [];
  for (const lane of lanesOf(timeline, labels)) {
    const { container, pod } = lane;
    const laneRows: Row[] = [];
    for (const s of container.segments) {
      laneRows.push({ lane: lane.name, from: s.from, to: s.to, what: segmentDetail(s, labels), order: 0 });
    }
    for (const b of container.backoffs) {
      const what =
        b.kind === 'image-pull'
          ? labels.imagePullBackoff
          : b.backoffSeconds !== undefined
            ? labels.backoff(b.backoffSeconds)
            : labels.waited(b.to - b.from);
      laneRows.push({ lane: lane.name, from: b.from, to: b.to, what, order: 1 });
    }
    for (const r of container.restarts) {
      laneRows.push({ lane: lane.name, from: r.at, what: labels.restart(r.restartCount), order: 2 });
    }
    if (pod.deleted !== undefined)
      laneRows.push({ lane: lane.name, from: pod.deleted, what: labels.deleted, order: 3 });
    laneRows.sort((a, b) => a.from - b.from || a.order - b.order);
    rows.push(...laneRows);
  }
  const t = labels.table;
  const head = [t.container, t.from, t.to, t.length, t.what].map((h) => `<th scope="col">${escapeXml(h)}</th>`);
  const body = rows.map((r) => {
    const cells = [
      r.lane,
      formatAxisTime(r.from),
      r.to === undefined ? '' : formatAxisTime(r.to),
      r.to === undefined ? '' : formatLength(r.to - r.from),
      r.what,
    ];
    return `<tr>${cells.map((c) => `<td>${escapeXml(c)}</td>`).join('')}</tr>`;
  });
  const empty = rows.length === 0 ? `<p>${escapeXml(labels.noPods)}</p>` : '';
  const table =
    rows.length === 0 ? '' : `<table><thead><tr>${head.join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
  return `<details${options.open ? ' open' : ''}><summary>${escapeXml(t.summary)}</summary>${table}${empty}</details>`;
}
