/**
 * Names for the blocks' scroll regions. Expressive Code's script makes a block wider than the page a focusable
 * `role="region"` without a name, so a page with several reads as several identical, unnamed regions (axe:
 * landmark-unique). Each checked block carries a name in `data-pb-label` (what it is: the terminal's first
 * command, the manifest's file), and region-label-client.ts gives it to the block while it is a region, made
 * unique on the page. A `<pre>` that is not a region may not carry a name (ARIA: generic elements cannot be named).
 */
import type { Example } from '../../check/extract/index.ts';
import type { BlockTexts } from './texts.ts';

const MAX = 80;

function shorten(text: string): string {
  return text.length <= MAX ? text : `${text.slice(0, MAX - 1)}…`;
}

export function regionLabel(example: Example, texts: BlockTexts): string | undefined {
  switch (example.kind) {
    case 'transcript':
      return shorten(texts.region.transcript(example.steps.find((s) => s.command)?.command));
    case 'manifest':
    case 'invalid-manifest':
      return shorten(texts.region.manifest(example.file));
    case 'expected-errors':
      return shorten(texts.region.errors(example.target));
    case 'explain':
      return shorten(texts.region.explain(example.command));
    default:
      return undefined;
  }
}
