/**
 * The tooltips' browser side, shipped as an Expressive Code JS module (one per page). A trigger's description is
 * in the page once, hidden (tooltip.ts); this shows it in one tooltip box, moved next to the trigger:
 * - on hover, keyboard focus and tap; the box stays open while the pointer is on the trigger or the box, or the
 *   trigger has focus, and Escape closes it without moving either (WCAG 1.4.13);
 * - placed in the viewport (position: fixed), so the code's scroll box does not clip it, and flipped above the
 *   line when there is no room below; with keyboard focus it also shows the keys (the frame's data-pb-tip-keys);
 * - each code block is one Tab stop: once focus is in a block, the arrow keys (and Home/End) move between its
 *   triggers (a roving tabindex, set when the block first gets focus, so loading the page changes nothing).
 * The box is aria-hidden: screen readers hear the description through the trigger's aria-describedby.
 *
 * Everything is done from document-level listeners, when the reader acts: nothing runs over the page on load.
 * The function below is serialised with toString(): it must not use anything from this module's scope.
 */
export function tooltipClient(): void {
  const TRIGGER = '.pb-tip-trigger';
  const MARGIN = 8;
  const GAP = 6;

  let box: HTMLElement | undefined;
  const title = document.createElement('span');
  const text = document.createElement('span');
  const keys = document.createElement('span');
  /** The trigger whose description the box shows. */
  let shown: HTMLElement | undefined;
  /** The trigger whose box Escape closed: it stays closed until the trigger has neither focus nor the pointer. */
  let dismissed: HTMLElement | undefined;

  const boxFor = (trigger: HTMLElement): HTMLElement => {
    if (!box) {
      box = document.createElement('div');
      box.className = 'pb-tip';
      box.hidden = true;
      box.setAttribute('aria-hidden', 'true');
      title.className = 'pb-tip-title';
      text.className = 'pb-tip-text';
      keys.className = 'pb-tip-keys';
      box.append(title, text, keys);
    }
    // In the trigger's Expressive Code wrapper, for the blocks' styles, and outside its frame, which the browser
    // may skip rendering (content-visibility) and which would clip the box.
    const wrapper = trigger.closest('.expressive-code') ?? document.body;
    if (box.parentElement !== wrapper) wrapper.append(box);
    return box;
  };

  const groupOf = (trigger: Element): HTMLElement[] => {
    const block = trigger.closest('pre') ?? trigger.parentElement;
    return block ? Array.from(block.querySelectorAll<HTMLElement>(TRIGGER)) : [];
  };

  const place = (trigger: HTMLElement, tip: HTMLElement) => {
    tip.style.left = '0px';
    tip.style.top = '0px';
    const r = trigger.getBoundingClientRect();
    const t = tip.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const below = r.bottom + GAP + t.height <= vh - MARGIN || r.top - GAP - t.height < MARGIN;
    const top = below ? r.bottom + GAP : r.top - GAP - t.height;
    const left = Math.max(MARGIN, Math.min(r.left, vw - MARGIN - t.width));
    tip.dataset.placement = below ? 'below' : 'above';
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  };

  const hide = () => {
    shown?.classList.remove('pb-tip-open');
    shown = undefined;
    if (box) box.hidden = true;
  };

  const show = (trigger: HTMLElement) => {
    if (trigger === dismissed) return;
    const description = document.getElementById(trigger.getAttribute('aria-describedby') ?? '');
    if (!description) return;
    const tip = boxFor(trigger);
    // The description is its title, a line break and its body (tooltip.ts).
    const all = description.textContent ?? '';
    const br = all.indexOf('\n');
    title.textContent = br < 0 ? all : all.slice(0, br);
    text.textContent = br < 0 ? '' : all.slice(br + 1);
    keys.textContent = trigger.closest<HTMLElement>('[data-pb-tip-keys]')?.dataset.pbTipKeys ?? '';
    keys.hidden = keys.textContent === '' || !trigger.matches(':focus-visible');
    if (shown !== trigger) shown?.classList.remove('pb-tip-open');
    shown = trigger;
    trigger.classList.add('pb-tip-open');
    tip.hidden = false;
    place(trigger, tip);
  };

  const active = (): HTMLElement | undefined => {
    const focused = document.activeElement;
    return focused instanceof HTMLElement && focused.matches(TRIGGER) ? focused : undefined;
  };

  /** After the pointer or focus left: keep the box while either is still on it, else show the focused trigger's. */
  const settle = () => {
    setTimeout(() => {
      if (dismissed && dismissed !== active() && !dismissed.matches(':hover')) dismissed = undefined;
      if (shown && (shown === active() || shown.matches(':hover') || box?.matches(':hover'))) return;
      hide();
      const focused = active();
      if (focused) show(focused);
    }, 0);
  };

  const triggerOf = (target: EventTarget | null): HTMLElement | null =>
    target instanceof Element ? target.closest<HTMLElement>(TRIGGER) : null;
  const within = (node: EventTarget | null, element: Element | undefined): boolean =>
    node instanceof Node && element !== undefined && element.contains(node);

  document.addEventListener('focusin', (event) => {
    const trigger = triggerOf(event.target);
    if (!trigger) return;
    for (const t of groupOf(trigger)) t.tabIndex = t === trigger ? 0 : -1;
    // Focus arriving is a new request: an earlier Escape no longer holds.
    dismissed = undefined;
    show(trigger);
  });
  document.addEventListener('focusout', (event) => {
    if (triggerOf(event.target)) settle();
  });
  document.addEventListener('pointerover', (event) => {
    const trigger = triggerOf(event.target);
    if (trigger && trigger !== shown && !within(event.relatedTarget, trigger)) show(trigger);
  });
  document.addEventListener('pointerout', (event) => {
    const from = event.target;
    const left = (element: Element | undefined) => within(from, element) && !within(event.relatedTarget, element);
    if (left(shown) || left(box) || left(dismissed)) settle();
  });
  document.addEventListener('click', (event) => {
    const trigger = triggerOf(event.target);
    if (trigger && document.activeElement !== trigger) trigger.focus();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      if (!shown) return;
      // Only the trigger's own Escape is taken; elsewhere (a dialog, the search) Escape still does its work too.
      if (triggerOf(event.target) === shown) event.preventDefault();
      dismissed = shown;
      hide();
      return;
    }
    const trigger = triggerOf(event.target);
    if (!trigger) return;
    const group = groupOf(trigger);
    const at = group.indexOf(trigger);
    const moves: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: group.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    group[Math.max(0, Math.min(group.length - 1, next))]?.focus();
  });
  const replace = () => {
    if (shown && box) place(shown, box);
  };
  window.addEventListener('scroll', replace, { capture: true, passive: true });
  window.addEventListener('resize', replace, { passive: true });
}

/** The module text Expressive Code adds to pages with code blocks. */
export const tooltipClientModule = `try{(${tooltipClient.toString()})()}catch(e){console.error('[podbook] tooltips:',e)}`;
