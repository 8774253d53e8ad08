/**
 * `podbook validate` as a user runs it: real processes, real files, exit codes and printed text.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENAPI_DIR } from '../manifest/schema/pack-fixture.ts';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'podbook-validate-'));

function podbook(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/podbook.mjs'), ...args], {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: { ...process.env, PODBOOK_OPENAPI_DIR: OPENAPI_DIR, PODBOOK_OPENAPI_DOWNLOAD: '0', NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const GOOD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.25\n';
const BAD = GOOD.replace('  containers:', '  restartPolicy: Onfailure\n  containers:');

describe('podbook validate', () => {
  it('exits 0 and says so for a valid file', () => {
    const r = podbook(['validate', file('good.yaml', GOOD), '--k8s', '1.26']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('good.yaml: 1 object valid for Kubernetes 1.26');
  });

  it('exits 1 with file:line:col, the source line and a caret for an invalid file', () => {
    const path = file('bad.yaml', BAD);
    const r = podbook(['validate', path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${path}:6:18: FieldValueNotSupported: spec.restartPolicy: Unsupported value: "Onfailure": supported values: "Always", "OnFailure", "Never"`,
    );
    expect(r.stdout).toContain('6 |   restartPolicy: Onfailure\n  |                  ^^^^^^^^^');
  });

  it('prints what kubectl apply prints with --format kubectl', () => {
    const r = podbook(['validate', '--format', 'kubectl', file('bad.yaml', BAD)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'The Pod "web" is invalid: spec.restartPolicy: Unsupported value: "Onfailure": supported values: "Always", "OnFailure", "Never"\n',
    );
    const ok = podbook(['validate', '--format', 'kubectl', file('good.yaml', GOOD)]);
    expect(ok.stdout).toBe('pod/web created\n');
  });

  it('reads standard input with - and prints JSON records', () => {
    const r = podbook(['validate', '--format', 'json', '-'], BAD);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.files[0]).toMatchObject({ file: '<stdin>', valid: false, objects: 1 });
    expect(out.files[0].diagnostics[0]).toMatchObject({ line: 6, col: 18, code: 'FieldValueNotSupported' });
  });

  it.each([
    [['validate'], /no files given/],
    [['validate', 'x.yaml', '--k8s', '1.99'], /unsupported Kubernetes version "1.99"/],
    [['validate', 'x.yaml', '--format', 'xml'], /--format must be pretty, kubectl or json/],
    [['validate', 'x.yaml', '--frobnicate'], /Unknown option '--frobnicate'/],
    [['validate', join(dir, 'missing.yaml')], /cannot read .*missing.yaml: no such file/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 2 on usage errors: %j', (args, message) => {
    const r = podbook(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('explains how to get the schemas when none can be found', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/podbook.mjs'), 'validate', file('good.yaml', GOOD)], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        PODBOOK_OPENAPI_DIR: join(dir, 'nowhere'),
        PODBOOK_OPENAPI_DOWNLOAD: '0',
      },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /No OpenAPI documents for Kubernetes 1\.35: PODBOOK_OPENAPI_DIR=.*nowhere has no complete/,
    );
    expect(r.stderr).toMatch(/To get them, either set PODBOOK_OPENAPI_DIR/);
  });

  it('documents itself', () => {
    const r = podbook(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('exit status: 0 all valid, 1 any invalid, 2 usage error');
  });
});
