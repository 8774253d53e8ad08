#!/usr/bin/env node
/**
 * `npm run test:e2e`: installs Debian's Chromium when it is missing, builds the site (every example checked),
 * then runs the browser tests (test/e2e/**\/*.e2e.ts) against it. With PODBOOK_E2E_SKIP_BUILD=1 it uses the
 * site already in PODBOOK_E2E_DIST (default dist/): `npm test` builds once and runs this after.
 * Extra arguments go to Vitest (a file filter, `--reporter=json`, ...).
 */
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';

function npx(args, env = process.env) {
  const result = spawnSync('npx', ['--no-install', ...args], { stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

try {
  ensureChromium();
} catch (error) {
  console.error(`${error.message}${error.cause ? ` (${error.cause.message})` : ''}`);
  process.exit(1);
}
if (process.env.PODBOOK_E2E_SKIP_BUILD !== '1') {
  const outDir = process.env.PODBOOK_E2E_DIST ?? 'dist';
  const status = npx(['astro', 'build'], { ...process.env, PODBOOK_OUT_DIR: outDir });
  if (status !== 0) process.exit(status);
}
process.exit(npx(['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)]));
