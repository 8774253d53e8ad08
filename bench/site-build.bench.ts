/**
 * Build time of the whole site with the example checker on, against the same pages built with it switched off
 * (PODBOOK_CHECK=off), measured in the same run: the ratio is what checking every example costs the build
 * (aim: at most 1.3). Each build starts from empty output and cache folders. After one untimed warm-up build,
 * BENCH_ROUNDS (default 2) rounds each build both ways, alternating the order; the fastest of each is reported.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from './build-site.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const AIM = 1.3;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function main(): void {
  if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error('BENCH_ROUNDS must be a positive integer');
  const work = mkdtempSync(join(tmpdir(), 'podbook-build-bench-'));
  try {
    const dirs = (name: string) => ({ outDir: join(work, `${name}-dist`), cacheDir: join(work, `${name}-cache`) });
    // Warm-up: the checker's compiled schema cache, Vite's dependency scan and the OS file cache.
    buildSite({ ...dirs('warmup'), check: true });
    const times = { on: [] as number[], off: [] as number[] };
    let checkerLine = '';
    let pages = '';
    for (let round = 0; round < ROUNDS; round++) {
      const order: ('on' | 'off')[] = round % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
      for (const variant of order) {
        const build = buildSite({ ...dirs(variant), check: variant === 'on' });
        times[variant].push(build.ms);
        if (variant === 'on') checkerLine = /\[podbook:check\] (.*)/.exec(build.output)?.[1] ?? checkerLine;
        pages = /(\d+) page\(s\) built/.exec(build.output)?.[1] ?? pages;
      }
    }
    const on = Math.min(...times.on);
    const off = Math.min(...times.off);
    const ratio = on / off;
    console.log(`site build: ${pages} pages, ${ROUNDS} round(s) each way, fastest of each`);
    console.log(`  checker off (PODBOOK_CHECK=off, baseline): ${seconds(off)}  [${times.off.map(seconds).join(', ')}]`);
    console.log(`  checker on (npm run build):                ${seconds(on)}  [${times.on.map(seconds).join(', ')}]`);
    if (checkerLine) console.log(`  checker: ${checkerLine}`);
    console.log(`  ratio on / off: ${ratio.toFixed(2)} (aim ≤ ${AIM}: ${ratio <= AIM ? 'met' : 'NOT met'})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
