/**
 * Finding fenced blocks the way CommonMark (`.md`) and MDX (`.mdx`) do: fence characters and lengths,
 * indentation inside lists and blockquotes, indented code in `.md` only, comments, exact positions.
 */
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/check/extract/index.ts';
import { codes, page } from './helpers.ts';

const bodies = (source: string, file = 'p.md') => extractPage(source, file).examples.map((e) => e.body);

describe('fence characters and lengths', () => {
  it('finds ``` and ~~~ blocks with their language and body', () => {
    const result = page(['```sh', 'echo a', '```', '', '~~~text', 'b', '~~~'], { frontmatter: false });
    expect(result.examples.map((e) => [e.lang, e.body, e.fence.char, e.fence.length])).toEqual([
      ['sh', 'echo a\n', '`', 3],
      ['text', 'b\n', '~', 3],
    ]);
    expect(result.errors).toEqual([]);
  });

  it('closes only on the same character, at least as long as the opening fence', () => {
    const source = ['````sh', '```', '~~~~', '`````', 'after'].join('\n');
    expect(bodies(source)).toEqual(['```\n~~~~\n']);
  });

  it('in .md, does not close on a fence indented 4 or more columns (that line is content)', () => {
    expect(bodies('```sh\nx\n    ```\n   ```\n')).toEqual(['x\n    ```\n']);
  });

  it('allows trailing spaces after a closing fence but nothing else', () => {
    expect(bodies(['```sh', '``` x', '```  ', 'out'].join('\n'))).toEqual(['``` x\n']);
  });

  it('does not take ``` with a backtick in the info string for a fence (that is inline code)', () => {
    expect(bodies(['``` a`b', '```sh', 'x', '```'].join('\n'))).toEqual(['x\n']);
  });

  it('keeps backticks in a ~~~ info string', () => {
    const [block] = extractPage('~~~ sh title="a`b"\nx\n~~~\n', 'p.md').examples;
    expect(block?.attributes.map((a) => [a.key, a.value, a.passthrough])).toEqual([['title', 'a`b', true]]);
  });

  it('gives an empty body for an empty block, with bodyStart on the closing line', () => {
    const [block] = extractPage('```sh\n```\n', 'p.md').examples;
    expect(block?.body).toBe('');
    expect(block?.bodyStart).toEqual({ line: 2, col: 1, offset: 6 });
  });
});

describe('positions', () => {
  it('gives the first body line, its column and offset, and each line with its removed prefix', () => {
    const source = 'intro\n\n  ```sh\n  a\n   b\n c\n  ```\n';
    const [block] = extractPage(source, 'p.md').examples;
    expect(block?.bodyStart).toEqual({ line: 4, col: 3, offset: source.indexOf('a') });
    expect(block?.fence).toMatchObject({ line: 3, col: 3, indent: 2, closeLine: 7 });
    // Up to the fence's indentation is removed; less-indented lines lose what they have.
    expect(block?.lines.map((l) => [l.line, l.prefix, l.text])).toEqual([
      [4, '  ', 'a'],
      [5, '  ', ' b'],
      [6, ' ', 'c'],
    ]);
  });

  it('reads CRLF and lone CR line endings and keeps them on each body line', () => {
    const [block] = extractPage('```sh\r\na\r\nb\rc\n```\r\n', 'p.md').examples;
    expect(block?.body).toBe('a\nb\nc\n');
    expect(block?.lines.map((l) => l.eol)).toEqual(['\r\n', '\r', '\n']);
    expect(block?.fence.closeLine).toBe(5);
  });

  it('does not count a byte-order mark as a column of line 1', () => {
    const [block] = extractPage('\ufeff```sh\nx\n```\n', 'p.md').examples;
    expect(block?.fence).toMatchObject({ line: 1, col: 1 });
    expect(block?.bodyStart.offset).toBe(7);
  });
});

describe('lists and blockquotes', () => {
  it('reads a fence indented under a list item, removing the item indentation', () => {
    const source = ['1. Run:', '', '   ```sh', '   kubectl get pods', '     -o wide', '   ```', '2. next'].join('\n');
    const [block] = extractPage(source, 'p.md').examples;
    expect(block?.body).toBe('kubectl get pods\n  -o wide\n');
    expect(block?.fence.indent).toBe(0);
    expect(block?.bodyStart).toMatchObject({ line: 4, col: 4 });
  });

  it('reads a fence that starts on the list item line', () => {
    expect(bodies(['- ```sh', '  x', '  ```'].join('\n'))).toEqual(['x\n']);
  });

  it('reads nested list items: a fence up to 3 columns past the inner item content is a fence', () => {
    const source = ['- a', '  - b', '', '      ```sh', '      deep', '      ```'].join('\n');
    const [block] = extractPage(source, 'p.md').examples;
    expect(block?.body).toBe('deep\n');
    expect(block?.fence.indent).toBe(2); // "- b" content starts at column 4, the fence at 6
  });

  it('reads a fence 4 columns past the inner item content as indented code in .md', () => {
    const source = ['- a', '  - b', '', '        ```sh', '        deep', '        ```'].join('\n');
    expect(bodies(source)).toEqual([]);
  });

  it('ends a list item block when a line is indented less than the item, reporting it unterminated', () => {
    const result = extractPage(['- item', '  ```console', '  $ kubectl get pods', 'outside', ''].join('\n'), 'p.md');
    expect(result.examples[0]?.body).toBe('$ kubectl get pods\n');
    expect(codes(result)).toContain('2:3 FENCE_UNTERMINATED');
    expect(result.errors.find((e) => e.code === 'FENCE_UNTERMINATED')?.message).toContain('end of list item at line 4');
  });

  it('reads a fence inside a blockquote and removes the markers', () => {
    const [block] = extractPage(['> ```sh', '> a', '>  b', '> ```'].join('\n'), 'p.md').examples;
    expect(block?.body).toBe('a\n b\n');
    expect(block?.lines[0]?.prefix).toBe('> ');
  });

  it('ends a blockquote block at the first line without the marker', () => {
    const result = extractPage(['> ```sh', '> a', 'b', '```'].join('\n'), 'p.md');
    expect(result.examples[0]?.body).toBe('a\n');
    expect(result.errors[0]?.message).toContain('end of blockquote at line 3');
  });
});

describe('indented code (.md) and MDX', () => {
  it('treats a fence indented 4+ columns in .md as indented code, warning when it would be checked', () => {
    const result = extractPage(['text', '', '    ```console', '    $ kubectl get pods', '    ```'].join('\n'), 'p.md');
    expect(result.examples).toEqual([]);
    expect(result.errors.map((e) => [e.code, e.severity, e.line, e.col])).toEqual([
      ['FENCE_INDENTED_CODE', 'warning', 3, 5],
    ]);
  });

  it('does not warn about indented code that would not be checked', () => {
    expect(extractPage('    ```sh\n    x\n    ```\n', 'p.md').errors).toEqual([]);
  });

  it('reads deeply indented fences inside JSX in .mdx (MDX has no indented code)', () => {
    const source = [
      "import { Tabs, TabItem } from '@astrojs/starlight/components';",
      '',
      '<Tabs>',
      '  <TabItem label="1.26">',
      '        ```sh',
      '        echo 1.26',
      '          indented',
      '        ```',
      '  </TabItem>',
      '</Tabs>',
    ].join('\n');
    const [block] = extractPage(source, 'p.mdx').examples;
    expect(block?.body).toBe('echo 1.26\n  indented\n');
    expect(block?.fence.indent).toBe(8);
    expect(block?.bodyStart).toMatchObject({ line: 6, col: 9 });
  });

  it('closes an indented MDX fence with a closing fence at any indentation', () => {
    expect(bodies('   ```sh\n   a\n         ```\nafter\n', 'p.mdx')).toEqual(['a\n']);
  });
});

describe('comments hide blocks', () => {
  it('skips blocks inside HTML comments in .md', () => {
    expect(bodies('<!--\n```sh\nhidden\n```\n-->\n```sh\nshown\n```\n')).toEqual(['shown\n']);
  });

  it('skips blocks inside JSX comments in .mdx', () => {
    expect(bodies('{/*\n```sh\nhidden\n```\n*/}\n```sh\nshown\n```\n', 'p.mdx')).toEqual(['shown\n']);
  });

  it('reads a one-line comment as just that line', () => {
    expect(bodies('<!-- note -->\n```sh\nshown\n```\n')).toEqual(['shown\n']);
  });
});

describe('tabs', () => {
  it('counts a tab as reaching the next multiple of 4 columns', () => {
    // "-\t" puts the item content at column 4; the fence is at 4 (rel 0), so its body loses 4 columns.
    const [block] = extractPage('-\t```sh\n\tx\n\t```\n', 'p.md').examples;
    expect(block?.body).toBe('x\n');
    expect(block?.lines[0]?.prefix).toBe('\t');
  });

  it('keeps the columns of a tab only partly inside the indentation as spaces (CommonMark)', () => {
    // Fence at column 2; a tab at column 0 covers 0..4, so 2 columns remain as spaces.
    const [block] = extractPage('  ```sh\n\tx\n  ```\n', 'p.md').examples;
    expect(block?.lines[0]).toMatchObject({ text: '  x', prefix: '\t', pad: 2 });
  });
});
