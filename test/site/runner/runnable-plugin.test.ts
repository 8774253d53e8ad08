/**
 * The runnable plugin in the real Markdown pipeline (Sätteri, as Astro 7 runs it): a <podbook-runner> after every
 * checked transcript of `.md` and `.mdx` pages, holding that transcript's scenario; nothing on other blocks.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/check/extract/index.ts';
import { runnableMarkdownPlugin } from '../../../src/site/remark/runnable.ts';
import { pageScenarios } from '../../../src/site/runner/page-scenarios.ts';
import { escapeAttribute } from '../../../src/site/runner/runner-markup.ts';

const RUN_FIXTURES = join(import.meta.dirname, '../../check/run/fixtures');

function decode(attr: string): string {
  return attr
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('in a Markdown page', async () => {
  const path = join(RUN_FIXTURES, 'never-pull.md');
  const source = readFileSync(path, 'utf8');
  const { html } = await markdownToHtml(source, {
    mdastPlugins: [runnableMarkdownPlugin],
    fileURL: pathToFileURL(path),
  });
  const expected = [...pageScenarios(extractPage(source, 'never-pull.md')).values()];

  it('puts one runner after each checked transcript, numbered in page order', () => {
    const ids = [...html.matchAll(/<podbook-runner [^>]*data-id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(expected.map((_, i) => `t${i + 1}`));
    // each runner comes right after a console block
    for (const m of html.matchAll(/<podbook-runner /g)) {
      expect(html.slice(0, m.index).trimEnd()).toMatch(/<\/code><\/pre>$/);
    }
  });

  it('holds the transcript scenario as data, and a button hidden until the script defines the element', () => {
    const data = [...html.matchAll(/data-scenario="([^"]*)"/g)].map((m) => JSON.parse(decode(m[1]!)));
    expect(data).toEqual(expected);
    expect(html).toMatch(/<button type="button" class="podbook-runner__open" aria-expanded="false" hidden>/);
    expect(html).toContain('运行 / 编辑'); // fixtures live outside content/en: the original language
  });
});

describe('in an MDX page', () => {
  it('hands the runner over as a Fragment with set:html, inside tabs too', async () => {
    const path = join(import.meta.dirname, 'fixtures/sessions.mdx');
    const { code } = await mdxToJs(readFileSync(path, 'utf8'), {
      mdastPlugins: [runnableMarkdownPlugin],
      fileURL: pathToFileURL(path),
    });
    expect(code.match(/"set:html": "<podbook-runner /g)).toHaveLength(4);
  });
});

describe('pages without runnable transcripts', () => {
  it('get no plugin at all', () => {
    const doc = {
      fileURL: pathToFileURL('/nowhere/page.md'),
      sourceFormat: 'markdown',
      source: '# Title\n\n```yaml\nkind: Pod\n```\n',
    };
    expect(runnableMarkdownPlugin(doc)).toBeUndefined();
    expect(runnableMarkdownPlugin({ ...doc, fileURL: undefined, source: '```console\n$ ls\n```\n' })).toBeUndefined();
  });

  it('leave a console block without a release alone (nothing to run it against)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podbook-runnable-'));
    try {
      const path = join(dir, 'page.md');
      const source =
        '---\ntitle: No release\n---\n\n```console\n$ kubectl get pods\nNo resources found in default namespace.\n```\n';
      writeFileSync(path, source);
      const { html } = await markdownToHtml(source, {
        mdastPlugins: [runnableMarkdownPlugin],
        fileURL: pathToFileURL(path),
      });
      expect(html).toContain('kubectl get pods');
      expect(html).not.toContain('<podbook-runner');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('escapeAttribute', () => {
  it('keeps any text inside a double-quoted attribute', () => {
    expect(escapeAttribute(`a"b<c>&d'`)).toBe("a&quot;b&lt;c&gt;&amp;d'");
  });
});
