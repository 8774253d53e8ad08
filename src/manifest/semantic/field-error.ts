/**
 * Constructors for validation errors, one per field.ErrorType constructor of apimachinery
 * (staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go), producing the shared FieldError shape.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import type { FieldError } from '../types.ts';
import type { Path } from './field-path.ts';
import { goQuote } from './go-quote.ts';
import { goJsonMarshal, goJsonString, goSharpVStringMap } from './go-value.ts';
import { tooLongDetail, valueRendering } from './version-rules.ts';

/**
 * A FieldError from this stage. Its `valueText` is the bad value exactly as that apiserver version prints it (the
 * Go type of the value decides: `"a"` for strings, `map[string]string{...}` or JSON for maps).
 */
export type ValidationFieldError = FieldError;

/** A bad value together with its Go rendering. */
export interface GoValue {
  readonly raw: unknown;
  readonly text: string;
}

/** A Go `string` value: always strconv.Quote. */
export function goStr(s: string): GoValue {
  return { raw: s, text: goQuote(s) };
}

/** A Go integer (int, int32, int64): printed with %v. */
export function goInt(n: number): GoValue {
  return { raw: n, text: String(n) };
}

/** A string typedef (core.RestartPolicy, core.DNSPolicy...): `%#v` before 1.34, JSON from 1.34. */
export function goTyped(s: string, v: KubeVersion): GoValue {
  return { raw: s, text: valueRendering(v) === 'json' ? goJsonString(s) : goQuote(s) };
}

/** A map[string]string such as template labels. */
export function goStringMap(map: Readonly<Record<string, string>> | undefined, v: KubeVersion): GoValue {
  if (valueRendering(v) === 'json') return { raw: map ?? null, text: map === undefined ? 'null' : goJsonMarshal(map) };
  return { raw: map ?? null, text: goSharpVStringMap(map) };
}

/** A []string: `[]string{"a", "b"}` before 1.34, JSON from 1.34. */
export function goStringSlice(values: readonly string[], v: KubeVersion): GoValue {
  if (valueRendering(v) === 'json') return { raw: values, text: goJsonMarshal(values) };
  return { raw: values, text: `[]string{${values.map(goQuote).join(', ')}}` };
}

/**
 * A Go struct value (a *SecurityContext, a list of owner references). Before 1.34 Go prints `%#v`, which shows
 * pointer addresses and cannot be reproduced; the model prints the JSON form in every release.
 */
export function goJsonValue(raw: unknown): GoValue {
  return { raw, text: goJsonMarshal(raw) };
}

/** A value printed through its String() method (resource.Quantity) or an approximated Go struct dump. */
export function goVerbatim(raw: unknown, text: string): GoValue {
  return { raw, text };
}

/** `target.push(...items)` without the spread: validators append many (mostly empty) lists. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i] as T);
}

function make(code: FieldError['code'], path: Path, value: GoValue | undefined, detail: string): ValidationFieldError {
  const err: ValidationFieldError = { code, path: path.toFieldPath(), field: path.toString(), layer: 'validation' };
  if (value !== undefined) {
    err.badValue = value.raw;
    err.valueText = value.text;
  }
  if (detail.length > 0) err.detail = detail;
  return err;
}

// field.Required: the value is never printed
export function required(path: Path, detail = ''): ValidationFieldError {
  return make('FieldValueRequired', path, undefined, detail);
}

// field.Invalid
export function invalid(path: Path, value: GoValue, detail: string): ValidationFieldError {
  return make('FieldValueInvalid', path, value, detail);
}

// field.NotSupported: detail is `supported values: "A", "B"` (strconv.Quote of each)
export function notSupported(path: Path, value: GoValue, validValues: readonly string[]): ValidationFieldError {
  const detail = validValues.length > 0 ? `supported values: ${validValues.map(goQuote).join(', ')}` : '';
  return make('FieldValueNotSupported', path, value, detail);
}

// field.Duplicate
export function duplicate(path: Path, value: GoValue): ValidationFieldError {
  return make('FieldValueDuplicate', path, value, '');
}

// field.NotFound
export function notFound(path: Path, value: GoValue, detail = ''): ValidationFieldError {
  return make('FieldValueNotFound', path, value, detail);
}

// field.Forbidden: the value is never printed
export function forbidden(path: Path, detail: string): ValidationFieldError {
  return make('FieldValueForbidden', path, undefined, detail);
}

// field.TooLong: the value is never printed; the wording depends on the release
export function tooLong(path: Path, maxLength: number, v: KubeVersion): ValidationFieldError {
  return make('FieldValueTooLong', path, undefined, tooLongDetail(maxLength, v));
}

// field.TooMany
export function tooMany(path: Path, actual: number, max: number): ValidationFieldError {
  return make('FieldValueTooMany', path, goInt(actual), `must have at most ${max} items`);
}

// field.InternalError
export function internalError(path: Path, message: string): ValidationFieldError {
  return make('InternalError', path, undefined, message);
}
