/**
 * podbookOffline(): the site works offline after one visit. Once the site (and Starlight's Pagefind index) is
 * built, workbox-build writes `sw.js`, a service worker that precaches every file of the build: pages, scripts,
 * styles, icons, the web app manifest and the search index. Each built page registers it (src/site/offline/
 * register.ts). Navigations to addresses outside the build get the site's 404 page when the network is down.
 * The build prints what was precached; a file too large to precache fails the build instead of being left out.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { generateSW, getManifest } from 'workbox-build';
import { EXPLAIN_ROUTE } from '../runner/schema-url.ts';
import { normalizeBase } from './base-path.ts';

export const SERVICE_WORKER = 'sw.js';

/**
 * Files a first visit does not download: build by-products, and the whole schema packs (~0.4 MB per release)
 * that only a `kubectl explain` typed into a runner needs; those are kept once fetched (runtimeCaching).
 */
const NOT_PRECACHED = [
  SERVICE_WORKER,
  'sw.js.map',
  'workbox-*.js',
  'sitemap*.xml',
  'robots.txt',
  '**/*.map',
  `${EXPLAIN_ROUTE}/**`,
];
/** Large enough for any file of the site (Pagefind's wasm is ~60 kB, the biggest script bundles a few hundred). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

const registerScript = fileURLToPath(new URL('../offline/register.ts', import.meta.url));
const unregisterScript = fileURLToPath(new URL('../offline/unregister.ts', import.meta.url));

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

/** What the precache holds, by kind, for the build log. */
function precacheReport(dir: string, base: string, urls: string[]): string {
  const kinds = new Map<string, { count: number; bytes: number }>();
  for (const url of urls) {
    const file = url.slice(base.length);
    const kind = file.startsWith('pagefind/')
      ? 'search index'
      : file.endsWith('.html')
        ? 'pages'
        : file.startsWith('_astro/')
          ? 'scripts and styles'
          : 'other files';
    const entry = kinds.get(kind) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += statSync(join(dir, decodeURIComponent(file))).size;
    kinds.set(kind, entry);
  }
  return [...kinds].map(([kind, { count, bytes }]) => `${kind} ${count} (${formatBytes(bytes)})`).join(', ');
}

/**
 * The whole schema packs' URLs, as a RegExp: workbox-build copies a pattern into sw.js as source text, so a
 * function could not see `base`.
 */
function explainFiles(base: string): RegExp {
  const path = `${base}${EXPLAIN_ROUTE}/`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^[^?#]*${path}`);
}

async function writeServiceWorker(dir: string, base: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const precache = {
    globDirectory: dir,
    globPatterns: ['**/*'],
    globIgnores: NOT_PRECACHED,
    // Precache URLs are paths under the site's base, whatever folder the build went to.
    modifyURLPrefix: { '': base },
    // Files under _astro/ carry a content hash in their names: no revision needed.
    dontCacheBustURLsMatching: /\/_astro\//,
    maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
  };
  const listed = await getManifest(precache);
  const { count, size, warnings } = await generateSW({
    ...precache,
    swDest: join(dir, SERVICE_WORKER),
    // /zh-cn/guides/x/ is /zh-cn/guides/x/index.html; Pagefind adds ?ts=... to its metadata requests.
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^ts$/],
    // The first worker controls the page that installed it at once. A later build's worker waits until every tab
    // of the site is closed: an open page keeps the scripts it may still load on demand (the runner's editor).
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    cacheId: 'podbook',
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    runtimeCaching: [
      {
        urlPattern: explainFiles(base),
        handler: 'CacheFirst',
        options: { cacheName: 'podbook-explain' },
      },
      {
        // A page that is not in the build: the server's answer, or the site's 404 page when offline.
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: `${base}404.html` } },
      },
    ],
  });
  if (warnings.length > 0 || listed.warnings.length > 0) {
    throw new Error(
      `The offline copy would be incomplete (workbox-build):\n${[...listed.warnings, ...warnings].join('\n')}`,
    );
  }
  const ms = Math.round(performance.now() - started);
  logger.info(`${SERVICE_WORKER} precaches ${count} files, ${formatBytes(size)} (${ms}ms).`);
  logger.info(
    `Precached: ${precacheReport(
      dir,
      base,
      listed.manifestEntries.map((e) => e.url),
    )}.`,
  );
}

export function podbookOffline(): AstroIntegration {
  let base = '/';
  return {
    name: 'podbook:offline',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        // In dev, a worker left by an earlier preview on the same port would serve stale pages: remove it.
        const script = command === 'build' ? registerScript : unregisterScript;
        injectScript('page', `import ${JSON.stringify(script)};`);
      },
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          await writeServiceWorker(outDir, base, logger);
        } catch (error) {
          throw new Error(`Podbook could not write the offline service worker into ${outDir}.`, { cause: error });
        }
      },
    },
  };
}
