/**
 * src/check/extract: every checkable example of a `.md`/`.mdx` page, with exact source positions.
 * Pure TypeScript (the `yaml` package and relative imports only), shared by the CLI checker and the browser.
 * The authoring syntax is documented in SYNTAX.md.
 */
export type { AlignOp } from './align.ts';
export { EXTRACT_ERROR_CODES, formatExtractError } from './errors.ts';
export { extractPage, isMdx } from './extract-page.ts';
export { type MatchResult, matchOutput } from './match-output.ts';
export { escapeOutputLine, PLACEHOLDER_NAMES, PLACEHOLDER_PATTERNS, parseSegments } from './output-line.ts';
export { DEFAULT_SCENARIO } from './podbook-settings.ts';
export { sourcePosition } from './positions.ts';
export { type RewriteResult, rewriteExpected } from './rewrite.ts';
export { resolveHost, resolveScenario } from './scenarios.ts';
export { appliedFiles, interactiveExec } from './shell-words.ts';
export * from './types.ts';
