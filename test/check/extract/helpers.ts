/** Small helpers for the extract tests: pages from lines, errors as `line:col CODE` strings. */
import { extractPage } from '../../../src/check/extract/index.ts';
import type { Example, ExtractedPage } from '../../../src/check/extract/types.ts';

export const FRONTMATTER = ['---', 'podbook:', '  k8s: "1.26"', '---'];

/** A `.md` page from lines (LF), with a frontmatter giving k8s 1.26 unless `frontmatter` is false. */
export function page(lines: string[], options: { frontmatter?: boolean; file?: string } = {}): ExtractedPage {
  const all = options.frontmatter === false ? lines : [...FRONTMATTER, ...lines];
  return extractPage(`${all.join('\n')}\n`, options.file ?? 'page.md');
}

export function codes(result: ExtractedPage): string[] {
  return result.errors.map((e) => `${e.line}:${e.col} ${e.code}`);
}

export function only<K extends Example['kind']>(result: ExtractedPage, kind: K): Extract<Example, { kind: K }> {
  const found = result.examples.filter((e) => e.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind} block, found ${found.length}`);
  return found[0] as Extract<Example, { kind: K }>;
}
