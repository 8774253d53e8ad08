// @ts-check
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { podbookCheck } from './src/site/integrations/check.ts';

// Hosting under a sub-path: set PODBOOK_SITE / PODBOOK_BASE at build time.
export default defineConfig({
  site: process.env.PODBOOK_SITE ?? 'https://podbook.example',
  base: process.env.PODBOOK_BASE ?? '/',
  // The original language is the default: / goes to the Chinese home page.
  redirects: { '/': '/zh-cn/' },
  integrations: [
    starlight({
      title: 'Podbook',
      description: 'Pod imagePullPolicy and restartPolicy, with every example checked against a model of Kubernetes.',
      defaultLocale: 'zh-cn',
      locales: {
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
        en: { label: 'English', lang: 'en' },
      },
    }),
    mdx(),
    // Every example on every page is checked: the build fails on a failing one; dev re-checks a page on save.
    podbookCheck(),
  ],
});
