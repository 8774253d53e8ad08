/**
 * matchOutput: wildcards, placeholders, `...`, the whitespace rules, and the diff an author reads on failure.
 * Expected lines are built by parsing a small transcript, as the checker does.
 */
import { describe, expect, it } from 'vitest';
import { type ExpectedLine, escapeOutputLine, matchOutput, parseSegments } from '../../../src/check/extract/index.ts';
import { only, page } from './helpers.ts';

/** The expected output of a one-step transcript whose output lines are `lines` (page lines 7, 8, ...). */
function expected(...lines: string[]): ExpectedLine[] {
  const t = only(page(['```console', '$ cmd', ...lines, '```']), 'transcript');
  return t.steps[0]?.expected ?? [];
}

const ok = (lines: string[], actual: string) => matchOutput(expected(...lines), actual).ok;

describe('exact lines', () => {
  it('matches equal text and rejects any other', () => {
    expect(ok(['pod/nginx-5 created'], 'pod/nginx-5 created\n')).toBe(true);
    expect(ok(['pod/nginx-5 created'], 'pod/nginx-5 configured\n')).toBe(false);
    expect(ok(['a', 'b'], 'a\n')).toBe(false);
    expect(ok(['a'], 'a\nb\n')).toBe(false);
    expect(ok([], '')).toBe(true);
  });

  it('ignores trailing spaces and tabs on both sides, and blank lines at the end', () => {
    expect(ok(['Container ID:   ', ''], 'Container ID:\n\n\n')).toBe(true);
    expect(ok(['a'], 'a \t \n')).toBe(true);
    expect(ok(['a[..]'], 'a   \n')).toBe(true);
  });

  it('compares other trailing white space (an ideographic space, NBSP)', () => {
    expect(ok(['镜像\u3000'], '镜像\n')).toBe(false);
    expect(ok(['a'], 'a\u00a0\n')).toBe(false);
  });

  it('compares leading whitespace, inner blank lines and tabs exactly', () => {
    expect(ok(['  a'], 'a\n')).toBe(false);
    expect(ok(['', 'a'], 'a\n')).toBe(false);
    expect(ok(['a', '', 'b'], 'a\nb\n')).toBe(false);
    expect(ok(['a\tb'], 'a    b\n')).toBe(false);
  });

  it('reads CRLF in the actual output as LF', () => {
    expect(ok(['a', 'b'], 'a\r\nb\r\n')).toBe(true);
  });
});

describe('wildcards', () => {
  it('[..] matches any text within one line, including none', () => {
    expect(ok(['Error from server (BadRequest): [..]'], 'Error from server (BadRequest): bad\n')).toBe(true);
    expect(ok(['a[..]b'], 'ab\n')).toBe(true);
    expect(ok(['a[..]b'], 'a\nb\n')).toBe(false);
  });

  it.each([
    ['[UID]', 'c3082ae6-0952-44e0-bfb9-f89b9fa3013a', 'c3082ae6-0952-44e0-bfb9'],
    ['[IP]', '192.28.252.231', 'k8s-node3'],
    ['[IP]', 'fd00::1', 'abc'],
    ['[AGE]', '4m39s', '4 minutes'],
    ['[AGE]', '105s', 's'],
    ['[AGE]', '<invalid>', '-1s'],
    ['[HASH]', '5d90159fb7d3c4076eabbe2fefe74dafe262e5a16d40a64fd685dbb4f14926d9', 'abcd'],
    ['[HASH]', '7c79c4bf97', 'ABCDEF'],
    ['[TIME]', '2023-08-09T02:35:08Z', '2023-08-09 02:35:08'],
    ['[TIME]', 'Thu, 27 Jun 2024 18:17:24 +0000', 'Thu, 27 Jun 2024'],
  ])('%s matches %s, not %s', (placeholder, good, bad) => {
    expect(ok([`x ${placeholder} y`], `x ${good} y\n`)).toBe(true);
    expect(ok([`x ${placeholder} y`], `x ${bad} y\n`)).toBe(false);
  });

  it('matches placeholders inside real rows', () => {
    const row = 'nginx-5   0/1     ErrImageNeverPull   0          [AGE]   [IP][..]k8s-node3.guoguo.com   <none>';
    expect(
      ok(
        [row],
        'nginx-5   0/1     ErrImageNeverPull   0          59s   10.244.1.5       k8s-node3.guoguo.com   <none>\n',
      ),
    ).toBe(true);
  });

  it('escaped wildcards are literal', () => {
    expect(ok(['a \\[..] b'], 'a [..] b\n')).toBe(true);
    expect(ok(['a \\[..] b'], 'a xyz b\n')).toBe(false);
  });

  it('treats regular-expression characters as literal', () => {
    expect(ok(['a.b (x+) [..] $^'], 'a.b (x+) anything $^\n')).toBe(true);
    expect(ok(['a.b'], 'aXb\n')).toBe(false);
  });
});

describe('... lines', () => {
  it('match any number of lines, none included', () => {
    expect(ok(['...', 'Events:'], 'Name: nginx-5\nNamespace: default\nEvents:\n')).toBe(true);
    expect(ok(['...', 'Events:'], 'Events:\n')).toBe(true);
    expect(ok(['a', '...'], 'a\n')).toBe(true);
    expect(ok(['a', '...', 'z'], 'a\nb\nc\nz\n')).toBe(true);
    expect(ok(['a', '...', 'z'], 'a\nb\nc\n')).toBe(false);
    expect(ok(['...', 'x', '...', 'y'], 'y\nx\n')).toBe(false);
    expect(ok(['...', 'x', '...', 'y'], 'x\ny\nx\n')).toBe(false);
    expect(ok(['...', 'x', '...', 'y'], 'q\nx\nq\nx\ny\n')).toBe(true);
  });

  it('judge large outputs exactly and quickly', () => {
    const actual = Array.from({ length: 20_000 }, (_, i) => `line ${i}`).join('\n');
    const started = performance.now();
    expect(ok(['line 0', '...', 'line 19999'], actual)).toBe(true);
    expect(ok(['line 0', '...', 'line 10000', '...', 'line 19999'], actual)).toBe(true);
    expect(ok(['...', 'nope'], actual)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('the diff', () => {
  it('shows page line numbers for expected lines and output line numbers for actual ones', () => {
    const lines = [
      'NAME      READY   STATUS              RESTARTS   AGE',
      'nginx-5   0/1     ErrImageNeverPull   0          4s',
    ];
    const result = matchOutput(
      expected(...lines),
      'NAME      READY   STATUS    RESTARTS   AGE\nnginx-5   1/1     Running   0          4s\n',
    );
    expect(result.ok).toBe(false);
    expect(result.diff).toBe(
      [
        '--- expected (page lines)',
        '+++ actual (output lines)',
        '@@ page line 7, output line 1 @@',
        '- 7   | NAME      READY   STATUS              RESTARTS   AGE',
        '- 8   | nginx-5   0/1     ErrImageNeverPull   0          4s',
        '+   1 | NAME      READY   STATUS    RESTARTS   AGE',
        '+   2 | nginx-5   1/1     Running   0          4s',
        '',
      ].join('\n'),
    );
  });

  it('keeps 3 lines of context, shows what ... absorbed, and separates distant hunks', () => {
    const wanted = ['...', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'X'];
    const actual = ['pre1', 'pre2', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'Y'].join('\n');
    expect(matchOutput(expected(...wanted), actual).diff).toBe(
      [
        '--- expected (page lines)',
        '+++ actual (output lines)',
        '@@ page line 14, output line 9 @@',
        '  14   9 | g',
        '  15  10 | h',
        '  16  11 | i',
        '- 17     | X',
        '+     12 | Y',
        '',
      ].join('\n'),
    );
  });

  it('starts a new hunk for changes more than 6 lines apart', () => {
    const wanted = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
    const diff = matchOutput(expected(...wanted), ['x', '2', '3', '4', '5', '6', '7', '8', 'y'].join('\n')).diff;
    expect(diff.split('\n').filter((l) => l.startsWith('@@'))).toEqual([
      '@@ page line 7, output line 1 @@',
      '@@ page line 12, output line 6 @@',
    ]);
  });

  it('reports a missing line and an extra line', () => {
    const diff = matchOutput(expected('a', 'b', 'c'), 'a\nc\nd\n').diff;
    expect(diff).toBe(
      [
        '--- expected (page lines)',
        '+++ actual (output lines)',
        '@@ page line 7, output line 1 @@',
        '  7 1 | a',
        '- 8   | b',
        '  9 2 | c',
        '+   3 | d',
        '',
      ].join('\n'),
    );
  });

  it('shows the lines a ... absorbed in context', () => {
    const diff = matchOutput(expected('...', 'z'), 'a\nb\ny\n').diff;
    expect(diff).toContain('  7 1-3 | ...');
    expect(diff).toContain('- 8     | z');
  });
});

describe('escapeOutputLine', () => {
  it.each([
    ['plain', 'plain'],
    ['#: x', '\\#: x'],
    ['#@ x', '\\#@ x'],
    ['...', '\\...'],
    ['$ ls', '\\$ ls'],
    ['[root@k8s-master1 ~]# ls', '\\[root@k8s-master1 ~]# ls'],
    ['root@nginx:/# ls', '\\root@nginx:/# ls'],
    ['# comment', '\\# comment'],
    ['\\x', '\\x'],
    ['\\#: x', '\\\\#: x'],
    ['a [..] b', 'a \\[..] b'],
    ['[UID] and [POD]', '\\[UID] and [POD]'],
    ['a\\[UID]', 'a\\\\[UID]'],
  ])('writes %j as %j', (line, written) => expect(escapeOutputLine(line)).toBe(written));

  it('reads back every escaped line as the literal line', () => {
    const samples = [
      '#: x',
      '\\',
      '\\\\[..]',
      '...',
      '$',
      '[..]',
      'a\\[..]\\[IP]',
      '/ # ls',
      'sh-5.1# x',
      '  #: indented',
    ];
    for (const line of samples) {
      const written = escapeOutputLine(line);
      const [parsed] = expected(written);
      expect(parsed?.kind).toBe('text');
      if (parsed?.kind === 'text')
        expect(parsed.segments).toEqual(parseSegments(line).length ? [{ kind: 'literal', text: line }] : []);
      expect(matchOutput(expected(written), `${line}\n`).ok).toBe(true);
    }
  });
});
