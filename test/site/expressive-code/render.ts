/**
 * Renders a page's fenced blocks through Expressive Code in Node, as the site's Markdown pipeline does: each
 * block's text, language and meta string, with the page file as its parent document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExpressiveCode, ExpressiveCodeBlock } from '@astrojs/starlight/expressive-code';
import { type Element, select, selectAll, toHtml, toText } from '@astrojs/starlight/expressive-code/hast';
import { type Example, extractPage } from '../../../src/check/extract/index.ts';
import { type PodbookBlocksOptions, pluginPodbookBlocks } from '../../../src/site/expressive-code/index.ts';
import { OPENAPI_DIR } from '../../manifest/schema/pack-fixture.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const ZH_PAGE = join(FIXTURES, 'content/zh-cn/guides/blocks.md');
export const EN_PAGE = join(FIXTURES, 'content/en/guides/blocks.md');
export const SEED_PAGE = join(import.meta.dirname, '../../check/run/fixtures/never-pull.md');
export const EXPLAIN_PAGE = join(import.meta.dirname, '../../check/run/fixtures/explain.md');

export interface RenderedBlock {
  /** The block as the page's source has it (the renderer's input). */
  example: Example;
  root: Element;
  html: string;
}

/** The shared OpenAPI documents, never a download (as the other schema tests). */
export const TEST_PACKS = { openapiDir: OPENAPI_DIR, download: false };

export function engine(options: PodbookBlocksOptions = {}): ExpressiveCode {
  return new ExpressiveCode({
    plugins: [pluginPodbookBlocks({ packs: TEST_PACKS, ...options })],
    frames: { removeCommentsWhenCopyingTerminalFrames: false },
  });
}

export async function renderBlock(
  ec: ExpressiveCode,
  input: { code: string; language: string; meta?: string; sourceFilePath?: string; locale?: string },
): Promise<Element> {
  const block = new ExpressiveCodeBlock({
    code: input.code,
    language: input.language,
    meta: input.meta ?? '',
    parentDocument: input.sourceFilePath ? { sourceFilePath: input.sourceFilePath } : undefined,
    locale: input.locale,
  });
  const { renderedGroupAst } = await ec.render(block);
  return renderedGroupAst as Element;
}

/** Every fenced block of a page, rendered in page order. */
export async function renderPage(path: string, options: PodbookBlocksOptions = {}): Promise<RenderedBlock[]> {
  const source = readFileSync(path, 'utf8');
  const ec = engine(options);
  const rendered: RenderedBlock[] = [];
  for (const example of extractPage(source, path).examples) {
    const root = await renderBlock(ec, {
      code: example.body.replace(/\n$/, ''),
      language: example.lang,
      meta: example.info.slice(example.lang.length).trim(),
      sourceFilePath: path,
    });
    rendered.push({ example, root, html: toHtml(root) });
  }
  return rendered;
}

/** The element a tooltip trigger's `aria-describedby` names, found in a block or a page's blocks (at most one). */
export function descriptionOf(trigger: Element, roots: Element | readonly Element[]): Element | undefined {
  const id = String(trigger.properties.ariaDescribedBy ?? '');
  const found = [roots].flat().flatMap((root) => selectAll(`[id="${id}"]`, root));
  if (found.length > 1) throw new Error(`${found.length} elements have the id ${id}`);
  return found[0];
}

/** A description's title and body: its text up to the first line break, and after it. */
export function descriptionParts(description: Element): { title: string; body: string } {
  const text = toText(description, { whitespace: 'pre' });
  const br = text.indexOf('\n');
  return br < 0 ? { title: text, body: '' } : { title: text.slice(0, br), body: text.slice(br + 1) };
}

/** The text a line shows as code: without callout markers. */
export function lineText(line: Element): string {
  const copy = structuredClone(line);
  for (const extra of selectAll('.pb-callout-ref', copy)) {
    extra.children = [];
  }
  return toText(copy, { whitespace: 'pre' }).replace(/\n$/, '');
}

export function visibleLines(root: Element): string[] {
  return selectAll('.ec-line', root).map(lineText);
}

/** The marker numbers at the end of each visible line (`[]` for a line without any). */
export function markersByLine(root: Element): number[][] {
  return selectAll('.ec-line', root).map((line) => selectAll('.pb-callout-ref', line).map((a) => Number(toText(a))));
}

export function copiedText(root: Element): string {
  const button = select('.copy button', root);
  return String(button?.properties.dataCode ?? '').replace(/\u007f/g, '\n');
}

export { select, selectAll, toText };
