/**
 * The Node loader: env folder, cache, download. Downloads go to a tiny HTTP server on 127.0.0.1 that serves copies
 * of the shared documents (optionally corrupted, or missing); nothing here reaches the internet.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SchemaPackError } from '../../../src/manifest/schema/errors.ts';
import { PACK_FILES } from '../../../src/manifest/schema/model.ts';
import { expectedDigest, sha256 } from '../../../src/manifest/schema/node/digests.ts';
import {
  clearSchemaPackMemo,
  loadSchemaPack,
  loadSchemaPackSync,
  loadSchemaPackWithReport,
} from '../../../src/manifest/schema/node/load-pack.ts';
import { OPENAPI_DIR } from './pack-fixture.ts';

type Mode = 'ok' | 'corrupt' | 'missing';
let mode: Mode = 'ok';
let requests: string[] = [];
let server: Server;
let mirror: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const match = /^\/release-1\.(\d+)\/api\/openapi-spec\/v3\/([\w.]+)$/.exec(req.url ?? '');
    const file = match && join(OPENAPI_DIR, `1.${match[1]}`, match[2] as string);
    if (mode === 'missing' || !file || !existsSync(file)) {
      res.writeHead(404).end('404: Not Found');
      return;
    }
    const body = readFileSync(file);
    res
      .writeHead(200, { 'content-type': 'text/plain' })
      .end(mode === 'corrupt' ? Buffer.concat([body, Buffer.from(' ')]) : body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

let cacheDir: string;
beforeEach(() => {
  clearSchemaPackMemo();
  mode = 'ok';
  requests = [];
  cacheDir = mkdtempSync(join(tmpdir(), 'podbook-openapi-'));
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('lookup order', () => {
  it('takes the env folder first and compiles it, then reads the compiled cache', async () => {
    const first = await loadSchemaPackWithReport(35, { openapiDir: OPENAPI_DIR, cacheDir, mirror, download: false });
    expect(first.report).toMatchObject({ source: 'dir', compiled: 'compiled', location: join(OPENAPI_DIR, '1.35') });
    clearSchemaPackMemo();
    const second = await loadSchemaPackWithReport(35, { openapiDir: OPENAPI_DIR, cacheDir, mirror, download: false });
    expect(second.report).toMatchObject({ source: 'dir', compiled: 'cache-hit' });
    expect(second.pack).toEqual(first.pack);
    expect(requests).toEqual([]);
    console.info(
      `pack 1.35 load: ${first.report.ms.toFixed(1)} ms cold (parse + compile), ${second.report.ms.toFixed(1)} ms warm (compiled cache)`,
    );
  });

  it('downloads when neither the env folder nor the cache has the documents, checks and caches them', async () => {
    const { pack, report } = await loadSchemaPackWithReport(35, { openapiDir: null, cacheDir, mirror });
    expect(report).toMatchObject({ source: 'download', location: mirror });
    expect(pack.kinds.some((k) => k.kind === 'Pod')).toBe(true);
    expect(requests.sort()).toEqual(PACK_FILES.map((f) => `/release-1.35/api/openapi-spec/v3/${f}`).sort());
    for (const f of PACK_FILES) {
      expect(sha256(readFileSync(join(cacheDir, '35', f)))).toBe(expectedDigest(35, f));
    }
    // next time the cache answers and the server is not asked again
    clearSchemaPackMemo();
    requests = [];
    const again = await loadSchemaPackWithReport(35, { openapiDir: null, cacheDir, mirror });
    expect(again.report.source).toBe('cache');
    expect(requests).toEqual([]);
  });

  it('prefers the env folder over a cache that also has the documents', async () => {
    await loadSchemaPack(35, { openapiDir: null, cacheDir, mirror });
    clearSchemaPackMemo();
    const { report } = await loadSchemaPackWithReport(35, { openapiDir: OPENAPI_DIR, cacheDir, mirror });
    expect(report.source).toBe('dir');
  });

  it('falls through an env folder without that minor', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'podbook-empty-'));
    try {
      const { report } = await loadSchemaPackWithReport(35, { openapiDir: empty, cacheDir, mirror });
      expect(report.source).toBe('download');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('reads the mirror from PODBOOK_OPENAPI_MIRROR when no option names one', async () => {
    const saved = process.env.PODBOOK_OPENAPI_MIRROR;
    process.env.PODBOOK_OPENAPI_MIRROR = mirror;
    try {
      const { report } = await loadSchemaPackWithReport(35, { openapiDir: null, cacheDir });
      expect(report).toMatchObject({ source: 'download', location: mirror });
    } finally {
      if (saved === undefined) delete process.env.PODBOOK_OPENAPI_MIRROR;
      else process.env.PODBOOK_OPENAPI_MIRROR = saved;
    }
  });
});

describe('download failures', () => {
  it('rejects a document whose SHA-256 differs from the kept digest, and writes nothing', async () => {
    mode = 'corrupt';
    const load = loadSchemaPack(35, { openapiDir: null, cacheDir, mirror });
    await expect(load).rejects.toThrow(SchemaPackError);
    await expect(load).rejects.toThrow(
      new RegExp(
        `${PACK_FILES[0]} failed its digest check: SHA-256 [0-9a-f]{64}, expected ${expectedDigest(35, PACK_FILES[0])}`,
      ),
    );
    expect(existsSync(join(cacheDir, '35', PACK_FILES[0]))).toBe(false);
  });

  it('reports a 404 with the URL', async () => {
    mode = 'missing';
    await expect(loadSchemaPack(35, { openapiDir: null, cacheDir, mirror })).rejects.toThrow(
      `download of ${mirror}/release-1.35/api/openapi-spec/v3/${PACK_FILES[0]} failed: HTTP 404`,
    );
  });

  it('says how to get the documents when nothing is available', async () => {
    await expect(loadSchemaPack(35, { openapiDir: null, cacheDir, mirror, download: false })).rejects.toThrow(
      /No OpenAPI documents for Kubernetes 1\.35: PODBOOK_OPENAPI_DIR is not set; the cache .* has no complete set; the download is disabled.*\nTo get them, either set PODBOOK_OPENAPI_DIR to a folder laid out 1\.<minor>\/<file>.*or allow the download \(unset PODBOOK_OPENAPI_DOWNLOAD=0/s,
    );
    expect(requests).toEqual([]);
  });

  it('replaces a cached document that no longer matches its digest by a fresh download', async () => {
    await loadSchemaPack(35, { openapiDir: null, cacheDir, mirror });
    const file = join(cacheDir, '35', PACK_FILES[1]);
    writeFileSync(file, `${readFileSync(file, 'utf8')} `);
    // a fresh compiled-cache key (the file changed) forces a read of the documents, which fails the check
    clearSchemaPackMemo();
    requests = [];
    const { report } = await loadSchemaPackWithReport(35, { openapiDir: null, cacheDir, mirror });
    expect(report.source).toBe('download');
    expect(requests).toHaveLength(3);
    expect(sha256(readFileSync(file))).toBe(expectedDigest(35, PACK_FILES[1]));
  });

  it('does not remember a failure: the next call tries again', async () => {
    mode = 'missing';
    await expect(loadSchemaPack(35, { openapiDir: null, cacheDir, mirror })).rejects.toThrow(/HTTP 404/);
    mode = 'ok';
    await expect(loadSchemaPack(35, { openapiDir: null, cacheDir, mirror })).resolves.toHaveProperty('minor', 35);
  });
});

describe('versions and the synchronous loader', () => {
  it('accepts 1.35, v1.35.2 and 35 alike, and refuses unsupported minors', async () => {
    const a = await loadSchemaPack('1.35', { openapiDir: OPENAPI_DIR, cacheDir });
    const b = await loadSchemaPack('v1.35.2', { openapiDir: OPENAPI_DIR, cacheDir });
    expect(b).toBe(a);
    expect(() => loadSchemaPackSync('1.22', { openapiDir: OPENAPI_DIR, cacheDir })).toThrow(
      /unsupported Kubernetes version/,
    );
  });

  it('the synchronous loader reads the env folder but never downloads', () => {
    expect(loadSchemaPackSync(24, { openapiDir: OPENAPI_DIR, cacheDir }).minor).toBe(24);
    expect(() => loadSchemaPackSync(24, { openapiDir: null, cacheDir, mirror })).toThrow(/never downloads/);
    expect(requests).toEqual([]);
  });
});
