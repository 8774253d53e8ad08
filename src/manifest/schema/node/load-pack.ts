/**
 * Node-only: finds the OpenAPI documents of a Kubernetes minor and returns the compiled SchemaPack.
 *
 * Lookup order: the folder named by PODBOOK_OPENAPI_DIR (`<minor>/<file>`), the project cache
 * (`.cache/openapi/<minor>/<file>`), then a download from upstream (PODBOOK_OPENAPI_MIRROR overrides the base URL)
 * checked against openapi-digests.json and written to the cache. The compiled pack is cached next to the documents
 * (`compiled-v<format>-<content hash>.json`), so later loads skip parsing the 3.4 MB of documents.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMinor } from '../../../k8s/version/kube-version.ts';
import { compilePack, isSchemaPack } from '../compile.ts';
import { SchemaPackError } from '../errors.ts';
import { PACK_FILES, PACK_FORMAT, type PackFile, type SchemaPack } from '../model.ts';
import { expectedDigest, sha256 } from './digests.ts';
import { downloadDocument } from './download.ts';
import {
  DEFAULT_CACHE_DIR,
  documentUrl,
  downloadAllowedByEnv,
  ENV_DIR,
  ENV_DOWNLOAD,
  ENV_MIRROR,
  UPSTREAM_BASE,
} from './locations.ts';

export interface PackLoadOptions {
  /** Folder laid out `<minor>/<file>`. Default: env PODBOOK_OPENAPI_DIR; `null` skips this step. */
  openapiDir?: string | null;
  /** Default: `.cache/openapi` in the project. */
  cacheDir?: string;
  /** Base URL of the download. Default: env PODBOOK_OPENAPI_MIRROR, else raw.githubusercontent.com. */
  mirror?: string;
  /** Allow the download step. Default: true unless env PODBOOK_OPENAPI_DOWNLOAD is `0`. */
  download?: boolean;
  /** Read and write the compiled pack cache. Default: true. */
  compiledCache?: boolean;
  fetch?: typeof globalThis.fetch;
  /** Per-document download timeout. Default: 60 s. */
  timeoutMs?: number;
}

export type PackSource = 'dir' | 'cache' | 'download';

export interface PackLoadReport {
  minor: number;
  source: PackSource;
  /** Where the documents were read from (a folder or the base URL). */
  location: string;
  compiled: 'cache-hit' | 'compiled';
  /** Wall time of the whole load in milliseconds. */
  ms: number;
}

interface Resolved {
  dir: string | null;
  cacheDir: string;
  mirror: string;
  download: boolean;
  compiledCache: boolean;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
}

function resolve(options: PackLoadOptions): Resolved {
  const envDir = process.env[ENV_DIR]?.trim();
  return {
    dir: options.openapiDir === undefined ? envDir || null : options.openapiDir,
    cacheDir: options.cacheDir ?? DEFAULT_CACHE_DIR,
    mirror: options.mirror ?? (process.env[ENV_MIRROR]?.trim() || UPSTREAM_BASE),
    download: options.download ?? downloadAllowedByEnv(),
    compiledCache: options.compiledCache ?? true,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 60_000,
  };
}

type Documents = Record<PackFile, Uint8Array>;

/** A folder holding all three documents. */
interface Located {
  source: PackSource;
  folder: string;
}

const hasAll = (folder: string) => PACK_FILES.every((f) => existsSync(join(folder, f)));

/** Steps 1 and 2: the env folder, then the cache. */
function locate(minor: number, r: Resolved, misses: string[]): Located | undefined {
  if (r.dir) {
    const folder = join(r.dir, `1.${minor}`);
    if (hasAll(folder)) return { source: 'dir', folder };
    misses.push(`${ENV_DIR}=${r.dir} has no complete ${folder} (${PACK_FILES.join(', ')})`);
  } else {
    misses.push(`${ENV_DIR} is not set`);
  }
  const folder = join(r.cacheDir, String(minor));
  if (hasAll(folder)) return { source: 'cache', folder };
  misses.push(`the cache ${folder} has no complete set`);
  return undefined;
}

function readDocuments(located: Located, minor: number): Documents {
  const documents = {} as Documents;
  for (const f of PACK_FILES) documents[f] = readFileSync(join(located.folder, f));
  if (located.source === 'cache') {
    // The cache must still hold what was downloaded; the env folder may be a live cluster's dump, so it is not checked.
    const corrupt = PACK_FILES.filter((f) => {
      const expected = expectedDigest(minor, f);
      return expected !== undefined && sha256(documents[f]) !== expected;
    });
    if (corrupt.length > 0) {
      throw new SchemaPackError(
        `the cache ${located.folder} has files that fail their digest check (${corrupt.join(', ')})`,
      );
    }
  }
  return documents;
}

function writeAtomically(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${randomUUID()}.tmp`; // unique per writer: tests and builds may load the same pack at once
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

async function download(minor: number, r: Resolved): Promise<{ located: Located; documents: Documents }> {
  const documents = {} as Documents;
  // All three are fetched and checked before any is written, so a failed download leaves no partial set behind.
  for (const f of PACK_FILES) {
    documents[f] = await downloadDocument(minor, f, { base: r.mirror, fetch: r.fetch, timeoutMs: r.timeoutMs });
  }
  const folder = join(r.cacheDir, String(minor));
  mkdirSync(folder, { recursive: true });
  for (const f of PACK_FILES) writeAtomically(join(folder, f), documents[f]);
  return { located: { source: 'download', folder }, documents };
}

function notAvailable(minor: number, r: Resolved, misses: string[]): SchemaPackError {
  const url = documentUrl(r.mirror, minor, PACK_FILES[0]);
  return new SchemaPackError(
    `No OpenAPI documents for Kubernetes 1.${minor}: ${misses.join('; ')}.\n` +
      `To get them, either set ${ENV_DIR} to a folder laid out 1.<minor>/<file> (for example ../shared/k8s-openapi), ` +
      `or allow the download (unset ${ENV_DOWNLOAD}=0 and make ${url.replace(PACK_FILES[0], '<file>')} reachable; ` +
      `${ENV_MIRROR} can point at a mirror), which checks each file's SHA-256 and stores it in ${join(r.cacheDir, String(minor))}.`,
  );
}

/**
 * The compiled pack is cached under a key made of the documents' paths, sizes and modification times, so a warm
 * load reads only the small compiled file and never the 3.4 MB of documents.
 */
function compiledPath(minor: number, located: Located, r: Resolved): string {
  const stamp = PACK_FILES.map((f) => {
    const path = join(located.folder, f);
    const s = statSync(path);
    return `${path}:${s.size}:${s.mtimeMs}`;
  }).join('\n');
  const key = sha256(new TextEncoder().encode(stamp)).slice(0, 16);
  return join(r.cacheDir, String(minor), `compiled-v${PACK_FORMAT}-${key}.json`);
}

function readCompiled(path: string, minor: number): SchemaPack | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const cached: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return isSchemaPack(cached, minor) ? cached : undefined;
  } catch {
    return undefined; // a truncated or stale file is recompiled and overwritten
  }
}

function compileDocuments(
  minor: number,
  located: Located,
  documents: Documents,
  path: string,
  r: Resolved,
): SchemaPack {
  const decoder = new TextDecoder();
  const parsed = PACK_FILES.map((f) => {
    try {
      return JSON.parse(decoder.decode(documents[f])) as unknown;
    } catch (error) {
      throw new SchemaPackError(`${join(located.folder, f)} is not valid JSON: ${(error as Error).message}`);
    }
  });
  const pack = compilePack(minor, parsed);
  if (r.compiledCache) {
    try {
      mkdirSync(join(r.cacheDir, String(minor)), { recursive: true });
      writeAtomically(path, JSON.stringify(pack));
    } catch {
      // The cache is an optimisation; a read-only checkout still works.
    }
  }
  return pack;
}

/** Reads (or compiles) the pack of a located folder; `documents` is given when they are already in memory. */
function packOf(
  minor: number,
  located: Located,
  r: Resolved,
  documents?: Documents,
): { pack: SchemaPack; hit: boolean } {
  const path = compiledPath(minor, located, r);
  const cached = r.compiledCache ? readCompiled(path, minor) : undefined;
  if (cached) return { pack: cached, hit: true };
  return { pack: compileDocuments(minor, located, documents ?? readDocuments(located, minor), path, r), hit: false };
}

const memo = new Map<string, Promise<{ pack: SchemaPack; report: PackLoadReport }>>();

/** Loads a pack and says where it came from and how long it took. */
export function loadSchemaPackWithReport(
  version: number | string,
  options: PackLoadOptions = {},
): Promise<{ pack: SchemaPack; report: PackLoadReport }> {
  const minor = parseMinor(version);
  const r = resolve(options);
  const key = JSON.stringify([minor, r.dir, r.cacheDir, r.mirror, r.download, r.compiledCache]);
  let pending = memo.get(key);
  if (!pending) {
    pending = (async () => {
      const start = performance.now();
      const misses: string[] = [];
      const located = locate(minor, r, misses);
      let loaded: { pack: SchemaPack; hit: boolean } | undefined;
      let from: Located | undefined = located;
      if (located) {
        try {
          loaded = packOf(minor, located, r);
        } catch (error) {
          if (located.source !== 'cache' || !(error instanceof SchemaPackError)) throw error;
          misses.push(error.message); // a corrupt cache is replaced by a fresh download below
        }
      }
      if (!loaded) {
        if (!r.download) {
          misses.push(`the download is disabled (${ENV_DOWNLOAD}=0 or download: false)`);
          throw notAvailable(minor, r, misses);
        }
        let fetched: { located: Located; documents: Documents };
        try {
          fetched = await download(minor, r);
        } catch (error) {
          misses.push((error as Error).message);
          throw notAvailable(minor, r, misses);
        }
        from = fetched.located;
        loaded = packOf(minor, fetched.located, r, fetched.documents);
      }
      const origin = from as Located; // set on every path that reaches here
      const report: PackLoadReport = {
        minor,
        source: origin.source,
        location: origin.source === 'download' ? r.mirror : origin.folder,
        compiled: loaded.hit ? 'cache-hit' : 'compiled',
        ms: performance.now() - start,
      };
      const pack = loaded.pack;
      return { pack, report };
    })();
    memo.set(key, pending);
    // A failed load is not remembered: the next call tries again (the user may have fixed the environment).
    pending.catch(() => memo.delete(key));
  }
  return pending;
}

/** The compiled pack for a minor (`35`, `'1.35'`), memoised per process. */
export async function loadSchemaPack(version: number | string, options: PackLoadOptions = {}): Promise<SchemaPack> {
  return (await loadSchemaPackWithReport(version, options)).pack;
}

/** Synchronous variant for build steps that cannot await: the env folder and the cache only, never a download. */
export function loadSchemaPackSync(version: number | string, options: PackLoadOptions = {}): SchemaPack {
  const minor = parseMinor(version);
  const r = { ...resolve(options), download: false };
  const misses: string[] = [];
  const located = locate(minor, r, misses);
  if (!located) {
    misses.push('the synchronous loader never downloads (use loadSchemaPack)');
    throw notAvailable(minor, r, misses);
  }
  return packOf(minor, located, r).pack;
}

/** Forgets memoised packs (tests). */
export function clearSchemaPackMemo(): void {
  memo.clear();
}
