/** The SHA-256 digests the project keeps for every pack document (openapi-digests.json, committed). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PackFile } from '../model.ts';

interface DigestFile {
  sha256: Record<string, Partial<Record<PackFile, string>>>;
}

let table: DigestFile | undefined;

function digests(): DigestFile {
  table ??= JSON.parse(readFileSync(new URL('./openapi-digests.json', import.meta.url), 'utf8')) as DigestFile;
  return table;
}

/** The expected digest of `1.<minor>/<file>`, or undefined when the project keeps none. */
export function expectedDigest(minor: number, file: PackFile): string | undefined {
  return digests().sha256[String(minor)]?.[file];
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
