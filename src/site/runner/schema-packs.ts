/**
 * The schema packs in the browser: fetched from the site (/runner/schema/1.N.json) the first time a release is
 * needed, checked, and kept for the page's lifetime. The service worker keeps the files for offline use.
 */
import type { SchemaPack } from '../../manifest/schema/index.ts';
import { readPack } from './compact-pack.ts';
import { schemaUrl } from './schema-url.ts';

const packs = new Map<string, Promise<SchemaPack>>();

export class PackUnavailableError extends Error {
  override name = 'PackUnavailableError';
}

async function fetchPack(base: string, release: string): Promise<SchemaPack> {
  const url = schemaUrl(base, release);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new PackUnavailableError(`the schema of Kubernetes ${release} could not be loaded (${url})`, {
      cause: error,
    });
  }
  if (!response.ok)
    throw new PackUnavailableError(`the schema of Kubernetes ${release} is not on this site (HTTP ${response.status})`);
  return readPack(await response.json(), Number(release.split('.')[1]));
}

/** The pack of a release (`1.26`); a failed load is forgotten so that a later attempt fetches again. */
export function loadPack(base: string, release: string): Promise<SchemaPack> {
  let pending = packs.get(release);
  if (!pending) {
    pending = fetchPack(base, release);
    packs.set(release, pending);
    pending.catch(() => packs.delete(release));
  }
  return pending;
}
