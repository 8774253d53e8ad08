/**
 * The plugins' CSS (Expressive Code scopes it under `.expressive-code` and puts it in Starlight's cascade layer).
 * Colours come from Starlight's theme variables, which switch with the light/dark theme; the fallbacks keep the
 * blocks readable where Starlight's variables are missing (the `<Code>` component outside Starlight pages).
 * Expressive Code resets every element inside a block (`all: revert`), so each element sets what it needs.
 * Class names must not contain `body`, `html` or `root`: Expressive Code's scoper takes a selector naming them for
 * a page-level one (`.x-body` would style <body>); styles.test.ts checks it.
 */
import type { ResolverContext } from '@astrojs/starlight/expressive-code';

export function podbookBlockStyles({ cssVar }: Pick<ResolverContext, 'cssVar'>): string {
  const accent = 'var(--sl-color-accent, #4a5ee0)';
  const accentHigh = 'var(--sl-color-accent-high, #1f2a6b)';
  const onAccent = 'var(--sl-color-black, #ffffff)';
  const textAccent = 'var(--sl-color-text-accent, #3347c6)';
  const badge = `
    display: inline-flex;
    align-items: center;
    justify-content: center;
    box-sizing: border-box;
    min-width: 1.6em;
    height: 1.6em;
    padding: 0 0.35em;
    border-radius: 999px;
    background: ${accentHigh};
    color: ${onAccent};
    font-family: ${cssVar('uiFontFamily')};
    font-size: 0.75em;
    font-style: normal;
    font-weight: 700;
    line-height: 1;
    text-decoration: none;
    user-select: none;
    -webkit-user-select: none;
  `;
  const targetScroll =
    'scroll-margin-top: calc(var(--sl-nav-height, 4rem) + var(--sl-mobile-toc-height, 0rem) + 1.5rem);';

  return `
    .pb-sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }

    /* Callout markers at the end of a line */
    .pb-callout-ref {
      ${badge}
      margin-inline-start: 1.5ch;
      vertical-align: 0.1em;
      cursor: pointer;
      /* A line wider than the block keeps its marker in view, at the right edge (over the line's end) */
      position: sticky;
      right: 0.5rem;
      z-index: 1;
      box-shadow: 0 0 0 3px ${cssVar('codeBackground')};
      ${targetScroll}
    }
    .pb-callout-ref:hover { background: ${accent}; color: var(--sl-color-white, #ffffff); }
    .pb-callout-ref:focus-visible, .pb-callout-back:focus-visible {
      outline: 2px solid ${textAccent};
      outline-offset: 2px;
    }
    .pb-callout-ref:target { outline: 2px solid ${textAccent}; outline-offset: 2px; }

    /* The callouts' list, inside the frame, under the code */
    .pb-callout-list {
      display: grid;
      gap: 0.35rem;
      margin: 0;
      padding: 0.6rem 1rem 0.75rem;
      list-style: none;
      border: ${cssVar('borderWidth')} solid ${cssVar('borderColor')};
      border-top-style: dashed;
      background: ${cssVar('codeBackground')};
      color: ${cssVar('codeForeground')};
      font-family: ${cssVar('uiFontFamily')};
      font-size: 0.875rem;
      line-height: 1.55;
    }
    pre + .pb-callout-list, pre + .pb-generated-note { border-top-width: 0; }
    .pb-callout {
      display: flex;
      align-items: baseline;
      gap: 0.6rem;
      margin: 0;
      padding: 0.1rem 0.25rem;
      border-radius: 0.25rem;
      ${targetScroll}
    }
    .pb-callout:target { background: var(--sl-color-accent-low, #dfe3ff); }
    .pb-callout-num { ${badge} flex: none; font-size: 0.75rem; }
    .pb-callout-text { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
    .pb-callout-text code {
      font-family: ${cssVar('codeFontFamily')};
      font-size: 0.9em;
      padding: 0 0.2em;
      border-radius: 0.2em;
      background: var(--sl-color-gray-6, rgba(127, 127, 127, 0.15));
    }
    .pb-callout-back {
      flex: none;
      color: ${textAccent};
      text-decoration: none;
      font-family: ${cssVar('uiFontFamily')};
      padding: 0 0.25rem;
      border-radius: 0.25rem;
    }
    .pb-callout-back:hover { text-decoration: underline; }

    /* A note under a generated block */
    .pb-generated-note {
      margin: 0;
      padding: 0.4rem 1rem;
      border: ${cssVar('borderWidth')} solid ${cssVar('borderColor')};
      border-top-style: dashed;
      background: ${cssVar('codeBackground')};
      color: var(--sl-color-gray-2, ${cssVar('codeForeground')});
      font-family: ${cssVar('uiFontFamily')};
      font-size: 0.8rem;
    }
    .pb-callout-list + .pb-generated-note { border-top-width: 0; }

    /* Tooltip triggers: manifest keys and wildcards */
    .pb-tip-trigger {
      cursor: help;
      border-radius: 0.2em;
      -webkit-tap-highlight-color: transparent;
    }
    .pb-tip-trigger:focus { outline: none; }
    .pb-tip-trigger:focus-visible { outline: 2px solid ${textAccent}; outline-offset: 1px; }
    .pb-key {
      text-decoration: underline dotted;
      text-decoration-thickness: 1px;
      text-underline-offset: 0.25em;
    }
    .pb-key:hover, .pb-key.pb-tip-open { text-decoration-style: solid; }
    /* The text keeps the code's colour (flatten-line.ts relies on it): the accent colour on this background is
       below 4.5:1 in the light theme. */
    .pb-wildcard {
      padding: 0 0.1em;
      background: color-mix(in srgb, ${accent} 18%, transparent);
      box-shadow: inset 0 0 0 1px color-mix(in srgb, ${accent} 65%, transparent);
      font-style: italic;
      font-weight: 600;
    }

    /* The descriptions (read by screen readers through aria-describedby) and the one tooltip box that shows them,
       placed in the viewport by tooltip-client.ts */
    .pb-tip-descriptions, .pb-tip[hidden], .pb-tip-keys[hidden] { display: none; }
    .pb-tip {
      display: block;
      position: fixed;
      top: 0;
      left: 0;
      z-index: 50;
      box-sizing: border-box;
      width: max-content;
      max-width: min(32rem, calc(100vw - 16px));
      margin: 0;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--sl-color-gray-4, #8b8f9a);
      border-radius: 0.4rem;
      background: var(--sl-color-gray-6, #23262f);
      color: var(--sl-color-white, #ffffff);
      box-shadow: var(--sl-shadow-md, 0 4px 12px rgba(0, 0, 0, 0.3));
      font-family: ${cssVar('uiFontFamily')};
      font-size: 0.8125rem;
      font-style: normal;
      font-weight: 400;
      line-height: 1.5;
      text-align: start;
      white-space: normal;
      overflow-wrap: anywhere;
      cursor: auto;
      user-select: none;
      -webkit-user-select: none;
    }
    /* A bridge over the gap, so that the pointer can move onto the tooltip (WCAG 1.4.13) */
    .pb-tip::before {
      content: '';
      position: absolute;
      left: 0;
      right: 0;
      top: -8px;
      height: 8px;
    }
    .pb-tip[data-placement='above']::before { top: auto; bottom: -8px; }
    .pb-tip-title {
      display: block;
      margin-bottom: 0.25rem;
      font-family: ${cssVar('codeFontFamily')};
      font-weight: 700;
    }
    .pb-tip-text { display: block; white-space: pre-line; }
    .pb-tip-keys {
      display: block;
      margin-top: 0.4rem;
      padding-top: 0.35rem;
      border-top: 1px solid var(--sl-color-gray-5, #545861);
      color: var(--sl-color-gray-2, #c0c2c7);
      font-size: 0.75rem;
    }

    /* A checked block far from the viewport is not styled, laid out or painted until it comes near (a long page
       has thousands of elements in its code); it keeps the height block-height.ts expects, then the one it had. It
       stays in the page for find-in-page, links to its callouts, Tab and screen readers (scroll-region-client.ts
       makes it a scroll region before it is rendered). */
    & > .frame[data-podbook] {
      content-visibility: auto;
      contain-intrinsic-size: auto var(--pb-block-height, 20rem);
    }
    @media print {
      & > .frame[data-podbook] { content-visibility: visible; }
    }
  `;
}
