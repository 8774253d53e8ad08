/**
 * Whether a page has a runnable example (a checked transcript), read from its source as the Markdown plugin
 * reads it. Node-side (build time): decides whether the page loads the runner's script at all.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractPage } from '../../check/extract/index.ts';
import { pageScenarios, TRANSCRIPT_FENCE } from './page-scenarios.ts';

const known = new Map<string, boolean>();

export function hasRunnableExamples(filePath: string | undefined): boolean {
  if (!filePath) return false;
  const path = resolve(process.cwd(), filePath);
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    return false;
  }
  const cached = known.get(source);
  if (cached !== undefined) return cached;
  const runnable = TRANSCRIPT_FENCE.test(source) && pageScenarios(extractPage(source, filePath)).size > 0;
  known.set(source, runnable);
  return runnable;
}
