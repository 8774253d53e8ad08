/**
 * The site's network gates in Chromium, against the built site served on 127.0.0.1:
 * 1. every page loads without any request leaving 127.0.0.1, without a failed request and without a script error;
 * 2. after that one visit the service worker holds the whole site: with the server stopped and the browser
 *    offline, every page still opens, links still navigate, search finds pages in Chinese and in English, a
 *    runnable example opens and replays, and a missing address shows the 404 page.
 * The test runs its own server (not the shared one) so that it can stop it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serve } from '../../../scripts/serve.mjs';
import { launchChromium } from '../browser.ts';
import { open as openRunner } from '../runner/runner-page.ts';
import { activeWorkerScope, type BuiltPage, builtPages, isOffMachine } from './built-pages.ts';

const GATE_TIMEOUT = 300_000;

interface Server {
  url: string;
  close: () => Promise<void>;
}

/** Records what the gates fail on, labelled with the page being visited. */
function recordProblems(context: BrowserContext, label: () => string) {
  const offMachine: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => {
    if (isOffMachine(request.url())) offMachine.push(`${label()}: ${request.method()} ${request.url()}`);
  });
  context.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? 'failed';
    // Going to the next page cancels what the last one still loads (its favicon, idle-time scripts).
    if (error === 'net::ERR_ABORTED') return;
    failed.push(`${label()}: ${request.url()} (${error})`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${label()}: ${response.url()} (HTTP ${response.status()})`);
  });
  context.on('page', (page) => {
    page.on('pageerror', (error) => errors.push(`${label()}: ${error.message}`));
  });
  return { offMachine, failed, errors };
}

/** Searches with Starlight's search dialog and returns the result links' addresses. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.locator('button[data-open-modal]').first().click();
  const input = page.locator('.pagefind-ui__search-input');
  await input.fill(query);
  const results = page.locator('.pagefind-ui__result-link');
  await results.first().waitFor({ timeout: 15_000 });
  return results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
}

describe('the built site, online then offline', () => {
  const dir = inject('siteDir');
  const base = (process.env.PODBOOK_BASE ?? '/').replace(/\/?$/, '/');
  const pages: BuiltPage[] = builtPages(dir);
  let browser: Browser;
  let context: BrowserContext;
  let server: Server | undefined;
  let visiting = '(start)';
  let problems: ReturnType<typeof recordProblems>;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await serve({ root: dir, port: 0, base });
    context = await browser.newContext();
    problems = recordProblems(context, () => visiting);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it(
    'loads every page with no request leaving 127.0.0.1, no failed request and no script error',
    async () => {
      const page = await context.newPage();
      for (const { path } of pages) {
        visiting = `/${path}`;
        const response = await page.goto(`${server!.url}${path}`, { waitUntil: 'load' });
        expect(response?.ok(), `${path} answers ${response?.status()}`).toBe(true);
        await page.waitForLoadState('networkidle');
      }
      // The search index is loaded on demand: search once in each language while online too.
      visiting = 'search (online)';
      await page.goto(`${server!.url}zh-cn/`);
      await search(page, '镜像');
      await page.close();
      expect(problems.offMachine, 'requests that left 127.0.0.1').toEqual([]);
      expect(problems.failed, 'failed requests').toEqual([]);
      expect(problems.errors, 'uncaught script errors').toEqual([]);
    },
    GATE_TIMEOUT,
  );

  it(
    'keeps working offline after that visit: pages, links, search in Chinese and English, examples, 404',
    async () => {
      const page = await context.newPage();
      const origin = server!.url;
      visiting = 'service worker';
      await page.goto(`${origin}zh-cn/`);
      // The worker activates only once everything is precached; it then takes control of the page.
      const scope = await activeWorkerScope(page);
      expect(new URL(scope).pathname).toBe(base);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });

      await server!.close();
      server = undefined;
      await context.setOffline(true);
      problems.failed.length = 0;

      for (const { path, title } of pages) {
        visiting = `offline /${path}`;
        const response = await page.goto(`${origin}${path}`, { waitUntil: 'load' });
        expect(response?.ok(), `${path} offline answers ${response?.status()}`).toBe(true);
        // The worker answers a page it does not hold with the 404 page, also with status 200: compare titles.
        expect(await page.title(), `${path} offline`).toBe(title);
      }

      visiting = 'offline link';
      const guide = pages.find((p) => p.path.startsWith('zh-cn/guides/')) ?? pages[0]!;
      await page.goto(`${origin}${guide.path}`);
      // Follow the first visible link on the page that leads to another page of the site.
      const others = new Set(pages.map((p) => `${base}${p.path}`).filter((p) => p !== `${base}${guide.path}`));
      const links = page.locator('a[href]:visible');
      const paths = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      const index = paths.findIndex((path) => others.has(path));
      expect(index, `a link from ${guide.path} to another page`).toBeGreaterThanOrEqual(0);
      await links.nth(index).click();
      await page.waitForURL((url) => url.pathname === paths[index]);
      expect(await page.locator('h1').first().textContent()).not.toBe('404');

      visiting = 'offline search (zh-cn)';
      await page.goto(`${origin}zh-cn/`);
      const zhResults = await search(page, '镜像');
      expect(zhResults.length).toBeGreaterThan(0);
      expect(
        zhResults.every((path) => path.startsWith(`${base}zh-cn/`)),
        zhResults.join(', '),
      ).toBe(true);

      visiting = 'offline search (en)';
      await page.goto(`${origin}en/`);
      const enResults = await search(page, 'image');
      expect(enResults.length).toBeGreaterThan(0);
      expect(
        enResults.every((path) => path.startsWith(`${base}en/`)),
        enResults.join(', '),
      ).toBe(true);

      visiting = 'offline runnable example';
      const withRunner = pages.find((p) => p.hasRunner);
      expect(withRunner, 'a page with a runnable example').toBeDefined();
      await page.goto(`${origin}${withRunner!.path}`);
      const id = await page.locator('podbook-runner').first().getAttribute('data-id');
      const host = await openRunner(page, id ?? '');
      expect(await host.locator('pre').first().textContent()).not.toBe('');

      visiting = 'offline missing page';
      const missingUrl = `${origin}zh-cn/no-such-page/`;
      const missing = await page.goto(missingUrl);
      // The worker tries the network first (which fails: offline), then answers with the 404 page.
      problems.failed.splice(0, Infinity, ...problems.failed.filter((f) => !f.includes(missingUrl)));
      expect(missing?.ok()).toBe(true); // the worker answers with the precached 404 page
      expect(await page.locator('h1').first().textContent()).toBe('404');
      await expect(page.locator('#not-found-en').textContent()).resolves.toContain('no page');

      await page.close();
      expect(problems.offMachine, 'requests that left 127.0.0.1').toEqual([]);
      expect(problems.failed, 'requests that failed offline').toEqual([]);
      expect(problems.errors, 'uncaught script errors').toEqual([]);
    },
    GATE_TIMEOUT,
  );
});
