import { defineCollection } from 'astro:content';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { glob } from 'astro/loaders';

// Pages live in the top-level content/ folder (zh-cn/ is the original language, en/ the translation),
// not in Starlight's default src/content/docs/, so that the checker and the site read the same tree.
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema(),
  }),
  // UI strings of our own components, per locale (src/site/i18n/<locale>.json).
  i18n: defineCollection({
    loader: glob({ base: './src/site/i18n', pattern: '*.json' }),
    schema: i18nSchema(),
  }),
};
