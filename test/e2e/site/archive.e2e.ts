/**
 * The offline archive (npm run archive): both the .tar.gz and the .zip unpack, with the system's tools, into one
 * folder holding every file of the built site plus serve.mjs and a README; `node serve.mjs` there serves the site
 * (its pages, and its 404 page for a missing address).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasUnzip, pack, startArchiveServer, unpack } from './unpacked-archive.ts';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

describe('the offline archive', () => {
  const siteDir = inject('siteDir');
  let packed: ReturnType<typeof pack>;
  beforeAll(() => {
    packed = pack(siteDir);
  });
  afterAll(() => packed && rmSync(packed.dir, { recursive: true, force: true }));

  async function unpacksAndServes(archive: string, into: string): Promise<void> {
    const folder = unpack(archive, join(packed.dir, into));
    const base = (process.env.PODBOOK_BASE ?? '/').replace(/^\/|\/$/g, '');
    const expected = [...listFiles(siteDir).map((f) => (base ? `${base}/${f}` : f)), 'README.txt', 'serve.mjs'];
    if (base) expected.push('index.html', '404.html');
    expect(listFiles(folder)).toEqual(expected.sort());
    expect(readFileSync(join(folder, 'serve.mjs'), 'utf8')).toBe(
      readFileSync(new URL('../../../scripts/serve.mjs', import.meta.url), 'utf8'),
    );

    const server = await startArchiveServer(folder);
    try {
      const at = (path: string) => new URL(base ? `${base}/${path}` : path, server.url);
      const home = await fetch(at('zh-cn/'));
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('<html lang="zh-CN"');
      expect((await fetch(at('sw.js'))).status).toBe(200);
      const missing = await fetch(at('no-such-page/'));
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('id="not-found-en"');
    } finally {
      server.stop();
    }
  }

  it('.tar.gz unpacks (tar) to the site, serve.mjs and a README, and serve.mjs serves it', () =>
    unpacksAndServes(packed.tarGz, 'from-tar'));

  it.skipIf(!hasUnzip)('.zip unpacks (unzip) to the same, and serve.mjs serves it', () =>
    unpacksAndServes(packed.zip, 'from-zip'),
  );
});
