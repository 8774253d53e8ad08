/**
 * The parts of Sätteri's plugin API (Astro 7's Markdown processor) that Podbook's Markdown plugins use, and the
 * node that puts build-time HTML into a page: raw HTML in Markdown, a `<Fragment set:html>` in MDX (MDX takes no
 * raw HTML).
 */

/** What Sätteri tells a plugin factory about a document (satteri PluginFactoryContext, the part used here). */
export interface DocumentContext {
  readonly fileURL: URL | undefined;
  readonly sourceFormat: 'markdown' | 'mdx' | string;
  readonly source: string;
}

/** A `code` node as Sätteri's visitors see it (mdast Code). */
export interface CodeNode {
  type: 'code';
  lang?: string | null;
  meta?: string | null;
  value: string;
  position?: { start: { line: number; column?: number } };
}

export type HtmlNode =
  | { type: 'html'; value: string }
  | {
      type: 'mdxJsxFlowElement';
      name: 'Fragment';
      attributes: { type: 'mdxJsxAttribute'; name: string; value: string }[];
      children: [];
    };

export function htmlNode(html: string, sourceFormat: string): HtmlNode {
  if (sourceFormat !== 'mdx') return { type: 'html', value: html };
  return {
    type: 'mdxJsxFlowElement',
    name: 'Fragment',
    attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }],
    children: [],
  };
}
