/**
 * The chart and its text alternative, from hand-written timelines (so the renderer is tested on its own):
 * accessible structure (role, title, desc, ids), one lane per container, reasons written on the bars, restart
 * badges, back-off brackets with their lengths, both languages, and no NaN whatever the input.
 */
import { describe, expect, it } from 'vitest';
import {
  renderTimelineFigure,
  renderTimelineSvg,
  renderTimelineTable,
  type Timeline,
} from '../../../src/site/timeline/index.ts';

/** A crash loop drawn by hand: two restarts, the second after a 10s back-off; a second pod with two containers. */
const timeline: Timeline = {
  start: 0,
  end: 360,
  startTime: 1_700_000_000,
  pods: [
    {
      name: 'crash',
      namespace: 'default',
      uid: 'u1',
      node: 'n1',
      restartPolicy: 'Always',
      created: 0,
      phases: [{ from: 0, to: 360, phase: 'Running' }],
      containers: [
        {
          name: 'app',
          init: false,
          segments: [
            { from: 0, to: 2, state: 'waiting', reason: 'ContainerCreating', restartCount: 0 },
            { from: 2, to: 100, state: 'running', restartCount: 0 },
            { from: 100, to: 101, state: 'terminated', reason: 'Error', exitCode: 1, restartCount: 0 },
            { from: 101, to: 200, state: 'running', restartCount: 1 },
            { from: 200, to: 205, state: 'terminated', reason: 'Error', exitCode: 1, restartCount: 1 },
            {
              from: 205,
              to: 215,
              state: 'waiting',
              reason: 'CrashLoopBackOff',
              message: 'back-off 10s restarting failed container=app pod=crash_default(u1)',
              restartCount: 1,
            },
            { from: 215, to: 360, state: 'running', restartCount: 2 },
          ],
          restarts: [
            { at: 101, restartCount: 1 },
            { at: 215, restartCount: 2 },
          ],
          backoffs: [{ kind: 'crash-loop', from: 200, to: 214, backoffSeconds: 10, ended: true }],
        },
      ],
    },
    {
      name: 'web',
      namespace: 'default',
      uid: 'u2',
      restartPolicy: 'Never',
      created: 30,
      deleted: 300,
      phases: [{ from: 30, to: 300, phase: 'Pending' }],
      containers: [
        {
          name: 'setup',
          init: true,
          segments: [{ from: 31, to: 300, state: 'terminated', reason: 'Completed', exitCode: 0, restartCount: 0 }],
          restarts: [],
          backoffs: [],
        },
        {
          name: 'nginx',
          init: false,
          segments: [
            { from: 31, to: 120, state: 'waiting', reason: 'ErrImagePull', restartCount: 0 },
            { from: 120, to: 300, state: 'waiting', reason: 'ImagePullBackOff', restartCount: 0 },
          ],
          restarts: [],
          backoffs: [{ kind: 'image-pull', from: 120, to: 300, ended: true }],
        },
      ],
    },
  ],
};

/** Tags balance and nest (the SVG is well-formed XML); returns the element names in document order. */
function elements(markup: string): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  for (const m of markup.matchAll(/<(\/?)([A-Za-z][\w-]*)([^>]*?)(\/?)>/g)) {
    const [, closing, name = '', , selfClosing] = m;
    if (closing) {
      expect(stack.pop(), `</${name}>`).toBe(name);
    } else {
      names.push(name);
      if (!selfClosing) stack.push(name);
    }
  }
  expect(stack).toEqual([]);
  return names;
}

function texts(svg: string, cls: string): string[] {
  return [...svg.matchAll(new RegExp(`<text[^>]*class="${cls}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1] ?? '');
}

describe('renderTimelineSvg', () => {
  const svg = renderTimelineSvg(timeline, { lang: 'en', id: 'demo' });

  it('is well-formed, with nothing undefined or NaN in it', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    elements(svg);
    expect(svg).not.toMatch(/NaN|undefined|Infinity|\[object/);
  });

  it('is an image with a title and a description that name what happens', () => {
    expect(svg).toMatch(/<svg[^>]* role="img" aria-labelledby="demo-title demo-desc"/);
    expect(svg).toContain('<title id="demo-title">Container states over time</title>');
    const desc = /<desc id="demo-desc">([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
    expect(desc).toContain('crash/app restarted 2 times.');
    expect(desc).toContain('back-offs of 10s');
    expect(desc).toContain('At the end web/nginx is deleted.');
  });

  it('draws one lane per container, init containers marked, with the pod restartPolicy', () => {
    expect(texts(svg, 'tl-lane-label')).toEqual([
      'crash/app · restartPolicy: Always',
      'web/setup (init container) · restartPolicy: Never',
      'web/nginx',
    ]);
  });

  it('writes the reason on the bars that have room for it', () => {
    const labels = texts(svg, 'tl-seg-label tl-[a-z]+');
    expect(labels).toContain('Running');
    expect(labels).toContain('ImagePullBackOff');
    expect(labels).toContain('Completed (exit code 0)');
    // Every bar carries its full text as a tooltip, the narrow ones included.
    expect(svg).toContain('<title>Error (exit code 1): 3m20s–3m25s (5s)</title>');
    expect(svg).toContain('<title>CrashLoopBackOff: 3m25s–3m35s (10s)</title>');
  });

  it('gives each state its look: back-off hatched, failures apart from completions', () => {
    expect(svg).toMatch(/class="tl-seg tl-backoff"/);
    expect(svg).toMatch(/fill="url\(#demo-hatch\)"/);
    expect(svg).toContain('<pattern id="demo-hatch"');
    expect(svg).toMatch(/class="tl-seg tl-failed"/);
    expect(svg).toMatch(/class="tl-seg tl-completed"/);
    expect(svg).toMatch(/class="tl-seg tl-problem"/); // ErrImagePull
    expect(svg).toMatch(/class="tl-seg tl-running"/);
  });

  it('marks restarts with their count, and back-off waits with their lengths', () => {
    expect(texts(svg, 'tl-restart-count')).toEqual(['1', '2']);
    const brackets = texts(svg, 'tl-bracket-label');
    expect(brackets).toContain('back-off 10s · waited 14s');
    expect(brackets).toContain('image pull back-off 3m');
  });

  it('has a time axis in round steps across the whole timeline', () => {
    expect(texts(svg, 'tl-tick-label')).toEqual(['0', '1m', '2m', '3m', '4m', '5m', '6m']);
  });

  it('speaks Chinese on Chinese pages, keeping the API reasons as kubectl prints them', () => {
    const zh = renderTimelineSvg(timeline, { lang: 'zh-cn', id: 'demo' });
    expect(zh).toContain('<title id="demo-title">容器状态随时间的变化</title>');
    expect(zh).toContain('从应用清单起经过的时间');
    expect(texts(zh, 'tl-bracket-label')).toContain('退避 10s · 实际等待 14s');
    expect(texts(zh, 'tl-lane-label')).toContain('web/setup（init 容器） · restartPolicy: Never');
    expect(texts(zh, 'tl-seg-label tl-[a-z]+')).toContain('ImagePullBackOff');
  });

  it('escapes a title', () => {
    const escaped = renderTimelineSvg(timeline, { lang: 'en', title: 'a <b> & "c"' });
    expect(escaped).toContain('<title id="podbook-timeline-title">a &lt;b&gt; &amp; &quot;c&quot;</title>');
  });

  it('draws an empty or zero-length timeline without NaN', () => {
    for (const end of [0, -5, Number.NaN]) {
      const empty = renderTimelineSvg({ start: 0, end, startTime: 0, pods: [] }, { lang: 'en' });
      elements(empty);
      expect(empty).not.toMatch(/NaN|undefined|Infinity/);
      expect(empty).toContain('No pods were created.');
    }
  });

  it('lists in its legend only what the chart shows', () => {
    expect(texts(svg, 'tl-muted')).toEqual(expect.arrayContaining(['back-off wait', 'restart (count)', 'exited 0']));
    const calm: Timeline = {
      ...timeline,
      pods: [
        {
          ...(timeline.pods[0] as Timeline['pods'][number]),
          containers: [
            {
              name: 'app',
              init: false,
              segments: [{ from: 0, to: 360, state: 'running', restartCount: 0 }],
              restarts: [],
              backoffs: [],
            },
          ],
        },
      ],
    };
    const legend = texts(renderTimelineSvg(calm, { lang: 'en' }), 'tl-muted');
    expect(legend).toContain('running');
    for (const absent of ['waiting', 'back-off wait', 'exited 0', 'exited non-zero', 'restart (count)']) {
      expect(legend).not.toContain(absent);
    }
  });

  it('puts its stylesheet inside only when asked', () => {
    expect(svg).not.toContain('<style>');
    expect(renderTimelineSvg(timeline, { lang: 'en', embedStyle: true })).toContain('<style>.podbook-timeline{');
  });
});

describe('renderTimelineTable', () => {
  const table = renderTimelineTable(timeline, { lang: 'en' });

  it('is a closed <details> with a header row and one row per state, restart and wait', () => {
    elements(table);
    expect(table.startsWith('<details><summary>The timeline as a table</summary><table>')).toBe(true);
    expect(table).toContain('<th scope="col">Pod / container</th>');
    const rows = table.match(/<tr>/g)?.length ?? 0;
    const segments = 7 + 1 + 2;
    const restarts = 2;
    const waits = 2;
    const deletions = 2; // one per container of the deleted pod
    expect(rows - 1).toBe(segments + restarts + waits + deletions);
  });

  it('lists each container in time order with lengths', () => {
    expect(table).toContain(
      '<tr><td>crash/app</td><td>3m25s</td><td>3m35s</td><td>10s</td><td>CrashLoopBackOff</td></tr>',
    );
    expect(table).toContain('<tr><td>crash/app</td><td>3m20s</td><td>3m34s</td><td>14s</td><td>back-off 10s</td></tr>');
    expect(table).toContain('<tr><td>crash/app</td><td>1m41s</td><td></td><td></td><td>restart #1</td></tr>');
    const crashRows = [...table.matchAll(/<tr><td>crash\/app<\/td><td>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(crashRows[0]).toBe('0');
  });

  it('is in Chinese on Chinese pages', () => {
    const zh = renderTimelineTable(timeline, { lang: 'zh-cn', open: true });
    expect(zh.startsWith('<details open><summary>以表格查看时间线</summary>')).toBe(true);
    expect(zh).toContain('<td>第 2 次重启</td>');
  });
});

describe('renderTimelineFigure', () => {
  it('holds the caption, a focusable scrolling region with the chart, and the table', () => {
    const figure = renderTimelineFigure(timeline, { lang: 'en', id: 'f1', title: 'Crash loop' });
    const names = elements(figure);
    expect(names.slice(0, 4)).toEqual(['figure', 'style', 'figcaption', 'div']);
    expect(figure).toContain('<figcaption>Crash loop</figcaption>');
    expect(figure).toContain(
      '<div class="podbook-timeline__scroll" tabindex="0" role="group" aria-label="Crash loop">',
    );
    expect(figure).toContain('<title id="f1-title">Crash loop</title>');
    expect(figure.indexOf('<details>')).toBeGreaterThan(figure.indexOf('</svg>'));
    expect(renderTimelineFigure(timeline, { lang: 'en', style: false })).not.toContain('<style>');
  });

  it('has styles for light, dark and print through Starlight custom properties, without fixed black or white', () => {
    const figure = renderTimelineFigure(timeline, { lang: 'en' });
    const css = /<style>([^<]*)<\/style>/.exec(figure)?.[1] ?? '';
    expect(css).toContain('var(--sl-color-green-low');
    expect(css).toContain('@media print');
    // Colours only as fallbacks of var(): never a colour on its own.
    const bare = css.replace(/var\([^()]*\)/g, '').match(/#[0-9a-f]{3,6}\b|\b(?:black|white)\b/gi);
    expect(bare).toBeNull();
  });
});
