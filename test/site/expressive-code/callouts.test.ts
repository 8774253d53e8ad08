/**
 * Transcripts, explain and errors blocks as readers see them: `#@` and `#:` lines gone, callouts as numbered
 * markers on the line they annotate and listed under the code, escapes removed, the copy button copying what
 * is shown. The expected lines are written out by hand from the fixture pages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  copiedText,
  EN_PAGE,
  markersByLine,
  type RenderedBlock,
  renderPage,
  SEED_PAGE,
  select,
  selectAll,
  toText,
  visibleLines,
  ZH_PAGE,
} from './render.ts';

let zh: RenderedBlock[];
let en: RenderedBlock[];
let seed: RenderedBlock[];

beforeAll(async () => {
  [zh, en, seed] = await Promise.all([renderPage(ZH_PAGE), renderPage(EN_PAGE), renderPage(SEED_PAGE)]);
});

const blockAt = (blocks: RenderedBlock[], fenceLine: number): RenderedBlock => {
  const found = blocks.find((b) => b.example.fence.line === fenceLine);
  if (!found) throw new Error(`no block at line ${fenceLine}`);
  return found;
};

describe('a transcript', () => {
  const transcript = () => blockAt(zh, 37);

  it('shows its commands and output, without directive and callout lines, escapes removed', () => {
    expect(visibleLines(transcript().root)).toEqual([
      '[root@k8s-master1 ~]# kubectl apply -f nginx-pod.yaml',
      'pod/nginx-5 created',
      '[root@k8s-master1 ~]# kubectl get pods -o wide',
      'NAME      READY   STATUS              RESTARTS   AGE     IP[..]',
      'nginx-5   0/1     ErrImageNeverPull   0          [AGE]   [IP][..]',
      '...',
      '#: not a callout',
      '$ HOME is unset',
      '...',
      'see [..] above [UID] [HASH] [TIME]',
    ]);
  });

  it('puts numbered markers at the end of the annotated lines (the command itself included)', () => {
    expect(markersByLine(transcript().root)).toEqual([[], [1], [2], [], [], [], [], [], [], [3]]);
  });

  it('lists the callouts under the code, in the frame, with their lines and inline code', () => {
    const { root } = transcript();
    const list = select('figure > pre + ol.pb-callout-list', root);
    expect(list).toBeDefined();
    const items = selectAll('li.pb-callout', root);
    expect(items.map((li) => toText(select('.pb-callout-text', li) ?? li))).toEqual([
      '创建成功\n第二行用 kubectl get 查看',
      '命令本身的注释',
      '转义的行照原样显示',
    ]);
    expect(selectAll('.pb-callout-text br', items[0]!)).toHaveLength(1);
    expect(toText(select('.pb-callout-text code', items[0]!)!)).toBe('kubectl get');
  });

  it('links each marker to its list item and back, with names in the page language', () => {
    const { root } = transcript();
    const list = select('ol.pb-callout-list', root)!;
    expect(list.properties.role).toBe('list');
    expect(list.properties.ariaLabel).toBe('注释');
    for (const [i, marker] of selectAll('a.pb-callout-ref', root).entries()) {
      const n = i + 1;
      expect(marker.properties.ariaLabel).toBe(`注释 ${n}`);
      const item = select(`li#${String(marker.properties.href).slice(1)}`, root);
      expect(item, `marker ${n} links to a list item`).toBeDefined();
      expect(toText(select('.pb-callout-num', item!)!)).toBe(`注释 ${n}`);
      const back = select('a.pb-callout-back', item!)!;
      expect(back.properties.href).toBe(`#${marker.properties.id}`);
      expect(back.properties.ariaLabel).toBe(`回到代码中的注释 ${n}`);
    }
  });

  it('copies exactly the visible lines', () => {
    const { root } = transcript();
    expect(copiedText(root)).toBe(visibleLines(root).join('\n'));
    expect(copiedText(root)).not.toMatch(/#@|创建成功/);
  });

  it('reads English on an English page', () => {
    const block = blockAt(en, 7);
    expect(select('a.pb-callout-ref', block.root)?.properties.ariaLabel).toBe('callout 1');
    expect(select('ol.pb-callout-list', block.root)?.properties.ariaLabel).toBe('Callouts');
    expect(toText(select('.pb-callout-num', block.root)!)).toBe('Callout 1');
    expect(markersByLine(block.root)).toEqual([[], [], [1]]);
  });
});

describe('explain and errors blocks', () => {
  it('the seed explain block: markers on FIELD and on the second DESCRIPTION line', () => {
    const block = blockAt(seed, 23);
    const lines = visibleLines(block.root);
    const marked = markersByLine(block.root).flatMap((m, i) => m.map((n) => [n, lines[i]]));
    expect(marked).toEqual([
      [1, 'FIELD:    imagePullPolicy <string>'],
      [2, '     if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated.'],
    ]);
    expect(lines.some((l) => l.startsWith('#:'))).toBe(false);
  });

  it('an errors block keeps its wildcard and gets its callout', () => {
    const block = blockAt(zh, 70);
    expect(visibleLines(block.root)).toEqual([
      'Error from server (BadRequest): error when creating "bad-pod.yaml": Pod in version "v1" cannot be handled as a Pod: [..]',
    ]);
    expect(markersByLine(block.root)).toEqual([[1]]);
  });
});

describe('other blocks', () => {
  it('a skipped transcript still loses its directive and shows its callout', () => {
    const block = blockAt(zh, 84);
    expect(visibleLines(block.root)).toEqual(['$ kubectl proxy', 'Starting to serve on 127.0.0.1:8001']);
    expect(markersByLine(block.root)).toEqual([[], [1]]);
  });

  it('identical blocks get ids of their own, and no id repeats on the page', () => {
    const first = blockAt(zh, 93);
    const second = blockAt(zh, 99);
    expect(select('.pb-callout-ref', first.root)?.properties.id).not.toBe(
      select('.pb-callout-ref', second.root)?.properties.id,
    );
    const ids = zh.flatMap((b) => [...b.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a block that is not checked is left as written', () => {
    const block = blockAt(zh, 107);
    expect(visibleLines(block.root)).toEqual(['#: this is a shell comment, not a callout', 'echo hi']);
    expect(block.html).not.toContain('pb-');
  });
});
