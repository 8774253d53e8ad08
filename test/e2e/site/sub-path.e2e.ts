/**
 * Hosting under a sub-path: the site built with PODBOOK_BASE=/podbook/ (examples not re-checked: the main build
 * did that) passes the build's link check, and in Chromium its pages link inside /podbook/, its web app manifest
 * and icons load, its service worker's scope is /podbook/ and it works offline; its offline archive serves it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../../scripts/serve.mjs';
import { launchChromium } from '../browser.ts';
import { activeWorkerScope } from './built-pages.ts';
import { pack, startArchiveServer, unpack } from './unpacked-archive.ts';

const BASE = '/podbook/';
const BUILD_TIMEOUT = 600_000;

/** This process's environment without what Vitest adds (NODE_ENV=test, BASE_URL=/, ...), which Astro would read. */
function buildEnvironment(): NodeJS.ProcessEnv {
  const vitestKeys = new Set(['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST']);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !vitestKeys.has(key) && !key.startsWith('VITEST')),
  );
}

describe(`the site built for the sub-path ${BASE}`, () => {
  const work = mkdtempSync(join(tmpdir(), 'podbook-subpath-'));
  const outDir = join(work, 'dist');
  let build: { status: number | null; output: string };
  let browser: Browser;

  beforeAll(() => {
    const result = spawnSync('npx', ['--no-install', 'astro', 'build'], {
      encoding: 'utf8',
      env: {
        ...buildEnvironment(),
        PODBOOK_BASE: BASE,
        PODBOOK_CHECK: 'off',
        PODBOOK_OUT_DIR: outDir,
        PODBOOK_CACHE_DIR: join(work, 'cache'),
      },
    });
    // Astro colours its log when it thinks a terminal (or CI) is watching: compare the text without the colours.
    const text = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
    build = { status: result.status, output: text };
  }, BUILD_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('builds, and every internal link of the build resolves under the base (the build checks them)', () => {
    expect(build.status, build.output.slice(-4000)).toBe(0);
    expect(build.output).toMatch(/\[podbook:links\] \d+ links and anchors on \d+ pages all resolve/);
  });

  it('links inside the base, loads its manifest and icons, installs its worker at the base and works offline', async () => {
    expect(build.status).toBe(0);
    browser = await launchChromium();
    const server = await serve({ root: outDir, port: 0, base: BASE });
    let open = true;
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForURL(`${server.url}zh-cn/`);
      const origin = new URL(server.url).origin;
      const paths = await page
        .locator('a[href]')
        .evaluateAll(
          (as, o) =>
            as.flatMap((a) => ((a as HTMLAnchorElement).origin === o ? [(a as HTMLAnchorElement).pathname] : [])),
          origin,
        );
      expect(paths.length).toBeGreaterThan(0);
      expect(paths.filter((p) => !p.startsWith(BASE))).toEqual([]);

      const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
      const manifestUrl = new URL(manifestHref ?? '', page.url());
      const manifest = await (await page.request.get(manifestUrl.href)).json();
      expect(new URL(manifest.start_url, manifestUrl).pathname).toBe(BASE);
      for (const icon of manifest.icons as { src: string }[]) {
        const response = await page.request.get(new URL(icon.src, manifestUrl).href);
        expect(response.status(), icon.src).toBe(200);
      }

      const scope = await activeWorkerScope(page);
      expect(new URL(scope).pathname).toBe(BASE);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
      await server.close();
      open = false;
      await context.setOffline(true);
      const response = await page.goto(`${server.url}en/`);
      expect(response?.ok()).toBe(true);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await context.close();
    } finally {
      if (open) await server.close();
    }
  }, 120_000);

  it('packs into an archive whose serve.mjs serves the site at the base', async () => {
    expect(build.status).toBe(0);
    const packed = pack(outDir);
    expect(packed.log).toContain(`Site base ${BASE}`);
    const server = await startArchiveServer(unpack(packed.tarGz, join(packed.dir, 'unpacked')));
    try {
      const top = await fetch(server.url);
      expect(await top.text()).toContain(`url=${BASE}`);
      expect((await fetch(new URL(`${BASE}zh-cn/`, server.url))).status).toBe(200);
      expect((await fetch(new URL(`${BASE}sw.js`, server.url))).status).toBe(200);
    } finally {
      server.stop();
      rmSync(packed.dir, { recursive: true, force: true });
    }
  });
});
