/**
 * The pages of the built site the browser gates visit: every HTML file of the build except redirect stubs
 * (Astro's `/` → `/zh-cn/` page has no content of its own), with the address it is served at and its language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';

export interface BuiltPage {
  /** The page's address below the site's base: `zh-cn/guides/restart-policy/`, `404.html`. */
  path: string;
  /** `<html lang>`. */
  lang: string;
  /** `<title>`, as the browser shows it. */
  title: string;
  /** Whether the page holds a runnable example (src/site/runner). */
  hasRunner: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name]!);

export function builtPages(dir: string): BuiltPage[] {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
  const pages: BuiltPage[] = [];
  for (const file of files) {
    const html = readFileSync(join(dir, file), 'utf8');
    if (/<meta\s+http-equiv="refresh"/i.test(html)) continue;
    const lang = /<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1] ?? '';
    const path = file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
    const title = decode(/<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? '').trim();
    pages.push({ path, lang, title, hasRunner: html.includes('<podbook-runner') });
  }
  if (pages.length === 0) throw new Error(`No pages in the built site ${dir}`);
  return pages;
}

/** Whether a URL leaves the machine: anything but 127.0.0.1 (and the browser's own data:/blob: URLs). */
export function isOffMachine(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return false;
  return parsed.hostname !== '127.0.0.1';
}

/**
 * The scope of the page's active service worker, once it is active (it activates only after precaching the whole
 * site); fails after 30 s instead of waiting for ever when no worker installs.
 */
export function activeWorkerScope(page: Page): Promise<string> {
  return page.evaluate(() =>
    Promise.race([
      navigator.serviceWorker.ready.then((registration) => registration.scope),
      new Promise<string>((_, reject) =>
        setTimeout(() => reject(new Error('no service worker became active within 30 s')), 30_000),
      ),
    ]),
  );
}
