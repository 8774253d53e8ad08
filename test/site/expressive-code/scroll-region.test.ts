/**
 * A checked block's <pre> says how many columns its widest line takes (scroll-region-client.ts predicts from it
 * whether the block scrolls before the browser renders it): wide characters count twice, markers add room.
 */
import { describe, expect, it } from 'vitest';
import { columnsOf } from '../../../src/site/expressive-code/scroll-region.ts';
import { engine, renderBlock, select, ZH_PAGE } from './render.ts';

const columnsOfBlock = async (code: string, language = 'console') => {
  const root = await renderBlock(engine(), { code, language, sourceFilePath: ZH_PAGE });
  return Number(select('pre', root)?.properties.dataPbColumns);
};

describe('columns', () => {
  it('count a character once, a wide (CJK, full-width) one twice', () => {
    expect(columnsOf('kubectl get pods')).toBe(16);
    expect(columnsOf('镜像拉取')).toBe(8);
    expect(columnsOf('Ｐｏｄ：ok')).toBe(10);
    expect(columnsOf('')).toBe(0);
  });

  it('of a block are those of its widest shown line, markers included', async () => {
    const plain = await columnsOfBlock('$ ls\n$ kubectl get pods -o wide\nNAME');
    expect(plain).toBe(columnsOf('$ kubectl get pods -o wide'));
    // The callout line is hidden; its marker goes on the line above, which gets wider.
    const marked = await columnsOfBlock('$ ls\n$ kubectl get pods -o wide\n#: 注释\nNAME');
    expect(marked).toBeGreaterThan(plain);
    // Directive lines are not shown, so they do not count.
    expect(await columnsOfBlock(`#@ at 1m\n$ ls`)).toBe(columnsOf('$ ls'));
  });
});
