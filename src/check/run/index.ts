/**
 * src/check/run: a page's examples checked against the model of Kubernetes (manifests validated, transcripts
 * replayed on a virtual cluster, explain output compared with the schema). Pure TypeScript, browser-safe:
 * schema packs come from the caller (src/check/node loads them in Node).
 */
export { checkPage, checkSource } from './check-page.ts';
export { failureHeader, formatFailure } from './format.ts';
export { type ManifestChecks, manifestChecks } from './manifest-checks.ts';
export { PAGE_IMAGE_SIZE_BYTES } from './page-registries.ts';
export { type PlayTimelineOptions, playTimeline, type TimelinePlay } from './timeline.ts';
export * from './types.ts';
