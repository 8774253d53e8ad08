/**
 * Headless Debian Chromium for the browser tests, with the flags this machine needs (no sandbox as root, no
 * background traffic to Google). Never a browser downloaded by a test tool.
 */
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

/** A phone-sized viewport (an iPhone 12-class screen). */
export const PHONE = { width: 390, height: 844 };
