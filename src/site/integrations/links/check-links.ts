/**
 * Checks every internal link of a built site: each URL a page refers to (links, scripts, styles, images, icons,
 * redirects, the sitemap's entries, the web app manifest's icons) must name a file of the build under the site's
 * `base`, and each `#fragment` on an HTML page must name an element id on that page. Links to other origins are
 * not fetched (the browser tests make sure pages load nothing from them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { normalizeBase } from '../base-path.ts';
import { type HtmlRef, scanHtml } from './scan-html.ts';

export interface LinkCheckOptions {
  /** The built site's folder. */
  dir: string;
  /** The path the site is served under (Astro's `base`), e.g. `/` or `/podbook/`. */
  base: string;
  /** The site's address (Astro's `site`): absolute URLs on that origin are internal links too. */
  site?: string | undefined;
}

export interface BrokenLink {
  /** The file holding the link, relative to the site's folder (`zh-cn/guides/x/index.html`). */
  file: string;
  line: number;
  /** The link as written. */
  url: string;
  /** Where it was found (`a href`, `link[rel=stylesheet] href`, ...). */
  where: string;
  reason: string;
}

export interface LinkCheckResult {
  pages: number;
  links: number;
  broken: BrokenLink[];
}

/** The site's 404 page, served at any missing address: relative links and metadata about its own URL are moot. */
const NOT_FOUND_PAGE = '404.html';
/** Links that describe the page's own address to crawlers (Starlight sets them from the URL being rendered). */
const SELF_DESCRIBING_RELS = new Set(['canonical', 'alternate']);
/** Schemes that are not fetched from the site. */
const NON_FETCHED = /^(?:mailto|tel|javascript|data|blob|about|sms):/i;
/** A placeholder origin for resolving relative links; never contacted. */
const LOCAL_ORIGIN = 'http://podbook.local';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The sitemap's URLs (`<loc>` and `xhtml:link href`), as refs of the sitemap file. */
function sitemapRefs(xml: string): HtmlRef[] {
  const refs: HtmlRef[] = [];
  const lines = xml.split('\n');
  lines.forEach((text, index) => {
    for (const match of text.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>|<xhtml:link\b[^>]*\bhref="([^"]+)"/g)) {
      const url = match[1] ?? match[2];
      if (url) refs.push({ tag: 'sitemap', attr: match[1] ? 'loc' : 'xhtml:link', url, line: index + 1 });
    }
  });
  return refs;
}

/** The URLs a web app manifest names (start page, scope, icons, screenshots, shortcuts), relative to itself. */
function manifestRefs(text: string): HtmlRef[] {
  const json = JSON.parse(text) as Record<string, unknown>;
  const lineOf = (url: string) => {
    const at = text.indexOf(JSON.stringify(url));
    return at === -1 ? 1 : text.slice(0, at).split('\n').length;
  };
  const urls: [string, unknown][] = [
    ['start_url', json.start_url],
    ['scope', json.scope],
    ...(['icons', 'screenshots'] as const).flatMap((key) =>
      Array.isArray(json[key]) ? (json[key] as { src?: unknown }[]).map((i) => [key, i?.src] as [string, unknown]) : [],
    ),
    ...(Array.isArray(json.shortcuts) ? (json.shortcuts as { url?: unknown }[]).map((s) => ['shortcuts', s?.url]) : []),
  ] as [string, unknown][];
  return urls
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([attr, url]) => ({ tag: 'manifest', attr, url, line: lineOf(url) }));
}

function describe(ref: HtmlRef): string {
  if (ref.tag === 'manifest') return `manifest ${ref.attr}`;
  if (ref.tag === 'sitemap') return `sitemap ${ref.attr}`;
  if (ref.attr === 'refresh') return 'meta refresh';
  return `${ref.tag}${ref.rel ? `[rel=${ref.rel}]` : ''} ${ref.attr}`;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export function checkBuiltLinks(options: LinkCheckOptions): LinkCheckResult {
  const base = normalizeBase(options.base);
  const siteOrigin = options.site ? new URL(options.site).origin : undefined;
  const files = new Set(listFiles(options.dir));
  const pages = [...files].filter((f) => f.endsWith('.html')).sort();
  const idsOf = new Map<string, Set<string>>();
  const refsOf = new Map<string, HtmlRef[]>();
  for (const page of pages) {
    const scanned = scanHtml(readFileSync(join(options.dir, page), 'utf8'));
    idsOf.set(page, scanned.ids);
    refsOf.set(page, scanned.refs);
  }
  for (const file of [...files].filter((f) => /^sitemap[^/]*\.xml$/.test(f)).sort()) {
    refsOf.set(file, sitemapRefs(readFileSync(join(options.dir, file), 'utf8')));
  }
  const unreadable: BrokenLink[] = [];
  for (const file of [...files].filter((f) => f.endsWith('.webmanifest')).sort()) {
    try {
      refsOf.set(file, manifestRefs(readFileSync(join(options.dir, file), 'utf8')));
    } catch (error) {
      const reason = `not a valid web app manifest: ${(error as Error).message}`;
      unreadable.push({ file, line: 1, url: '', where: 'manifest', reason });
    }
  }

  /** The build's file a site path names, or undefined. */
  const fileAt = (path: string): string | undefined => {
    if (path === '' || path.endsWith('/')) return files.has(`${path}index.html`) ? `${path}index.html` : undefined;
    if (files.has(path)) return path;
    if (files.has(`${path}/index.html`)) return `${path}/index.html`;
    if (files.has(`${path}.html`)) return `${path}.html`;
    return undefined;
  };

  /** Why a link is broken, or undefined when it resolves. */
  const problem = (file: string, ref: HtmlRef): string | undefined => {
    const url = ref.url;
    if (url === '' || NON_FETCHED.test(url)) return undefined;
    const isNotFoundPage = file === NOT_FOUND_PAGE;
    if (isNotFoundPage && ref.rel?.split(/\s+/).some((r) => SELF_DESCRIBING_RELS.has(r))) {
      return undefined;
    }
    let resolved: URL;
    try {
      resolved = new URL(url, `${LOCAL_ORIGIN}${base}${file}`);
    } catch {
      return 'not a valid URL';
    }
    const absolute = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);
    if (absolute && resolved.origin !== siteOrigin) return undefined; // another site: not ours to check
    if (isNotFoundPage && !absolute && !url.startsWith('/') && !url.startsWith('#')) {
      return 'a relative link on the 404 page, which is served at any address: make it absolute';
    }
    const path = safeDecode(resolved.pathname);
    if (path === undefined) return 'malformed percent-encoding';
    if (!path.startsWith(base) && `${path}/` !== base) {
      return `outside the site's base ${base} (links must start with it)`;
    }
    const target = fileAt(path.slice(base.length));
    if (!target) return `no such page or file in the build (${path})`;
    const fragment = safeDecode(resolved.hash.slice(1));
    if (fragment === undefined) return 'malformed percent-encoding in the fragment';
    if (fragment === '' || fragment.toLowerCase() === 'top' || fragment.startsWith(':~:')) return undefined;
    const ids = idsOf.get(target);
    if (ids && !ids.has(fragment)) return `no element with id "${fragment}" on ${target}`;
    return undefined;
  };

  const broken: BrokenLink[] = [...unreadable];
  let links = 0;
  for (const [file, refs] of refsOf) {
    for (const ref of refs) {
      links++;
      const reason = problem(file, ref);
      if (reason) broken.push({ file, line: ref.line, url: ref.url, where: describe(ref), reason });
    }
  }
  return { pages: pages.length, links, broken };
}

export function formatBrokenLinks(broken: BrokenLink[]): string {
  return broken.map((b) => `${b.file}:${b.line}  ${b.where} "${b.url}": ${b.reason}`).join('\n');
}
