/** sourcePosition: body positions (what a YAML parser reports) to page positions. */
import { describe, expect, it } from 'vitest';
import { extractPage, sourcePosition } from '../../../src/check/extract/index.ts';

describe('sourcePosition', () => {
  it('maps body line and column to the page, through list indentation', () => {
    const source = 'x\n\n- item\n\n  ```yaml file=a.yaml\n  kind: Pod\n  metadata:\n    name: a\n  ```\n';
    const [block] = extractPage(source, 'p.md').examples;
    if (!block) throw new Error('no block');
    const position = sourcePosition(block, 3, 9); // body line 3 "  name: a", column of "a"
    expect(position).toEqual({ line: 8, col: 11, offset: source.indexOf('name: a') + 6 });
    expect(source.slice(position.offset, position.offset + 1)).toBe('a');
  });

  it('maps through blockquote markers and CRLF', () => {
    const source = '> ```yaml file=a.yaml\r\n> kind: Pod\r\n> spec: {}\r\n> ```\r\n';
    const [block] = extractPage(source, 'p.md').examples;
    if (!block) throw new Error('no block');
    const position = sourcePosition(block, 2, 7);
    expect(position).toMatchObject({ line: 3, col: 9 });
    expect(source.slice(position.offset, position.offset + 2)).toBe('{}');
  });

  it('maps a position past the last body line to the line after it', () => {
    const source = '```yaml file=a.yaml\nkind: Pod\n```\n';
    const [block] = extractPage(source, 'p.md').examples;
    if (!block) throw new Error('no block');
    expect(sourcePosition(block, 2, 1)).toEqual({ line: 3, col: 1, offset: source.indexOf('```\n', 3) });
  });
});
