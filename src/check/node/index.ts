/**
 * src/check/node: the checker in Node (the CLI and the Astro integration): finding pages, loading the schema
 * packs they need, checking them (src/check/run), writing `--update`s, and printing the report.
 */
export { type CheckFilesOptions, checkFiles, type FilesCheck } from './check-files.ts';
export { findPages, isPageFile, PageSearchError } from './find-pages.ts';
export { loadPagePacks, packLookup, pageReleases, SchemaSetupError } from './packs.ts';
export { mayHaveExamples } from './quick-scan.ts';
export { renderFailure, renderJson, renderPretty, summaryLine } from './report.ts';
