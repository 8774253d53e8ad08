/**
 * /runner/schema/1.N.json: the compact schema pack of each release whose OpenAPI documents the build can find.
 * A release without documents is left out (the runner says so when a reader picks it), so a build with only some
 * releases still works; the example check already fails the build when a page's own release is missing.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { supportedMinors } from '../../../k8s/version/index.ts';
import { SchemaPackError } from '../../../manifest/schema/index.ts';
import { loadSchemaPack } from '../../../manifest/schema/node/index.ts';
import { compactPack } from '../compact-pack.ts';

export const prerender = true;

export const getStaticPaths = (async () => {
  const paths = [];
  for (const minor of supportedMinors()) {
    try {
      const pack = await loadSchemaPack(minor);
      paths.push({ params: { release: `1.${minor}` }, props: { body: JSON.stringify(compactPack(pack)) } });
    } catch (error) {
      if (!(error instanceof SchemaPackError)) throw error;
    }
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'content-type': 'application/json' } });
