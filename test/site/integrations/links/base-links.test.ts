import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { baseLinksPlugin, rawHtmlWithBase, withBase } from '../../../../src/site/integrations/links/base-links.ts';

describe('withBase', () => {
  it('prefixes site-absolute paths only', () => {
    expect(withBase('/zh-cn/guides/x/#a', '/podbook/')).toBe('/podbook/zh-cn/guides/x/#a');
    expect(withBase('/', '/podbook/')).toBe('/podbook/');
    expect(withBase('/podbook/zh-cn/', '/podbook/')).toBe('/podbook/zh-cn/');
    expect(withBase('/podbook', '/podbook/')).toBe('/podbook');
    expect(withBase('//cdn.example/x.js', '/podbook/')).toBe('//cdn.example/x.js');
    expect(withBase('../x/', '/podbook/')).toBe('../x/');
    expect(withBase('#x', '/podbook/')).toBe('#x');
    expect(withBase('https://k8s.io/', '/podbook/')).toBe('https://k8s.io/');
  });

  it('rewrites href and src attributes in raw HTML', () => {
    expect(rawHtmlWithBase(`<a href="/a/">a</a><img src='/i.png'><a href="//x/">x</a>`, '/p/')).toBe(
      `<a href="/p/a/">a</a><img src='/p/i.png'><a href="//x/">x</a>`,
    );
  });
});

describe('baseLinksPlugin in Sätteri', () => {
  const plugin = baseLinksPlugin('/podbook/');

  it('prefixes Markdown links, images and raw HTML', () => {
    const { html } = markdownToHtml(
      'See [x](/zh-cn/a/#b), ![i](/img.png), [rel](../c/) and <a href="/en/">raw</a>.\n\n<div><a href="/zh-cn/d/">d</a></div>\n',
      { hastPlugins: [plugin] },
    );
    expect(html).toContain('href="/podbook/zh-cn/a/#b"');
    expect(html).toContain('src="/podbook/img.png"');
    expect(html).toContain('href="../c/"');
    expect(html).toContain('href="/podbook/en/"');
    expect(html).toContain('href="/podbook/zh-cn/d/"');
  });

  it('prefixes links written as MDX elements', async () => {
    const { code } = await mdxToJs('[md](/zh-cn/a/) and <a href="/zh-cn/jsx/">jsx</a>\n', { hastPlugins: [plugin] });
    expect(code).toContain('"/podbook/zh-cn/a/"');
    expect(code).toContain('"/podbook/zh-cn/jsx/"');
    expect(code).not.toMatch(/"\/zh-cn\//);
  });
});
