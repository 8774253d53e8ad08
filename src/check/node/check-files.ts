/**
 * Checking page files in Node: read each page, load the schema packs they use, check every page, and with
 * `update` write the rewritten pages back (then check them again, so what is reported is what is left).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PackLoadOptions } from '../../manifest/schema/node/index.ts';
import { type ExtractedPage, extractPage } from '../extract/index.ts';
import { type CheckEnv, checkPage, type PageCheck, type PageUpdate, type RefusedUpdate } from '../run/index.ts';
import { PageSearchError } from './find-pages.ts';
import { loadPagePacks, packLookup } from './packs.ts';

export interface CheckFilesOptions {
  update?: boolean;
  /** Folder the file names are relative to (default: the process's working folder). */
  cwd?: string;
  packs?: PackLoadOptions;
}

export interface FilesCheck {
  pages: PageCheck[];
  /** With `update`: what was rewritten and what could not be. */
  updates: PageUpdate[];
  refused: RefusedUpdate[];
  /** Files written by `update`. */
  written: string[];
}

interface ReadPage {
  source: string;
  page: ExtractedPage;
}

function readPage(file: string, cwd: string): ReadPage {
  let source: string;
  try {
    source = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new PageSearchError(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  return { source, page: extractPage(source, file) };
}

export async function checkFiles(files: readonly string[], options: CheckFilesOptions = {}): Promise<FilesCheck> {
  const cwd = options.cwd ?? process.cwd();
  const read = files.map((file) => readPage(file, cwd));
  const packs = await loadPagePacks(
    read.map((r) => r.page),
    options.packs,
  );
  const env: CheckEnv = { pack: packLookup(packs), now: () => performance.now() };
  const result: FilesCheck = { pages: [], updates: [], refused: [], written: [] };
  for (const { source, page } of read) {
    let check = checkPage(page, env, { update: options.update === true, source });
    result.updates.push(...(check.updates ?? []));
    result.refused.push(...(check.refused ?? []));
    if (check.updatedSource !== undefined) {
      writeFileSync(resolve(cwd, page.file), check.updatedSource);
      result.written.push(page.file);
      check = checkPage(extractPage(check.updatedSource, page.file), env);
    }
    result.pages.push(check);
  }
  return result;
}
