/**
 * Matching one actual line against one expected line with wildcards, in time linear in the line (times a small
 * constant per placeholder), whatever the pattern: a set of reachable positions is carried from segment to
 * segment, so `[..]a[..]a[..]b` against a long line of `a`s cannot backtrack exponentially as a RegExp would;
 * placeholders give their possible ends directly (placeholder-ends.ts).
 * Trailing whitespace never counts (the actual line arrives trimmed; the expected line is trimmed here).
 */
import { PLACEHOLDER_ENDS } from './placeholder-ends.ts';
import type { OutputSegment, PlaceholderName } from './types.ts';

type Part = { kind: 'literal'; text: string } | { kind: 'any' } | { kind: 'placeholder'; name: PlaceholderName };

/** The exact text of a line without wildcards, or the parts of a line with them. */
export type LineMatcher = string | Part[];

const cache = new Map<string, LineMatcher>();

export function lineMatcher(segments: readonly OutputSegment[]): LineMatcher {
  const key = JSON.stringify(segments);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const last = segments.length - 1;
  let matcher: LineMatcher;
  if (segments.every((s) => s.kind === 'literal')) {
    matcher = segments
      .map((s) => (s.kind === 'literal' ? s.text : ''))
      .join('')
      .replace(/[ \t]+$/, '');
  } else {
    matcher = segments.map((s, i): Part => {
      if (s.kind === 'literal') return { kind: 'literal', text: i === last ? s.text.replace(/[ \t]+$/, '') : s.text };
      if (s.kind === 'any') return { kind: 'any' };
      return { kind: 'placeholder', name: s.name };
    });
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(key, matcher);
  return matcher;
}

export function lineMatches(matcher: LineMatcher, actual: string): boolean {
  if (typeof matcher === 'string') return matcher === actual;
  const length = actual.length;
  let reach = new Uint8Array(length + 1);
  reach[0] = 1;
  for (const part of matcher) {
    const next = new Uint8Array(length + 1);
    let any = false;
    if (part.kind === 'any') {
      const first = reach.indexOf(1);
      if (first >= 0) next.fill(1, first);
      any = first >= 0;
    } else {
      for (let p = 0; p <= length; p++) {
        if (!reach[p]) continue;
        if (part.kind === 'literal') {
          if (actual.startsWith(part.text, p)) {
            next[p + part.text.length] = 1;
            any = true;
          }
          continue;
        }
        PLACEHOLDER_ENDS[part.name](actual, p, (q) => {
          next[q] = 1;
          any = true;
        });
      }
    }
    if (!any) return false;
    reach = next;
  }
  return reach[length] === 1;
}
