/**
 * One `astro build` of the site for the benchmarks, in its own output and cache folders (fresh each time, so
 * that nothing is reused from an earlier build), with the example checker on or off (PODBOOK_CHECK).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

export interface SiteBuild {
  ms: number;
  output: string;
}

export function buildSite(options: { outDir: string; cacheDir: string; check: boolean; base?: string }): SiteBuild {
  rmSync(options.outDir, { recursive: true, force: true });
  rmSync(options.cacheDir, { recursive: true, force: true });
  const root = new URL('..', import.meta.url).pathname;
  const started = performance.now();
  const result = spawnSync('npx', ['--no-install', 'astro', 'build'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      PODBOOK_OUT_DIR: options.outDir,
      PODBOOK_CACHE_DIR: options.cacheDir,
      PODBOOK_CHECK: options.check ? 'on' : 'off',
      ...(options.base ? { PODBOOK_BASE: options.base } : {}),
    },
  });
  const ms = performance.now() - started;
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
  if (result.error) throw new Error('could not start astro build', { cause: result.error });
  if (result.status !== 0) {
    throw new Error(`astro build (checker ${options.check ? 'on' : 'off'}) failed:\n${output.slice(-6000)}`);
  }
  return { ms, output };
}
