#!/usr/bin/env node
/**
 * `npm run bench`: every benchmark in bench/*.bench.ts, each printing its own report with ratios against a
 * baseline measured in the same run. Pass names to run some: `npm run bench -- manifest-validation`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const benchDir = new URL('../bench/', import.meta.url).pathname;
const wanted = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const r = spawnSync(process.execPath, [join(benchDir, file)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
