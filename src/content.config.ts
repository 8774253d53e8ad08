import { defineCollection } from 'astro:content';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// Pages live in the top-level content/ folder (zh-cn/ is the original language, en/ the translation),
// not in Starlight's default src/content/docs/, so that the checker and the site read the same tree.
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
    // `podbook:` (the page's cluster and release) is checked by src/check/extract, which reports errors with
    // their line and column; here it is only kept so that the page's components can read it.
    schema: docsSchema({ extend: z.object({ podbook: z.unknown().optional() }) }),
  }),
  // UI strings of our own components, per locale (src/site/i18n/<locale>.json).
  i18n: defineCollection({
    loader: glob({ base: './src/site/i18n', pattern: '*.json' }),
    schema: i18nSchema({ extend: z.object({ 'podbook.checkedAgainst': z.string().optional() }).catchall(z.string()) }),
  }),
};
