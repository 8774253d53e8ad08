/**
 * The schema packs in the browser: fetched from the site the first time a release is needed, checked, and kept
 * for the page's lifetime. The compact pack (/runner/schema/1.N.json) serves the validator and is precached for
 * offline use; the whole pack (/runner/explain/1.N.json, descriptions included) serves `kubectl explain` and is
 * kept by the service worker once fetched.
 */
import type { SchemaPack } from '../../manifest/schema/index.ts';
import { readPack } from './compact-pack.ts';
import { schemaUrl } from './schema-url.ts';

const packs = new Map<string, Promise<SchemaPack>>();

export class PackUnavailableError extends Error {
  override name = 'PackUnavailableError';
}

async function fetchPack(base: string, release: string, explain: boolean): Promise<SchemaPack> {
  const url = schemaUrl(base, release, explain);
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

/**
 * The pack of a release (`1.26`): compact, or whole for `kubectl explain`; a failed load is forgotten so that a
 * later attempt fetches again.
 */
export function loadPack(base: string, release: string, explain = false): Promise<SchemaPack> {
  const key = `${explain ? 'explain' : 'schema'}:${release}`;
  let pending = packs.get(key);
  if (!pending) {
    pending = fetchPack(base, release, explain);
    packs.set(key, pending);
    pending.catch(() => packs.delete(key));
  }
  return pending;
}
