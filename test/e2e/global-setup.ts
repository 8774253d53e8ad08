/**
 * Serves the built site (PODBOOK_E2E_DIST, default dist/) on 127.0.0.1 for every browser test, once per run.
 * scripts/e2e.mjs builds the site first; tests read the address with `inject('siteUrl')`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = resolve(process.env.PODBOOK_E2E_DIST ?? 'dist');
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`No built site in ${dir}: run npm run build (npm run test:e2e does it)`);
  }
  const server = await serve({ root: dir, port: 0, base: process.env.PODBOOK_BASE ?? '/' });
  project.provide('siteUrl', server.url);
  project.provide('siteDir', dir);
  return () => server.close();
}
