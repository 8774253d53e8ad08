/**
 * Remark plugins of the book's pages (Markdown and MDX both use them). One plugin per build concern, each in
 * src/site/remark/.
 */
// biome-ignore lint/suspicious/noExplicitAny: unified's plugin tuple types differ between remark versions.
export const remarkPlugins: any[] = [];
