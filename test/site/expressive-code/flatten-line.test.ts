/**
 * Rendered lines lose the spans that add nothing (a token in the code's own colour in every theme, the indentation
 * span of a block that does not wrap) and keep their text and everything else.
 */
import { type Element, h } from '@astrojs/starlight/expressive-code/hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { flattenLine } from '../../../src/site/expressive-code/flatten-line.ts';
import { engine, type RenderedBlock, renderPage, selectAll, toText, ZH_PAGE } from './render.ts';

const CODE = ['#d6deeb', '#403f53'];
const line = (...children: Element['children']): Element => h('div.ec-line', [h('div.code', children)]) as Element;
const flattened = (element: Element, wrap = false): string => {
  const copy = structuredClone(element);
  flattenLine(copy, { codeColors: CODE, wrap });
  return JSON.stringify(copy.children[0]);
};
const token = (style: string, text: string) => h('span', { style }, text);

describe('flattenLine', () => {
  it('replaces a token in the code colour of every theme by its text, whatever the case of the colours', () => {
    const before = line(token('--0:#D6DEEB;--1:#403F53', 'pod/nginx-5 created'), token('--0:#d6deeb;--1:#403f53', '!'));
    expect(flattened(before)).toBe(JSON.stringify(h('div.code', ['pod/nginx-5 created', '!'])));
  });

  it('keeps tokens of another colour, with a font style, or in the code colour of one theme only', () => {
    for (const style of [
      '--0:#7FDBCA;--1:#111111',
      '--0:#D6DEEB;--1:#403F53;--0fs:italic',
      '--0:#D6DEEB;--1:#111111',
      '--0:#D6DEEB',
    ]) {
      const before = line(token(style, 'kind'));
      expect(flattened(before)).toBe(JSON.stringify(before.children[0]));
    }
  });

  it('unwraps indentation only in blocks that do not wrap', () => {
    const before = line(
      h('span.indent', [token('--0:#D6DEEB;--1:#403F53', '    ')]),
      token('--0:#7FDBCA;--1:#111111', 'name'),
    );
    expect(flattened(before)).toBe(JSON.stringify(h('div.code', ['    ', token('--0:#7FDBCA;--1:#111111', 'name')])));
    expect(flattened(before, true)).toBe(
      JSON.stringify(h('div.code', [h('span.indent', ['    ']), token('--0:#7FDBCA;--1:#111111', 'name')])),
    );
  });

  it('keeps our own elements and flattens inside them', () => {
    const trigger = h('span.pb-tip-trigger.pb-wildcard', { tabindex: '0' }, [token('--0:#d6deeb;--1:#403f53', '[IP]')]);
    const marker = h('a.pb-callout-ref', { href: '#x' }, '1');
    const out = structuredClone(line(trigger, marker));
    flattenLine(out, { codeColors: CODE, wrap: false });
    const code = out.children[0] as Element;
    expect(
      code.children.map((c) => (c.type === 'element' ? [c.properties.className].flat().join('.') : c.type)),
    ).toEqual(['pb-tip-trigger.pb-wildcard', 'pb-callout-ref']);
    expect(toText(code)).toBe('[IP]1');
    expect((code.children[0] as Element).children).toEqual([{ type: 'text', value: '[IP]' }]);
  });

  it('keeps a token in the code colour inside an element that may set a colour of its own', () => {
    const before = line(
      h('mark', [token('--0:#D6DEEB;--1:#403F53', 'x')]),
      h('span.other', [token('--0:#D6DEEB;--1:#403F53', 'y')]),
    );
    expect(flattened(before)).toBe(JSON.stringify(before.children[0]));
  });

  it('leaves everything when the code colours are unknown', () => {
    const before = line(token('--0:#D6DEEB;--1:#403F53', 'x'));
    const copy = structuredClone(before);
    flattenLine(copy, { codeColors: [], wrap: false });
    expect(copy).toEqual(before);
  });
});

describe('rendered blocks', () => {
  let zh: RenderedBlock[];
  beforeAll(async () => {
    zh = await renderPage(ZH_PAGE);
  });

  it('have no token left in the code colour of the themes, and no indentation span', () => {
    const colors = engine().styleVariants.map((v) =>
      String(v.resolvedStyleSettings.get('codeForeground')).toLowerCase(),
    );
    expect(colors.length).toBeGreaterThan(1);
    const inCodeColor = `${colors.map((c, i) => `--${i}:${c}`).join(';')}`;
    // Checked blocks only: a block the book does not check is left as Expressive Code renders it.
    const checked = zh.filter((b) => selectAll('figure[data-podbook]', b.root).length > 0);
    expect(checked.length).toBeLessThan(zh.length);
    const spans = checked.flatMap((b) => selectAll('.ec-line span', b.root));
    expect(spans.length).toBeGreaterThan(0);
    expect(spans.filter((s) => String(s.properties.style ?? '').toLowerCase() === inCodeColor)).toEqual([]);
    expect(checked.flatMap((b) => selectAll('.ec-line span.indent', b.root))).toEqual([]);
  });
});
