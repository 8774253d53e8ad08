/** The info string: language, key=value in every quoting, flags, Expressive Code markers, bad quoting. */
import { describe, expect, it } from 'vitest';
import { parseInfoString } from '../../../src/check/extract/info-string.ts';

const tokens = (info: string) => parseInfoString(info, 1).tokens.map((t) => [t.key, t.value, t.form]);

describe('parseInfoString', () => {
  it('takes the first word as the language', () => {
    expect(parseInfoString('yaml file=a.yaml', 1).lang).toBe('yaml');
    expect(parseInfoString('file=a.yaml', 1).lang).toBe('');
    expect(parseInfoString('', 1)).toEqual({ lang: '', tokens: [], problems: [] });
  });

  it('reads key=value, double and single quotes, escapes and flags', () => {
    expect(tokens(String.raw`text explain k8s=1.26 reason="a \"b\" \\ c" title='x y' wrap`)).toEqual([
      ['explain', true, 'flag'],
      ['k8s', '1.26', 'pair'],
      ['reason', 'a "b" \\ c', 'pair'],
      ['title', 'x y', 'pair'],
      ['wrap', true, 'flag'],
    ]);
  });

  it('keeps Expressive Code markers and braced or slashed values as written', () => {
    expect(tokens('js {1-3} "needle" /re\\/x/ ins={4} mark=/a b/')).toEqual([
      ['{1-3}', true, 'marker'],
      ['"needle"', true, 'marker'],
      ['/re\\/x/', true, 'marker'],
      ['ins', '{4}', 'pair'],
      ['mark', '/a b/', 'pair'],
    ]);
  });

  it('gives the file column of each token', () => {
    expect(parseInfoString('yaml  file=a.yaml', 10).tokens[0]?.col).toBe(16);
  });

  it('reports an unterminated quote at its column and keeps the rest as the value', () => {
    const parsed = parseInfoString('console reason="never closed', 4);
    expect(parsed.problems).toEqual([{ col: 19, message: 'unterminated double quote: add the closing "' }]);
    expect(parsed.tokens[0]).toMatchObject({ key: 'reason', value: 'never closed' });
  });

  it('reads an empty value as empty', () => {
    expect(tokens('yaml file=')).toEqual([['file', '', 'pair']]);
  });
});
