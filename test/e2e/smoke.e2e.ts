import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';

describe('the built site in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('redirects / to the Chinese home page, which declares its language', async () => {
    const page = await browser.newPage();
    await page.goto(inject('siteUrl'));
    await page.waitForURL(/\/zh-cn\/$/);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.close();
  });
});
