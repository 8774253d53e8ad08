/**
 * What publishing needs from the built site, read from its files: each page declares its language (and an
 * untranslated English page marks its Chinese text as such), the sitemap lists every page with its other
 * language, every book page has an "edit this page" link to its source file in the repository, and the web app
 * manifest is linked from every page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { builtPages } from './built-pages.ts';

const LANG_OF_LOCALE: Record<string, string> = { 'zh-cn': 'zh-CN', en: 'en' };
const root = new URL('../../../', import.meta.url).pathname;

describe('publishing: languages, sitemap, edit links, manifest', () => {
  const dir = inject('siteDir');
  const base = (process.env.PODBOOK_BASE ?? '/').replace(/\/?$/, '/');
  const pages = builtPages(dir);
  const html = (path: string) =>
    readFileSync(join(dir, path.endsWith('/') || path === '' ? `${path}index.html` : path), 'utf8');
  const bookPages = pages.filter((p) => /^(zh-cn|en)\//.test(p.path));

  it('declares the language of each locale on <html>, and of untranslated text on <main>', () => {
    const wrong: string[] = [];
    for (const { path, lang } of bookPages) {
      const locale = path.split('/')[0]!;
      if (lang !== LANG_OF_LOCALE[locale]) wrong.push(`${path}: <html lang="${lang}">`);
      const source = path.replace(/\/$/, '');
      const translated =
        locale === 'zh-cn' ||
        ['md', 'mdx'].some((ext) => existsSync(join(root, 'content', `${source}.${ext}`))) ||
        ['md', 'mdx'].some((ext) => existsSync(join(root, 'content', source, `index.${ext}`)));
      const mainLang = /<main[^>]*\slang="([^"]+)"/.exec(html(path))?.[1];
      const expected = translated ? LANG_OF_LOCALE[locale] : 'zh-CN';
      if (mainLang !== expected) wrong.push(`${path}: <main lang="${mainLang}">, expected ${expected}`);
    }
    expect(wrong).toEqual([]);
    expect(pages.find((p) => p.path === '404.html')?.lang).toBe('zh-CN');
    expect(html('404.html')).toMatch(/<section lang="en"/);
  });

  it('lists every page in the sitemap with its other language', () => {
    const sitemaps = readdirSync(dir).filter((f) => /^sitemap-\d+\.xml$/.test(f));
    expect(sitemaps.length).toBeGreaterThan(0);
    const xml = sitemaps.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    const locs = new Set([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
    const missing = bookPages.map((p) => `${base}${p.path}`).filter((path) => !locs.has(path));
    expect(missing).toEqual([]);
    expect(xml).toMatch(/hreflang="en"/);
    expect(xml).toMatch(/hreflang="zh-CN"/);
  });

  it('gives every book page an "edit this page" link to a source file that exists', () => {
    const problems: string[] = [];
    for (const { path } of bookPages) {
      const href = /<a href="([^"]+)"[^>]*>(?:(?!<\/a>)[\s\S])*?(?:编辑此页|Edit page)/.exec(html(path))?.[1];
      if (!href) {
        problems.push(`${path}: no edit link`);
        continue;
      }
      const file = /\/edit\/[^/]+\/(.+)$/.exec(new URL(href).pathname)?.[1];
      if (!file || !existsSync(join(root, decodeURIComponent(file)))) problems.push(`${path}: ${href} names no file`);
    }
    expect(problems).toEqual([]);
  });

  it('links the web app manifest from every page', () => {
    const without = pages.filter(
      (p) => !html(p.path).includes(`<link rel="manifest" href="${base}manifest.webmanifest"`),
    );
    expect(without.map((p) => p.path)).toEqual([]);
  });
});
