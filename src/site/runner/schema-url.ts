/** Where the compact schema packs are served (src/site/runner/build/integration.ts writes them there). */
export const SCHEMA_ROUTE = 'runner/schema';

/** The URL of a release's pack under the site's base (`/` or `/docs/`). */
export function schemaUrl(base: string, release: string): string {
  return `${base.replace(/\/+$/, '')}/${SCHEMA_ROUTE}/${release}.json`;
}
