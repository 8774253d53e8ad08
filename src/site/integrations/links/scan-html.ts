/**
 * A small HTML scanner for the link checker: the ids a page defines and every URL it refers to, with line
 * numbers. It reads start tags and their attributes only (no tree), skips comments and the raw text of
 * script/style/textarea/title, and decodes character references in attribute values, which is all the checker
 * needs from the HTML Astro writes.
 */

/** One URL a page refers to. `attr` is where it was found (`a href`, `img srcset`, `meta refresh`, ...). */
export interface HtmlRef {
  tag: string;
  attr: string;
  url: string;
  /** The `rel` attribute of the element (links only), lower-cased. */
  rel?: string;
  line: number;
}

export interface ScannedHtml {
  /** Every `id` (and `<a name>`) on the page: what a `#fragment` may point at. */
  ids: Set<string>;
  refs: HtmlRef[];
}

/** Elements whose content is text, not markup: a `<a href>` written inside them is not a link. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);

/** Attributes holding one URL, per element. */
const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  base: ['href'],
  script: ['src'],
  img: ['src'],
  iframe: ['src'],
  embed: ['src'],
  source: ['src'],
  track: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  object: ['data'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};

const NAMED_REFERENCES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes the character references an attribute value may hold (numeric ones and the common named ones). */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_REFERENCES[body.toLowerCase()] ?? whole;
  });
}

/** Line numbers from offsets, by binary search over the line starts. */
function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

interface Tag {
  name: string;
  attrs: Map<string, string>;
  end: number;
}

/** Reads a start tag whose name begins at `start` (just after `<`). */
function readStartTag(html: string, start: number): Tag {
  let i = start;
  while (i < html.length && !isSpace(html[i]) && html[i] !== '>' && html[i] !== '/') i++;
  const name = html.slice(start, i).toLowerCase();
  const attrs = new Map<string, string>();
  while (i < html.length) {
    while (isSpace(html[i]) || html[i] === '/') i++;
    if (i >= html.length || html[i] === '>') break;
    const nameStart = i;
    while (i < html.length && !isSpace(html[i]) && html[i] !== '=' && html[i] !== '>' && html[i] !== '/') i++;
    const attrName = html.slice(nameStart, i).toLowerCase();
    if (i === nameStart) {
      i++; // a stray character; move on rather than loop
      continue;
    }
    while (isSpace(html[i])) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (isSpace(html[i])) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        const stop = close === -1 ? html.length : close;
        value = html.slice(i + 1, stop);
        i = stop + 1;
      } else {
        const valueStart = i;
        while (i < html.length && !isSpace(html[i]) && html[i] !== '>') i++;
        value = html.slice(valueStart, i);
      }
    }
    if (!attrs.has(attrName)) attrs.set(attrName, decodeEntities(value));
  }
  return { name, attrs, end: Math.min(i + 1, html.length) };
}

/** The URLs of a `srcset` (each candidate is `url [descriptor]`, separated by commas). */
function srcsetUrls(value: string): string[] {
  return value
    .split(/,\s+|,(?=\S*\s)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/** The target of `<meta http-equiv="refresh" content="0;url=...">`. */
function refreshUrl(content: string): string | undefined {
  const match = /^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(['"]?)(.+)\1\s*$/i.exec(content);
  return match?.[2];
}

export function scanHtml(html: string): ScannedHtml {
  const lineOf = lineCounter(html);
  const ids = new Set<string>();
  const refs: HtmlRef[] = [];
  let i = 0;
  while (true) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    const next = html[lt + 1] ?? '';
    if (next === '!' || next === '?' || next === '/') {
      const close = html.indexOf('>', lt);
      i = close === -1 ? html.length : close + 1;
      continue;
    }
    if (!/[a-z]/i.test(next)) {
      i = lt + 1;
      continue;
    }
    const tag = readStartTag(html, lt + 1);
    const line = lineOf(lt);
    const id = tag.attrs.get('id');
    if (id) ids.add(id);
    if (tag.name === 'a' && tag.attrs.get('name')) ids.add(tag.attrs.get('name') ?? '');
    const rel = tag.attrs.get('rel')?.toLowerCase();
    for (const attr of URL_ATTRS[tag.name] ?? []) {
      const url = tag.attrs.get(attr);
      if (url !== undefined) refs.push({ tag: tag.name, attr, url: url.trim(), line, ...(rel ? { rel } : {}) });
    }
    if (tag.name === 'img' || tag.name === 'source') {
      const srcset = tag.attrs.get('srcset');
      if (srcset) for (const url of srcsetUrls(srcset)) refs.push({ tag: tag.name, attr: 'srcset', url, line });
    }
    if (tag.name === 'meta' && tag.attrs.get('http-equiv')?.toLowerCase() === 'refresh') {
      const url = refreshUrl(tag.attrs.get('content') ?? '');
      if (url) refs.push({ tag: 'meta', attr: 'refresh', url: url.trim(), line });
    }
    i = tag.end;
    if (RAW_TEXT.has(tag.name)) {
      const closing = new RegExp(`</${tag.name}`, 'gi');
      closing.lastIndex = i;
      i = closing.exec(html)?.index ?? html.length;
    }
  }
  return { ids, refs };
}
