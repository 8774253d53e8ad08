/**
 * src/site/timeline: charts of container states, restarts and back-off waits, made by the model.
 *
 * Pure and browser-safe (no Node imports, no wall clock, no unseeded randomness): the build's Markdown plugin
 * (src/site/remark/timeline.ts) and the browser's runnable examples use the same code.
 *
 *   const recorder = recordTimeline(cluster);          // before anything is applied: t = 0 is cluster.now()
 *   cluster.apply(pod); cluster.advance(360);
 *   const timeline = recorder.timeline();              // plain data (JSON-serialisable), see types.ts
 *   recorder.stop();
 *   const html = renderTimelineFigure(timeline, { lang: 'zh-cn', id: 'crash' }); // SVG + <details> table
 *
 * For a page's ```timeline``` block (extractPage's TimelineExample), `timelineOfBlock(page.examples, block,
 * pack, file)` plays it the way the checker does and answers `{ timeline, failures }`.
 *
 * Times in a Timeline are virtual seconds since the recorder's start. For each pod and container:
 * - `segments`: the container's state as the API showed it (waiting / running / terminated, with the reason and
 *   exit code), from the moment the status was written (watch time) until the next change;
 * - `restarts`: each restart with the restart count after it, when the API first showed it;
 * - `backoffs`: the waits between an exit and the restart that the kubelet delayed (CrashLoopBackOff, with the
 *   nominal back-off read from the kubelet's message) and the ImagePullBackOff waits between pulls.
 * Crash-loop waits use the kubelet's own timestamps (`finishedAt` of the exit, `startedAt` of the next run: whole
 * seconds, as the API stores them), so their lengths are what `kubectl describe` shows.
 */

export { formatAxisTime, formatLength } from './format-time.ts';
export { type TimelineLang, timelineLabels } from './labels.ts';
export { type BlockTimeline, timelineOfBlock } from './play-block.ts';
export { type RecordOptions, recordTimeline, type TimelineCluster, type TimelineRecorder } from './record.ts';
export { type FigureOptions, renderTimelineFigure } from './render-figure.ts';
export { renderTimelineSvg, type SvgOptions } from './render-svg.ts';
export { renderTimelineTable, type TableOptions } from './render-table.ts';
export type * from './types.ts';
