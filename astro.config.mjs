// @ts-check
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { remarkPlugins } from './src/site/config/markdown.ts';
import { sidebar } from './src/site/config/sidebar.ts';
import { components } from './src/site/config/starlight-components.ts';
import { podbookCheck } from './src/site/integrations/check.ts';

// Hosting under a sub-path: set PODBOOK_SITE / PODBOOK_BASE at build time.
export default defineConfig({
  site: process.env.PODBOOK_SITE ?? 'https://podbook.example',
  base: process.env.PODBOOK_BASE ?? '/',
  // Builds running side by side (the benchmark, helpers' checks) each get their own output and cache folders.
  outDir: process.env.PODBOOK_OUT_DIR ?? './dist',
  cacheDir: process.env.PODBOOK_CACHE_DIR ?? './node_modules/.astro',
  // The original language is the default: / goes to the Chinese home page.
  redirects: { '/': '/zh-cn/' },
  markdown: { remarkPlugins },
  integrations: [
    starlight({
      title: 'Podbook',
      description: 'Pod imagePullPolicy and restartPolicy, with every example checked against a model of Kubernetes.',
      defaultLocale: 'zh-cn',
      locales: {
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
        en: { label: 'English', lang: 'en' },
      },
      sidebar,
      components,
    }),
    mdx(),
    // Every example on every page is checked: the build fails on a failing one; dev re-checks a page on save.
    podbookCheck(),
  ],
});
