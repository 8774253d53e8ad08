/**
 * The timeline plugin in the real Markdown pipeline (Sätteri, as Astro 7 runs it for `.md` and `.mdx`): each
 * ```timeline``` fence becomes the chart and its table; a broken block fails with file:line:col.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { afterAll, describe, expect, it } from 'vitest';
import { createTimelineMarkdownPlugin, pageLang } from '../../../src/site/remark/timeline.ts';
import { OPENAPI_DIR } from '../../manifest/schema/pack-fixture.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const plugin = createTimelineMarkdownPlugin({ packs: { openapiDir: OPENAPI_DIR, download: false } });

async function html(path: string, source = readFileSync(path, 'utf8')): Promise<string> {
  const result = await markdownToHtml(source, { mdastPlugins: [plugin], fileURL: pathToFileURL(path) });
  return result.html;
}

describe('in a Markdown page', async () => {
  const page = await html(join(FIXTURES, 'crash.md'));

  it('replaces each timeline fence with a figure, and leaves other blocks alone', () => {
    expect(page.match(/<figure class="podbook-timeline">/g)).toHaveLength(2);
    expect(page).not.toContain('language-timeline');
    expect(page).toContain('<code class="language-yaml">');
  });

  it('draws what the model does: the crash loop restarts, the deleted pod ends', () => {
    expect(page).toContain('<figcaption>crash: restartPolicy Always</figcaption>');
    expect(page).toMatch(/<desc id="podbook-timeline-L28-desc">[^<]*crash\/app 重启了 \d+ 次。/);
    expect(page).toContain('CrashLoopBackOff');
    expect(page).toMatch(/<desc id="podbook-timeline-L33-desc">[^<]*结束时 crash\/app 的状态是 已删除。/);
  });

  it('puts the stylesheet in once, and the table beside each chart', () => {
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page.match(/<details><summary>以表格查看时间线<\/summary>/g)).toHaveLength(2);
  });
});

describe('in an MDX page', () => {
  it('hands the chart over as a Fragment with set:html (MDX takes no raw HTML)', async () => {
    const path = join(FIXTURES, 'crash.mdx');
    const { code } = await mdxToJs(readFileSync(path, 'utf8'), {
      mdastPlugins: [plugin],
      fileURL: pathToFileURL(path),
    });
    expect(code.match(/"set:html": "<figure class=\\"podbook-timeline\\">/g)).toHaveLength(2);
  });
});

describe('a broken timeline block', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podbook-timeline-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const base = readFileSync(join(FIXTURES, 'crash.md'), 'utf8');

  async function failure(source: string): Promise<string> {
    const path = join(dir, 'page.md');
    writeFileSync(path, source);
    const error = await html(path, source).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error, 'the build must fail').toBeInstanceOf(Error);
    return (error as Error).message;
  }

  it('fails on a command that fails, at its line', async () => {
    const message = await failure(base.replace('kubectl delete pod crash', 'kubectl delete pod nothere'));
    expect(message).toMatch(/page\.md:35:1: error\[TIMELINE_COMMAND_FAILED\]: `kubectl delete pod nothere` fails/);
    expect(message).toContain('pods "nothere" not found');
  });

  it('fails on an unknown file and a bad duration, at the attribute', async () => {
    const message = await failure(base.replace('file=crash-pod.yaml until=6m', 'file=nope.yaml until=6x'));
    expect(message).toMatch(/page\.md:28:13: error\[TIMELINE_UNKNOWN_FILE\]/);
    expect(message).toMatch(/page\.md:28:28: error\[DURATION_INVALID\]/);
  });
});

describe('pageLang', () => {
  it('reads the language from the content folder', () => {
    expect(pageLang('content/en/labs/x.md')).toBe('en');
    expect(pageLang('/site/content/zh-cn/labs/x.md')).toBe('zh-cn');
    expect(pageLang('content\\en\\x.mdx')).toBe('en');
    expect(pageLang('content/zh-cn/en-route.md')).toBe('zh-cn');
  });
});
