/**
 * `podbook explain` as a user runs it. Expected texts: the seed notes' 1.26 output (old layout) and the 1.3x
 * template, written out by hand.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENAPI_DIR } from '../manifest/schema/pack-fixture.ts';

const root = resolve(import.meta.dirname, '../..');

function podbook(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/podbook.mjs'), 'explain', ...args], {
    encoding: 'utf8',
    env: { ...process.env, PODBOOK_OPENAPI_DIR: OPENAPI_DIR, PODBOOK_OPENAPI_DOWNLOAD: '0' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('podbook explain', () => {
  it('prints the old layout of a 1.26 kubectl, as in the seed notes', () => {
    const r = podbook(['pod.spec.restartPolicy', '--k8s', '1.26']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'KIND:     Pod',
        'VERSION:  v1',
        '',
        'FIELD:    restartPolicy <string>',
        '',
        'DESCRIPTION:',
        '     Restart policy for all containers within the pod. One of Always, OnFailure,',
        '     Never. Default to Always. More info:',
        '     https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
        '',
        '     Possible enum values:',
        '     - `"Always"`',
        '     - `"Never"`',
        '     - `"OnFailure"`',
        '',
      ].join('\n'),
    );
  });

  it('prints the ENUM block only for kubectl 1.30+, whatever the apiserver', () => {
    const newer = podbook(['pod.spec.restartPolicy', '--k8s', '1.35', '--kubectl', '1.30']);
    expect(newer.stdout).toContain('FIELD: restartPolicy <string>\nENUM:\n    Always\n    Never\n    OnFailure\n');
    const older = podbook(['pod.spec.restartPolicy', '--k8s', '1.35', '--kubectl', '1.29']);
    expect(older.stdout).toContain('FIELD: restartPolicy <string>\n\nDESCRIPTION:');
  });

  it('fails like kubectl for a field that does not exist', () => {
    const r = podbook(['pod.spec.restartPolicyy']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: field "restartPolicyy" does not exist\n');
  });

  it.each([[[]], [['pod', '--k8s', '1.4']], [['pod', '--bogus']]])('exits 2 on usage errors: %j', (args) => {
    expect(podbook(args).code).toBe(2);
  });
});
