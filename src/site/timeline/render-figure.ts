/**
 * renderTimelineFigure: what a page shows for a timeline block: a `<figure>` holding the chart (in a region that
 * scrolls sideways on narrow screens), its title as the caption, and the table of the same data beside it.
 */
import { type TimelineLang, timelineLabels } from './labels.ts';
import { escapeXml } from './markup.ts';
import { renderTimelineSvg } from './render-svg.ts';
import { renderTimelineTable } from './render-table.ts';
import { TIMELINE_CSS } from './style.ts';
import type { Timeline } from './types.ts';

export interface FigureOptions {
  lang: TimelineLang;
  /** Caption and SVG title (default: "Container states over time" in the page's language). */
  title?: string;
  /** Prefix of the ids inside the figure; unique per page (default `podbook-timeline`). */
  id?: string;
  /** Include the stylesheet (default true; a page with several charts needs it once). */
  style?: boolean;
}

export function renderTimelineFigure(timeline: Timeline, options: FigureOptions): string {
  const labels = timelineLabels(options.lang);
  const title = options.title ?? labels.title;
  const id = options.id ?? 'podbook-timeline';
  const svg = renderTimelineSvg(timeline, { lang: options.lang, title, id });
  const table = renderTimelineTable(timeline, { lang: options.lang });
  const style = options.style === false ? '' : `<style>${TIMELINE_CSS}</style>`;
  // The scrolling region is focusable so that keyboard users can scroll it (WCAG 2.1.1).
  return (
    `<figure class="podbook-timeline">${style}` +
    `<figcaption>${escapeXml(title)}</figcaption>` +
    `<div class="podbook-timeline__scroll" tabindex="0" role="group" aria-label="${escapeXml(title)}">${svg}</div>` +
    `${table}</figure>`
  );
}
