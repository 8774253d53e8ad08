/**
 * An accessible tooltip on a piece of code (a manifest key, a wildcard): the piece becomes a focusable trigger
 * whose `aria-describedby` names a `role="tooltip"` description. A block repeats the same descriptions (every
 * `name:` key of a manifest with several containers), so each distinct one is in the block once, in a hidden list
 * after the block's frame. A screen reader reads the description from the hidden list (a hidden element named by
 * `aria-describedby` is still read); sighted readers see it in the one tooltip box tooltip-client.ts shows on
 * hover, keyboard focus and tap.
 *
 * ```html
 * <span class="pb-tip-trigger pb-key" tabindex="0" aria-describedby="pb-L42-tip-3"
 *   data-field="spec.containers[].imagePullPolicy">imagePullPolicy</span>
 * ...
 * <!-- after the block's frame, inside Expressive Code's group wrapper -->
 * <div class="pb-tip-descriptions" hidden="" data-pagefind-ignore="">
 *   <span class="pb-tip-content" role="tooltip" id="pb-L42-tip-3">spec.containers[].imagePullPolicy &lt;string&gt;
 * Image pull policy. …</span>
 * </div>
 * ```
 *
 * The keyboard hint (shown in the box only with keyboard focus) is on the block's frame, `data-pb-tip-keys`.
 */
import { ExpressiveCodeAnnotation, type ExpressiveCodeInlineRange } from '@astrojs/starlight/expressive-code';
import { type Element, type ElementContent, h, type Parents } from '@astrojs/starlight/expressive-code/hast';

export interface TooltipDescription {
  title: string;
  body: string;
}

export interface TooltipTrigger {
  /** The id of the trigger's description (TooltipDescriptions.idFor). */
  describedBy: string;
  /** Extra class of the trigger: `pb-key`, `pb-wildcard`. */
  className: string;
  /** Data attributes of the trigger (`data-wildcard="IP"`, `data-field="spec.containers[].image"`). */
  data?: Record<string, string>;
}

/** One description, as a trigger's `aria-describedby` names it. */
export function descriptionElement(id: string, description: TooltipDescription): Element {
  // One element (a page has a hundred descriptions): the title, a line break, the body. Screen readers read the
  // break as a space, so the description reads as two phrases; tooltip-client.ts shows the title on its own.
  return h(
    'span.pb-tip-content',
    { role: 'tooltip', id },
    `${description.title.replace(/\s+/g, ' ')}\n${description.body}`,
  );
}

/** The hidden list of descriptions a block adds to its page. */
export function descriptionList(descriptions: readonly { id: string; description: TooltipDescription }[]): Element {
  return h(
    'div.pb-tip-descriptions',
    { hidden: true, dataPagefindIgnore: '' },
    descriptions.map(({ id, description }) => descriptionElement(id, description)),
  );
}

/**
 * A block's descriptions: each distinct one gets an id, `${blockId}-tip-${n}`, the first time a trigger names it.
 * (Blocks do not share them: Astro's Markdown renders a page's blocks concurrently, so which block would carry a
 * shared one could change from build to build.)
 */
export class TooltipDescriptions {
  readonly #blockId: string;
  readonly #ids = new Map<string, string>();
  readonly #all: { id: string; description: TooltipDescription }[] = [];

  constructor(blockId: string) {
    this.#blockId = blockId;
  }

  idFor(description: TooltipDescription): string {
    const key = `${description.title}\u0000${description.body}`;
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = `${this.#blockId}-tip-${this.#all.length + 1}`;
      this.#ids.set(key, id);
      this.#all.push({ id, description });
    }
    return id;
  }

  all(): readonly { id: string; description: TooltipDescription }[] {
    return this.#all;
  }
}

function dataProperties(data: Record<string, string> | undefined): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [key, value] of Object.entries(data ?? {})) properties[`data-${key}`] = value;
  return properties;
}

export class TooltipAnnotation extends ExpressiveCodeAnnotation {
  readonly trigger: TooltipTrigger;
  override readonly name = 'podbook-tooltip';

  constructor(inlineRange: ExpressiveCodeInlineRange, trigger: TooltipTrigger) {
    // `latest`: nothing renders after it, so Expressive Code hands over the whole range as one node.
    super({ inlineRange, renderPhase: 'latest' });
    this.trigger = trigger;
  }

  render({ nodesToTransform }: { nodesToTransform: Parents[] }): Parents[] {
    return nodesToTransform.map((node, index) => {
      const children = [node as ElementContent];
      if (index > 0) return h(`span.${this.trigger.className}`, children);
      return h(
        `span.pb-tip-trigger.${this.trigger.className}`,
        { tabindex: '0', ariaDescribedby: this.trigger.describedBy, ...dataProperties(this.trigger.data) },
        children,
      );
    });
  }
}
