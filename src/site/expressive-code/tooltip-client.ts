/**
 * The tooltips' browser side, shipped as an Expressive Code JS module (one per page). Without it the tooltips
 * still open on hover and focus (CSS only); with it:
 * - each code block is one Tab stop: the arrow keys (and Home/End) move between the block's tooltip triggers
 *   (a roving tabindex), so a manifest's twenty keys do not take twenty Tab presses to get past;
 * - the open tooltip is placed in the viewport (position: fixed), so the code's scroll box does not clip it,
 *   and flips above the line when there is no room below;
 * - Escape closes it without moving focus (WCAG 1.4.13), and a tap focuses the trigger on touch screens.
 *
 * The function below is serialised with toString(): it must not use anything from this module's scope.
 */
export function tooltipClient(): void {
  const TRIGGER = '.pb-tip-trigger';
  const MARGIN = 8;
  const GAP = 6;

  const groupOf = (trigger: Element): HTMLElement[] => {
    const block = trigger.closest('pre') ?? trigger.parentElement;
    return block ? Array.from(block.querySelectorAll<HTMLElement>(TRIGGER)) : [];
  };

  const rove = (root: ParentNode) => {
    root.querySelectorAll('pre').forEach((pre) => {
      const triggers = Array.from(pre.querySelectorAll<HTMLElement>(TRIGGER));
      if (triggers.length === 0 || pre.dataset.pbRoving) return;
      pre.dataset.pbRoving = 'true';
      triggers.forEach((t, i) => {
        t.tabIndex = i === 0 ? 0 : -1;
      });
    });
  };

  const place = (trigger: HTMLElement) => {
    const tip = trigger.querySelector<HTMLElement>('.pb-tip');
    if (!tip) return;
    tip.style.position = 'fixed';
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

  const open = (trigger: HTMLElement) => {
    document.querySelectorAll(`${TRIGGER}.pb-tip-open`).forEach((other) => {
      if (other !== trigger) other.classList.remove('pb-tip-open');
    });
    trigger.classList.remove('pb-tip-dismissed');
    trigger.classList.add('pb-tip-open');
    place(trigger);
  };

  const close = (trigger: HTMLElement) => {
    if (trigger === document.activeElement || trigger.matches(':hover')) return;
    trigger.classList.remove('pb-tip-open');
  };

  const triggerOf = (target: EventTarget | null): HTMLElement | null =>
    target instanceof Element ? target.closest<HTMLElement>(TRIGGER) : null;

  document.addEventListener('focusin', (event) => {
    const trigger = triggerOf(event.target);
    if (!trigger) return;
    for (const t of groupOf(trigger)) t.tabIndex = t === trigger ? 0 : -1;
    open(trigger);
  });
  document.addEventListener('focusout', (event) => {
    const trigger = triggerOf(event.target);
    if (trigger) setTimeout(() => close(trigger), 0);
  });
  document.addEventListener('pointerover', (event) => {
    const trigger = triggerOf(event.target);
    if (trigger && !trigger.classList.contains('pb-tip-open')) open(trigger);
  });
  document.addEventListener('pointerout', (event) => {
    const trigger = triggerOf(event.target);
    if (!trigger || trigger.contains(event.relatedTarget as Node | null)) return;
    setTimeout(() => close(trigger), 0);
  });
  document.addEventListener('click', (event) => {
    const trigger = triggerOf(event.target);
    if (trigger && document.activeElement !== trigger) trigger.focus();
  });
  document.addEventListener('keydown', (event) => {
    const trigger = triggerOf(event.target);
    if (!trigger) return;
    if (event.key === 'Escape') {
      trigger.classList.add('pb-tip-dismissed');
      trigger.classList.remove('pb-tip-open');
      event.preventDefault();
      return;
    }
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
    document.querySelectorAll<HTMLElement>(`${TRIGGER}.pb-tip-open`).forEach(place);
  };
  window.addEventListener('scroll', replace, { capture: true, passive: true });
  window.addEventListener('resize', replace, { passive: true });

  rove(document);
  new MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach((node) => {
        if (node instanceof Element) rove(node);
      });
    }
  }).observe(document.body, { childList: true, subtree: true });
  document.addEventListener('astro:page-load', () => rove(document));
}

/** The module text Expressive Code adds to pages with code blocks. */
export const tooltipClientModule = `try{(${tooltipClient.toString()})()}catch(e){console.error('[podbook] tooltips:',e)}`;
