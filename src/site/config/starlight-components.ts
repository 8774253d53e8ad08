/**
 * Starlight components Podbook replaces (each file wraps Starlight's own and adds one thing).
 */
export const components = {
  // The page title, with the Kubernetes releases the page's examples are checked against.
  PageTitle: './src/site/components/PageTitle.astro',
};
