/** The YAML_TAB_INDENT problem, worded for people who cannot see the tab, with kubectl's own text. */

import type { Problem } from './problem.ts';

/** go-yaml's 1-based line of a chunk offset: lines restart in each document kubectl hands it. */
export type ChunkLineOf = (offset: number) => number;

/**
 * A problem for the tab at `offset` when `known` (the tab rule found it), or else for the first tab in the
 * leading whitespace of the line holding `offset` (a yaml error on a tab-indented line), if there is one.
 */
export function tabIndentProblem(
  source: string,
  offset: number,
  lineOf: ChunkLineOf,
  known = false,
): Problem | undefined {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  let tab = offset;
  if (!known) {
    const indent = /^[ \t]*/.exec(source.slice(lineStart, lineStart + 4096))?.[0] ?? '';
    const at = indent.indexOf('\t');
    if (at === -1) return undefined;
    tab = lineStart + at;
  }
  const leading = /^[ \t]*$/.test(source.slice(lineStart, tab));
  const what = leading
    ? 'a tab is used for indentation; YAML allows only spaces there'
    : "a tab follows '-', '?' or ':'; use a space there";
  const kubectl = `yaml: line ${lineOf(tab)}: found character that cannot start any token`;
  return { code: 'YAML_TAB_INDENT', message: `${what} (kubectl: ${kubectl})`, start: tab, end: tab + 1 };
}
