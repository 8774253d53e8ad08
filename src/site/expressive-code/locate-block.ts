/**
 * Finds the checker's own reading of a code block (src/check/extract), so that what the site shows and what the
 * build checks cannot disagree. Expressive Code hands us the block's text, language, meta string and page file,
 * not its position, so the page is extracted (once per version of its text) and the block is found among the
 * page's fenced blocks by its language and body (then its info string, then its order among identical blocks).
 *
 * A block that is not in a page we can read (the `<Code>` component, a page outside content/) is read from a
 * synthetic page: the block alone under its page's frontmatter. A skipped block (`check=skip`) is read the same
 * way without `check=`, so that its callouts and directives still render (it is never run).
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import {
  type CheckableKind,
  type Example,
  type ExtractedPage,
  extractPage,
  type FenceAttribute,
} from '../../check/extract/index.ts';

/** What Expressive Code knows about a block before any plugin changed it. */
export interface BlockSource {
  sourceFilePath?: string | undefined;
  code: string;
  language: string;
  meta: string;
}

export interface LocatedBlock {
  /** The checker's example; its body line k (0-based) is the block's original code line k. */
  example: Example;
  /** The page for messages: relative to the working directory when inside it. */
  file: string;
  /** An id for the block, unique in its page: used for the ids of callouts and tooltips. */
  id: string;
  /** The block was found in its page (false: read from a synthetic page). */
  inPage: boolean;
  /** The block is `check=skip`: render its annotations, never run it. */
  skipped: boolean;
}

/** Expressive Code turns tabs into this many spaces (rehype-expressive-code's default `tabWidth`). */
const TAB_WIDTH = 2;

interface CachedPage {
  source: string;
  page: ExtractedPage;
  /** How many times each block key was asked for: identical blocks are handed out in page order. */
  asked: Map<string, number>;
}

const pages = new Map<string, CachedPage>();

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path;
}

function readPage(path: string): CachedPage | undefined {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    return undefined; // not a file we can read: the block is read on its own
  }
  const cached = pages.get(path);
  if (cached && cached.source === source) return cached;
  const fresh = { source, page: extractPage(source, displayPath(path)), asked: new Map<string, number>() };
  pages.set(path, fresh);
  return fresh;
}

function normalizeCode(code: string): string {
  return code.replace(/\t/g, ' '.repeat(TAB_WIDTH)).replace(/\n+$/, '');
}

function metaOf(example: Example): string {
  return example.info.slice(example.lang.length).trim();
}

function keyOf(block: BlockSource): string {
  return `${block.language}\u0000${block.meta.trim()}\u0000${normalizeCode(block.code)}`;
}

/** Podbook's attributes that decide a block's role (check= and reason= left out). */
const ROLE_ATTRIBUTES = ['file', 'expect', 'errors-for', 'explain', 'generate', 'scenario', 'k8s', 'kubectl'];

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function roleInfo(lang: string, attributes: readonly FenceAttribute[]): string {
  const words = attributes
    .filter((a) => !a.passthrough && ROLE_ATTRIBUTES.includes(a.key))
    .map((a) => (a.value === true ? a.key : `${a.key}=${quote(a.value)}`));
  return [lang, ...words].join(' ');
}

function frontmatterText(cached: CachedPage | undefined): string {
  if (!cached?.page.frontmatter.present) return '';
  const lines = cached.source.split(/\r\n|\r|\n/);
  return `${lines.slice(0, cached.page.frontmatter.endLine).join('\n')}\n\n`;
}

/** The block alone in a page (under its page's frontmatter), read by the checker's parser. */
function syntheticExample(info: string, code: string, file: string, cached: CachedPage | undefined) {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const body = code === '' || code.endsWith('\n') ? code : `${code}\n`;
  const source = `${frontmatterText(cached)}${fence}${info}\n${body}${fence}\n`;
  const page = extractPage(source, file);
  return page.examples[0];
}

function hashOf(text: string): string {
  let hash = 0x811c9dc5; // FNV-1a: a short stable id, not a security measure
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

const CHECKABLE: ReadonlySet<CheckableKind> = new Set([
  'manifest',
  'invalid-manifest',
  'expected-errors',
  'transcript',
  'explain',
]);

function pick(candidates: readonly Example[], meta: string, cached: CachedPage, key: string): Example | undefined {
  const sameMeta = candidates.filter((e) => metaOf(e) === meta.trim());
  const pool = sameMeta.length > 0 ? sameMeta : candidates;
  if (pool.length === 0) return undefined;
  const asked = cached.asked.get(key) ?? 0;
  cached.asked.set(key, asked + 1);
  return pool[asked % pool.length];
}

/**
 * The checker's example for a block, or undefined when the block is not a checked block (plain `sh`, a `yaml`
 * block without `file=`, an unterminated fence): such blocks are rendered as Expressive Code renders them.
 */
export function locateBlock(block: BlockSource): LocatedBlock | undefined {
  const path = block.sourceFilePath;
  const cached = path ? readPage(path) : undefined;
  const file = path ? displayPath(path) : '(a code block outside any page)';
  const key = keyOf(block);
  const wanted = normalizeCode(block.code);

  let found: Example | undefined;
  if (cached) {
    const candidates = cached.page.examples.filter(
      (e) => e.lang === block.language && normalizeCode(e.body) === wanted,
    );
    found = pick(candidates, block.meta, cached, key);
  }
  const inPage = found !== undefined;
  const id = found ? `pb-L${found.fence.line}` : `pb-h${hashOf(`${block.language} ${block.meta}\n${block.code}`)}`;
  let example = found ?? syntheticExample(`${block.language} ${block.meta}`.trimEnd(), block.code, file, cached);
  if (!example) return undefined;

  let skipped = false;
  if (example.kind === 'skipped') {
    skipped = true;
    const unskipped = syntheticExample(roleInfo(example.lang, example.attributes), block.code, file, cached);
    if (!unskipped || unskipped.kind !== example.role) return undefined;
    example = unskipped;
  }
  if (!CHECKABLE.has(example.kind as CheckableKind)) return undefined;
  return { example, file, id, inPage, skipped };
}

/** Forgets the pages read so far (tests; a long-running dev server re-reads a page whenever its text changed). */
export function clearLocatedPages(): void {
  pages.clear();
}
