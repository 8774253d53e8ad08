/**
 * podbookCheck(): the docs checker as part of the site. `astro build` fails when an example on a page fails its
 * check; `astro dev` checks a page again each time it is saved, prints its failures in the terminal and shows
 * them in the browser's error overlay until the page passes. The checker (and the model behind it) is loaded only
 * once a page may hold examples, so a site without any pays nothing.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger, HookParameters } from 'astro';
import { findPages, isPageFile } from '../../check/node/find-pages.ts';
import { mayHaveExamples } from '../../check/node/quick-scan.ts';
import type { PageCheck } from '../../check/run/index.ts';

export interface PodbookCheckOptions {
  /** The pages' folder, relative to the project root (default `content`, as src/content.config.ts). */
  contentDir?: string;
}

type ViteDevServer = HookParameters<'astro:server:setup'>['server'];
type Checker = typeof import('../../check/node/index.ts');

let checker: Promise<Checker> | undefined;
const loadChecker = (): Promise<Checker> => {
  checker ??= import('../../check/node/index.ts');
  return checker;
};

export function podbookCheck(options: PodbookCheckOptions = {}): AstroIntegration {
  const contentDir = options.contentDir ?? 'content';
  let root = process.cwd();
  return {
    name: 'podbook:check',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': async ({ logger }) => {
        await checkSite(root, contentDir, logger.fork('podbook:check'));
      },
      'astro:server:setup': ({ server, logger }) => {
        recheckOnSave(server, root, contentDir, logger.fork('podbook:check'));
      },
    },
  };
}

interface Checked {
  pages: PageCheck[];
  checker: Checker;
}

/** Checks the pages under `paths` that may hold examples (undefined: none may); set-up problems get a cause. */
async function check(root: string, paths: string[]): Promise<Checked | undefined> {
  try {
    const files = findPages(paths, root).filter((f) => mayHaveExamples(readFileSync(resolve(root, f), 'utf8')));
    if (files.length === 0) return undefined;
    const loaded = await loadChecker();
    return { pages: (await loaded.checkFiles(files, { cwd: root })).pages, checker: loaded };
  } catch (error) {
    throw new Error(`Podbook could not check the examples in ${paths.join(', ')}.`, { cause: error });
  }
}

function failuresText({ pages, checker }: Checked): string {
  return pages.flatMap((p) => p.failures.map((f) => checker.renderFailure(f, false))).join('\n');
}

/** The build step: every page, and the build fails on any failure. */
async function checkSite(root: string, contentDir: string, logger: AstroIntegrationLogger): Promise<void> {
  // The build benchmark (bench/site-build.bench.ts) measures the checker's price by building without it.
  const setting = process.env.PODBOOK_CHECK;
  if (setting !== undefined && setting !== '' && setting !== 'on' && setting !== 'off') {
    throw new Error(`PODBOOK_CHECK must be "on" or "off", not ${JSON.stringify(setting)}.`);
  }
  if (setting === 'off') {
    const bar = '!'.repeat(72);
    logger.warn(`\n${bar}\n!! PODBOOK_CHECK=off: the examples on these pages are NOT checked in this build.\n${bar}`);
    return;
  }
  const started = performance.now();
  const checked = await check(root, [contentDir]);
  if (!checked || checked.pages.every((p) => p.counts.examples === 0 && p.failures.length === 0)) {
    logger.info('No checkable examples.');
    return;
  }
  const summary = checked.checker.summaryLine(checked.pages);
  if (checked.pages.some((p) => p.failures.length > 0)) {
    throw new Error(
      `Examples fail their check (npx podbook check shows the same):\n\n${failuresText(checked)}\n${summary}`,
    );
  }
  logger.info(`${summary} in ${Math.round(performance.now() - started)}ms.`);
}

/** What Vite's (and Astro's) error overlay shows for a failing page. */
function overlayError(checked: Checked, page: PageCheck, root: string) {
  const first = page.failures[0];
  const file = resolve(root, page.file);
  const count = page.failures.length;
  return {
    name: 'PodbookCheckError',
    title: `${count} failing example check${count === 1 ? '' : 's'} in ${page.file}`,
    message: failuresText({ ...checked, pages: [page] }),
    hint: 'Fix the page (or, when the model is right, run `npx podbook check --update` on it) and save it again.',
    stack: '',
    id: file,
    plugin: 'podbook:check',
    ...(first ? { loc: { file, line: first.line, column: first.col } } : {}),
  };
}

/** In dev: check a page when it is saved; show its failures until a save makes it pass. */
function recheckOnSave(server: ViteDevServer, root: string, contentDir: string, logger: AstroIntegrationLogger): void {
  const dir = resolve(root, contentDir);
  let shown: { file: string; err: ReturnType<typeof overlayError> } | undefined;
  let queue = Promise.resolve();

  const recheck = async (path: string) => {
    const file = relative(root, path);
    let checked: Checked | undefined;
    try {
      checked = await check(root, [file]);
    } catch (error) {
      logger.error(`${(error as Error).message} ${String((error as Error).cause ?? '')}`);
      return;
    }
    const page = checked?.pages[0];
    if (!checked || !page || page.failures.length === 0) {
      if (checked && page && page.counts.examples > 0) logger.info(`${file}: ${checked.checker.summaryLine([page])}`);
      if (shown?.file === file) {
        shown = undefined;
        server.ws.send({ type: 'update', updates: [] }); // an update clears the error overlay
      }
      return;
    }
    logger.error(`\n${failuresText({ ...checked, pages: [page] })}\n${checked.checker.summaryLine([page])}`);
    shown = { file, err: overlayError(checked, page, root) };
    server.ws.send({ type: 'error', err: shown.err });
  };

  const onSave = (path: string) => {
    const inside = relative(dir, path);
    if (!isPageFile(path) || inside.startsWith('..') || isAbsolute(inside)) return;
    queue = queue.then(() => recheck(path));
  };
  server.watcher.add(dir);
  server.watcher.on('change', onSave);
  server.watcher.on('add', onSave);
  // Saving a page also reloads it (content collections); a browser that connects again gets the overlay back.
  server.ws.on('connection', () => {
    if (shown) server.ws.send({ type: 'error', err: shown.err });
  });
}
