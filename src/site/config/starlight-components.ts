/**
 * Starlight components Podbook replaces (each file wraps Starlight's own and adds one thing).
 */
export const components = {
  // The page title, with the Kubernetes releases the page's examples are checked against.
  PageTitle: './src/site/components/PageTitle.astro',
  // The page content, plus the runner's script on pages with a runnable example.
  MarkdownContent: './src/site/components/runner/MarkdownContent.astro',
  // The search button, named with the shortcut keys it shows (axe: label in name).
  Search: './src/site/components/Search.astro',
};
