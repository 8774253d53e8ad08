/**
 * Pages link to each other with site-absolute paths (`/zh-cn/guides/restart-policy/`), as if the site were served
 * at `/`. When it is built for a sub-path (PODBOOK_BASE=/podbook/), these rewrite such paths to start with the
 * base, in what Astro's Markdown processor (Sätteri) renders from .md and .mdx pages: Markdown links and images,
 * `href`/`src` of MDX elements and components (`<a>`, `<LinkCard>`), and raw HTML (hero-base-links.ts does the
 * splash pages' hero buttons). Links that already start with the base, protocol-relative
 * (`//host`) and relative links are left as written. Starlight's own links (sidebar, header) carry the base
 * already; anything else the link checker (check-links.ts) reports.
 */

import { normalizeBase } from '../base-path.ts';

/** `url` with the base in front when it is a site-absolute path without it. */
export function withBase(url: string, base: string): string {
  if (!url.startsWith('/') || url.startsWith('//') || url.startsWith(base) || `${url}/` === base) return url;
  return `${base}${url.slice(1)}`;
}

/** The same for every `href`/`src`/`poster` attribute in a piece of raw HTML. */
export function rawHtmlWithBase(html: string, base: string): string {
  return html.replace(
    /(\s(?:href|src|poster)\s*=\s*)(["'])(\/(?!\/)[^"']*)\2/gi,
    (_, before: string, quote: string, url: string) => `${before}${quote}${withBase(url, base)}${quote}`,
  );
}

const URL_PROPERTY: Record<string, string> = {
  a: 'href',
  area: 'href',
  link: 'href',
  img: 'src',
  source: 'src',
  video: 'src',
  audio: 'src',
  iframe: 'src',
};
const TAGS = Object.keys(URL_PROPERTY);

/** The parts of Sätteri's hast plugin interface used here (its own types live in a transitive dependency). */
interface VisitorContext {
  setProperty(node: object, key: string, value: unknown): void;
  replaceNode(node: object, replacement: { type: 'raw'; value: string }): void;
}
interface ElementNode {
  tagName: string;
  properties?: Record<string, unknown>;
}
interface JsxNode {
  attributes: { type: string; name?: string; value?: unknown }[];
}

/** A Sätteri hast plugin that applies withBase to the rendered pages' links (a no-op at base `/`). */
export function baseLinksPlugin(base: string) {
  const prefix = normalizeBase(base);
  // Any MDX element or component (<a>, <LinkCard>, <LinkButton>, ...) with a literal href/src.
  const fixJsx = {
    filter: [] as string[],
    visit(node: JsxNode, ctx: VisitorContext) {
      for (const attr of node.attributes) {
        if (attr.type !== 'mdxJsxAttribute' || typeof attr.value !== 'string') continue;
        if (attr.name !== 'href' && attr.name !== 'src') continue;
        const fixed = withBase(attr.value, prefix);
        if (fixed !== attr.value) ctx.setProperty(node, attr.name, fixed);
      }
    },
  };
  return {
    name: 'podbook-base-links',
    element: {
      filter: TAGS,
      visit(node: ElementNode, ctx: VisitorContext) {
        const key = URL_PROPERTY[node.tagName];
        const value = key ? node.properties?.[key] : undefined;
        if (key && typeof value === 'string' && withBase(value, prefix) !== value) {
          ctx.setProperty(node, key, withBase(value, prefix));
        }
      },
    },
    mdxJsxFlowElement: fixJsx,
    mdxJsxTextElement: fixJsx,
    raw(node: { value: string }, ctx: VisitorContext) {
      const fixed = rawHtmlWithBase(node.value, prefix);
      if (fixed !== node.value) ctx.replaceNode(node, { type: 'raw', value: fixed });
    },
  };
}
