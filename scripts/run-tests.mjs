#!/usr/bin/env node
/**
 * The README's test command (`npm test`): lint, type check, every Vitest suite, the site build (which checks every
 * example) and the browser tests, then a closing line `N passed, N failed` that CI reads (lint, the type check and
 * the build count as one test each).
 * Later steps still run after a failure, so one run shows everything that is wrong.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const cacheDir = join(root, '.cache');
mkdirSync(cacheDir, { recursive: true });

let passed = 0;
let failed = 0;

function run(label, args) {
  console.log(`\n▶ ${label}: npx ${args.join(' ')}`);
  const result = spawnSync('npx', ['--no-install', ...args], { cwd: root, stdio: 'inherit', env: process.env });
  if (result.error) console.error(`${label}: could not start: ${result.error.message}`);
  return result.status === 0;
}

function check(label, args) {
  const ok = run(label, args);
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✔' : '✘'} ${label}`);
}

check('lint and format (biome)', ['biome', 'check', '.']);
// astro sync writes .astro/types.d.ts, which the type check needs for astro:content.
check('astro sync (content types)', ['astro', 'sync']);
check('type check (tsc)', ['tsc', '--noEmit', '-p', 'tsconfig.json']);

/** Adds up a Vitest JSON report; a missing report or a suite that failed to load counts as a failure. */
function countReport(label, report) {
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    // A suite that fails to load has no tests to count: count it as a failure, never as silence.
    failed += json.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  } catch (error) {
    console.error(`${label} wrote no report (${error.message}): counted as a failure`);
    failed++;
  }
}

const reporters = (report) => ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`];

const unitReport = join(cacheDir, 'vitest-report.json');
rmSync(unitReport, { force: true });
run('unit and conformance tests (vitest)', ['vitest', 'run', ...reporters(unitReport)]);
countReport('vitest', unitReport);

// The site build runs the example checker on every page: a wrong example fails here, at its file:line:col.
// Astro keeps rendered pages in its cache keyed by their text, so a change to the model (a timeline chart, a
// generated explain block) would not show: the test build starts from an empty cache.
rmSync(join(root, 'node_modules', '.astro'), { recursive: true, force: true });
const built = run('site build (every example checked)', ['astro', 'build']);
if (built) passed++;
else failed++;
console.log(`${built ? '✔' : '✘'} site build`);

// Browser tests against that build (Debian's Chromium is installed when missing).
const e2eReport = join(cacheDir, 'e2e-report.json');
rmSync(e2eReport, { force: true });
if (built) {
  console.log('\n▶ browser tests: npm run test:e2e');
  spawnSync('node', ['scripts/e2e.mjs', ...reporters(e2eReport)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PODBOOK_E2E_SKIP_BUILD: '1' },
  });
  countReport('browser tests', e2eReport);
} else {
  console.error('browser tests not run: the site did not build (counted as a failure)');
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
