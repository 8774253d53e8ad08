/**
 * /runner/explain/1.N.json: the whole schema pack of each release (descriptions included), which the runner
 * fetches when a reader types `kubectl explain`. Releases without OpenAPI documents are left out, as for
 * /runner/schema/ (schema-endpoint.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { supportedMinors } from '../../../k8s/version/index.ts';
import { SchemaPackError } from '../../../manifest/schema/index.ts';
import { loadSchemaPack } from '../../../manifest/schema/node/index.ts';

export const prerender = true;

export const getStaticPaths = (async () => {
  const paths = [];
  for (const minor of supportedMinors()) {
    try {
      const pack = await loadSchemaPack(minor);
      paths.push({ params: { release: `1.${minor}` }, props: { body: JSON.stringify(pack) } });
    } catch (error) {
      if (!(error instanceof SchemaPackError)) throw error;
    }
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'content-type': 'application/json' } });
