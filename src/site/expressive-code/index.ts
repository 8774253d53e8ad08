/**
 * src/site/expressive-code: how the book shows its checked blocks (Expressive Code plugins, used by ec.config.mjs).
 * Transcripts, explain and errors blocks lose their `#@` directive lines and show their `#:` callouts as numbered
 * markers with a list under the code; wildcards in expected output explain themselves; `generate` explain blocks
 * print the schema's output; manifest keys show the schema's description of their field.
 */
export { pluginEnglishFrameTexts } from './frame-texts.ts';
export { getBookBlockLocale } from './locale.ts';
export { type PodbookBlocksOptions, pluginPodbookBlocks } from './plugin.ts';
