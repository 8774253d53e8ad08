/**
 * `text explain generate` blocks print what kubectl prints. The oracles are explain outputs pasted into the
 * checker's fixture pages: the seed's 1.26 session (never-pull.md) and a kubectl 1.35 session (explain.md).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  copiedText,
  EN_PAGE,
  EXPLAIN_PAGE,
  engine,
  renderBlock,
  renderPage,
  SEED_PAGE,
  select,
  toText,
  visibleLines,
  ZH_PAGE,
} from './render.ts';

/** The output lines of the pasted explain block whose command line is `prompt` (callout lines left out). */
function pastedOutput(page: string, prompt: string): string[] {
  const lines = readFileSync(page, 'utf8').split('\n');
  const start = lines.indexOf(prompt);
  if (start < 0) throw new Error(`no line ${prompt} in ${page}`);
  const end = lines.indexOf('```', start);
  return lines.slice(start + 1, end).filter((l) => !l.startsWith('#:'));
}

describe('generated explain blocks', () => {
  it('print the seed session’s kubectl 1.26 output under the command', async () => {
    const block = (await renderPage(ZH_PAGE)).find((b) => b.example.fence.line === 77)!;
    const seed = pastedOutput(SEED_PAGE, '[root@k8s-master1 ~]# kubectl explain pod.spec.containers.imagePullPolicy');
    expect(visibleLines(block.root)).toEqual([
      '[root@k8s-master1 ~]# kubectl explain pod.spec.containers.imagePullPolicy',
      ...seed,
    ]);
    expect(copiedText(block.root)).toBe(visibleLines(block.root).join('\n'));
    expect(toText(select('.pb-generated-note', block.root)!)).toBe(
      '以上输出由 Kubernetes 1.26 的 OpenAPI schema 生成。',
    );
    // the callout on the command stays on the command
    expect(select('.ec-line .pb-callout-ref', block.root)?.properties.dataCallout).toBe('1');
  });

  it('follow k8s= on the fence (kubectl 1.35’s layout, on an English page)', async () => {
    const block = (await renderPage(EN_PAGE)).find((b) => b.example.fence.line === 14)!;
    const pasted = pastedOutput(EXPLAIN_PAGE, '$ kubectl explain pod.spec.restartPolicy');
    const shown = visibleLines(block.root);
    expect(shown[0]).toBe('$ kubectl explain pod.spec.restartPolicy');
    // the pasted block is compared without trailing blanks: so are these lines
    expect(shown.slice(1).map((l) => l.trimEnd())).toEqual(pasted.map((l) => l.trimEnd()));
    expect(toText(select('.pb-generated-note', block.root)!)).toBe(
      'Output generated from the OpenAPI schema of Kubernetes 1.35.',
    );
  });

  it('tell apart blocks with the same command and different releases', async () => {
    const blocks = await renderPage(EN_PAGE);
    const notes = blocks
      .filter((b) => b.example.kind === 'explain')
      .map((b) => [b.example.fence.line, toText(select('.pb-generated-note', b.root)!)]);
    expect(notes).toEqual([
      [14, 'Output generated from the OpenAPI schema of Kubernetes 1.35.'],
      [23, 'Output generated from the OpenAPI schema of Kubernetes 1.26.'],
    ]);
  });

  it('fail the build with the page and line when the schema cannot be found', async () => {
    const nowhere = mkdtempSync(join(tmpdir(), 'podbook-ec-'));
    const ec = engine({ packs: { openapiDir: join(nowhere, 'none'), cacheDir: nowhere, download: false } });
    const code = '$ kubectl explain pod.spec.restartPolicy';
    await expect(
      renderBlock(ec, { code, language: 'text', meta: 'explain generate k8s=1.35', sourceFilePath: EN_PAGE }),
    ).rejects.toThrow(/content\/en\/guides\/blocks\.md:14: cannot load the OpenAPI schema of Kubernetes 1\.35/);
  });

  it('fail the build with the page when the page names no release', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podbook-ec-'));
    const page = join(dir, 'no-release.md');
    writeFileSync(page, '# x\n\n```text explain generate\n$ kubectl explain pod\n```\n');
    await expect(
      renderBlock(engine(), {
        code: '$ kubectl explain pod',
        language: 'text',
        meta: 'explain generate',
        sourceFilePath: page,
      }),
    ).rejects.toThrow(/no-release\.md:3: no Kubernetes release for this block/);
  });

  it('show a command the checker does not run as written, without failing', async () => {
    const code = '$ kubectl explain --recursive pod';
    const root = await renderBlock(engine(), { code, language: 'text', meta: 'explain generate k8s=1.35' });
    expect(visibleLines(root)).toEqual([code]);
    expect(select('.pb-generated-note', root)).toBeUndefined();
  });

  it('show kubectl’s error for a field that does not exist (the check fails on it too)', async () => {
    const code = '$ kubectl explain pod.spec.nope';
    const root = await renderBlock(engine(), { code, language: 'text', meta: 'explain generate k8s=1.35' });
    expect(visibleLines(root)).toEqual([code, 'error: field "nope" does not exist']);
  });
});
