/**
 * The info string of a fence: ```` ```yaml file=nginx-pod.yaml title="A pod" {3-5} ````.
 * The first word is the language (CommonMark); then `key=value`, `key="quoted value"` (with `\"` and `\\`),
 * `key='single quoted'`, `key={...}`, `key=/regex/`, bare flags (`explain`), and Expressive Code's bare markers
 * (`{1-3}`, `"text"`, `/regex/`), which are kept as written for the renderer.
 */

export interface InfoToken {
  key: string;
  value: string | true;
  /** 1-based code-unit column of the token in the file. */
  col: number;
  /** `flag`: a bare word; `marker`: a bare `{...}`, `"..."`, `'...'` or `/.../`. */
  form: 'pair' | 'flag' | 'marker';
}

export interface ParsedInfo {
  lang: string;
  tokens: InfoToken[];
  problems: { col: number; message: string }[];
}

const SPACE = /\s/;

interface Scanned {
  text: string;
  end: number;
  problem?: string;
}

/** A quoted, braced or slashed run starting at `start` (the opening character). */
function scanDelimited(info: string, start: number): Scanned {
  const open = info[start] as string;
  const closeChar = open === '{' ? '}' : open;
  const escapes = open === '"' || open === '/';
  let text = '';
  for (let i = start + 1; i < info.length; i++) {
    const ch = info[i] as string;
    if (escapes && ch === '\\' && i + 1 < info.length) {
      const next = info[i + 1] as string;
      // `\"` and `\\` unescape in double quotes; a regex keeps its backslashes for the regex engine.
      text += open === '"' && (next === '"' || next === '\\') ? next : ch + next;
      i++;
    } else if (ch === closeChar) {
      return { text, end: i + 1 };
    } else {
      text += ch;
    }
  }
  const what = { '"': 'double quote', "'": 'single quote', '{': 'brace', '/': 'slash' }[open] ?? open;
  return { text, end: info.length, problem: `unterminated ${what}: add the closing ${closeChar}` };
}

function scanBare(info: string, start: number): Scanned {
  let end = start;
  while (end < info.length && !SPACE.test(info[end] as string)) end++;
  return { text: info.slice(start, end), end };
}

const DELIMITERS = new Set(['"', "'", '{', '/']);

export function parseInfoString(info: string, col: number): ParsedInfo {
  const tokens: InfoToken[] = [];
  const problems: ParsedInfo['problems'] = [];
  let lang = '';
  let i = 0;
  while (i < info.length) {
    if (SPACE.test(info[i] as string)) {
      i++;
      continue;
    }
    const start = i;
    const first = info[i] as string;
    if (DELIMITERS.has(first)) {
      const run = scanDelimited(info, i);
      if (run.problem) problems.push({ col: col + start, message: run.problem });
      tokens.push({ key: info.slice(start, run.end), value: true, col: col + start, form: 'marker' });
      i = run.end;
      continue;
    }
    let end = i;
    while (end < info.length && info[end] !== '=' && !SPACE.test(info[end] as string)) end++;
    const key = info.slice(start, end);
    if (info[end] === '=') {
      const valueStart = end + 1;
      const run =
        valueStart < info.length && DELIMITERS.has(info[valueStart] as string)
          ? scanDelimited(info, valueStart)
          : scanBare(info, valueStart);
      if (run.problem) problems.push({ col: col + valueStart, message: run.problem });
      // EC keeps the delimiters of `ins={1-3}` and `mark=/re/`; we keep the inner text for our own attributes.
      const raw = info[valueStart];
      const value = raw === '{' || raw === '/' ? info.slice(valueStart, run.end) : run.text;
      tokens.push({ key, value, col: col + start, form: 'pair' });
      i = run.end;
      continue;
    }
    if (start === 0) lang = key;
    else tokens.push({ key, value: true, col: col + start, form: 'flag' });
    i = end;
  }
  return { lang, tokens, problems };
}
