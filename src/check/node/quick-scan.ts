/**
 * A cheap look at a page's text before the checker (and the whole model) is loaded: could it hold anything to
 * check, or anything extraction would report? Conservative: podbook settings, a transcript fence, or a fence with
 * anything after its language (attributes, flags, markers) says yes; a page with none of them holds only blocks
 * extractPage ignores, so it is skipped.
 */
const SETTINGS = /^['"]?podbook['"]?[ \t]*:/m;
const CHECKED_FENCE = /(?:`{3,}|~{3,})[ \t]*(?:console|shellsession|shell-session|[^\s`]+[ \t]+[^\s`])/;

export function mayHaveExamples(source: string): boolean {
  return SETTINGS.test(source) || CHECKED_FENCE.test(source);
}
