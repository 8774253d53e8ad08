/**
 * The chart's look, as classes under `.podbook-timeline` that read Starlight's colour properties: each theme
 * (light, dark, and print, which Starlight forces to light colours) gets readable bars without a hard-coded
 * black or white. The fallbacks after each `var()` serve a page without Starlight. State is never told by
 * colour alone: every bar has its reason written on it (or in the table), back-off waits are hatched.
 */

/** Which look a state segment gets. */
export type SegmentLook = 'running' | 'waiting' | 'problem' | 'backoff' | 'completed' | 'failed';

export function segmentLook(state: string, reason: string | undefined, exitCode: number | undefined): SegmentLook {
  if (state === 'running') return 'running';
  if (state === 'terminated') return exitCode === 0 ? 'completed' : 'failed';
  if (reason === 'CrashLoopBackOff' || reason === 'ImagePullBackOff') return 'backoff';
  if (reason === undefined || reason === 'ContainerCreating' || reason === 'PodInitializing') return 'waiting';
  return 'problem';
}

export const TIMELINE_CSS = `
.podbook-timeline{--tl-text:var(--sl-color-white,#1b1e24);--tl-muted:var(--sl-color-gray-3,#555b66);--tl-grid:var(--sl-color-gray-5,#c0c4cc);
--tl-running:var(--sl-color-green-low,#dcf5d2);--tl-running-edge:var(--sl-color-green,#46a62b);--tl-running-text:var(--sl-color-green-high,#1d4f0e);
--tl-waiting:var(--sl-color-blue-low,#dde2fb);--tl-waiting-edge:var(--sl-color-blue,#4d63f0);--tl-waiting-text:var(--sl-color-blue-high,#1d2a8c);
--tl-problem:var(--sl-color-purple-low,#f0dcfb);--tl-problem-edge:var(--sl-color-purple,#a43be8);--tl-problem-text:var(--sl-color-purple-high,#5a0f85);
--tl-failed:var(--sl-color-red-low,#f9dbe6);--tl-failed-edge:var(--sl-color-red,#e8457f);--tl-failed-text:var(--sl-color-red-high,#8a1240);
--tl-backoff:var(--sl-color-orange-low,#fcecc8);--tl-backoff-edge:var(--sl-color-orange,#f0b429);--tl-backoff-text:var(--sl-color-orange-high,#6b4a06);
--tl-completed:var(--sl-color-gray-6,#eceef2);--tl-completed-edge:var(--sl-color-gray-3,#555b66);--tl-completed-text:var(--sl-color-gray-1,#22252b);
margin:1.5rem 0 0;}
.podbook-timeline__scroll{overflow-x:auto;}
.podbook-timeline__scroll:focus-visible{outline:2px solid var(--sl-color-text-accent,currentColor);outline-offset:2px;}
.podbook-timeline svg{display:block;width:100%;min-width:36rem;height:auto;font-family:var(--__sl-font,system-ui,sans-serif);}
.podbook-timeline text{fill:var(--tl-text);font-size:12px;}
.podbook-timeline .tl-muted,.podbook-timeline .tl-tick-label{fill:var(--tl-muted);}
.podbook-timeline .tl-lane-label{font-weight:600;font-size:13px;}
.podbook-timeline .tl-grid{stroke:var(--tl-grid);stroke-width:1;stroke-dasharray:2 3;}
.podbook-timeline .tl-axis{stroke:var(--tl-muted);stroke-width:1;}
.podbook-timeline .tl-seg{stroke-width:1;}
.podbook-timeline .tl-running{fill:var(--tl-running);stroke:var(--tl-running-edge);}
.podbook-timeline .tl-waiting{fill:var(--tl-waiting);stroke:var(--tl-waiting-edge);}
.podbook-timeline .tl-problem{fill:var(--tl-problem);stroke:var(--tl-problem-edge);}
.podbook-timeline .tl-backoff{fill:var(--tl-backoff);stroke:var(--tl-backoff-edge);}
.podbook-timeline .tl-completed{fill:var(--tl-completed);stroke:var(--tl-completed-edge);}
.podbook-timeline .tl-failed{fill:var(--tl-failed);stroke:var(--tl-failed-edge);stroke-width:2;}
.podbook-timeline .tl-hatch line{stroke:var(--tl-backoff-edge);stroke-width:2;}
.podbook-timeline .tl-seg-label.tl-running{fill:var(--tl-running-text);stroke:none;}
.podbook-timeline .tl-seg-label.tl-waiting{fill:var(--tl-waiting-text);stroke:none;}
.podbook-timeline .tl-seg-label.tl-problem{fill:var(--tl-problem-text);stroke:none;}
.podbook-timeline .tl-seg-label.tl-failed{fill:var(--tl-failed-text);stroke:none;}
.podbook-timeline .tl-seg-label.tl-backoff{fill:var(--tl-backoff-text);stroke:var(--tl-backoff);stroke-width:4px;paint-order:stroke;stroke-linejoin:round;}
.podbook-timeline .tl-seg-label.tl-completed{fill:var(--tl-completed-text);stroke:none;}
.podbook-timeline .tl-seg-label{font-weight:600;}
.podbook-timeline .tl-bracket{stroke:var(--tl-backoff-text);stroke-width:1.5;fill:none;}
.podbook-timeline .tl-bracket-label{fill:var(--tl-backoff-text);}
.podbook-timeline .tl-restart-line{stroke:var(--tl-text);stroke-width:1.5;}
.podbook-timeline .tl-restart-badge{fill:var(--tl-text);}
.podbook-timeline text.tl-restart-count{fill:var(--sl-color-black,#fff);font-size:11px;font-weight:700;}
.podbook-timeline .tl-deleted{stroke:var(--tl-text);stroke-width:2;}
.podbook-timeline details{margin-top:.5rem;font-size:var(--sl-text-sm,.875rem);}
.podbook-timeline table{font-variant-numeric:tabular-nums;}
.podbook-timeline figcaption{font-size:var(--sl-text-sm,.875rem);color:var(--sl-color-gray-2,inherit);margin-top:.25rem;}
@media print{.podbook-timeline{break-inside:avoid;}.podbook-timeline__scroll{overflow:visible;}
.podbook-timeline svg{min-width:0;}.podbook-timeline .tl-seg{stroke-width:1.5;}}
`
  .replace(/\n/g, '')
  .trim();
