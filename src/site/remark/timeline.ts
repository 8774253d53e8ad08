/**
 * The Markdown plugin that draws ```timeline``` blocks: each one becomes a chart made by the model
 * (src/site/timeline) with its table beside it. Astro 7 renders `.md` and `.mdx` with Sätteri, so this is a
 * Sätteri mdast plugin (`markdown.processor: satteri({ mdastPlugins: [timelineMarkdownPlugin] })`; MDX uses the
 * same processor). Node-side: it reads the page file and loads schema packs.
 *
 * The page source is read with the checker's extractor, so the block drawn is the block checked: its scenario,
 * its `file=` (the last manifest with that name above it) and its steps, played by the checker's own code
 * (src/check/run playTimeline, the same cluster construction as a page session) with a recorder attached.
 * A broken block fails the build with `file:line:col` and the checker's message.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractedPage, TimelineExample } from '../../check/extract/index.ts';
import type { PackLoadOptions } from '../../manifest/schema/node/index.ts';
import type { TimelineLang } from '../timeline/index.ts';
import { exampleForFence } from './fence-example.ts';
import { type CodeNode, type DocumentContext, type HtmlNode, htmlNode } from './satteri-nodes.ts';

interface TimelinePlugin {
  name: string;
  options: { position: boolean };
  code: (node: Readonly<CodeNode>) => Promise<HtmlNode | undefined>;
}

export interface TimelinePluginOptions {
  /** Where schema packs come from (default: PODBOOK_OPENAPI_DIR and the cache, as the checker; never a download). */
  packs?: PackLoadOptions;
  /** Folder that file names in messages are relative to (default: the working folder). */
  cwd?: string;
}

export class TimelineBuildError extends Error {
  override name = 'TimelineBuildError';
}

/** A ```timeline``` (or ~~~timeline) fence anywhere in the page: a cheap test before anything is loaded. */
const TIMELINE_FENCE = /^[ \t>*+\-\d.]*(?:`{3,}|~{3,})[ \t]*timeline(?:[ \t]|$)/m;

/** The page's language from its path: content/en/... is English, everything else the original Chinese. */
export function pageLang(path: string): TimelineLang {
  return /(?:^|[\\/])en[\\/]/.test(path) ? 'en' : 'zh-cn';
}

/** The model and the renderer, loaded when a page first holds a timeline (pages without one pay nothing). */
async function loadDrawing() {
  const [extract, run, version, schema, timeline] = await Promise.all([
    import('../../check/extract/index.ts'),
    import('../../check/run/index.ts'),
    import('../../k8s/version/index.ts'),
    import('../../manifest/schema/node/index.ts'),
    import('../timeline/index.ts'),
  ]);
  return { ...extract, ...run, ...version, ...schema, ...timeline };
}
type Drawing = Awaited<ReturnType<typeof loadDrawing>>;
let drawing: Promise<Drawing> | undefined;

function fail(problems: string[], cause?: unknown): never {
  const message = `A timeline chart cannot be drawn:\n${problems.join('\n')}`;
  throw cause === undefined ? new TimelineBuildError(message) : new TimelineBuildError(message, { cause });
}

/** The page as saved (the extractor needs the frontmatter, which the processor may not see). */
function readPage(d: Drawing, path: string, name: string): ExtractedPage {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    fail([`${name}: cannot read the page to draw its timelines`], error);
  }
  return d.extractPage(source, name);
}

function chartHtml(
  d: Drawing,
  page: ExtractedPage,
  example: TimelineExample,
  first: boolean,
  packs: PackLoadOptions | undefined,
): string {
  const at = `${page.file}:${example.fence.line}:${example.fence.col}`;
  const last = example.fence.closeLine ?? example.fence.line + example.lines.length;
  const errors = page.errors.filter((e) => e.severity === 'error' && e.line >= example.fence.line && e.line <= last);
  if (errors.length > 0) fail(errors.map(d.formatExtractError));
  const k8s = example.scenario.k8s;
  if (k8s === undefined) fail([`${at}: the page sets no Kubernetes version (podbook.k8s in the frontmatter)`]);
  let pack: ReturnType<Drawing['loadSchemaPackSync']>;
  try {
    // The check integration (astro:build:start) has loaded every pack the pages use, so it is on disk.
    pack = d.loadSchemaPackSync(d.parseMinor(k8s), packs);
  } catch (error) {
    fail([`${at}: the schema of Kubernetes ${k8s} is not available: ${(error as Error).message}`], error);
  }
  const { timeline, failures } = d.timelineOfBlock(page.examples, example, pack, page.file);
  if (failures.length > 0 || !timeline) fail(failures.map((f) => d.formatFailure(f).trimEnd()));
  return d.renderTimelineFigure(timeline, {
    lang: pageLang(page.file),
    ...(example.title !== undefined ? { title: example.title } : {}),
    id: `podbook-timeline-L${example.fence.line}`,
    style: first,
  });
}

/**
 * The plugin entry: a factory Sätteri calls once per document. Documents without a timeline fence get no
 * plugin at all.
 */
export function createTimelineMarkdownPlugin(options: TimelinePluginOptions = {}) {
  return (doc: DocumentContext): TimelinePlugin | undefined => documentPlugin(doc, options);
}

/** The plugin with the default options (what the site's config uses). */
export const timelineMarkdownPlugin = createTimelineMarkdownPlugin();

function documentPlugin(doc: DocumentContext, options: TimelinePluginOptions): TimelinePlugin | undefined {
  if (!TIMELINE_FENCE.test(doc.source)) return undefined;
  const url = doc.fileURL;
  let page: Promise<{ d: Drawing; page: ExtractedPage }> | undefined;
  const seen = new Map<string, number>();
  let drawn = 0;
  return {
    name: 'podbook-timeline',
    options: { position: true },
    async code(node) {
      if (node.lang !== 'timeline') return undefined;
      const first = drawn++ === 0;
      if (!url) fail(['a ```timeline``` block outside a page file cannot be drawn (no file URL)']);
      const path = fileURLToPath(url);
      const name = relative(options.cwd ?? process.cwd(), path);
      page ??= (async () => {
        drawing ??= loadDrawing();
        const d = await drawing;
        return { d, page: readPage(d, path, name) };
      })();
      const loaded = await page;
      const example = exampleForFence(loaded.page, 'timeline', node, seen);
      if (!example) {
        fail([`${name}:${node.position?.start.line ?? 1}:1: this timeline block is not in ${name} as saved`]);
      }
      return htmlNode(chartHtml(loaded.d, loaded.page, example, first, options.packs), doc.sourceFormat);
    },
  };
}
