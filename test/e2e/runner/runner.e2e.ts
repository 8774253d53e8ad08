/**
 * Runnable examples in headless Chromium, against the built site: a checked transcript opens as a runnable
 * scenario; editing imagePullPolicy and restartPolicy changes what the virtual cluster does; broken input gets
 * validator errors and never breaks the page; a shared URL restores the state; the keyboard alone can do all of
 * it; it fits a phone; axe finds no serious problem in the open panel.
 */
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, PHONE } from '../browser.ts';
import { editLine, manifestText, open, PLAYGROUND, podsView, ready, runner, shot } from './runner-page.ts';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** The machine may be busy (builds, other browsers): give each wait room. */
const WAIT = { timeout: 20_000, interval: 100 };

describe('runnable examples', () => {
  const site = inject('siteUrl');
  let browser: Browser;
  let context: BrowserContext;
  const errors: string[] = [];

  async function page(url: string, theme: 'light' | 'dark' = 'light'): Promise<Page> {
    const p = await context.newPage();
    p.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
    await p.emulateMedia({ colorScheme: theme });
    await p.goto(`${site}${url}`);
    return p;
  }

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ serviceWorkers: 'block' });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('opens a checked transcript in place and replays it: the same output as the page', async () => {
    const p = await page(PLAYGROUND.en);
    const host = runner(p, 't1');
    const button = host.locator('.podbook-runner__open');
    await expect.poll(() => button.isVisible(), WAIT).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await open(p, 't1');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await podsView(host)).toMatch(/^web\s+1\/1\s+Running\s+0\s+30s$/m);
    const log = (await host.locator('.podbook-run__terminal').first().textContent()) ?? '';
    expect(log).toContain('$ kubectl apply -f web-pod.yaml');
    expect(log).toContain('pod/web created');
    await shot(p, 'runner-open-en-light', host);
    await p.close();
  });

  it('imagePullPolicy Never with the image absent gives ErrImageNeverPull; the image on the node fixes it', async () => {
    const p = await page(PLAYGROUND.en);
    const host = await open(p, 't1');
    await editLine(p, host, 'IfNotPresent', 'Never');
    await expect.poll(() => podsView(host), WAIT).toMatch(/^web\s+0\/1\s+ErrImageNeverPull\s+0/m);
    expect(await host.locator('.podbook-timeline').textContent()).toContain('ErrImageNeverPull');
    expect(await host.locator('.podbook-run__problems li').count()).toBe(0);
    await host.getByRole('checkbox', { name: 'On node worker-1: nginx:1.25' }).check();
    await expect.poll(() => podsView(host), WAIT).toMatch(/^web\s+1\/1\s+Running/m);
    await p.close();
  });

  it('restartPolicy changes the outcome of a container that exits 1', async () => {
    const p = await page(PLAYGROUND.en);
    const host = await open(p, 'playground');
    await host.locator('select[id$="-start"]').selectOption('crash-loop');
    await expect.poll(() => podsView(host), WAIT).toMatch(/^crash\s+0\/1\s+CrashLoopBackOff\s+[1-9]/m);
    await editLine(p, host, 'restartPolicy: Always', 'restartPolicy: Never');
    await expect.poll(() => podsView(host), WAIT).toMatch(/^crash\s+0\/1\s+Error\s+0\s/m);
    await editLine(p, host, 'restartPolicy: Never', 'restartPolicy: OnFailure');
    await expect.poll(() => podsView(host), WAIT).toMatch(/^crash\s+0\/1\s+CrashLoopBackOff/m);
    await p.close();
  });

  it('answers broken input with validator errors in the editor, and the page keeps working', async () => {
    const p = await page(PLAYGROUND.zh);
    const host = await open(p, 't1');
    const before = errors.length;
    await editLine(p, host, 'imagePullPolicy: IfNotPresent', 'imagePullPolicy: [Nevr, {');
    await expect.poll(() => host.locator('.podbook-run__problems li').count(), WAIT).toBeGreaterThan(0);
    await expect.poll(() => host.locator('.cm-lintRange-error, .cm-lintPoint-error').count(), WAIT).toBeGreaterThan(0);
    await editLine(p, host, '[Nevr, {', 'Nevr');
    await expect
      .poll(() => host.locator('.podbook-run__problems').textContent(), WAIT)
      .toContain('Unsupported value: "Nevr"');
    // the apply in the session is rejected as kubectl would reject it; nothing throws
    await expect.poll(() => host.locator('.podbook-run__terminal').first().textContent(), WAIT).toContain('is invalid');
    await host.locator('.cm-content').click();
    await p.keyboard.press('Control+a');
    await p.keyboard.insertText('\u0000{{{ ::: \t- - -\n  ]]] &a *b !!binary');
    await expect.poll(() => host.locator('.podbook-run__problems li').count(), WAIT).toBeGreaterThan(0);
    await host.getByRole('button', { name: '前进' }).click();
    await expect.poll(() => host.locator('.podbook-run').getAttribute('data-state'), WAIT).toBe('ready');
    expect(errors.slice(before)).toEqual([]);
    await shot(p, 'runner-broken-zh', host);
    await p.close();
  });

  it('runs a typed `kubectl explain` with the release’s schema, fetched when first asked for', async () => {
    const p = await page(PLAYGROUND.en);
    const host = await open(p, 't1');
    const fetched: string[] = [];
    p.on('request', (r) => {
      if (r.url().includes('/runner/explain/')) fetched.push(new URL(r.url()).pathname);
    });
    await host.locator('input.podbook-run__command').fill('kubectl explain pod.spec.restartPolicy');
    await host.locator('input.podbook-run__command').press('Enter');
    const terminal = host.locator('.podbook-run__terminal').last();
    await expect.poll(() => terminal.textContent(), WAIT).toMatch(/FIELD:\s+restartPolicy <string>/);
    expect(await terminal.textContent()).toContain('Restart policy for all containers within the pod');
    expect(fetched).toEqual(['/runner/explain/1.35.json']);
    await p.close();
  });

  it('keeps the whole state in the URL: a shared link and a reload restore it', async () => {
    const p = await page(PLAYGROUND.en);
    const host = await open(p, 't1');
    await editLine(p, host, 'IfNotPresent', 'Never');
    await host.locator('select[id$="-clock"]').selectOption('300');
    await host.getByRole('button', { name: 'Advance' }).click();
    await expect.poll(() => podsView(host), WAIT).toMatch(/ErrImageNeverPull\s+0\s+5m30s/);
    const pods = await podsView(host);
    await host.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => p.url(), WAIT).toMatch(/#run:t1:z[A-Za-z0-9_-]+$/);
    const shared = p.url();

    const other = await context.newPage();
    await other.goto(shared);
    const restored = runner(other, 't1');
    await ready(restored);
    expect(await podsView(restored)).toBe(pods);
    expect(await manifestText(restored)).toContain('imagePullPolicy: Never');
    await other.reload();
    await ready(runner(other, 't1'));
    expect(await podsView(runner(other, 't1'))).toBe(pods);

    // a damaged link: the page's own scenario, and a notice saying why
    await other.goto(`${shared.slice(0, -12)}AAAA`);
    await other.reload();
    const damaged = runner(other, 't1');
    await ready(damaged);
    await expect.poll(() => damaged.locator('.podbook-run__notice').textContent(), WAIT).toMatch(/cannot be read/);
    expect(await podsView(damaged)).toMatch(/^web\s+1\/1\s+Running/m);
    await other.close();
    await p.close();
  });

  it('works with the keyboard alone', async () => {
    const p = await page(PLAYGROUND.en);
    const host = runner(p, 't1');
    const open = host.locator('.podbook-runner__open');
    await expect.poll(() => open.isVisible(), WAIT).toBe(true);
    let guard = 0;
    while (!(await open.evaluate((el) => el === document.activeElement)) && guard++ < 80) await p.keyboard.press('Tab');
    expect(guard).toBeLessThan(80);
    await p.keyboard.press('Enter');
    await ready(host);
    // Tab order: release, copy link, reset, close, the manifest's text box, which becomes the editor as it gets
    // the focus; Tab leaves the editor again (no trap).
    const focused = () =>
      p.evaluate(
        () => (document.activeElement as HTMLElement | null)?.className || document.activeElement?.tagName || '',
      );
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.id)).toMatch(/-version$/);
    await p.keyboard.press('ArrowUp'); // 1.35 -> 1.34
    await expect.poll(() => host.locator('select[id$="-version"]').inputValue(), WAIT).toBe('1.34');
    guard = 0;
    while (!/cm-content|podbook-run__textarea/.test(await focused()) && guard++ < 10) await p.keyboard.press('Tab');
    await expect.poll(focused, WAIT).toContain('cm-content');
    await p.keyboard.press('Control+End');
    await p.keyboard.press('ArrowUp');
    await p.keyboard.press('End');
    for (let i = 0; i < 'IfNotPresent'.length; i++) await p.keyboard.press('Backspace');
    await p.keyboard.type('Never');
    await p.keyboard.press('Tab');
    expect(await focused()).not.toContain('cm-content');
    await expect.poll(() => podsView(host), WAIT).toMatch(/ErrImageNeverPull/);
    // reach "Advance" and press it with the keyboard
    guard = 0;
    while ((await p.evaluate(() => document.activeElement?.textContent)) !== 'Advance' && guard++ < 40)
      await p.keyboard.press('Tab');
    await p.keyboard.press('Enter');
    await expect
      .poll(() => host.locator('.podbook-run__terminal').last().textContent(), WAIT)
      .toMatch(/clock advanced by 30s/);
    // close with the keyboard: focus returns to the button
    await host.getByRole('button', { name: 'Close' }).focus();
    await p.keyboard.press('Enter');
    expect(await host.locator('.podbook-run').isHidden()).toBe(true);
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await open.getAttribute('aria-expanded')).toBe('false');
    await p.close();
  });

  it('fits a phone screen (390px): nothing wider than the page', async () => {
    const phone = await browser.newContext({
      viewport: PHONE,
      serviceWorkers: 'block',
      hasTouch: true,
      isMobile: true,
    });
    for (const [name, url] of Object.entries(PLAYGROUND)) {
      const p = await phone.newPage();
      p.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
      await p.goto(`${site}${url}`);
      const host = await open(p, 't1');
      const playground = await open(p, 'playground');
      const widths = await p.evaluate(() => ({ page: document.documentElement.scrollWidth, view: innerWidth }));
      expect(widths.page).toBeLessThanOrEqual(widths.view);
      const panel = await host.locator('.podbook-run').boundingBox();
      expect(panel!.x).toBeGreaterThanOrEqual(0);
      expect(panel!.x + panel!.width).toBeLessThanOrEqual(PHONE.width);
      const board = await playground.locator('.podbook-run').boundingBox();
      expect(board!.x + board!.width).toBeLessThanOrEqual(PHONE.width);
      await shot(p, `runner-phone-${name}`, host);
      await shot(p, `playground-phone-${name}`, playground);
      await p.close();
    }
    await phone.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations in the open panel (${theme})`, async () => {
      const p = await page(PLAYGROUND.zh, theme);
      await p.evaluate((t) => localStorage.setItem('starlight-theme', t), theme);
      await p.reload();
      const host = await open(p, 't1');
      await open(p, 'playground');
      await p.addScriptTag({ path: AXE_SCRIPT });
      const violations = await p.evaluate(async () => {
        // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page
        const axe = (window as any).axe;
        const result = await axe.run({ include: [['.podbook-run']] }, { resultTypes: ['violations'] });
        return result.violations
          .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v: { id: string; nodes: { target: string[] }[] }) =>
              `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
      });
      expect(violations).toEqual([]);
      await shot(p, `runner-open-zh-${theme}`, host);
      await p.close();
    });
  }

  it('raised no script error on any page it opened', () => {
    expect(errors).toEqual([]);
  });
});
