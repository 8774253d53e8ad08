/**
 * The seed's three sessions (/work/shared/seed/pod-policies-notes.zh-CN.txt, a 1.26 cluster) written as pages in
 * Podbook's syntax (fixtures/never-pull.md, fixtures/restart-always.md) and checked end to end through the real
 * terminal (src/sim/shell). The expected outputs in the pages are copied from the seed notes; the seeds (928, 124)
 * and the `#@` times are those that test/sim/calibration-seed.test.ts found to reproduce the sessions.
 */
import { describe, expect, it } from 'vitest';
import { check, fixture } from './helpers.ts';

describe('the seed session pages', () => {
  it('never-pull.md (sessions 1 and 2): every example passes', () => {
    const result = check(fixture('never-pull.md'), 'never-pull.md');
    expect(result.failures).toEqual([]);
    expect(result.warnings).toEqual([]);
    // explain, the invalid draft and its errors, the manifest, four transcripts
    expect(result.counts).toEqual({ examples: 8, failed: 0, skipped: 0, steps: 13 });
    expect(result.minors).toEqual([26]);
  });

  it('restart-always.md (session 3): every example passes', () => {
    const result = check(fixture('restart-always.md'), 'restart-always.md');
    expect(result.failures).toEqual([]);
    // apply, exec, nginx -s stop, the closing message, get pods; then six more steps
    expect(result.counts).toEqual({ examples: 3, failed: 0, skipped: 0, steps: 11 });
  });

  it('is deterministic: the same page gives the same result twice', () => {
    const source = fixture('never-pull.md').replace('4s\n', '5s\n');
    expect(check(source)).toEqual(check(source));
  });

  it('compares the message kubectl prints as the exec session ends, on the bare prompt after it', () => {
    const source = fixture('restart-always.md');
    const changed = source.replace(
      'root@nginx-5:/#\ncommand terminated with exit code 137\n#@ at 80.5s',
      'root@nginx-5:/#\ncommand terminated with exit code 0\n#@ at 80.5s',
    );
    expect(changed).not.toBe(source);
    const result = check(changed, 'always.md');
    expect(result.failures).toHaveLength(1);
    const line = changed.split('\n').indexOf('command terminated with exit code 0') + 1;
    expect(result.failures[0]).toMatchObject({ code: 'OUTPUT_MISMATCH', line, col: 1, command: '' });
    expect(result.failures[0]?.message).toBe('what kubectl prints as the exec session ends is not what the page shows');
    expect(result.failures[0]?.diff).toContain(`- ${line}   | command terminated with exit code 0`);
    expect(result.failures[0]?.diff).toContain('+    1 | command terminated with exit code 137');
  });
});
