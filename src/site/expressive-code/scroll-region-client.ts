/**
 * Expressive Code makes a block wider than the page a focusable region (`tabindex="0"`, `role="region"`) so that
 * the keyboard can scroll it, once it has measured the block. A block the browser skips rendering (styles.ts:
 * `content-visibility: auto`) is not measured until it comes near the viewport, so until then this gives it the
 * region Expressive Code would give it, predicted from its widest line (`data-pb-columns`, scroll-region.ts) and
 * its frame's width, which the browser knows without rendering the block. Once the block is rendered, Expressive
 * Code measures it and corrects the prediction (it adds or removes both attributes).
 *
 * Serialised with toString(): it must not use anything from this module's scope.
 */
export function scrollRegionClient(): void {
  /** Rendered at least once: Expressive Code has measured them. */
  const measured = new WeakSet<Element>();
  /** Frames whose rendering state is known (from the browser's event or a check). */
  const known = new WeakSet<Element>();
  let column = 0;
  let padding = 0;

  const measureFont = () => {
    const probe = document.createElement('span');
    probe.setAttribute('aria-hidden', 'true');
    probe.textContent = '0'.repeat(100);
    Object.assign(probe.style, {
      position: 'absolute',
      visibility: 'hidden',
      whiteSpace: 'pre',
      fontFamily: 'var(--ec-codeFontFml, monospace)',
      fontSize: 'var(--ec-codeFontSize, 0.85rem)',
      paddingLeft: 'var(--ec-codePadInl, 1rem)',
    });
    document.body.append(probe);
    padding = Number.parseFloat(getComputedStyle(probe).paddingLeft) || 16;
    column = (probe.getBoundingClientRect().width - padding) / 100;
    probe.remove();
  };

  const predict = (frame: HTMLElement) => {
    const pre = frame.querySelector<HTMLElement>('pre[data-pb-columns]');
    if (!pre || measured.has(frame)) return;
    if (!column) measureFont();
    const needed = Number(pre.dataset.pbColumns) * column + 2 * padding;
    // Two columns to spare: a block taken for wide by mistake is only an extra Tab stop until it is rendered.
    const wide = needed > frame.clientWidth - 2 * column;
    if (wide && !pre.hasAttribute('tabindex')) {
      pre.setAttribute('tabindex', '0');
      pre.setAttribute('role', 'region');
      pre.dataset.pbPredicted = '';
    } else if (!wide && pre.dataset.pbPredicted !== undefined) {
      pre.removeAttribute('tabindex');
      pre.removeAttribute('role');
      delete pre.dataset.pbPredicted;
    }
  };

  const skipped = (frame: HTMLElement) => {
    const pre = frame.querySelector('pre');
    return pre !== null && !pre.checkVisibility({ contentVisibilityAuto: true });
  };

  document.addEventListener(
    'contentvisibilityautostatechange',
    (event) => {
      const frame = event.target;
      if (!(frame instanceof HTMLElement) || !frame.matches('.expressive-code > .frame[data-podbook]')) return;
      known.add(frame);
      if ((event as ContentVisibilityAutoStateChangeEvent).skipped) predict(frame);
      else measured.add(frame);
    },
    true,
  );
  const frames = () => document.querySelectorAll<HTMLElement>('.expressive-code > .frame[data-podbook]');
  // Frames whose state the browser decided before this ran (their events came first): checked once the page
  // is idle, when asking for their size costs nothing.
  const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
  idle(() => {
    for (const frame of frames()) {
      if (known.has(frame)) continue;
      known.add(frame);
      if (skipped(frame)) predict(frame);
      else measured.add(frame);
    }
  });
  let pending = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      for (const frame of frames()) if (!measured.has(frame)) predict(frame);
    });
  });
}

export const scrollRegionClientModule = `try{(${scrollRegionClient.toString()})()}catch(e){console.error('[podbook] scroll regions:',e)}`;
