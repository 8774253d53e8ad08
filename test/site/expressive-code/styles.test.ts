/**
 * The plugins' CSS as Expressive Code ships it: scoped to code blocks, never styling the page itself.
 */
import { describe, expect, it } from 'vitest';
import { engine } from './render.ts';

const ours = async () => {
  const css = await engine().getBaseStyles();
  return css.slice(css.indexOf('.expressive-code .pb-sr-only'));
};

describe('the block styles', () => {
  it('stay inside .expressive-code (no rule for body, html or :root)', async () => {
    const css = await ours();
    expect(css).toContain('.expressive-code .pb-tip-text{');
    const selectors = [...css.matchAll(/(?:^|})([^{}@]+)\{/g)].map((m) => m[1]!.trim());
    const global = selectors.filter((s) => s.split(',').some((part) => !part.trim().startsWith('.expressive-code')));
    expect(global).toEqual([]);
  });

  it('let the browser skip rendering a checked block far from the viewport, in its reserved height, never in print', async () => {
    const css = await ours();
    const rule = /\.expressive-code>\.frame\[data-podbook\]\{([^}]*)\}/.exec(css.replace(/\s*>\s*/g, '>'));
    expect(rule?.[1]).toContain('content-visibility:auto');
    expect(rule?.[1]).toContain('contain-intrinsic-size:auto var(--pb-block-height');
    expect(css.replace(/\s*>\s*/g, '>')).toMatch(
      /@media print\{\.expressive-code>\.frame\[data-podbook\]\{content-visibility:visible\}/,
    );
  });
});
