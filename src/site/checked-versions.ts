/**
 * The Kubernetes releases a page's examples are checked against, read from the page source with the checker's
 * own extractor (so the badge cannot disagree with the check), oldest first.
 */
import { extractPage } from '../check/extract/index.ts';
import { pageReleases } from '../check/node/packs.ts';

export function checkedVersions(source: string, file: string): string[] {
  return pageReleases(extractPage(source, file)).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
}
