/** Plan compilation on a hand-written pack, the version table and the Go text helpers. */
import { describe, expect, it } from 'vitest';
import { compilePack } from '../../../src/manifest/schema/compile.ts';
import { decoderEra } from '../../../src/manifest/structural/decoder-era.ts';
import { goQuote, goTrimSpace, jsonNumberText } from '../../../src/manifest/structural/go-text.ts';
import { structuralValidator } from '../../../src/manifest/structural/validate.ts';

const pack = compilePack(35, [
  {
    openapi: '3.0.0',
    components: {
      schemas: {
        'io.example.v1.Gadget': {
          type: 'object',
          properties: {
            apiVersion: { type: 'string' },
            kind: { type: 'string' },
            open: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            strict: { allOf: [{ $ref: '#/components/schemas/io.example.v1.Strict' }] },
            loose: { allOf: [{ $ref: '#/components/schemas/io.example.v1.Loose' }] },
            ratio: { type: 'number', format: 'float' },
            blob: { type: 'string', format: 'byte' },
            self: { allOf: [{ $ref: '#/components/schemas/io.example.v1.Gadget' }] },
          },
          'x-kubernetes-group-version-kind': [{ group: 'example.io', version: 'v1', kind: 'Gadget' }],
        },
        'io.example.v1.Strict': { type: 'object', properties: { a: { type: 'string' } } },
        'io.example.v1.Loose': {
          type: 'object',
          properties: { a: { type: 'string' } },
          'x-kubernetes-preserve-unknown-fields': true,
        },
      },
    },
  },
]);
const gadget = structuralValidator(pack, 'example.io/v1', 'Gadget');
const base = { apiVersion: 'example.io/v1', kind: 'Gadget' };

describe('x-kubernetes-preserve-unknown-fields', () => {
  it('keeps unknown keys of a preserving object and of a free-form object, rejects them elsewhere', () => {
    expect(gadget.validate({ ...base, loose: { a: 'x', b: 1 }, open: { anything: [1] } }).findings).toEqual([]);
    expect(gadget.validate({ ...base, strict: { a: 'x', b: 1 } }).message).toBe(
      'strict decoding error: unknown field "strict.b"',
    );
  });
  it('still checks the known fields of a preserving object', () => {
    expect(gadget.validate({ ...base, loose: { a: 1 } }).message).toBe(
      'json: cannot unmarshal number into Go struct field Loose.loose.a of type string',
    );
  });
});

describe('other Go kinds', () => {
  it('float32 overflow, []byte from format byte, self-references', () => {
    expect(gadget.validate({ ...base, ratio: 1e39 }).message).toBe(
      'json: cannot unmarshal number 1e+39 into Go struct field Gadget.ratio of type float32',
    );
    expect(gadget.validate({ ...base, blob: 5 }).message).toBe(
      'json: cannot unmarshal number into Go struct field Gadget.blob of type []uint8',
    );
    expect(gadget.validate({ ...base, self: { self: { strict: { z: 1 } } } }).message).toBe(
      'strict decoding error: unknown field "self.self.strict.z"',
    );
  });
  it('an unknown kind is an error that names it', () => {
    expect(() => structuralValidator(pack, 'example.io/v2', 'Gadget')).toThrow(
      'no schema for apiVersion "example.io/v2", kind "Gadget" in Kubernetes 1.35',
    );
  });
  it('compiles once per kind', () => {
    expect(structuralValidator(pack, 'example.io/v1', 'Gadget')).toBe(gadget);
  });
});

describe('decoder eras', () => {
  it.each([
    [23, { serverSideFieldValidation: false, strictErrorPaths: false, embeddedFieldNames: false }],
    [24, { serverSideFieldValidation: false, strictErrorPaths: true, embeddedFieldNames: false }],
    [25, { serverSideFieldValidation: true, strictErrorPaths: true, embeddedFieldNames: false }],
    [34, { serverSideFieldValidation: true, strictErrorPaths: true, embeddedFieldNames: false }],
    [35, { serverSideFieldValidation: true, strictErrorPaths: true, embeddedFieldNames: true }],
  ])('1.%i', (minor, era) => expect(decoderEra(minor)).toEqual(era));
});

describe('Go text', () => {
  it('strconv.Quote', () => {
    expect(goQuote('spec.image')).toBe('"spec.image"');
    expect(goQuote('a"b\\c\n\u0001')).toBe('"a\\"b\\\\c\\n\\x01"');
    expect(goQuote('café 名前')).toBe('"café 名前"');
    expect(goQuote('\u00a0\u200b')).toBe('"\\u00a0\\u200b"');
  });
  it('numbers as encoding/json prints a float64', () => {
    expect([1, 1.5, 1e21, 1e-7, 123456789, -0].map(jsonNumberText)).toEqual([
      '1',
      '1.5',
      '1e+21',
      '1e-7',
      '123456789',
      '-0',
    ]);
  });
  it('strings.TrimSpace keeps U+FEFF', () => {
    expect(goTrimSpace(' \t1Gi\u00a0\n')).toBe('1Gi');
    expect(goTrimSpace('\ufeff1')).toBe('\ufeff1');
  });
});
