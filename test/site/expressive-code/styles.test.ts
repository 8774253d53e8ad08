/**
 * The plugins' CSS as Expressive Code ships it: scoped to code blocks, never styling the page itself.
 */
import { describe, expect, it } from 'vitest';
import { engine } from './render.ts';

describe('the block styles', () => {
  it('stay inside .expressive-code (no rule for body, html or :root)', async () => {
    const css = await engine().getBaseStyles();
    const ours = css.slice(css.indexOf('.expressive-code .pb-sr-only'));
    expect(ours).toContain('.expressive-code .pb-tip-text{');
    const selectors = [...ours.matchAll(/(?:^|})([^{}@]+)\{/g)].map((m) => m[1]!.trim());
    const global = selectors.filter((s) => s.split(',').some((part) => !part.trim().startsWith('.expressive-code')));
    expect(global).toEqual([]);
  });
});
