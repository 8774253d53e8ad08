/**
 * The Markdown plugin that makes every checked transcript runnable: after each ```console``` block the checker
 * replays, it puts a <podbook-runner> holding that transcript's scenario (its session's settings, the files
 * written and the commands typed up to the end of the block; src/site/runner/page-scenarios.ts) and a
 * "Run / Edit" button. Astro 7 renders `.md` and `.mdx` with Sätteri, so this is a Sätteri mdast plugin
 * (src/site/config/markdown.ts); in MDX the HTML goes in as `<Fragment set:html>` (MDX takes no raw HTML).
 *
 * The page is read from disk with the checker's extractor (the processor does not see the frontmatter), and each
 * fence is matched to the extracted block with the same body, on the same line when several have that body.
 * Node-side only.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPage } from '../../check/extract/index.ts';
import type { ExtractedPage } from '../../check/extract/types.ts';
import { storedAnswers } from '../runner/build/check-answers.ts';
import { pageScenarios, TRANSCRIPT_FENCE } from '../runner/page-scenarios.ts';
import { runnerMarkup } from '../runner/runner-markup.ts';
import type { RunnerScenario } from '../runner/scenario.ts';
import { pageLocale } from '../runner/strings.ts';
import { exampleForFence } from './fence-example.ts';
import { type CodeNode, type DocumentContext, type HtmlNode, htmlNode } from './satteri-nodes.ts';

/** The part of Sätteri's visitor context this plugin uses. */
interface VisitorContext {
  insertAfter(node: Readonly<CodeNode>, newNode: HtmlNode): void;
}

interface RunnablePlugin {
  name: string;
  options: { position: boolean };
  code: (node: Readonly<CodeNode>, ctx: VisitorContext) => void;
}

const TRANSCRIPT_LANGS = new Set(['console', 'shellsession', 'shell-session']);

interface PageRunners {
  page: ExtractedPage;
  scenarios: Map<number, RunnerScenario>;
  /** Runner ids in page order: `t1`, `t2`, ... (stable while transcripts are only edited, not reordered). */
  ids: Map<number, string>;
}

function readRunners(path: string): PageRunners | undefined {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    return undefined; // not a page file; nothing to attach
  }
  const page = extractPage(source, relative(process.cwd(), path));
  const scenarios = pageScenarios(page);
  const ids = new Map([...scenarios.keys()].map((index, i) => [index, `t${i + 1}`]));
  return { page, scenarios, ids };
}

/** The plugin entry: a factory Sätteri calls once per document; pages without a transcript get no plugin. */
export function runnableMarkdownPlugin(doc: DocumentContext): RunnablePlugin | undefined {
  if (!doc.fileURL || !TRANSCRIPT_FENCE.test(doc.source)) return undefined;
  const path = fileURLToPath(doc.fileURL);
  const locale = pageLocale(relative(process.cwd(), path).replace(/\\/g, '/'), undefined);
  let runners: PageRunners | undefined | null = null;
  const seen = new Map<string, number>();
  return {
    name: 'podbook-runnable',
    options: { position: true },
    code(node, ctx) {
      if (!TRANSCRIPT_LANGS.has(node.lang ?? '')) return;
      if (runners === null) runners = readRunners(path);
      if (!runners) return;
      const example = exampleForFence(runners.page, 'transcript', node, seen);
      const scenario = example && runners.scenarios.get(example.index);
      if (!example || !scenario) return; // skipped, or not checked: nothing to run
      const id = runners.ids.get(example.index) ?? `t${example.index}`;
      const where = `${relative(process.cwd(), path)}:${node.position?.start.line ?? example.fence.line}`;
      const answers = storedAnswers([scenario], where);
      ctx.insertAfter(node, htmlNode(runnerMarkup(id, scenario, locale, answers), doc.sourceFormat));
    },
  };
}
