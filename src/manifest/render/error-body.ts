/**
 * One field error as text: staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go
 * (*Error).Error = `<field>: <ErrorBody>`, ErrorBody = type, then `: <value>` (not for Required, Forbidden,
 * TooLong, Internal), then `: <detail>`.
 */
import { goQuote } from '../semantic/go-quote.ts';
import { goJsonMarshal } from '../semantic/go-value.ts';
import type { FieldError, ManifestErrorCode } from '../types.ts';

const TYPE_STRINGS: Partial<Record<ManifestErrorCode, string>> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

const VALUE_OMITTED = new Set<ManifestErrorCode>([
  'FieldValueRequired',
  'FieldValueForbidden',
  'FieldValueTooLong',
  'InternalError',
]);

// field.ErrorType.String
export function errorTypeString(code: ManifestErrorCode): string {
  return TYPE_STRINGS[code] ?? code;
}

/** The bad value as printed: the stage's own rendering when it gave one, else Go's default for JSON values. */
function valueText(e: FieldError): string {
  if (e.valueText !== undefined) return e.valueText;
  const v = e.badValue;
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return goJsonMarshal(v ?? null);
}

// (*Error).ErrorBody; decode errors carry their decoder message in `detail`
export function errorBody(e: FieldError): string {
  if (e.layer === 'decode') return e.detail ?? errorTypeString(e.code);
  let s = errorTypeString(e.code);
  if (!VALUE_OMITTED.has(e.code) && (e.badValue !== undefined || e.valueText !== undefined)) {
    s += `: ${valueText(e)}`;
  }
  if (e.detail !== undefined && e.detail.length > 0) s += `: ${e.detail}`;
  return s;
}

// (*Error).Error
export function fieldErrorString(e: FieldError): string {
  if (e.layer === 'decode') return errorBody(e);
  return `${e.field}: ${errorBody(e)}`;
}
