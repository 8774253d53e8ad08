import { defineCollection } from 'astro:content';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import en from './site/i18n/en.json' with { type: 'json' };
import zhCN from './site/i18n/zh-cn.json' with { type: 'json' };

// Pages live in the top-level content/ folder (zh-cn/ is the original language, en/ the translation),
// not in Starlight's default src/content/docs/, so that the checker and the site read the same tree.
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
    // `podbook:` (the page's cluster and release) is checked by src/check/extract, which reports errors with
    // their line and column; here it is only kept so that the page's components can read it.
    schema: docsSchema({ extend: z.object({ podbook: z.unknown().optional() }) }),
  }),
  // UI strings of our own components, per locale (src/site/i18n/<locale>.json). An inline loader, because
  // Starlight finds the language of a glob-loaded file only under src/content/i18n/: entries without a file
  // path are keyed by their id, which is the language tag (`zh-CN`, `en`).
  i18n: defineCollection({
    loader: () => [
      { id: 'zh-CN', ...zhCN },
      { id: 'en', ...en },
    ],
    schema: i18nSchema({ extend: z.object({ 'podbook.checkedAgainst': z.string().optional() }).catchall(z.string()) }),
  }),
};
