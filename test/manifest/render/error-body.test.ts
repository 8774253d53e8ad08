/**
 * staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go (*Error).Error and ErrorBody, and the
 * aggregate of staging/src/k8s.io/apimachinery/pkg/util/errors/errors.go.
 */
import { describe, expect, it } from 'vitest';
import { aggregateMessage, errorBody, errorTypeString, fieldErrorString } from '../../../src/manifest/render/index.ts';
import { fieldError } from './fixtures.ts';

describe('field.Error rendering', () => {
  it('the type strings of field.ErrorType', () => {
    expect(errorTypeString('FieldValueNotFound')).toBe('Not found');
    expect(errorTypeString('FieldValueRequired')).toBe('Required value');
    expect(errorTypeString('FieldValueDuplicate')).toBe('Duplicate value');
    expect(errorTypeString('FieldValueInvalid')).toBe('Invalid value');
    expect(errorTypeString('FieldValueNotSupported')).toBe('Unsupported value');
    expect(errorTypeString('FieldValueForbidden')).toBe('Forbidden');
    expect(errorTypeString('FieldValueTooLong')).toBe('Too long');
    expect(errorTypeString('FieldValueTooMany')).toBe('Too many');
    expect(errorTypeString('InternalError')).toBe('Internal error');
  });
  it('Required, Forbidden, TooLong and Internal never print the value', () => {
    const path = ['spec', 'containers', 0, 'image'];
    expect(fieldErrorString(fieldError('FieldValueRequired', path, 'spec.containers[0].image', { badValue: '' }))).toBe(
      'spec.containers[0].image: Required value',
    );
    expect(
      fieldErrorString(
        fieldError('FieldValueTooLong', ['metadata', 'annotations'], 'metadata.annotations', {
          badValue: 'x',
          detail: 'may not be more than 262144 bytes',
        }),
      ),
    ).toBe('metadata.annotations: Too long: may not be more than 262144 bytes');
    expect(
      errorBody(
        fieldError('FieldValueForbidden', ['spec'], 'spec', { badValue: 1, detail: 'cannot be set on create' }),
      ),
    ).toBe('Forbidden: cannot be set on create');
  });
  it('strings print %q (escapes and all), numbers and booleans %v', () => {
    expect(errorBody(fieldError('FieldValueInvalid', ['a'], 'a', { badValue: 'tab\there "q" é', detail: 'bad' }))).toBe(
      'Invalid value: "tab\\there \\"q\\" é": bad',
    );
    expect(errorBody(fieldError('FieldValueInvalid', ['a'], 'a', { badValue: -1, detail: 'must be >= 0' }))).toBe(
      'Invalid value: -1: must be >= 0',
    );
    expect(errorBody(fieldError('FieldValueNotSupported', ['a'], 'a', { badValue: true }))).toBe(
      'Unsupported value: true',
    );
  });
  it("a stage's own rendering of the value (valueText) wins over the default", () => {
    const e = fieldError(
      'FieldValueInvalid',
      ['spec', 'template', 'metadata', 'labels'],
      'spec.template.metadata.labels',
      {
        badValue: { app: 'web' },
        valueText: 'map[string]string{"app":"web"}',
        detail: '`selector` does not match template `labels`',
      },
    );
    expect(fieldErrorString(e)).toBe(
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    );
  });
  it('an empty detail adds nothing', () => {
    expect(errorBody(fieldError('FieldValueInvalid', ['a'], 'a', { badValue: 'x', detail: '' }))).toBe(
      'Invalid value: "x"',
    );
  });
  it('decode errors print their decoder text without a field', () => {
    const e = fieldError('UNKNOWN_FIELD', ['spec', 'image'], 'spec.image', {
      layer: 'decode',
      detail: 'unknown field "spec.image"',
    });
    expect(fieldErrorString(e)).toBe('unknown field "spec.image"');
  });
});

describe('aggregate', () => {
  it('one message bare, several in brackets, repeats dropped', () => {
    expect(aggregateMessage([])).toBe('');
    expect(aggregateMessage(['a: x'])).toBe('a: x');
    expect(aggregateMessage(['a: x', 'b: y', 'a: x'])).toBe('[a: x, b: y]');
    expect(aggregateMessage(['a: x', 'a: x'])).toBe('a: x');
  });
});
