/**
 * The browser side of region-label.ts, shipped as an Expressive Code JS module: a block's `<pre>` gets its
 * `data-pb-label` as `aria-label` while Expressive Code has made it a region, with " (2)", " (3)" added when the
 * page already has a region of that name. Serialised with toString(): it must not use this module's scope.
 */
export function regionLabelClient(): void {
  const label = () => {
    const used = new Map<string, number>();
    document.querySelectorAll<HTMLElement>('pre[data-pb-label]').forEach((pre) => {
      if (pre.getAttribute('role') !== 'region') {
        pre.removeAttribute('aria-label');
        return;
      }
      const name = pre.dataset.pbLabel ?? '';
      const count = (used.get(name) ?? 0) + 1;
      used.set(name, count);
      pre.setAttribute('aria-label', count === 1 ? name : `${name} (${count})`);
    });
  };
  let pending = 0;
  const later = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(label);
  };
  new MutationObserver(later).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['role'],
  });
  document.addEventListener('astro:page-load', later);
  later();
}

export const regionLabelClientModule = `try{(${regionLabelClient.toString()})()}catch(e){console.error('[podbook] region labels:',e)}`;
