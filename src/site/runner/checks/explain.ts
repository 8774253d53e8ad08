/**
 * `kubectl explain` in the runner: the checker's explain (src/manifest/explain.ts) over the release's whole
 * schema pack, descriptions included. A chunk of its own, with its pack fetched the first time a replay runs
 * `kubectl explain` (the compact pack the validator uses has no descriptions).
 */
import { explainText } from '../../../manifest/explain.ts';
import type { SchemaPack } from '../../../manifest/schema/index.ts';
import { loadPack } from '../schema-packs.ts';
import type { Explain } from './types.ts';

export function explainer(pack: SchemaPack): Explain {
  return (path, { apiVersion, kubectlMinor }) =>
    explainText(pack, path, { kubectlMinor, ...(apiVersion !== undefined ? { apiVersion } : {}) });
}

export async function loadExplainer(base: string, release: string): Promise<Explain> {
  return explainer(await loadPack(base, release, true));
}
