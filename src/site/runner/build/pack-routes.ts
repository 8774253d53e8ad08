/**
 * What the two schema endpoints share: one JSON file per Kubernetes release whose OpenAPI documents the build
 * can find. A release without documents is left out (the runner says so when a reader needs it), so a build with
 * only some releases still works; the example check already fails the build when a page's own release is missing.
 */
import type { APIRoute } from 'astro';
import { supportedMinors } from '../../../k8s/version/index.ts';
import { type SchemaPack, SchemaPackError } from '../../../manifest/schema/index.ts';
import { loadSchemaPack } from '../../../manifest/schema/node/index.ts';

/** getStaticPaths of an endpoint serving `file(pack)` as `<release>.json`. */
export async function packPaths(file: (pack: SchemaPack) => unknown) {
  const paths = [];
  for (const minor of supportedMinors()) {
    try {
      const pack = await loadSchemaPack(minor);
      paths.push({ params: { release: `1.${minor}` }, props: { body: JSON.stringify(file(pack)) } });
    } catch (error) {
      if (!(error instanceof SchemaPackError)) throw error;
    }
  }
  return paths;
}

export const servePack: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'content-type': 'application/json' } });
