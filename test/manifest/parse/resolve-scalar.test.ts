/**
 * Scalar resolution against go-yaml v2's resolve.go (kubernetes-sigs/yaml goyaml.v2 fork) and decode.go
 * (*decoder).scalar. Expected values are worked out by hand from that code and Go's strconv rules:
 * resolveMap for YAML 1.1 words, ParseInt/ParseUint with base 0 (octal `0755`, `0x`, `0o`, `0b`),
 * underscores removed first, yamlStyleFloat, no base 60, timestamps kept as the scalar's text.
 */
import { describe, expect, it } from 'vitest';
import {
  BINARY_TAG,
  FLOAT_TAG,
  INT_TAG,
  resolvePlainScalar,
  resolveScalar,
  STR_TAG,
  TagResolveError,
  TIMESTAMP_TAG,
} from '../../../src/manifest/parse/resolve-scalar.ts';

const value = (text: string) => resolvePlainScalar(text).value;

describe('YAML 1.1 booleans and nulls (resolveMap)', () => {
  it.each(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'])('%s is true', (text) => {
    expect(resolvePlainScalar(text)).toEqual({ type: 'bool', value: true });
  });
  it.each(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'])('%s is false', (text) => {
    expect(resolvePlainScalar(text)).toEqual({ type: 'bool', value: false });
  });
  it.each(['', '~', 'null', 'Null', 'NULL'])('%j is null', (text) => {
    expect(resolvePlainScalar(text)).toEqual({ type: 'null', value: null });
  });
  it.each(['yEs', 'oN', 'nULL', 'TRue', 'nginx', 'Never', 'IfNotPresent', 'Always', 'yes!', 'noo'])(
    '%s is a string (only the listed spellings resolve)',
    (text) => {
      expect(resolvePlainScalar(text)).toEqual({ type: 'string', value: text });
    },
  );
});

describe('integers (strconv.ParseInt/ParseUint, base 0, underscores removed)', () => {
  it.each([
    ['0', 0],
    ['00', 0],
    ['-0', 0],
    ['+42', 42],
    ['80', 80],
    ['0755', 493],
    ['-0755', -493],
    ['0o17', 15],
    ['0O17', 15],
    ['0x1F', 31],
    ['0X1f', 31],
    ['-0x1F', -31],
    ['0b101', 5],
    ['-0b101', -5],
    ['1_000', 1000],
    ['1__0', 10],
    ['0x_1F', 31],
  ])('%s is the int %d', (text, expected) => {
    const resolved = resolvePlainScalar(text);
    expect(resolved.type).toBe('int');
    expect(Object.is(resolved.value, expected)).toBe(true);
  });

  it('a leading underscore is no number: the hint comes from the first byte before underscores go', () => {
    expect(resolvePlainScalar('_1000')).toEqual({ type: 'string', value: '_1000' });
  });

  it('08 and 09 are not octal, so yamlStyleFloat reads them as floats', () => {
    expect(resolvePlainScalar('08')).toEqual({ type: 'float', value: 8 });
    expect(resolvePlainScalar('09.5')).toEqual({ type: 'float', value: 9.5 });
  });

  it('keeps exactness beyond 2^53: int64, then uint64, then float for larger decimals', () => {
    expect(resolvePlainScalar('9007199254740991')).toEqual({ type: 'int', value: 9007199254740991, exact: undefined });
    expect(resolvePlainScalar('9007199254740993')).toMatchObject({ type: 'int', exact: 9007199254740993n });
    expect(resolvePlainScalar('9223372036854775807')).toMatchObject({ type: 'int', exact: 9223372036854775807n });
    expect(resolvePlainScalar('-9223372036854775808')).toMatchObject({ type: 'int', exact: -9223372036854775808n });
    expect(resolvePlainScalar('9223372036854775808')).toMatchObject({ type: 'uint64', exact: 9223372036854775808n });
    expect(resolvePlainScalar('18446744073709551615')).toMatchObject({ type: 'uint64', exact: 18446744073709551615n });
    // Out of uint64 range but a decimal: yamlStyleFloat matches, so it is a float64.
    expect(resolvePlainScalar('18446744073709551616')).toEqual({ type: 'float', value: 2 ** 64 });
    // A sign makes ParseUint fail with a syntax error: float too.
    expect(resolvePlainScalar('-9223372036854775809')).toEqual({ type: 'float', value: -(2 ** 63) });
  });

  it('reads hex beyond uint64 as a big integer (the big.Int branch of the kubernetes-sigs fork)', () => {
    expect(resolvePlainScalar('0x10000000000000000')).toMatchObject({ type: 'bigint', exact: 2n ** 64n });
  });
});

describe('floats', () => {
  it.each([
    ['1.5', 1.5],
    ['.5', 0.5],
    ['-.5', -0.5],
    ['+.5', 0.5],
    ['1e3', 1000],
    ['1E3', 1000],
    ['1.', 1],
    ['1_000.5', 1000.5],
    ['6.02e+23', 6.02e23],
    ['.5e1', 5],
  ])('%s is the float %d', (text, expected) => {
    expect(resolvePlainScalar(text)).toEqual({ type: 'float', value: expected });
  });

  it('.inf, .nan and their spellings resolve to values JSON cannot carry', () => {
    expect(value('.inf')).toBe(Number.POSITIVE_INFINITY);
    expect(value('+.Inf')).toBe(Number.POSITIVE_INFINITY);
    expect(value('-.INF')).toBe(Number.NEGATIVE_INFINITY);
    expect(value('.NaN')).toBeNaN();
  });

  it('keeps as strings what ParseFloat refuses', () => {
    for (const text of ['.iNf', '.5_0', '1e400', '-1e400', '1.2.3', '192.28.252.231', '1e', 'inf', '+inf', '0x1p-2']) {
      expect(resolvePlainScalar(text)).toEqual({ type: 'string', value: text });
    }
  });
});

describe('what stays a string', () => {
  it('base 60 is purposefully unsupported', () => {
    expect(value('1:20')).toBe('1:20');
    expect(value('190:20:30')).toBe('190:20:30');
    expect(value('-1:20')).toBe('-1:20');
  });

  it('timestamps decoded into interface{} keep their text', () => {
    expect(resolvePlainScalar('2001-12-14')).toEqual({ type: 'string', value: '2001-12-14' });
    expect(value('2001-12-14T21:59:43.10Z')).toBe('2001-12-14T21:59:43.10Z');
    expect(value('2023-08-09T02:35:08Z')).toBe('2023-08-09T02:35:08Z');
  });

  it('the merge key << is not resolved as a value', () => {
    expect(value('<<')).toBe('<<');
  });

  it('quoted and block scalars are never resolved', () => {
    expect(resolveScalar('yes', false, undefined)).toEqual({ type: 'string', value: 'yes' });
    expect(resolveScalar('0755', false, undefined)).toEqual({ type: 'string', value: '0755' });
    expect(resolveScalar('', false, undefined)).toEqual({ type: 'string', value: '' });
  });
});

describe('explicit tags (resolve with a tag, then the deferred tag check)', () => {
  it('!!str keeps the text, !!int and !!float resolve even quoted text', () => {
    expect(resolveScalar('yes', true, STR_TAG)).toEqual({ type: 'string', value: 'yes' });
    expect(resolveScalar('12', false, INT_TAG)).toMatchObject({ type: 'int', value: 12 });
    expect(resolveScalar('0x1F', false, INT_TAG)).toMatchObject({ type: 'int', value: 31 });
  });

  it('an int is accepted as a !!float', () => {
    expect(resolveScalar('1', true, FLOAT_TAG)).toEqual({ type: 'float', value: 1 });
  });

  it('fails like failf on a mismatch', () => {
    expect(() => resolveScalar('1.5', true, INT_TAG)).toThrow(
      new TagResolveError('cannot decode !!float `1.5` as a !!int'),
    );
    expect(() => resolveScalar('foo', true, INT_TAG)).toThrow('cannot decode !!str `foo` as a !!int');
    expect(() => resolveScalar('~', true, INT_TAG)).toThrow('cannot decode !!null `~` as a !!int');
    expect(() => resolveScalar('foo', true, TIMESTAMP_TAG)).toThrow('cannot decode !!str `foo` as a !!timestamp');
  });

  it('!!timestamp keeps the text of a valid timestamp', () => {
    expect(resolveScalar('2001-12-14', true, TIMESTAMP_TAG)).toEqual({ type: 'string', value: '2001-12-14' });
    expect(resolveScalar('2001-12-14 21:59:43', true, TIMESTAMP_TAG)).toEqual({
      type: 'string',
      value: '2001-12-14 21:59:43',
    });
    expect(() => resolveScalar('2001-02-30', true, TIMESTAMP_TAG)).toThrow('as a !!timestamp');
  });

  it('!!binary is base64-decoded; bad base64 fails', () => {
    expect(resolveScalar('aGVsbG8=', true, BINARY_TAG)).toEqual({ type: 'string', value: 'hello' });
    expect(resolveScalar('aGVs\nbG8=', false, BINARY_TAG)).toEqual({ type: 'string', value: 'hello' });
    expect(() => resolveScalar('***', true, BINARY_TAG)).toThrow('!!binary value contains invalid base64 data');
  });

  it('unknown and non-specific tags leave the text unresolved', () => {
    expect(resolveScalar('12', true, '!custom')).toEqual({ type: 'string', value: '12' });
    expect(resolveScalar('yes', true, '!')).toEqual({ type: 'string', value: 'yes' });
  });
});
