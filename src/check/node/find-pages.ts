/**
 * Which files `podbook check` reads: the `.md`/`.mdx` files named, or found under the folders named, in a stable
 * order. Like the site's content collection (src/content.config.ts), files starting with `_` are not pages.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';

export class PageSearchError extends Error {
  override name = 'PageSearchError';
}

const PAGE = /\.mdx?$/i;

export function isPageFile(path: string): boolean {
  return PAGE.test(path) && !basename(path).startsWith('_');
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && isPageFile(entry.name)) out.push(path);
  }
}

/** The page files of `paths` (files or folders), relative to `cwd` when inside it, without duplicates. */
export function findPages(paths: readonly string[], cwd: string): string[] {
  const found: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(absolute);
    } catch (error) {
      throw new PageSearchError(`cannot read ${path}: no such file or folder`, { cause: error });
    }
    if (stats.isDirectory()) walk(absolute, found);
    else if (PAGE.test(absolute)) found.push(absolute);
    else throw new PageSearchError(`${path} is not a page: podbook checks .md and .mdx files`);
  }
  const shown = found.map((p) => {
    const inside = relative(cwd, p);
    return inside.startsWith('..') ? p : inside;
  });
  return [...new Set(shown)];
}
