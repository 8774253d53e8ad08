import { describe, expect, it } from 'vitest';
import { decodeEntities, scanHtml } from '../../../../src/site/integrations/links/scan-html.ts';

describe('scanHtml', () => {
  it('collects ids, <a name> anchors and the URLs of links, resources and redirects, with their lines', () => {
    const html = [
      '<!doctype html><html lang="en"><head>',
      '<meta http-equiv="refresh" content="0;url=/zh-cn/">',
      '<link rel="stylesheet" href="/_astro/a.css"><link rel="Canonical" href="https://x.example/en/">',
      '<script src="/_astro/b.js"></script></head><body>',
      '<h2 id="intro">Intro</h2><a name="old-anchor"></a>',
      '<a href="/en/guides/#intro">one</a> <img src="/i.png" srcset="/i-1x.png 1x, /i-2x.png 2x">',
      '<svg><use href="/sprite.svg#icon"></use></svg>',
      '</body></html>',
    ].join('\n');
    const { ids, refs } = scanHtml(html);
    expect([...ids].sort()).toEqual(['intro', 'old-anchor']);
    expect(refs.map((r) => [r.tag, r.attr, r.url, r.line])).toEqual([
      ['meta', 'refresh', '/zh-cn/', 2],
      ['link', 'href', '/_astro/a.css', 3],
      ['link', 'href', 'https://x.example/en/', 3],
      ['script', 'src', '/_astro/b.js', 4],
      ['a', 'href', '/en/guides/#intro', 6],
      ['img', 'src', '/i.png', 6],
      ['img', 'srcset', '/i-1x.png', 6],
      ['img', 'srcset', '/i-2x.png', 6],
      ['use', 'href', '/sprite.svg#icon', 7],
    ]);
    expect(refs[2]?.rel).toBe('canonical');
  });

  it('ignores markup inside comments, scripts, styles and textareas', () => {
    const html = [
      '<!-- <a href="/commented/">x</a> -->',
      '<script>const s = \'<a href="/in-script/">\'; if (a < b) {}</script>',
      '<style>a[href="/in-style/"] { color: red }</style>',
      '<textarea><a href="/in-textarea/"></a></textarea>',
      '<SCRIPT type="module">document.write("<img src=/x.png>")</SCRIPT>',
      '<a href="/real/">real</a>',
    ].join('\n');
    expect(scanHtml(html).refs.map((r) => r.url)).toEqual(['/real/']);
  });

  it('reads unquoted, single-quoted and valueless attributes, and decodes character references', () => {
    const { ids, refs } = scanHtml(
      `<a href=/a/?x=1&amp;y=2 hidden id='q&#39;s'>a</a><a data-x="a>b" href='/b/#%E6%97%B6&#x95f4;'>b</a>`,
    );
    expect(refs.map((r) => r.url)).toEqual(['/a/?x=1&y=2', '/b/#%E6%97%B6间']);
    expect([...ids]).toEqual(["q's"]);
  });

  it('does not loop or throw on broken markup', () => {
    for (const html of ['<a href="/x/', '<', '<a', '<!--', '<a =x href=/y/>', '< a href=/z/>', '<script>', '<a/ />']) {
      expect(() => scanHtml(html)).not.toThrow();
    }
    expect(scanHtml('<a =x href=/y/>').refs.map((r) => r.url)).toEqual(['/y/']);
  });
});

describe('decodeEntities', () => {
  it('decodes numeric and common named references and keeps unknown ones as written', () => {
    expect(decodeEntities('&lt;&#60;&#x3C;&amp;&quot;&nbsp;&bogus;&#0;')).toBe('<<<&"\u00a0&bogus;&#0;');
  });
});
