/**
 * Finding a code block in its page (the checker's reading of it), and the block's language.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bookLocale,
  getBookBlockLocale,
  localeOfPageFile,
  localeOfUrlPath,
} from '../../../src/site/expressive-code/locale.ts';
import { clearLocatedPages, locateBlock } from '../../../src/site/expressive-code/locate-block.ts';
import { EN_PAGE, ZH_PAGE } from './render.ts';

function page(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'podbook-locate-'));
  const file = join(dir, 'page.md');
  writeFileSync(file, body);
  return file;
}

describe('locateBlock', () => {
  it('finds a block by its language and text, with its fence line for an id', () => {
    const code = '$ kubectl get pods\nNo resources found in default namespace.\n#: 还没有 Pod';
    const first = locateBlock({ sourceFilePath: ZH_PAGE, code, language: 'console', meta: '' });
    const second = locateBlock({ sourceFilePath: ZH_PAGE, code, language: 'console', meta: '' });
    expect(first?.inPage).toBe(true);
    expect(first?.example.kind).toBe('transcript');
    // two identical blocks are handed out in page order
    expect([first?.id, second?.id].sort()).toEqual(['pb-L93', 'pb-L99']);
  });

  it('finds a block whose text has a final newline or tabs turned into spaces', () => {
    clearLocatedPages();
    const file = page('---\npodbook:\n  k8s: "1.30"\n---\n\n```console\n$ echo\ta\n#: x\n```\n');
    const found = locateBlock({ sourceFilePath: file, code: '$ echo  a\n#: x\n', language: 'console', meta: '' });
    expect(found?.inPage).toBe(true);
    expect(found?.id).toBe('pb-L6');
  });

  it('reads a block that is not in its page on its own, under the page’s frontmatter', () => {
    const found = locateBlock({
      sourceFilePath: ZH_PAGE,
      code: 'apiVersion: v1\nkind: Pod',
      language: 'yaml',
      meta: 'file=other.yaml',
    });
    expect(found?.inPage).toBe(false);
    expect(found?.example.kind).toBe('manifest');
    expect(found?.example.kind === 'manifest' && found.example.scenario.k8s).toBe('1.26');
    expect(found?.id).toMatch(/^pb-h[0-9a-z]+$/);
  });

  it('reads a block without a page (the <Code> component)', () => {
    const found = locateBlock({ code: '$ ls\nx\n#: a file', language: 'console', meta: '' });
    expect(found?.example.kind === 'transcript' && found.example.callouts.map((c) => c.text)).toEqual(['a file']);
  });

  it('reads a skipped block without running it', () => {
    const code = '$ kubectl proxy\n#@ on k8s-master1\nStarting to serve on 127.0.0.1:8001\n#: 代理已启动';
    const found = locateBlock({ sourceFilePath: ZH_PAGE, code, language: 'console', meta: 'check=skip reason="x"' });
    expect(found?.skipped).toBe(true);
    expect(found?.example.kind).toBe('transcript');
  });

  it('leaves blocks that are not checked to Expressive Code', () => {
    expect(locateBlock({ sourceFilePath: ZH_PAGE, code: 'echo hi', language: 'sh', meta: '' })).toBeUndefined();
    expect(locateBlock({ code: 'a: 1', language: 'yaml', meta: '' })).toBeUndefined();
    expect(locateBlock({ sourceFilePath: '/nowhere/page.md', code: 'x', language: 'text', meta: '' })).toBeUndefined();
  });
});

describe('the block locale', () => {
  it('comes from the content folder of the page file', () => {
    expect(localeOfPageFile(ZH_PAGE)).toBe('zh-CN');
    expect(localeOfPageFile(EN_PAGE)).toBe('en');
    expect(localeOfPageFile('/work/site/content/en/guides/x.md')).toBe('en');
    expect(localeOfPageFile('/work/site/src/pages/en/x.md')).toBeUndefined();
  });

  it('comes from the page URL for the <Code> component, else the original language', () => {
    const at = (path?: string, url?: string) =>
      getBookBlockLocale({
        input: { parentDocument: path ? { sourceFilePath: path } : undefined },
        file: url ? { url: new URL(url) } : {},
      });
    expect(at(EN_PAGE)).toBe('en');
    expect(at(undefined, 'https://podbook.example/base/en/guides/x/')).toBe('en');
    expect(at(undefined, 'https://podbook.example/zh-cn/guides/x/')).toBe('zh-CN');
    expect(at()).toBe('zh-CN');
    expect(localeOfUrlPath('/')).toBeUndefined();
    expect(bookLocale('en-US')).toBe('en');
    expect(bookLocale('zh-TW')).toBe('zh-CN');
  });
});
