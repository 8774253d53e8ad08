/**
 * The height a checked block's frame reserves while the browser skips rendering it (content-visibility): it grows
 * with what the block shows (code lines, a title bar, callouts and how long they are), and only checked blocks
 * carry it. (Its constants were measured in Chromium on the built site; see block-height.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { blockHeightEstimate } from '../../../src/site/expressive-code/block-height.ts';
import { engine, type RenderedBlock, renderBlock, renderPage, select, ZH_PAGE } from './render.ts';

const frameOf = async (code: string, language = 'console', meta = '') =>
  select('figure', await renderBlock(engine(), { code, language, meta, sourceFilePath: ZH_PAGE }))!;
const reserved = (frame: { properties: Record<string, unknown> }) =>
  /--pb-block-height:([\d.]+)rem/.exec(String(frame.properties.style ?? ''))?.[1];

describe('the reserved height', () => {
  let zh: RenderedBlock[];
  beforeAll(async () => {
    zh = await renderPage(ZH_PAGE);
  });

  it('is on every checked frame, as the estimate of that frame', () => {
    const frames = zh.map((b) => select('figure[data-podbook]', b.root)).filter((f) => f !== undefined);
    expect(frames.length).toBeGreaterThan(5);
    for (const frame of frames) expect(Number(reserved(frame))).toBe(blockHeightEstimate(frame));
  });

  it('is not on a block the book does not check', async () => {
    const frame = await frameOf('echo hi', 'sh');
    expect(frame.properties.style).toBeUndefined();
  });

  it('grows with the code lines, the title bar and the callouts', async () => {
    const one = blockHeightEstimate(await frameOf('$ kubectl get pods'));
    const three = blockHeightEstimate(await frameOf('$ kubectl get pods\nNAME\nnginx'));
    expect(three).toBeGreaterThan(one);
    const untitled = blockHeightEstimate(await frameOf('kind: Pod', 'yaml'));
    const titled = blockHeightEstimate(await frameOf('kind: Pod', 'yaml', 'title="x.yaml"'));
    expect(titled).toBeGreaterThan(untitled);
    const short = blockHeightEstimate(await frameOf('$ kubectl get pods\n#: 短'));
    const long = blockHeightEstimate(await frameOf(`$ kubectl get pods\n#: ${'很长的注释'.repeat(20)}`));
    const two = blockHeightEstimate(await frameOf('$ kubectl get pods\n#: 短\n$ ls\n#: 短'));
    expect(short).toBeGreaterThan(one);
    expect(long).toBeGreaterThan(short);
    expect(two).toBeGreaterThan(short);
  });
});
