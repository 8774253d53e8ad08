/**
 * The schema packs a set of pages needs, loaded once before any page is checked (checkPage asks for them
 * synchronously). A missing schema is a set-up problem, reported with the loader's own advice.
 */
import { parseMinor } from '../../k8s/version/index.ts';
import { type SchemaPack, SchemaPackError } from '../../manifest/schema/index.ts';
import { loadSchemaPack, type PackLoadOptions } from '../../manifest/schema/node/index.ts';
import type { ExtractedPage } from '../extract/index.ts';

export class SchemaSetupError extends Error {
  override name = 'SchemaSetupError';
}

/** Kubernetes releases (`1.26`) a page's checked examples run against. */
export function pageReleases(page: ExtractedPage): string[] {
  const releases = new Set<string>();
  for (const e of page.examples) {
    if (e.kind === 'manifest' || e.kind === 'invalid-manifest' || e.kind === 'transcript' || e.kind === 'timeline') {
      if (e.scenario.k8s) releases.add(e.scenario.k8s);
    } else if (e.kind === 'explain' && e.k8s) releases.add(e.k8s);
  }
  return [...releases];
}

function minorOf(release: string): number | undefined {
  try {
    return parseMinor(release);
  } catch {
    return undefined; // an unsupported release: the page's extraction errors say so
  }
}

/** Loads the pack of every release the pages use; throws SchemaSetupError naming a page that needs it. */
export async function loadPagePacks(
  pages: readonly ExtractedPage[],
  options: PackLoadOptions = {},
): Promise<Map<number, SchemaPack>> {
  const packs = new Map<number, SchemaPack>();
  for (const page of pages) {
    for (const release of pageReleases(page)) {
      const minor = minorOf(release);
      if (minor === undefined || packs.has(minor)) continue;
      try {
        packs.set(minor, await loadSchemaPack(minor, options));
      } catch (error) {
        if (!(error instanceof SchemaPackError)) throw error;
        throw new SchemaSetupError(
          `cannot load the schema of Kubernetes 1.${minor}, which ${page.file} uses: ${error.message}`,
          { cause: error },
        );
      }
    }
  }
  return packs;
}

/** checkPage's `env.pack` over packs loaded beforehand. */
export function packLookup(packs: ReadonlyMap<number, SchemaPack>): (minor: number) => SchemaPack {
  return (minor) => {
    const pack = packs.get(minor);
    if (!pack) throw new SchemaSetupError(`the schema of Kubernetes 1.${minor} was not loaded`);
    return pack;
  };
}
