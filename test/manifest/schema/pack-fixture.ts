/**
 * Test access to the schema packs: the shared OpenAPI documents (PODBOOK_OPENAPI_DIR, as CI sets it, else the
 * sibling ../shared/k8s-openapi), compiled through the real loader with downloads disabled.
 */
import { resolve } from 'node:path';
import type { SchemaPack } from '../../../src/manifest/schema/model.ts';
import { loadSchemaPackSync } from '../../../src/manifest/schema/node/load-pack.ts';

export const OPENAPI_DIR =
  process.env.PODBOOK_OPENAPI_DIR?.trim() || resolve(import.meta.dirname, '../../../../shared/k8s-openapi');

const packs = new Map<number, SchemaPack>();

export function testPack(minor: number): SchemaPack {
  let pack = packs.get(minor);
  if (!pack) {
    pack = loadSchemaPackSync(minor, { openapiDir: OPENAPI_DIR, download: false });
    packs.set(minor, pack);
  }
  return pack;
}
