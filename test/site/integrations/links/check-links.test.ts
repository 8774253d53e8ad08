import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBuiltLinks, formatBrokenLinks } from '../../../../src/site/integrations/links/check-links.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A built site in a temporary folder: file path → content. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'podbook-links-'));
  dirs.push(dir);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head>${head}</head><body>\n${body}\n</body></html>`;

describe('checkBuiltLinks', () => {
  it('accepts links to pages, files and anchors that exist, and leaves other sites and schemes alone', () => {
    const dir = site({
      'index.html': '<!doctype html><meta http-equiv="refresh" content="0;url=/zh-cn/"><a href="/zh-cn/">go</a>',
      'zh-cn/index.html': page(
        '<a href="/zh-cn/guides/x/#%E9%87%8D%E5%90%AF">重启</a> <a href="guides/x/#top">x</a> <a href="#">top</a>' +
          '<a href="https://kubernetes.io/docs/">k8s</a> <a href="mailto:a@b.c">mail</a> <a href="/zh-cn/guides/x">no slash</a>',
        '<link rel="stylesheet" href="/_astro/a.css"><link rel="canonical" href="https://podbook.example/zh-cn/">',
      ),
      'zh-cn/guides/x/index.html': page('<h2 id="重启">重启</h2><a href="#重启">here</a> <a href="../../">up</a>'),
      '_astro/a.css': 'body{}',
      'manifest.webmanifest': JSON.stringify({ start_url: './', scope: './', icons: [{ src: 'icon.svg' }] }),
      'icon.svg': '<svg/>',
    });
    const result = checkBuiltLinks({ dir, base: '/', site: 'https://podbook.example' });
    expect(formatBrokenLinks(result.broken)).toBe('');
    expect(result.pages).toBe(3);
    expect(result.links).toBe(15);
  });

  it('reports each broken link with its file, line, where it was found and why', () => {
    const dir = site({
      'zh-cn/index.html': page(
        [
          '<a href="/zh-cn/missing/">a</a>',
          '<a href="/zh-cn/#no-such-id">b</a>',
          '<img src="/_astro/gone.png" alt="">',
          '<a href="https://podbook.example/en/">c</a>',
          '<a href="/zh-cn/%E0%A4%A">d</a>',
        ].join('\n'),
      ),
      'sitemap-0.xml': '<urlset>\n<url><loc>https://podbook.example/zh-cn/gone/</loc></url></urlset>',
      'manifest.webmanifest': '{\n  "start_url": "./",\n  "icons": [{ "src": "icons/none.png" }]\n}',
    });
    const { broken } = checkBuiltLinks({ dir, base: '/', site: 'https://podbook.example' });
    expect(broken.map((b) => [b.file, b.line, b.where, b.url])).toEqual([
      ['zh-cn/index.html', 2, 'a href', '/zh-cn/missing/'],
      ['zh-cn/index.html', 3, 'a href', '/zh-cn/#no-such-id'],
      ['zh-cn/index.html', 4, 'img src', '/_astro/gone.png'],
      ['zh-cn/index.html', 5, 'a href', 'https://podbook.example/en/'],
      ['zh-cn/index.html', 6, 'a href', '/zh-cn/%E0%A4%A'],
      ['sitemap-0.xml', 2, 'sitemap loc', 'https://podbook.example/zh-cn/gone/'],
      ['manifest.webmanifest', 2, 'manifest start_url', './'],
      ['manifest.webmanifest', 3, 'manifest icons', 'icons/none.png'],
    ]);
    expect(broken[1]?.reason).toBe('no element with id "no-such-id" on zh-cn/index.html');
    expect(broken[4]?.reason).toMatch(/percent-encoding/);
    expect(formatBrokenLinks(broken.slice(0, 1))).toBe(
      'zh-cn/index.html:2  a href "/zh-cn/missing/": no such page or file in the build (/zh-cn/missing/)',
    );
  });

  it('under a sub-path base, requires every internal link to carry the base', () => {
    const files = {
      'zh-cn/index.html': page('<a href="/podbook/zh-cn/guides/">ok</a>\n<a href="/zh-cn/guides/">no base</a>'),
      'zh-cn/guides/index.html': page('<a href="../">up</a> <link rel="icon" href="/podbook/favicon.svg">'),
      'favicon.svg': '<svg/>',
    };
    const { broken } = checkBuiltLinks({ dir: site(files), base: '/podbook', site: 'https://x.example/' });
    expect(broken.map((b) => [b.line, b.url])).toEqual([[3, '/zh-cn/guides/']]);
    expect(broken[0]?.reason).toMatch(/outside the site's base \/podbook\//);
  });

  it('on the 404 page, which is served at any address, rejects relative links but not its self-describing metadata', () => {
    const dir = site({
      '404.html': page(
        '<a href="/zh-cn/">home</a>\n<a href="zh-cn/">relative</a>\n<a href="#x">x</a><p id="x"></p>',
        '<link rel="canonical" href="https://podbook.example/404/"><link rel="alternate" hreflang="en" href="https://podbook.example/en/404/">',
      ),
      'zh-cn/index.html': page(''),
    });
    const { broken } = checkBuiltLinks({ dir, base: '/', site: 'https://podbook.example' });
    expect(broken.map((b) => b.url)).toEqual(['zh-cn/']);
    expect(broken[0]?.reason).toMatch(/relative link on the 404 page/);
  });

  it('reports a manifest that is not JSON instead of skipping it', () => {
    const { broken } = checkBuiltLinks({ dir: site({ 'manifest.webmanifest': '{ nope' }), base: '/' });
    expect(broken).toHaveLength(1);
    expect(broken[0]?.reason).toMatch(/not a valid web app manifest/);
  });
});
