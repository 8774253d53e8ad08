/**
 * Each block holds each of its tooltip descriptions once, in a hidden list after its frame: its triggers name
 * them with aria-describedby (a manifest of two documents repeats its keys), and the frame says which keys the
 * tooltip box shows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  descriptionOf,
  descriptionParts,
  EN_PAGE,
  engine,
  type RenderedBlock,
  renderBlock,
  renderPage,
  select,
  selectAll,
  toText,
  ZH_PAGE,
} from './render.ts';

let zh: RenderedBlock[];
let en: RenderedBlock[];

beforeAll(async () => {
  [zh, en] = await Promise.all([renderPage(ZH_PAGE), renderPage(EN_PAGE)]);
});

const roots = (page: RenderedBlock[]) => page.map((b) => b.root);
const blockAt = (page: RenderedBlock[], fenceLine: number) => page.find((b) => b.example.fence.line === fenceLine)!;

describe('tooltip descriptions', () => {
  it('are each in their block once, and every trigger names exactly one in its own block', () => {
    const triggers = zh.flatMap((b) => selectAll('.pb-tip-trigger', b.root).map((t) => ({ t, root: b.root })));
    expect(triggers.length).toBeGreaterThan(20);
    for (const { t, root } of triggers) expect(descriptionOf(t, root)?.properties.role).toBe('tooltip');
    for (const { root } of zh) {
      const described = selectAll('.pb-tip-descriptions > [role="tooltip"]', root);
      const texts = described.map((d) => toText(d, { whitespace: 'pre' }));
      expect(new Set(texts).size).toBe(texts.length);
      // None is left over: each is some trigger's.
      const named = new Set(selectAll('.pb-tip-trigger', root).map((t) => String(t.properties.ariaDescribedBy)));
      expect(described.filter((d) => !named.has(String(d.properties.id)))).toEqual([]);
    }
    // Ids are the block's: no id repeats on the page.
    const ids = zh.flatMap((b) => selectAll('[id]', b.root).map((e) => String(e.properties.id)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('read as title and body, the same text the tooltip shows', () => {
    const first = blockAt(zh, 20);
    const trigger = select('.pb-key[data-field="spec.restartPolicy"]', first.root)!;
    const description = descriptionOf(trigger, roots(zh))!;
    const { title, body } = descriptionParts(description);
    expect(title).toBe('spec.restartPolicy <string>');
    expect(body.length).toBeGreaterThan(20);
    // What a screen reader gets: the title, a space, the body (the line break is white space).
    expect(toText(description)).toBe(`${title} ${body}`.replace(/\s+/g, ' ').trim());
  });

  it('sit after the frame, hidden and out of the search index', () => {
    for (const { root } of zh) {
      for (const list of selectAll('.pb-tip-descriptions', root)) {
        expect(list.properties.hidden).toBe(true);
        expect(list.properties.dataPagefindIgnore).toBe('');
        const frame = root.children.findIndex((c) => c.type === 'element' && c.tagName === 'figure');
        expect(frame).toBeGreaterThanOrEqual(0);
        expect(root.children.indexOf(list)).toBeGreaterThan(frame);
      }
      expect(selectAll('figure .pb-tip-descriptions', root)).toEqual([]);
    }
  });

  it('name one description for a key repeated in a block', async () => {
    const code =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b';
    const root = await renderBlock(engine(), { code, language: 'yaml', meta: 'file=a.yaml', sourceFilePath: ZH_PAGE });
    const triggers = selectAll('.pb-tip-trigger', root);
    expect(triggers.map((t) => t.properties.dataField)).toEqual([
      'apiVersion',
      'kind',
      'metadata',
      'metadata.name',
      'apiVersion',
      'kind',
      'metadata',
      'metadata.name',
    ]);
    for (const trigger of triggers) expect(descriptionOf(trigger, root)).toBeDefined();
    expect(triggers[4]?.properties.ariaDescribedBy).toEqual(triggers[0]?.properties.ariaDescribedBy);
    expect(selectAll('[role="tooltip"]', root)).toHaveLength(4);
  });

  it('come with the keyboard hint in the page language, on frames that have triggers only', () => {
    const hint = (page: RenderedBlock[], line: number) =>
      select('figure', blockAt(page, line).root)?.properties.dataPbTipKeys;
    expect(hint(zh, 20)).toBe('方向键：上一个 / 下一个 · Esc：关闭');
    expect(hint(en, en.find((b) => selectAll('.pb-tip-trigger', b.root).length > 0)!.example.fence.line)).toBe(
      'Arrow keys: previous / next · Esc: close',
    );
    const plain = zh.find((b) => b.example.kind === 'transcript' && selectAll('.pb-tip-trigger', b.root).length === 0);
    expect(plain).toBeDefined();
    expect(select('figure', plain!.root)?.properties.dataPbTipKeys).toBeUndefined();
  });
});
