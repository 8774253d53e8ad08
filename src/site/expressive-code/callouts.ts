/**
 * Numbered callouts: a marker at the end of the line a callout annotates, and the callouts' texts listed under
 * the code, each linked to the other so that a reader (or a screen reader, reading in order) can go from one to
 * the other.
 *
 * ```html
 * <!-- at the end of the annotated line, inside its .code element -->
 * <a class="pb-callout-ref" id="pb-L88-ref-1" href="#pb-L88-callout-1" aria-label="callout 1" data-callout="1">1</a>
 * <!-- under the <pre>, inside the block's frame -->
 * <ol class="pb-callout-list" role="list" aria-label="Callouts">
 *   <li class="pb-callout" id="pb-L88-callout-1" data-callout="1">
 *     <span class="pb-callout-num"><span class="pb-sr-only">Callout </span>1</span>
 *     <span class="pb-callout-text">text, <code>code</code><br>second line</span>
 *     <a class="pb-callout-back" href="#pb-L88-ref-1" aria-label="Back to callout 1 in the code">↩</a>
 *   </li>
 * </ol>
 * ```
 */
import { type Element, type ElementContent, h } from '@astrojs/starlight/expressive-code/hast';
import type { CalloutPlan } from './block-plan.ts';
import type { BlockTexts } from './texts.ts';

export function calloutRefId(blockId: string, n: number): string {
  return `${blockId}-ref-${n}`;
}

export function calloutItemId(blockId: string, n: number): string {
  return `${blockId}-callout-${n}`;
}

/** The marker put at the end of the annotated line. */
export function calloutMarker(blockId: string, n: number, texts: BlockTexts): Element {
  return h(
    'a.pb-callout-ref',
    {
      id: calloutRefId(blockId, n),
      href: `#${calloutItemId(blockId, n)}`,
      ariaLabel: texts.calloutMarker(n),
      dataCallout: String(n),
    },
    String(n),
  );
}

/** A callout line's text, with `inline code` written the Markdown way. */
function inlineText(text: string): ElementContent[] {
  const parts = text.split(/(`[^`]+`)/);
  return parts
    .filter((part) => part !== '')
    .map((part) =>
      part.length > 2 && part.startsWith('`') && part.endsWith('`')
        ? h('code', part.slice(1, -1))
        : { type: 'text', value: part },
    );
}

function calloutText(lines: readonly string[]): ElementContent[] {
  return lines.flatMap((line, i) => (i === 0 ? inlineText(line) : [h('br'), ...inlineText(line)]));
}

/** The numbered list of a block's callouts. */
export function calloutList(blockId: string, callouts: readonly CalloutPlan[], texts: BlockTexts): Element {
  return h(
    'ol.pb-callout-list',
    { role: 'list', ariaLabel: texts.calloutList },
    callouts.map((c) =>
      h('li.pb-callout', { id: calloutItemId(blockId, c.number), dataCallout: String(c.number) }, [
        h('span.pb-callout-num', [h('span.pb-sr-only', `${texts.calloutWord} `), String(c.number)]),
        h('span.pb-callout-text', calloutText(c.lines)),
        h(
          'a.pb-callout-back',
          { href: `#${calloutRefId(blockId, c.number)}`, ariaLabel: texts.calloutBack(c.number) },
          '↩',
        ),
      ]),
    ),
  );
}
