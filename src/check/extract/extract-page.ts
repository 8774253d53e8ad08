/**
 * extractPage: a `.md`/`.mdx` source to its frontmatter settings and every fenced block, classified and parsed,
 * with file:line:col for each problem. Reads the source text itself (not through Astro's Markdown pipeline), so
 * that positions are exact and the browser can run it too. Never throws on bad input; linear in the page size.
 */
import { roleOf } from './attributes.ts';
import { buildExample } from './build-example.ts';
import { ErrorSink } from './errors.ts';
import { scanFences } from './fences.ts';
import { readFrontmatter } from './frontmatter.ts';
import { parseInfoString } from './info-string.ts';
import { linkExamples } from './link-examples.ts';
import { splitLines } from './source-lines.ts';
import type { ExtractedPage } from './types.ts';

/** MDX turns indented code off; plain Markdown keeps it. Decided by the file name. */
export function isMdx(filename: string): boolean {
  return /\.mdx$/i.test(filename);
}

export function extractPage(source: string, filename: string): ExtractedPage {
  const sink = new ErrorSink(filename);
  const lines = splitLines(source);
  const { frontmatter, bodyIndex } = readFrontmatter(lines, source, sink);
  const { blocks, indentedFences } = scanFences(lines, bodyIndex, isMdx(filename));
  const examples = blocks.map((raw, index) => buildExample(raw, index, lines, source, frontmatter, sink));

  for (const fence of indentedFences) {
    const info = parseInfoString(fence.info, 1);
    const attrs = Object.fromEntries(info.tokens.map((t) => [t.key, t.value]));
    if (roleOf(info.lang, attrs) === undefined) continue;
    sink.warning(
      'FENCE_INDENTED_CODE',
      fence.line,
      fence.col,
      `this fence is indented ${fence.indent} columns more than its container, so Markdown reads it as indented code and it is not checked; indent it by at most 3`,
    );
  }

  linkExamples(examples, sink);
  return { file: filename, frontmatter, examples, errors: sink.sorted() };
}
