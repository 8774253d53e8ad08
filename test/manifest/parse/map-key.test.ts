/**
 * Mapping keys to JSON keys, per sigs.k8s.io/yaml yaml.go convertToJSONableObject: string, int, bool and
 * float64 keys become strings (floats with strconv.FormatFloat(f, 'g', -1, 32)), other keys fail. Expected
 * strings are Go's outputs worked out by hand (shortest float32 digits; %e form below 1e-4 and from 1e6 on).
 */
import { describe, expect, it } from 'vitest';
import { formatGoFloat, goQuote, goSyntax } from '../../../src/manifest/parse/go-format.ts';
import { jsonKeyOf } from '../../../src/manifest/parse/map-key.ts';
import { resolvePlainScalar } from '../../../src/manifest/parse/resolve-scalar.ts';

const keyOf = (text: string) => {
  const key = jsonKeyOf(resolvePlainScalar(text), '"v"');
  return key.ok ? key.json : key.message;
};

describe('keys that are not strings in YAML 1.1', () => {
  it.each([
    ['on', 'true'],
    ['yes', 'true'],
    ['y', 'true'],
    ['off', 'false'],
    ['n', 'false'],
    ['1', '1'],
    ['0755', '493'],
    ['0x1F', '31'],
    ['-1', '-1'],
    ['1.0', '1'],
    ['1.5', '1.5'],
    ['0.1', '0.1'],
    ['3.14159265358979', '3.1415927'],
    ['123456', '123456'],
    ['1234567.0', '1.234567e+06'],
    ['1e3', '1000'],
    ['1e7', '1e+07'],
    ['1e20', '1e+20'],
    ['0.0001', '0.0001'],
    ['0.00001', '1e-05'],
    ['.inf', '.inf'],
    ['+.Inf', '.inf'],
    ['-.inf', '-.inf'],
    ['.NaN', '.nan'],
    ['2001-12-14', '2001-12-14'],
    ['name', 'name'],
  ])('%s becomes the JSON key %j', (text, expected) => {
    expect(keyOf(text)).toBe(expected);
  });

  it('rejects keys JSON conversion cannot handle, with the sigs.k8s.io/yaml message', () => {
    expect(keyOf('~')).toBe('unsupported map key of type: %!s(<nil>), key: <nil>, value: "v"');
    expect(keyOf('18446744073709551615')).toBe(
      'unsupported map key of type: uint64, key: 0xffffffffffffffff, value: "v"',
    );
  });

  it('gives go-yaml identities: on and true are one key, 1 and 1.0 are two', () => {
    const identity = (text: string) => {
      const key = jsonKeyOf(resolvePlainScalar(text), '');
      return key.ok ? key.identity : undefined;
    };
    expect(identity('on')).toBe(identity('true'));
    expect(identity('1')).toBe(identity('0x1'));
    expect(identity('1')).not.toBe(identity('1.0'));
    expect(identity('.nan')).toBeUndefined();
  });
});

describe('Go formatting', () => {
  it('formatGoFloat matches strconv.FormatFloat(f, g, -1, 64)', () => {
    expect(formatGoFloat(1, 64)).toBe('1');
    expect(formatGoFloat(1e21, 64)).toBe('1e+21');
    expect(formatGoFloat(100000, 64)).toBe('100000');
    expect(formatGoFloat(1e6, 64)).toBe('1e+06');
    expect(formatGoFloat(0.1, 64)).toBe('0.1');
    expect(formatGoFloat(-2.5e-7, 64)).toBe('-2.5e-07');
    expect(formatGoFloat(Number.POSITIVE_INFINITY, 64)).toBe('+Inf');
    expect(formatGoFloat(Number.NaN, 64)).toBe('NaN');
  });

  it('goQuote is %q: printable runes stay, controls are escaped', () => {
    expect(goQuote('name')).toBe('"name"');
    expect(goQuote('镜像')).toBe('"镜像"');
    expect(goQuote('a"b\\c\n\t')).toBe('"a\\"b\\\\c\\n\\t"');
    expect(goQuote('\x01\u2028')).toBe('"\\x01\\u2028"');
  });

  it('goSyntax is %#v of a decoded key', () => {
    expect(goSyntax({ type: 'string', value: 'image' })).toBe('"image"');
    expect(goSyntax({ type: 'bool', value: true })).toBe('true');
    expect(goSyntax({ type: 'int', value: 80n })).toBe('80');
    expect(goSyntax({ type: 'null' })).toBe('<nil>');
  });
});
