/**
 * The Astro integration (src/site/integrations/check.ts) driven through its hooks with a stand-in logger and dev
 * server: the build fails on a failing example, and dev shows a saved page's failures in the error overlay until
 * the page passes. (The real `astro build` is run by the project's build, not here.)
 */
import { EventEmitter } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { podbookCheck } from '../../../src/site/integrations/check.ts';
import { OPENAPI_DIR } from '../../manifest/schema/pack-fixture.ts';
import { FIXTURES } from './helpers.ts';

const saved = { dir: process.env.PODBOOK_OPENAPI_DIR, download: process.env.PODBOOK_OPENAPI_DOWNLOAD };
beforeAll(() => {
  process.env.PODBOOK_OPENAPI_DIR = OPENAPI_DIR;
  process.env.PODBOOK_OPENAPI_DOWNLOAD = '0';
});
afterAll(() => {
  for (const [key, value] of [
    ['PODBOOK_OPENAPI_DIR', saved.dir],
    ['PODBOOK_OPENAPI_DOWNLOAD', saved.download],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

function logger() {
  const lines: string[] = [];
  const log = {
    lines,
    info: (m: string) => lines.push(`info ${m}`),
    warn: (m: string) => lines.push(`warn ${m}`),
    error: (m: string) => lines.push(`error ${m}`),
    debug: () => {},
    fork: () => log,
  };
  return log;
}

function site(pages: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'podbook-site-'));
  mkdirSync(join(root, 'content'));
  for (const page of pages) cpSync(join(FIXTURES, page), join(root, 'content', page));
  return root;
}

type Hooks = Required<AstroIntegration['hooks']>;

async function setUp(root: string) {
  const integration = podbookCheck();
  const hooks = integration.hooks as Hooks;
  const log = logger();
  // biome-ignore lint/suspicious/noExplicitAny: the hooks get only what they use
  await hooks['astro:config:done']({ config: { root: pathToFileURL(`${root}/`) }, logger: log } as any);
  return { hooks, log };
}

describe('podbookCheck() at build time', () => {
  it('passes and logs the summary when every example passes', async () => {
    const { hooks, log } = await setUp(site(['restart-always.md']));
    // biome-ignore lint/suspicious/noExplicitAny: see above
    await hooks['astro:build:start']({ logger: log } as any);
    expect(log.lines[0]).toMatch(
      /^info 3 examples in 1 page checked against Kubernetes 1\.26: 0 failed, 0 skipped in \d+ms\.$/,
    );
  });

  it('fails the build with every failure as file:line:col', async () => {
    const root = site(['restart-always.md', 'invalid.md']);
    const page = join(root, 'content/restart-always.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('1 (7s ago)   80s', '1 (9s ago)   80s'));
    const { hooks, log } = await setUp(root);
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const build = hooks['astro:build:start']({ logger: log } as any);
    await expect(build).rejects.toThrow(
      /^Examples fail their check \(npx podbook check shows the same\):\n\ncontent\/restart-always\.md:54:1: error\[OUTPUT_MISMATCH\]: /,
    );
    await expect(build).rejects.toThrow(
      /\n8 examples in 2 pages checked against Kubernetes 1\.26: 1 failed, 0 skipped$/,
    );
  });

  it('says so, quickly, when there is nothing to check', async () => {
    const root = site([]);
    writeFileSync(join(root, 'content/index.md'), '# Hello\n\n```sh\nls\n```\n');
    const { hooks, log } = await setUp(root);
    // biome-ignore lint/suspicious/noExplicitAny: see above
    await hooks['astro:build:start']({ logger: log } as any);
    expect(log.lines).toEqual(['info No checkable examples.']);
  });

  it('wraps a set-up problem with its cause', async () => {
    const { hooks, log } = await setUp(join(tmpdir(), 'podbook-no-such-site'));
    let error: unknown;
    try {
      // biome-ignore lint/suspicious/noExplicitAny: see above
      await hooks['astro:build:start']({ logger: log } as any);
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toBe('Podbook could not check the examples in content.');
    expect(((error as Error).cause as Error).message).toBe('cannot read content: no such file or folder');
  });
});

describe('podbookCheck() in dev', () => {
  it('shows a saved page with failures in the overlay, and clears it once the page passes', async () => {
    const root = site(['restart-always.md']);
    const page = join(root, 'content/restart-always.md');
    const good = readFileSync(page, 'utf8');
    const { hooks, log } = await setUp(root);
    const watcher = Object.assign(new EventEmitter(), { add: () => watcher });
    const sent: { type: string; err?: { title: string; message: string; loc?: unknown } }[] = [];
    const ws = Object.assign(new EventEmitter(), { send: (payload: (typeof sent)[number]) => sent.push(payload) });
    // biome-ignore lint/suspicious/noExplicitAny: see above
    await hooks['astro:server:setup']({ server: { watcher, ws }, logger: log } as any);

    const saveAndWait = async (text: string) => {
      writeFileSync(page, text);
      const before = sent.length + log.lines.length;
      watcher.emit('change', page);
      for (let i = 0; i < 200 && sent.length + log.lines.length === before; i++)
        await new Promise((r) => setTimeout(r, 25));
    };

    await saveAndWait(good.replace('1 (7s ago)   80s', '1 (9s ago)   80s'));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.type).toBe('error');
    expect(sent[0]?.err?.title).toBe('1 failing example check in content/restart-always.md');
    expect(sent[0]?.err?.message).toMatch(/^content\/restart-always\.md:54:1: error\[OUTPUT_MISMATCH\]/);
    expect(sent[0]?.err?.loc).toEqual({ file: page, line: 54, column: 1 });
    expect(log.lines.at(-1)).toMatch(/^error \ncontent\/restart-always\.md:54:1: /);

    ws.emit('connection'); // the browser reloads after the save: it gets the overlay again
    expect(sent.map((s) => s.type)).toEqual(['error', 'error']);

    await saveAndWait(good);
    expect(sent.map((s) => s.type)).toEqual(['error', 'error', 'update']);
    expect(log.lines.at(-1)).toBe(
      'info content/restart-always.md: 3 examples in 1 page checked against Kubernetes 1.26: 0 failed, 0 skipped',
    );

    watcher.emit('change', join(root, 'notes.txt')); // not a page: ignored
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toHaveLength(3);
  });
});
