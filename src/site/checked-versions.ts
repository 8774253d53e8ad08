/**
 * The Kubernetes releases a page's examples are checked against, read from the page file with the checker's own
 * extractor (so the badge cannot disagree with the check), oldest first. The file is read from disk because the
 * content entry's `body` has no frontmatter, where the page's release is declared.
 */
import { readFileSync } from 'node:fs';
import { extractPage } from '../check/extract/index.ts';
import { pageReleases } from '../check/node/packs.ts';

export function checkedVersions(file: string): string[] {
  const page = extractPage(readFileSync(file, 'utf8'), file);
  return pageReleases(page).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
}
