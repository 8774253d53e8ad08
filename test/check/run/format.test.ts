/** How failures read: the plain text (browser overlay, build error) and the CLI's colours and summary. */
import { describe, expect, it } from 'vitest';
import { renderFailure, summaryLine } from '../../../src/check/node/index.ts';
import { type CheckFailure, formatFailure, type PageCheck } from '../../../src/check/run/index.ts';

const FAILURE: CheckFailure = {
  code: 'OUTPUT_MISMATCH',
  file: 'content/zh-cn/never.md',
  line: 12,
  col: 1,
  example: 3,
  step: 1,
  command: 'kubectl get pods',
  message: 'the output of `kubectl get pods` is not what the virtual cluster prints',
  diff: '--- expected (page lines)\n+++ actual (output lines)\n@@ page line 12, output line 2 @@\n- 12   | a\n+    2 | b\n',
};

describe('formatFailure', () => {
  it('prints file:line:col, the code, the message, the command and the diff', () => {
    expect(formatFailure(FAILURE)).toBe(
      [
        'content/zh-cn/never.md:12:1: error[OUTPUT_MISMATCH]: the output of `kubectl get pods` is not what the virtual cluster prints',
        '  $ kubectl get pods',
        '--- expected (page lines)',
        '+++ actual (output lines)',
        '@@ page line 12, output line 2 @@',
        '- 12   | a',
        '+    2 | b',
        '',
      ].join('\n'),
    );
  });

  it('prints a manifest problem with its excerpt and no command', () => {
    const f: CheckFailure = {
      code: 'MANIFEST_INVALID',
      file: 'p.md',
      line: 3,
      col: 5,
      message: 'm',
      excerpt: '  |\n3 | x\n  | ^',
    };
    expect(formatFailure(f)).toBe('p.md:3:5: error[MANIFEST_INVALID]: m\n  |\n3 | x\n  | ^\n');
  });

  it('colours the location, the code, and the removed and added lines on a terminal', () => {
    const text = renderFailure(FAILURE, true);
    expect(text).toContain(
      '\u001b[1mcontent/zh-cn/never.md:12:1:\u001b[0m \u001b[1m\u001b[31merror[OUTPUT_MISMATCH]:\u001b[0m',
    );
    expect(text).toContain('\u001b[31m- 12   | a\u001b[0m');
    expect(text).toContain('\u001b[32m+    2 | b\u001b[0m');
    expect(renderFailure(FAILURE, false)).toBe(formatFailure(FAILURE));
  });
});

describe('summaryLine', () => {
  const result = (examples: number, failed: number, skipped: number, minors: number[]): PageCheck => ({
    file: 'x.md',
    failures: [],
    warnings: [],
    skipped: [],
    counts: { examples, failed, skipped, steps: 0 },
    minors,
  });

  it('counts examples, pages, releases, failures and skips', () => {
    expect(summaryLine([result(5, 1, 0, [26]), result(3, 0, 2, [26, 35])])).toBe(
      '8 examples in 2 pages checked against Kubernetes 1.26, 1.35: 1 failed, 2 skipped',
    );
    expect(summaryLine([result(1, 0, 0, [])])).toBe('1 example in 1 page checked: 0 failed, 0 skipped');
  });
});
