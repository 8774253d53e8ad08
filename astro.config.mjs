// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { mdastPlugins, remarkPlugins } from './src/site/config/markdown.ts';
import { sidebar } from './src/site/config/sidebar.ts';
import { components } from './src/site/config/starlight-components.ts';
import { podbookCheck } from './src/site/integrations/check.ts';
import { podbookLinks } from './src/site/integrations/links.ts';
import { podbookOffline } from './src/site/integrations/offline.ts';
import { offlineHead } from './src/site/offline/head.ts';
import { podbookRunner } from './src/site/runner/build/integration.ts';

// Publishing: the site's address (canonical URLs, sitemap) and the sub-path it is served under, e.g.
// PODBOOK_SITE=https://example.github.io PODBOOK_BASE=/podbook/. Pages link with site-absolute paths
// (/zh-cn/...); podbookLinks() prefixes them with the base and checks every link of the build.
const site = process.env.PODBOOK_SITE ?? 'https://podbook.example';
const base = (process.env.PODBOOK_BASE ?? '/').replace(/\/?$/, '/');
if (!base.startsWith('/')) throw new Error(`PODBOOK_BASE must start with "/" (got ${JSON.stringify(base)}).`);
// Where "edit this page" links go: the repository's edit URL for its default branch.
const editBaseUrl = process.env.PODBOOK_EDIT_URL ?? 'https://github.com/podbook/podbook/edit/main/';

export default defineConfig({
  site,
  base,
  // Builds running side by side (the benchmark, helpers' checks) each get their own output and cache folders.
  outDir: process.env.PODBOOK_OUT_DIR ?? './dist',
  cacheDir: process.env.PODBOOK_CACHE_DIR ?? './node_modules/.astro',
  // The original language is the default: / goes to the Chinese home page.
  redirects: { '/': `${base}zh-cn/` },
  // Astro 7 renders .md and .mdx with Sätteri; its mdast plugins come from src/site/config/markdown.ts. (A remark
  // plugin listed there would need @astrojs/markdown-remark: Astro warns that Sätteri does not run it.)
  markdown: { processor: satteri({ mdastPlugins }), remarkPlugins },
  integrations: [
    starlight({
      title: 'Podbook',
      description: 'Pod imagePullPolicy and restartPolicy, with every example checked against a model of Kubernetes.',
      defaultLocale: 'zh-cn',
      locales: {
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
        en: { label: 'English', lang: 'en' },
      },
      editLink: { baseUrl: editBaseUrl },
      head: offlineHead(base),
      // Hero buttons' links get the base like the pages' own links (podbookLinks() does those).
      routeMiddleware: './src/site/integrations/links/hero-base-links.ts',
      sidebar,
      components,
    }),
    mdx(),
    // Every example on every page is checked: the build fails on a failing one; dev re-checks a page on save.
    podbookCheck(),
    // The runnable examples' schema packs (/runner/schema/1.N.json), fetched by the browser.
    podbookRunner(),
    // After the build (and Starlight's search index and sitemap): every internal link and anchor must resolve...
    podbookLinks(),
    // ...then the service worker that keeps the whole site, search included, available offline.
    podbookOffline(),
  ],
});
