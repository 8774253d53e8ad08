/** Where the compact schema packs are served (src/site/runner/build/integration.ts writes them there). */
export const SCHEMA_ROUTE = 'runner/schema';
/** Where the whole packs, descriptions included, are served for `kubectl explain` (not precached: ~0.4 MB each). */
export const EXPLAIN_ROUTE = 'runner/explain';

/** The URL of a release's pack under the site's base (`/` or `/docs/`); `explain`: the whole pack. */
export function schemaUrl(base: string, release: string, explain = false): string {
  return `${base.replace(/\/+$/, '')}/${explain ? EXPLAIN_ROUTE : SCHEMA_ROUTE}/${release}.json`;
}
