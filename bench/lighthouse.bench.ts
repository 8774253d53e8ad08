/**
 * Lighthouse (npm `lighthouse`, its default mobile profile with simulated throttling) in Debian's Chromium on
 * three pages of the built site: the home page, a guide page and the playground. Prints the performance,
 * accessibility, best-practices and SEO scores (aim: 100 for accessibility, at least 95 for the rest; the median
 * of LIGHTHOUSE_RUNS runs, default 3, as Lighthouse's own variability guidance advises) and, for any score below
 * 100, the audits that cost it in the median run. A page that cannot be audited is reported and fails the run.
 *
 * The site is built (checker off: it does not change the output) into a temporary folder, unless
 * PODBOOK_BENCH_DIST names an existing build; it is served on 127.0.0.1 by scripts/serve.mjs behind a gzip
 * front (compressing-proxy.ts), as a static host serves it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serve } from '../scripts/serve.mjs';
import { CHROMIUM_FLAGS } from '../test/e2e/browser.ts';
import { buildSite } from './build-site.ts';
import { compressingProxy } from './compressing-proxy.ts';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const AIMS: Record<(typeof CATEGORIES)[number], number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 95,
  seo: 95,
};
/** The pages audited, each the first of its candidates that the build has. */
const PAGES = [
  { name: 'home', candidates: ['zh-cn/'] },
  { name: 'guide', candidates: ['zh-cn/guides/image-pull-policy/', 'zh-cn/guides/restart-policy/'] },
  { name: 'playground', candidates: ['zh-cn/try/playground/'] },
];

interface AuditResult {
  title: string;
  score: number | null;
  displayValue?: string;
}
interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, AuditResult>;
  runtimeError?: { code: string; message: string };
  lighthouseVersion: string;
}

/** The audits that keep a category below 100 (weighted ones that did not pass). */
function costs(lhr: Lhr, category: string): string[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ id: ref.id, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
    .map(
      ({ id, audit }) =>
        `${id} (${Math.round((audit!.score ?? 0) * 100)}${audit!.displayValue ? `, ${audit!.displayValue}` : ''})`,
    );
}

function pagePath(dir: string, candidates: string[]): string | undefined {
  return candidates.find((path) => existsSync(join(dir, path, 'index.html')));
}

/** Runs Lighthouse RUNS times on a page and returns the run whose performance score is the median. */
async function medianRun(url: string, port: number): Promise<{ lhr: Lhr; performance: number[] }> {
  const runs: Lhr[] = [];
  for (let i = 0; i < RUNS; i++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' }, undefined);
    const lhr = result?.lhr as unknown as Lhr | undefined;
    if (!lhr || lhr.runtimeError) throw new Error(lhr?.runtimeError?.message ?? 'no report');
    runs.push(lhr);
  }
  const score = (lhr: Lhr) => lhr.categories.performance?.score ?? 0;
  runs.sort((a, b) => score(a) - score(b));
  return { lhr: runs[Math.floor(runs.length / 2)]!, performance: runs.map((r) => Math.round(score(r) * 100)) };
}

async function main(): Promise<number> {
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('LIGHTHOUSE_RUNS must be a positive integer');
  const work = mkdtempSync(join(tmpdir(), 'podbook-lighthouse-'));
  let dir = process.env.PODBOOK_BENCH_DIST;
  if (!dir) {
    dir = join(work, 'dist');
    buildSite({ outDir: dir, cacheDir: join(work, 'cache'), check: false, base: '/' });
  }
  const server = await serve({ root: dir, port: 0, base: '/' });
  const front = await compressingProxy(server.url);
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
  let failures = 0;
  try {
    console.log(`Lighthouse (mobile, simulated throttling) in ${CHROMIUM}, median of ${RUNS} run(s) per page;`);
    console.log(`site served gzip-compressed at ${front.url}`);
    console.log(`  ${'page'.padEnd(40)}${CATEGORIES.map((c) => c.padStart(16)).join('')}   performance runs`);
    const notes: string[] = [];
    let version = '';
    for (const { name, candidates } of PAGES) {
      const path = pagePath(dir, candidates);
      if (!path) {
        console.log(`  ${name}: not in the build (looked for ${candidates.join(', ')})`);
        failures++;
        continue;
      }
      try {
        const { lhr, performance } = await medianRun(`${front.url}${path}`, chrome.port);
        version ||= lhr.lighthouseVersion;
        const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
        console.log(
          `  ${`${name} /${path}`.padEnd(40)}${scores.map((s) => String(s).padStart(16)).join('')}   ${performance.join(', ')}`,
        );
        CATEGORIES.forEach((category, i) => {
          const below = costs(lhr, category);
          if (below.length > 0) notes.push(`  ${name} ${category} ${scores[i]}: ${below.join('; ')}`);
          if ((scores[i] ?? 0) < AIMS[category]) {
            notes.push(`  ${name} ${category} ${scores[i]} is below the aim ${AIMS[category]}`);
          }
        });
      } catch (error) {
        console.log(`  ${name} /${path}: Lighthouse could not audit it: ${(error as Error).message}`);
        failures++;
      }
    }
    console.log(
      `  Lighthouse ${version || '(no report)'}; aims: ${CATEGORIES.map((c) => `${c} ≥ ${AIMS[c]}`).join(', ')}`,
    );
    if (notes.length > 0) console.log(`What costs points (median run):\n${notes.join('\n')}`);
  } finally {
    chrome.kill();
    await front.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
  return failures;
}

const failures = await main().catch((error: Error) => {
  console.error(`lighthouse bench: ${error.message}${error.cause ? ` (${(error.cause as Error).message})` : ''}`);
  return 1;
});
process.exit(failures === 0 ? 0 : 1);
