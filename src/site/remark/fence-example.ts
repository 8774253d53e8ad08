/**
 * Which extracted example a Markdown fence is. The Markdown processor and the checker's extractor read the same
 * page, but a processor may count lines without the frontmatter, so a fence is matched by its body: the example
 * of that kind on the fence's line when several have the same body, else the n-th of them in page order (`seen`
 * counts, per body, the fences already matched on this page).
 */
import type { Example, ExtractedPage } from '../../check/extract/index.ts';

/** The parts of an mdast `code` node this needs. */
export interface FenceNode {
  readonly value: string;
  readonly position?: { readonly start: { readonly line: number } };
}

export function exampleForFence<K extends Example['kind']>(
  page: ExtractedPage,
  kind: K,
  node: FenceNode,
  seen: Map<string, number>,
): Extract<Example, { kind: K }> | undefined {
  const body = node.value.replace(/\n$/, '');
  const same = page.examples.filter(
    (e): e is Extract<Example, { kind: K }> => e.kind === kind && e.body.replace(/\n$/, '') === body,
  );
  const onLine = same.find((e) => e.fence.line === node.position?.start.line);
  if (onLine) return onLine;
  const n = seen.get(body) ?? 0;
  seen.set(body, n + 1);
  return same[n];
}
