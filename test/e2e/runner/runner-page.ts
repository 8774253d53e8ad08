/**
 * Driving a runnable example in Chromium the way a reader does: open it with its button, edit the manifest in
 * the editor with the keyboard, press the panel's buttons, and read what the panel shows.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const PLAYGROUND = { zh: 'zh-cn/try/playground/', en: 'en/try/playground/' } as const;

export function runner(page: Page, id: string): Locator {
  return page.locator(`podbook-runner[data-id="${id}"]`);
}

/** Waits until the runner's latest replay is drawn. */
export async function ready(host: Locator): Promise<void> {
  await host.locator('.podbook-run[data-state="ready"]').waitFor({ timeout: 30_000 });
}

/** Opens the editor as a reader does, by going to the manifest's text: the text box becomes CodeMirror. */
export async function openEditor(host: Locator): Promise<void> {
  const editor = host.locator('.podbook-run[data-editor="codemirror"]');
  if ((await editor.count()) > 0) return;
  await host.locator('textarea.podbook-run__textarea').click();
  await editor.waitFor({ timeout: 30_000 });
}

/** The manifest as the panel shows it (in CodeMirror once opened, else in the text box). */
export async function manifestText(host: Locator): Promise<string> {
  const cm = host.locator('.cm-content');
  if ((await cm.count()) > 0) return (await cm.textContent()) ?? '';
  return host.locator('textarea.podbook-run__textarea').inputValue();
}

export async function open(page: Page, id: string): Promise<Locator> {
  const host = runner(page, id);
  await host.locator('.podbook-runner__open').click();
  await ready(host);
  return host;
}

/** The text of the panel's current `kubectl get pods` view. */
export async function podsView(host: Locator): Promise<string> {
  return (await host.locator('pre[aria-label="kubectl get pods"]').textContent()) ?? '';
}

/** Replaces `from` with `to` on the first editor line holding `from`, typing as a reader would. */
export async function editLine(page: Page, host: Locator, from: string, to: string): Promise<void> {
  await openEditor(host);
  const line = host.locator('.cm-line', { hasText: from }).first();
  await line.click();
  await page.keyboard.press('End');
  const text = (await line.textContent()) ?? '';
  const after = text.length - (text.indexOf(from) + from.length);
  for (let i = 0; i < after; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < from.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(to);
}

/** Where screenshots go when PODBOOK_E2E_SHOTS names a folder (none are written otherwise). */
export async function shot(page: Page, name: string, target?: Locator): Promise<void> {
  const dir = process.env.PODBOOK_E2E_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  if (target) await target.screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}
