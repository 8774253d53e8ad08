/**
 * An accessible tooltip on a piece of code (a manifest key, a wildcard): the piece becomes a focusable trigger
 * whose `aria-describedby` names a `role="tooltip"` element inside it, shown on hover, keyboard focus and tap
 * (styles.ts; tooltip-client.ts places it and moves focus between a block's triggers with the arrow keys).
 *
 * ```html
 * <span class="pb-tip-trigger pb-key" tabindex="0" aria-describedby="pb-L42-tip-3">imagePullPolicy
 *   <span class="pb-tip" data-pagefind-ignore="">
 *     <span class="pb-tip-content" role="tooltip" id="pb-L42-tip-3">
 *       <span class="pb-tip-title">spec.containers[].imagePullPolicy &lt;string&gt;</span> <span class="pb-tip-text">…</span>
 *     </span>
 *     <span class="pb-tip-keys" aria-hidden="true">Arrow keys: previous / next · Esc: close</span>
 *   </span>
 * </span>
 * ```
 */
import { ExpressiveCodeAnnotation, type ExpressiveCodeInlineRange } from '@astrojs/starlight/expressive-code';
import { type Element, type ElementContent, h, type Parents } from '@astrojs/starlight/expressive-code/hast';

export interface TooltipContent {
  /** Unique in the page: the tooltip element's id. */
  id: string;
  /** Extra class of the trigger: `pb-key`, `pb-wildcard`. */
  className: string;
  title: string;
  body: string;
  /** The keyboard hint (shown only when the trigger has keyboard focus). */
  keys: string;
  /** Data attributes of the trigger (`data-wildcard="IP"`, `data-field="spec.containers[].image"`). */
  data?: Record<string, string>;
}

/** The tooltip box that goes inside its trigger. */
export function tooltipElement(content: TooltipContent): Element {
  return h('span.pb-tip', { dataPagefindIgnore: '' }, [
    h('span.pb-tip-content', { role: 'tooltip', id: content.id }, [
      h('span.pb-tip-title', content.title),
      // A space between title and body, so that the description reads as two phrases.
      { type: 'text', value: ' ' },
      h('span.pb-tip-text', content.body),
    ]),
    h('span.pb-tip-keys', { ariaHidden: 'true' }, content.keys),
  ]);
}

function dataProperties(data: Record<string, string> | undefined): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [key, value] of Object.entries(data ?? {})) properties[`data-${key}`] = value;
  return properties;
}

export class TooltipAnnotation extends ExpressiveCodeAnnotation {
  readonly content: TooltipContent;
  override readonly name = 'podbook-tooltip';

  constructor(inlineRange: ExpressiveCodeInlineRange, content: TooltipContent) {
    // `latest`: nothing renders after it, so Expressive Code hands over the whole range as one node.
    super({ inlineRange, renderPhase: 'latest' });
    this.content = content;
  }

  render({ nodesToTransform }: { nodesToTransform: Parents[] }): Parents[] {
    return nodesToTransform.map((node, index) => {
      const children = [node as ElementContent];
      if (index > 0) return h(`span.${this.content.className}`, children);
      return h(
        `span.pb-tip-trigger.${this.content.className}`,
        { tabindex: '0', ariaDescribedby: this.content.id, ...dataProperties(this.content.data) },
        [...children, tooltipElement(this.content)],
      );
    });
  }
}
