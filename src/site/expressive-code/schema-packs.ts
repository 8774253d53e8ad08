/**
 * The schema pack of a page's Kubernetes release, for the blocks that show schema text (generated explain
 * output, field descriptions). Loaded with the checker's own loader (PODBOOK_OPENAPI_DIR, the project cache,
 * then the download), which memoises packs per process.
 */
import { parseMinor } from '../../k8s/version/index.ts';
import type { SchemaPack } from '../../manifest/schema/index.ts';
import { loadSchemaPack, type PackLoadOptions } from '../../manifest/schema/node/index.ts';

export type { PackLoadOptions };

export class BlockSchemaError extends Error {
  override name = 'BlockSchemaError';
}

/**
 * The pack of `release` (`1.26`); `where` names the block (`content/en/x.md:12`) in the error, which says what
 * is missing and keeps the loader's advice as its cause. `options` go to the loader (tests point it elsewhere).
 */
export async function packForBlock(
  release: string | undefined,
  where: string,
  options: PackLoadOptions = {},
): Promise<SchemaPack> {
  if (release === undefined) {
    throw new BlockSchemaError(
      `${where}: no Kubernetes release for this block (set podbook.k8s in the page's frontmatter or k8s= on the fence)`,
    );
  }
  let minor: number;
  try {
    minor = parseMinor(release);
  } catch (error) {
    throw new BlockSchemaError(`${where}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return await loadSchemaPack(minor, options);
  } catch (error) {
    throw new BlockSchemaError(
      `${where}: cannot load the OpenAPI schema of Kubernetes 1.${minor}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
