/** Downloads one pack document and checks it against the digest the project keeps before anyone uses it. */
import { SchemaPackError } from '../errors.ts';
import type { PackFile } from '../model.ts';
import { expectedDigest, sha256 } from './digests.ts';
import { documentUrl } from './locations.ts';

export interface DownloadOptions {
  base: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
}

export async function downloadDocument(minor: number, file: PackFile, options: DownloadOptions): Promise<Uint8Array> {
  const url = documentUrl(options.base, minor, file);
  const expected = expectedDigest(minor, file);
  if (expected === undefined) {
    throw new SchemaPackError(
      `refusing to download ${url}: the project keeps no SHA-256 digest for 1.${minor}/${file}`,
    );
  }
  let response: Response;
  try {
    response = await options.fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    throw new SchemaPackError(`download of ${url} failed: ${(error as Error).message}`);
  }
  if (!response.ok) throw new SchemaPackError(`download of ${url} failed: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const actual = sha256(bytes);
  if (actual !== expected) {
    throw new SchemaPackError(`download of ${url} failed its digest check: SHA-256 ${actual}, expected ${expected}`);
  }
  return bytes;
}
