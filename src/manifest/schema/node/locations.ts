/** Where pack documents live: the env folder, the project cache, and the upstream (or mirror) URL. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackFile } from '../model.ts';

export const ENV_DIR = 'PODBOOK_OPENAPI_DIR';
export const ENV_MIRROR = 'PODBOOK_OPENAPI_MIRROR';
/** Set to `0` (or `false`, `no`, `never`) to forbid the download step. */
export const ENV_DOWNLOAD = 'PODBOOK_OPENAPI_DOWNLOAD';

/** Upstream base; a file is at `<base>/release-1.<minor>/api/openapi-spec/v3/<file>`. */
export const UPSTREAM_BASE = 'https://raw.githubusercontent.com/kubernetes/kubernetes';

/** The project root (this file is src/manifest/schema/node/locations.ts). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** `.cache/openapi` inside the project (git-ignored through `.cache/`). */
export const DEFAULT_CACHE_DIR = join(PROJECT_ROOT, '.cache', 'openapi');

export function documentUrl(base: string, minor: number, file: PackFile): string {
  return `${base.replace(/\/+$/, '')}/release-1.${minor}/api/openapi-spec/v3/${file}`;
}

export function downloadAllowedByEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env[ENV_DOWNLOAD]?.trim().toLowerCase();
  return !(value === '0' || value === 'false' || value === 'no' || value === 'never');
}
