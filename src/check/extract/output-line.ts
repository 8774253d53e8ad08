/**
 * Expected output lines: wildcards, placeholders and escapes.
 *   `[..]`                      any text within the line (possibly none)
 *   `[UID]` `[IP]` `[AGE]` `[HASH]` `[TIME]`   text of that shape (see PLACEHOLDER_PATTERNS)
 *   a line `...`                any number of lines (see match-output.ts)
 *   `\[..]`, `\[UID]`, ...      the literal text
 * A backslash at the start of a line is removed when the rest starts with a backslash or would otherwise be read
 * as an annotation (`#:`), a directive (`#@`), a prompt or `...`; anywhere else backslashes are literal.
 * Every other character is compared as written (kubectl's `[POD]`, `[COMMAND]` included).
 */

import { looksLikePrompt } from './prompts.ts';
import type { OutputSegment, PlaceholderName } from './types.ts';

/** Regular expressions (source text) of each placeholder's shape. */
export const PLACEHOLDER_PATTERNS: Readonly<Record<PlaceholderName, string>> = {
  // metadata.uid: a v4 UUID as the apiserver generates it (k8s.io/apimachinery/pkg/util/uuid)
  UID: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  // Pod and node IPs: dotted IPv4, or IPv6 in its usual colon forms
  IP: '(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7})',
  // kubectl's HumanDuration/ShortHumanDuration: 4s, 105s, 4m39s, 82m, 3h10m, 5d, 2y3d, <invalid>, <unknown>
  AGE: '(?:\\d+[smhdy](?:\\d+[smhdy])?|<invalid>|<unknown>)',
  // hex digests and Kubernetes' generated suffixes (pod-template-hash, name suffixes): 5 to 128 lowercase alnum
  HASH: '[0-9a-z]{5,128}',
  // RFC 3339 (`2023-08-09T02:35:08Z`, YAML/JSON) or RFC 1123 with zone (`Thu, 27 Jun 2024 18:17:24 +0000`, describe)
  TIME: '(?:\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:\\d\\d)|[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4})',
};

/** No placeholder matches more characters than this (a sha512 hex digest is the longest). */
export const PLACEHOLDER_MAX_LENGTH = 128;

export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDER_PATTERNS) as PlaceholderName[];

const WILDCARD = new RegExp(`\\\\?\\[(\\.\\.|${PLACEHOLDER_NAMES.join('|')})\\]`, 'g');

export const ELLIPSIS = '...';

/** Output lines are compared without trailing spaces and tabs (and only those: U+3000 and NBSP count). */
export function trimTrailingBlanks(text: string): string {
  return text.replace(/[ \t]+$/, '');
}

export function isBlankLine(text: string): boolean {
  return /^[ \t]*$/.test(text);
}

export function isAnnotation(text: string): boolean {
  return text.startsWith('#:');
}

export function isDirective(text: string): boolean {
  return text.startsWith('#@');
}

export function isEllipsis(text: string): boolean {
  return trimTrailingBlanks(text) === ELLIPSIS;
}

/** Whether a line would be read as something other than an output line (a backslash aside). */
function readsAsSpecial(text: string): boolean {
  return isAnnotation(text) || isDirective(text) || isEllipsis(text) || looksLikePrompt(text);
}

/** Whether a backslash at the start of `text` is an escape (to be removed) rather than output. */
function hasLineEscape(text: string): boolean {
  const rest = text.slice(1);
  return text.startsWith('\\') && (rest.startsWith('\\') || readsAsSpecial(rest));
}

/** Removes the line-start escape backslash, if the line has one. */
export function unescapeLineStart(text: string): string {
  return hasLineEscape(text) ? text.slice(1) : text;
}

/** Splits an output line (line-start escape already removed) into literal text, `[..]` and placeholders. */
export function parseSegments(text: string): OutputSegment[] {
  const segments: OutputSegment[] = [];
  let literal = '';
  let last = 0;
  WILDCARD.lastIndex = 0;
  for (let m = WILDCARD.exec(text); m; m = WILDCARD.exec(text)) {
    literal += text.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0].startsWith('\\')) {
      literal += m[0].slice(1);
      continue;
    }
    if (literal) segments.push({ kind: 'literal', text: literal });
    literal = '';
    const name = m[1] as string;
    const previous = segments[segments.length - 1];
    if (name === '..') {
      if (previous?.kind !== 'any') segments.push({ kind: 'any' }); // `[..][..]` is one wildcard
    } else {
      segments.push({ kind: 'placeholder', name: name as PlaceholderName });
    }
  }
  literal += text.slice(last);
  if (literal) segments.push({ kind: 'literal', text: literal });
  return segments;
}

/** Writes an actual output line so that reading it back gives exactly `line` (for `--update`). */
export function escapeOutputLine(line: string): string {
  const inline = line.replace(WILDCARD, (m) => `\\${m}`);
  // Escape when the reader would otherwise take the line as special, or take its own backslash for an escape.
  return readsAsSpecial(inline) || hasLineEscape(inline) ? `\\${inline}` : inline;
}
