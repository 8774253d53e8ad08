import { describe, expect, it } from 'vitest';
import { formatFloatG, GoYamlError, marshalYaml } from '../../../src/k8s/util/go-yaml.ts';
import { analyzeScalar } from '../../../src/k8s/util/go-yaml-emitter.ts';
import { isBase60Float, parseTimestamp, resolvePlain } from '../../../src/k8s/util/go-yaml-resolve.ts';
import { sortYamlKeys, yamlKeyLess } from '../../../src/k8s/util/go-yaml-sort.ts';

// Expectations come from go-yaml v2's own tests (sigs.k8s.io/yaml goyaml.v2/encode_test.go: marshalTests,
// TestLineWrapping, TestSortedOutput) where noted, and otherwise are worked out by hand from the rules in
// resolve.go / emitterc.go (what resolves to a non-string, which characters are indicators, where folding happens).

const value = (v: unknown) => marshalYaml({ a: v });

describe('go-yaml v2 marshal: upstream encode_test.go cases', () => {
  it.each([
    [{ v: 'hi' }, 'v: hi\n'],
    [{ v: 'true' }, 'v: "true"\n'],
    [{ v: 'false' }, 'v: "false"\n'],
    [{ v: true }, 'v: true\n'],
    [{ v: 10 }, 'v: 10\n'],
    [{ v: -10 }, 'v: -10\n'],
    [{ v: 4294967296 }, 'v: 4294967296\n'],
    [{ v: '10' }, 'v: "10"\n'],
    [{ v: 0.1 }, 'v: 0.1\n'],
    [{ v: -0.1 }, 'v: -0.1\n'],
    [{ v: null }, 'v: null\n'],
    [{ v: '' }, 'v: ""\n'],
    [{ v: ['A', 'B'] }, 'v:\n- A\n- B\n'],
    [{ v: ['A', 'B\nC'] }, 'v:\n- A\n- |-\n  B\n  C\n'],
    [{ v: ['A', 1, { B: [2, 3] }] }, 'v:\n- A\n- 1\n- B:\n  - 2\n  - 3\n'],
    [{ a: { b: 'c' } }, 'a:\n  b: c\n'],
    [{ a: '-' }, "a: '-'\n"],
    [{}, '{}\n'],
    [{ a: '<foo>' }, 'a: <foo>\n'],
    [{ a: '1:1' }, 'a: "1:1"\n'],
    [{ a: '\x00' }, 'a: "\\0"\n'],
    [{ a: '你好' }, 'a: 你好\n'],
    [{ a: '2015-02-24T18:19:39Z' }, 'a: "2015-02-24T18:19:39Z"\n'],
    [{ a: 'b: c' }, "a: 'b: c'\n"],
    [{ a: 'Hello #comment' }, "a: 'Hello #comment'\n"],
    [{ a: '你好 #comment' }, "a: '你好 #comment'\n"],
  ])('%j', (input, expected) => {
    expect(marshalYaml(input)).toBe(expected);
  });

  it('folds a long scalar at the first space past column 80 (TestLineWrapping)', () => {
    const s =
      'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ' +
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 ';
    expect(value(s)).toBe(
      "a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n" +
        "  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '\n",
    );
  });

  it('orders keys naturally (TestSortedOutput, string keys)', () => {
    const order = [
      '',
      '.1',
      '.2',
      '.a',
      '1',
      '2',
      'a!10',
      'a/0001',
      'a/002',
      'a/3',
      'a/10',
      'a/11',
      'a/0012',
      'a/100',
      'a~10',
      'ab/1',
      'b/1',
      'b/01',
      'b/2',
      'b/02',
      'b/3',
      'b/03',
      'b1',
      'b01',
      'b3',
      'c2.10',
      'c10.2',
      'd1',
      'd7',
      'd7abc',
      'd12',
      'd12a',
    ];
    const shuffled = [...order].reverse();
    shuffled.push(shuffled.shift()!, shuffled.shift()!);
    expect(sortYamlKeys(shuffled)).toEqual(order);
  });
});

describe('which strings are quoted (resolve.go, encode.go stringv)', () => {
  it.each([
    // booleans and nulls of YAML 1.1
    ['True', '"True"'],
    ['yes', '"yes"'],
    ['Y', '"Y"'],
    ['n', '"n"'],
    ['on', '"on"'],
    ['OFF', '"OFF"'],
    ['~', '"~"'],
    ['null', '"null"'],
    ['NULL', '"NULL"'],
    // numbers in every form ParseInt(s, 0, 64) / ParseFloat accept, after removing underscores
    ['116336', '"116336"'],
    ['0x1F', '"0x1F"'],
    ['0o17', '"0o17"'],
    ['017', '"017"'],
    ['08', '"08"'],
    ['1_000', '"1_000"'],
    ['+1', '"+1"'],
    ['-1.5', '"-1.5"'],
    ['1e3', '"1e3"'],
    ['.5', '".5"'],
    ['.inf', '".inf"'],
    ['99999999999999999999', '"99999999999999999999"'],
    // timestamps go-yaml would parse
    ['2023-08-09', '"2023-08-09"'],
    ['2023-8-9', '"2023-8-9"'],
    ['2023-08-09 10:00:00', '"2023-08-09 10:00:00"'],
    ['2023-08-09T10:00:00.5+02:00', '"2023-08-09T10:00:00.5+02:00"'],
    // base-60 floats
    ['1:20', '"1:20"'],
    // strings that stay plain
    ['nginx', 'nginx'],
    ['o', 'o'],
    ['NaN', 'NaN'],
    ['.', '.'],
    ['1.2.3', '1.2.3'],
    ['123abc', '123abc'],
    ['1e400', '1e400'],
    ['1:60', '1:60'],
    ['2023-02-30', '2023-02-30'],
    ['2023-08-09T10:00:00', '2023-08-09T10:00:00'],
    ['-a', '-a'],
    ['a:b', 'a:b'],
    ['http://x:80/y', 'http://x:80/y'],
    ['a#b', 'a#b'],
    ['a[x]', 'a[x]'],
    ['?x', '?x'],
    [':x', ':x'],
    ["it's", "it's"],
    ['été', 'été'],
    ['IfNotPresent', 'IfNotPresent'],
  ])('%j -> %s', (input, expected) => {
    expect(value(input)).toBe(`a: ${expected}\n`);
  });

  it.each([
    // indicators at the start, ": " and " #" anywhere, leading/trailing spaces: single quotes
    ['- a', "'- a'"],
    ['a:', "'a:'"],
    ['#x', "'#x'"],
    ['a #x', "'a #x'"],
    ['[x]', "'[x]'"],
    ['{x}', "'{x}'"],
    ['*x', "'*x'"],
    ['&x', "'&x'"],
    ['!x', "'!x'"],
    ['|x', "'|x'"],
    ['>x', "'>x'"],
    ['%x', "'%x'"],
    ['@x', "'@x'"],
    ['`x', "'`x'"],
    ['"x', `'"x'`],
    ["'x", "'''x'"],
    ['? x', "'? x'"],
    ['---', "'---'"],
    ['...', "'...'"],
    [' lead', "' lead'"],
    ['trail ', "'trail '"],
  ])('%j -> %s', (input, expected) => {
    expect(value(input)).toBe(`a: ${expected}\n`);
  });

  it.each([
    // characters that are not printable in YAML: double quotes with escapes
    ['tab\there', '"tab\\there"'],
    ['\r', '"\\r"'],
    ['\x7f', '"\\x7F"'],
    ['a\u0085b', '"a\\Nb"'],
    ['\ufeffx', '"\\uFEFFx"'],
    ['emoji 😀', '"emoji \\U0001F600"'],
    ['\x1b[31m', '"\\e[31m"'],
    ['back\\slash\t', '"back\\\\slash\\t"'],
  ])('%j -> %s', (input, expected) => {
    expect(value(input)).toBe(`a: ${expected}\n`);
  });
});

describe('multi-line strings', () => {
  it('uses a literal block, with the chomping indicator the trailing breaks need', () => {
    expect(value('a\nb')).toBe('a: |-\n  a\n  b\n');
    expect(value('a\nb\n')).toBe('a: |\n  a\n  b\n');
    expect(value('a\n\n')).toBe('a: |+\n  a\n\n');
  });
  it('adds an indentation indicator when the text starts with a space', () => {
    expect(value(' a\nb')).toBe('a: |2-\n   a\n  b\n');
  });
  it('leaves empty lines unindented', () => {
    expect(value('a\n\nb\n')).toBe('a: |\n  a\n\n  b\n');
  });
  it('falls back to double quotes when a block cannot hold the text', () => {
    expect(value('a \nb')).toBe('a: "a \\nb"\n'); // a space before a break
    expect(value('a\nb ')).toBe('a: "a\\nb "\n'); // a trailing space
    expect(value('a\tb\nc')).toBe('a: "a\\tb\\nc"\n'); // a tab
  });
  it('writes a multi-line key as a complex key (`? `), where a block is allowed', () => {
    expect(marshalYaml({ 'a\nb': 1 })).toBe('? |-\n  a\n  b\n: 1\n');
  });
});

describe('folding long scalars (best_width 80)', () => {
  const long =
    'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ' +
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890';
  it('folds plain scalars, continuing at the value indent', () => {
    expect(value(long)).toBe(
      'a: abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n' +
        '  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890\n',
    );
    expect(marshalYaml({ m: { a: long } })).toBe(
      'm:\n  a: abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n' +
        '    ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890\n',
    );
  });
  it('folds double-quoted scalars and escapes a space that starts the next line', () => {
    expect(value(`\t${long}`)).toBe(
      'a: "\\tabcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n' +
        '  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890"\n',
    );
    const twoSpaces = long.replace('xyz ABC', 'xyz  ABC').replace('xyz ABC', 'xyz  ABC');
    expect(value(`\t${twoSpaces}`)).toBe(
      'a: "\\tabcdefghijklmnopqrstuvwxyz  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n' +
        '  \\ ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890"\n',
    );
  });
  it('does not fold text without spaces, nor keys', () => {
    const word = 'x'.repeat(100);
    expect(value(word)).toBe(`a: ${word}\n`);
    const key = `${'k'.repeat(50)} ${'k'.repeat(50)}`;
    expect(marshalYaml({ [key]: 1 })).toBe(`${key}: 1\n`);
  });
  it('writes keys longer than 128 bytes as complex keys', () => {
    const key = 'k'.repeat(129);
    expect(marshalYaml({ [key]: 'v' })).toBe(`? ${key}\n: v\n`);
  });
});

describe('collections', () => {
  it('writes empty collections in flow style, wherever they are', () => {
    expect(marshalYaml({ a: [], b: {}, c: [{}, []] })).toBe('a: []\nb: {}\nc:\n- {}\n- []\n');
    expect(marshalYaml([])).toBe('[]\n');
  });
  it('puts a sequence in a mapping at the key indent, and a mapping in a sequence after "- "', () => {
    expect(marshalYaml({ a: { b: [{ c: 1, d: [2] }, [3, 4]] } })).toBe(
      'a:\n  b:\n  - c: 1\n    d:\n    - 2\n  - - 3\n    - 4\n',
    );
  });
  it('rejects values encoding/json refuses', () => {
    expect(() => marshalYaml({ a: Number.POSITIVE_INFINITY })).toThrow(GoYamlError);
    expect(() => marshalYaml({ a: () => 1 })).toThrow(GoYamlError);
  });
});

describe('numbers (intv / floatv)', () => {
  it('prints 64-bit integers exactly and other numbers as strconv %g', () => {
    expect(value(2 ** 63)).toBe('a: 9223372036854775808\n');
    expect(value(-0)).toBe('a: 0\n');
    expect(value(2 ** 64)).toBe('a: 1.8446744073709552e+19\n');
  });
  it.each([
    [1234567.5, '1.2345675e+06'],
    [123456.5, '123456.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [-2.5e-7, '-2.5e-07'],
    [1e21, '1e+21'],
    [1.5e100, '1.5e+100'],
  ])('%d -> %s', (input, expected) => {
    expect(formatFloatG(input)).toBe(expected);
  });
});

describe('helpers', () => {
  it('resolvePlain names the tag a plain scalar would get', () => {
    expect(resolvePlain('')).toBe('null');
    expect(resolvePlain('True')).toBe('bool');
    expect(resolvePlain('12')).toBe('int');
    expect(resolvePlain('1.5')).toBe('float');
    expect(resolvePlain('2023-08-09')).toBe('timestamp');
    expect(resolvePlain('<<')).toBe('str'); // '<' carries no hint, so the merge key is never looked up
    expect(resolvePlain('-0xFFFFFFFFFFFFFFFFFFFF')).toBe('str'); // ParseUint says "syntax", so no big.Int
    expect(resolvePlain('0xFFFFFFFFFFFFFFFFFFFF')).toBe('int'); // out of range: a big.Int
  });
  it('parseTimestamp follows time.Parse ranges', () => {
    expect(parseTimestamp('2024-02-29')).toBe(true);
    expect(parseTimestamp('2023-02-29')).toBe(false);
    expect(parseTimestamp('2023-13-01')).toBe(false);
    expect(parseTimestamp('2023-01-01T24:00:00Z')).toBe(false);
    expect(parseTimestamp('2023-01-01t10:00:00Z')).toBe(true);
    expect(parseTimestamp('2023-01-01  10:00:00')).toBe(true); // a space in the layout matches a run of spaces
    expect(parseTimestamp('02023-01-01')).toBe(false);
  });
  it('isBase60Float', () => {
    expect(isBase60Float('190:20:30')).toBe(true);
    expect(isBase60Float('a:1')).toBe(false);
  });
  it('yamlKeyLess puts non-letters before letters', () => {
    expect(yamlKeyLess('a_b', 'aB')).toBe(true);
    expect(yamlKeyLess('aB', 'a_b')).toBe(false);
  });
  it('analyzeScalar reports what each style allows', () => {
    expect(analyzeScalar('a: b')).toMatchObject({ blockPlainAllowed: false, singleQuotedAllowed: true });
    expect(analyzeScalar('a\tb')).toMatchObject({ singleQuotedAllowed: false, blockAllowed: false });
  });
});
