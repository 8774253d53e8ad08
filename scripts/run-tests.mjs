#!/usr/bin/env node
/**
 * The README's test command (`npm test`): lint, type check, then every Vitest suite, and a closing line
 * `N passed, N failed` that CI reads (lint and the type check count as one test each).
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

const report = join(cacheDir, 'vitest-report.json');
rmSync(report, { force: true });
run('unit and conformance tests (vitest)', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A suite that fails to load has no tests to count: count it as a failure, never as silence.
  failed += json.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
} catch (error) {
  console.error(`vitest wrote no report (${error.message}): counted as a failure`);
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
