/**
 * A page's frontmatter: YAML between a `---` line at the top (blank lines before it allowed, as Astro does) and
 * the next `---` line. Parsed with the `yaml` package; errors keep their page positions.
 */
import { isMap, parseDocument } from 'yaml';
import type { ErrorSink } from './errors.ts';
import { readPodbookSettings } from './podbook-settings.ts';
import { positionAt, type SourceLine } from './source-lines.ts';
import type { Frontmatter } from './types.ts';

const DELIMITER = /^---[ \t]*$/;

export interface FrontmatterResult {
  frontmatter: Frontmatter;
  /** Index of the first line after the frontmatter (0 when there is none). */
  bodyIndex: number;
}

function none(): Frontmatter {
  return { present: false, data: {}, startLine: 0, endLine: 0, podbook: { scenarios: {} }, positions: {} };
}

export function readFrontmatter(lines: readonly SourceLine[], source: string, sink: ErrorSink): FrontmatterResult {
  let open = 0;
  while (open < lines.length && (lines[open] as SourceLine).text.trim() === '') open++;
  if (open >= lines.length || !DELIMITER.test((lines[open] as SourceLine).text)) {
    return { frontmatter: none(), bodyIndex: 0 };
  }
  let close = open + 1;
  while (close < lines.length && !DELIMITER.test((lines[close] as SourceLine).text)) close++;
  const opening = lines[open] as SourceLine;
  if (close >= lines.length) {
    sink.error(
      'FRONTMATTER_UNTERMINATED',
      opening.number,
      1,
      'the frontmatter that starts here has no closing `---` line, so the page is read as having none',
    );
    return { frontmatter: none(), bodyIndex: 0 };
  }

  const closing = lines[close] as SourceLine;
  const base = opening.offset + opening.text.length + opening.eol.length;
  const yamlText = source.slice(base, closing.offset);
  const at = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    return positionAt(lines, base + (range?.[0] ?? 0));
  };
  const frontmatter: Frontmatter = { ...none(), present: true, startLine: opening.number, endLine: closing.number };

  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    const pos = positionAt(lines, base + (error.pos?.[0] ?? 0));
    sink.error('FRONTMATTER_YAML', pos.line, pos.col, `frontmatter: ${error.message.split('\n')[0]}`);
  }
  if (doc.errors.length > 0) return { frontmatter, bodyIndex: close + 1 };
  if (doc.contents !== null && !isMap(doc.contents)) {
    const pos = at(doc.contents);
    sink.error('FRONTMATTER_INVALID', pos.line, pos.col, 'frontmatter must be a mapping of keys to values');
    return { frontmatter, bodyIndex: close + 1 };
  }

  try {
    const data: unknown = doc.toJS({ maxAliasCount: 100 });
    if (data && typeof data === 'object') frontmatter.data = data as Record<string, unknown>;
  } catch (e) {
    sink.error('FRONTMATTER_YAML', opening.number + 1, 1, `frontmatter: ${(e as Error).message}`);
    return { frontmatter, bodyIndex: close + 1 };
  }
  const podbook = doc.get('podbook', true);
  if (podbook !== undefined) {
    frontmatter.podbook = readPodbookSettings(podbook, { sink, at, positions: frontmatter.positions });
  }
  return { frontmatter, bodyIndex: close + 1 };
}
