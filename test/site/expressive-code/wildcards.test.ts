/**
 * Wildcards in expected output are marked and explain themselves on hover and focus; escaped ones are plain
 * text. The fixture's transcript (content/zh-cn/guides/blocks.md, line 37) holds each kind once or more.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  descriptionOf,
  descriptionParts,
  EN_PAGE,
  type RenderedBlock,
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

const transcript = () => zh.find((b) => b.example.fence.line === 37)!;

describe('wildcards', () => {
  it('mark every wildcard of the expected output, in order, and nothing else', () => {
    const marked = selectAll('.pb-wildcard', transcript().root).map((w) => [
      w.properties.dataWildcard,
      toText(w.children[0]!),
    ]);
    expect(marked).toEqual([
      ['any', '[..]'],
      ['AGE', '[AGE]'],
      ['IP', '[IP]'],
      ['any', '[..]'],
      ['lines', '...'],
      // `\...` and `see \[..] above` are literal text: not marked
      ['UID', '[UID]'],
      ['HASH', '[HASH]'],
      ['TIME', '[TIME]'],
    ]);
  });

  it('are focusable and described by a tooltip on the page, in the page language', () => {
    const page = zh.map((b) => b.root);
    for (const trigger of selectAll('.pb-wildcard', transcript().root)) {
      expect(trigger.properties.tabIndex).toBe(0);
      expect(descriptionOf(trigger, page)?.properties.role).toBe('tooltip');
    }
    const ip = select('.pb-wildcard[data-wildcard="IP"]', transcript().root)!;
    expect(descriptionParts(descriptionOf(ip, page)!)).toEqual({
      title: '通配符 [IP]',
      body: '任意 IP 地址（IPv4 或 IPv6）',
    });
    const enIp = select('.pb-wildcard[data-wildcard="IP"]', en[0]!.root)!;
    const enTip = descriptionOf(
      enIp,
      en.map((b) => b.root),
    )!;
    expect(toText(enTip)).toMatch(/^Wildcard \[IP\] any IP address/);
  });

  it('keep tooltips out of the search index, out of sight until shown, and out of the copied text', () => {
    const { root } = transcript();
    const lists = selectAll('.pb-tip-descriptions', root);
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) {
      expect(list.properties.dataPagefindIgnore).toBe('');
      expect(list.properties.hidden).toBe(true);
    }
    const copied = String(select('.copy button', root)?.properties.dataCode);
    expect(copied).not.toMatch(/通配符|任意/);
  });

  it('are left alone in commands', () => {
    const echo = en.find((b) => b.example.fence.line === 18)!;
    const [command, output] = selectAll('.ec-line', echo.root);
    expect(toText(command!)).toBe('$ echo "[IP] [..]"');
    expect(selectAll('.pb-wildcard', command!)).toEqual([]);
    expect(selectAll('.pb-wildcard', output!).map((w) => w.properties.dataWildcard)).toEqual(['IP', 'any']);
  });
});
