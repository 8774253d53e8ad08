/**
 * ec.config.mjs as Starlight loads it, and the tooltips' browser module (its behaviour is exercised in a browser
 * by the site's screenshots; here: that it is plain JavaScript once serialised).
 */
import { ExpressiveCode, pluginFramesTexts } from '@astrojs/starlight/expressive-code';
import { describe, expect, it } from 'vitest';
import { pluginEnglishFrameTexts } from '../../../src/site/expressive-code/index.ts';
import { regionLabelClientModule } from '../../../src/site/expressive-code/region-label-client.ts';
import { scrollRegionClientModule } from '../../../src/site/expressive-code/scroll-region-client.ts';
import { tooltipClientModule } from '../../../src/site/expressive-code/tooltip-client.ts';
import { renderBlock, renderPage, select, ZH_PAGE } from './render.ts';

describe('ec.config.mjs', () => {
  it('adds the plugin, decides the block locale, and copies terminal comment lines', async () => {
    const config = (await import('../../../ec.config.mjs')).default;
    expect(config.plugins?.flat().map((p: { name: string }) => p.name)).toContain('Podbook checked blocks');
    expect(config.frames).toMatchObject({ removeCommentsWhenCopyingTerminalFrames: false });
    const locale = config.getBlockLocale?.({
      input: { parentDocument: { sourceFilePath: '/site/content/en/guides/x.md' } },
      file: { path: '/site/content/en/guides/x.md' },
    } as never);
    expect(locale).toBe('en');
  });
});

describe('the browser modules', () => {
  it('are JavaScript a browser can parse (no TypeScript left)', () => {
    for (const module of [tooltipClientModule, regionLabelClientModule, scrollRegionClientModule]) {
      expect(() => new Function(module)).not.toThrow();
      expect(module).not.toMatch(/: HTMLElement|<HTMLElement>|as Node|: void/);
    }
  });
});

describe('region names', () => {
  it('name each checked block by what it is, in the page language', async () => {
    const labels = (await renderPage(ZH_PAGE)).map((b) => select('pre', b.root)?.properties.dataPbLabel);
    expect(labels).toEqual([
      '清单 nginx-pod.yaml',
      '终端：kubectl apply -f nginx-pod.yaml',
      '清单 bad-pod.yaml',
      'bad-pod.yaml 的错误',
      'kubectl explain pod.spec.containers.imagePullPolicy',
      '终端：kubectl proxy',
      '终端：kubectl get pods',
      '终端：kubectl get pods',
      undefined,
    ]);
  });
});

describe('the frames texts on English pages', () => {
  it('are English even after Starlight filled them in with the Chinese fallback', async () => {
    // What Starlight's addTranslations does for `en` when zh-CN is the default locale
    const chinese = { copyButtonTooltip: '复制到剪贴板', terminalWindowFallbackTitle: '终端窗口' };
    pluginFramesTexts.overrideTexts('zh-CN', chinese);
    pluginFramesTexts.overrideTexts('en', chinese);
    const ec = new ExpressiveCode({ plugins: [pluginEnglishFrameTexts()] });
    const root = await renderBlock(ec, { code: '$ ls', language: 'console', locale: 'en' });
    expect(select('.copy button', root)?.properties.title).toBe('Copy to clipboard');
    expect(select('figcaption .sr-only', root)?.children).toEqual([{ type: 'text', value: 'Terminal window' }]);
    const zh = await renderBlock(ec, { code: '$ ls', language: 'console', locale: 'zh-CN' });
    expect(select('.copy button', zh)?.properties.title).toBe('复制到剪贴板');
  });
});
