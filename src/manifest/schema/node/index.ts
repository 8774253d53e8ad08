/** Node-only: finding, downloading, verifying and caching pack documents. */
export { expectedDigest, sha256 } from './digests.ts';
export {
  clearSchemaPackMemo,
  loadSchemaPack,
  loadSchemaPackSync,
  loadSchemaPackWithReport,
  type PackLoadOptions,
  type PackLoadReport,
  type PackSource,
} from './load-pack.ts';
export { DEFAULT_CACHE_DIR, documentUrl, ENV_DIR, ENV_DOWNLOAD, ENV_MIRROR, UPSTREAM_BASE } from './locations.ts';
