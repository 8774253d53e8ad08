/**
 * Remark plugins of the book's pages (Markdown and MDX both use them). One plugin per build concern, each in
 * src/site/remark/.
 */
import { runnableMarkdownPlugin } from '../remark/runnable.ts';
import { timelineMarkdownPlugin } from '../remark/timeline.ts';

// biome-ignore lint/suspicious/noExplicitAny: unified's plugin tuple types differ between remark versions.
export const remarkPlugins: any[] = [];

/**
 * Astro 7 renders `.md` and `.mdx` with Sätteri: a non-empty `markdown.remarkPlugins` needs
 * @astrojs/markdown-remark, which is not installed, so plugins are Sätteri mdast plugins, passed as
 * `markdown: { processor: satteri({ mdastPlugins }) }` (from @astrojs/markdown-satteri; MDX uses the same one).
 */
export const mdastPlugins = [
  // ```timeline``` blocks: charts of container states drawn by the model
  timelineMarkdownPlugin,
  // checked ```console``` transcripts: a "Run / Edit" control after each (src/site/runner)
  runnableMarkdownPlugin,
];
