/**
 * podbookRunner(): what the runnable examples need from the build besides their scripts: one compact schema
 * pack per Kubernetes release, as plain JSON files under /runner/schema/ (fetched when the validator is needed,
 * and precached for offline use like every file of the site), and the whole pack under /runner/explain/ (for
 * `kubectl explain`; kept once fetched). Generated from the OpenAPI documents (PODBOOK_OPENAPI_DIR or the cache)
 * at build time; never kept in the repository.
 */
import type { AstroIntegration } from 'astro';
import { EXPLAIN_ROUTE, SCHEMA_ROUTE } from '../schema-url.ts';

export function podbookRunner(): AstroIntegration {
  return {
    name: 'podbook:runner',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({
          pattern: `/${SCHEMA_ROUTE}/[release].json`,
          entrypoint: new URL('./schema-endpoint.ts', import.meta.url),
          prerender: true,
        });
        injectRoute({
          pattern: `/${EXPLAIN_ROUTE}/[release].json`,
          entrypoint: new URL('./explain-endpoint.ts', import.meta.url),
          prerender: true,
        });
      },
    },
  };
}
