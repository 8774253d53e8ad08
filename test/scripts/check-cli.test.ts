/**
 * `podbook check` as an author runs it: real processes on copies of the checker's fixture pages, exit codes and
 * the printed report, `--update` rewriting a page in place.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENAPI_DIR } from '../manifest/schema/pack-fixture.ts';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(root, 'test/check/run/fixtures');

/** A project folder with the fixture pages under content/. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'podbook-check-'));
  mkdirSync(join(dir, 'content'));
  cpSync(fixtures, join(dir, 'content/pages'), { recursive: true });
  writeFileSync(join(dir, 'notes.txt'), 'not a page\n');
  return dir;
}

function podbook(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/podbook.mjs'), 'check', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PODBOOK_OPENAPI_DIR: OPENAPI_DIR, PODBOOK_OPENAPI_DOWNLOAD: '0', NO_COLOR: '1', ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`"${from}" is not in ${path}`);
  writeFileSync(path, text.replace(from, to));
}

describe('podbook check', () => {
  it('checks every page under content/ and exits 0 when all pass', () => {
    const r = podbook(project(), []);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✔ 25 examples in 5 pages checked against Kubernetes 1.26, 1.35: 0 failed, 0 skipped\n');
  });

  it('exits 1 and prints file:line:col, the command and a diff for a failing step', () => {
    const dir = project();
    const page = join(dir, 'content/pages/restart-always.md');
    edit(page, '1 (7s ago)   80s', '1 (9s ago)   80s');
    const r = podbook(dir, ['content/pages/restart-always.md']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'content/pages/restart-always.md:54:1: error[OUTPUT_MISMATCH]: the output of `kubectl get pods` is not what the virtual cluster prints',
        '  $ kubectl get pods',
        '--- expected (page lines)',
        '+++ actual (output lines)',
        '@@ page line 53, output line 1 @@',
        '  53 1 | NAME      READY   STATUS    RESTARTS     AGE',
        '- 54   | nginx-5   1/1     Running   1 (9s ago)   80s',
        '+    2 | nginx-5   1/1     Running   1 (7s ago)   80s',
        '',
        '✘ 3 examples in 1 page checked against Kubernetes 1.26: 1 failed, 0 skipped',
        '',
      ].join('\n'),
    );
  });

  it('rewrites the differing output with --update, says what it changed, and the page passes again', () => {
    const dir = project();
    const page = join(dir, 'content/pages/restart-always.md');
    const original = readFileSync(page, 'utf8');
    edit(page, '1 (7s ago)   80s', '1 (9s ago)   80s');
    const r = podbook(dir, ['--update', 'content/pages']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('updated content/pages/restart-always.md:52: kubectl get pods\n');
    expect(r.stdout).toContain('✔ 25 examples in 5 pages checked against Kubernetes 1.26, 1.35: 0 failed, 0 skipped');
    expect(readFileSync(page, 'utf8')).toBe(original);
    expect(podbook(dir, ['content/pages/restart-always.md']).code).toBe(0);
  });

  it('leaves a page with an invalid manifest alone under --update, and says so', () => {
    const dir = project();
    const page = join(dir, 'content/pages/restart-always.md');
    edit(page, 'restartPolicy: Always #', 'restartPolicy: Allways #');
    edit(page, '1 (7s ago)   80s', '1 (9s ago)   80s');
    const before = readFileSync(page, 'utf8');
    const r = podbook(dir, ['--update', 'content/pages/restart-always.md']);
    expect(r.code).toBe(1);
    expect(readFileSync(page, 'utf8')).toBe(before);
    expect(r.stdout).toContain(
      'not updated content/pages/restart-always.md:52 (kubectl get pods): the page has 1 problem to fix first (MANIFEST_INVALID at content/pages/restart-always.md:33:18); outputs are not rewritten\n',
    );
    expect(r.stdout).toContain(
      'content/pages/restart-always.md:33:18: error[MANIFEST_INVALID]: nginx-pod.yml would be rejected: spec.restartPolicy: Unsupported value: "Allways"',
    );
  });

  it('prints one JSON record per page with --format json', () => {
    const dir = project();
    edit(join(dir, 'content/pages/explain.md'), '     - `"Never"`\n', '     - `"Nevr"`\n');
    const r = podbook(dir, ['--format', 'json', 'content/pages/explain.md', 'content/pages/invalid.md']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.k8s).toEqual(['1.26', '1.35']);
    expect(out.ok).toBe(false);
    expect(out.pages.map((p: { file: string }) => p.file)).toEqual([
      'content/pages/explain.md',
      'content/pages/invalid.md',
    ]);
    expect(out.pages[0].failures).toHaveLength(1);
    expect(out.pages[0].failures[0]).toMatchObject({ code: 'EXPLAIN_MISMATCH', line: 26, col: 1 });
    expect(out.pages[1].counts).toEqual({ examples: 5, failed: 0, skipped: 0, steps: 2 });
  });

  it.each([
    [['--format', 'xml'], /--format must be pretty or json, not "xml"/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['missing'], /cannot read missing: no such file or folder/],
    [['notes.txt'], /notes\.txt is not a page: podbook checks \.md and \.mdx files/],
  ])('exits 2 on usage errors: %j', (args, message) => {
    const r = podbook(project(), args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('exits 2 and explains how to get the schemas when none can be found', () => {
    const dir = project();
    const r = podbook(dir, ['content/pages/invalid.md'], { PODBOOK_OPENAPI_DIR: join(dir, 'nowhere') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^podbook check: cannot load the schema of Kubernetes 1\.26, which content\/pages\/invalid\.md uses: No OpenAPI documents for Kubernetes 1\.26: PODBOOK_OPENAPI_DIR=.*nowhere has no complete/,
    );
    expect(r.stderr).toMatch(/To get them, either set PODBOOK_OPENAPI_DIR/);
  });

  it('documents itself', () => {
    const r = podbook(project(), ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'exit status: 0 every example passes, 1 any example fails, 2 usage error or missing schemas.',
    );
  });
});
