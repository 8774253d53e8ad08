/**
 * The apiserver's error responses for a rejected create: 422 Invalid from validation
 * (staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go NewInvalid) and 400 BadRequest from decoding
 * (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go transformDecodeError -> NewBadRequest).
 */
import { goQuote } from '../semantic/go-quote.ts';
import type { FieldError } from '../types.ts';
import { aggregateMessage } from './aggregate.ts';
import { errorBody, fieldErrorString } from './error-body.ts';

export interface StatusCause {
  /** field.ErrorType, e.g. FieldValueRequired */
  readonly reason: string;
  /** ErrorBody: the error without its field */
  readonly message: string;
  readonly field: string;
}

/** The parts of a metav1.Status that kubectl reads. */
export interface ApiStatus {
  readonly code: number;
  readonly reason: string;
  readonly message: string;
  readonly details?: {
    readonly name: string;
    readonly group: string;
    readonly kind: string;
    readonly causes: readonly StatusCause[];
  };
}

/** The object a request was about: its apiVersion and kind as written, and the name it was created with. */
export interface RequestTarget {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

// schema.GroupKind.String: `Kind` for the core group, `Kind.group` otherwise
export function qualifiedKind(apiVersion: string, kind: string): string {
  const { group } = splitApiVersion(apiVersion);
  return group === '' ? kind : `${kind}.${group}`;
}

/** 422 Invalid for validation errors: `Pod "x" is invalid: <aggregate>` with one cause per error. */
// apierrors.NewInvalid
export function invalidStatus(target: RequestTarget, errors: readonly FieldError[]): ApiStatus {
  const qualified = qualifiedKind(target.apiVersion, target.kind);
  const aggregate = aggregateMessage(errors.map(fieldErrorString));
  const head = `${qualified} ${goQuote(target.name)} is invalid`;
  return {
    code: 422,
    reason: 'Invalid',
    message: aggregate === '' ? head : `${head}: ${aggregate}`,
    details: {
      name: target.name,
      group: splitApiVersion(target.apiVersion).group,
      kind: target.kind,
      causes: errors.map((e) => ({ reason: e.code, message: errorBody(e), field: e.field })),
    },
  };
}

/**
 * The decoder's error text from decode-layer errors: a type error alone, or the strict-decoding list
 * (apimachinery runtime (*strictDecodingError).Error).
 */
export function decodeErrorText(errors: readonly FieldError[]): string {
  const decode = errors.filter((e) => e.layer === 'decode');
  const strict = decode.filter((e) => e.code === 'UNKNOWN_FIELD' || e.code === 'DUPLICATE_FIELD');
  if (strict.length === decode.length && strict.length > 0) {
    return `strict decoding error: ${strict.map((e) => e.detail ?? '').join(', ')}`;
  }
  return (decode.find((e) => e.code !== 'UNKNOWN_FIELD' && e.code !== 'DUPLICATE_FIELD') ?? decode[0])?.detail ?? '';
}

/** 400 BadRequest for a body the decoder rejects: `Pod in version "v1" cannot be handled as a Pod: <text>`. */
// handlers/rest.go transformDecodeError
export function decodeStatus(target: Pick<RequestTarget, 'apiVersion' | 'kind'>, decoderText: string): ApiStatus {
  const { version } = splitApiVersion(target.apiVersion);
  return {
    code: 400,
    reason: 'BadRequest',
    message: `${target.kind} in version ${goQuote(version)} cannot be handled as a ${target.kind}: ${decoderText}`,
  };
}

/** The response for a create that failed: decode errors win (validation never runs), else 422 Invalid. */
export function statusForErrors(target: RequestTarget, errors: readonly FieldError[]): ApiStatus | undefined {
  if (errors.some((e) => e.layer === 'decode')) return decodeStatus(target, decodeErrorText(errors));
  return errors.length > 0 ? invalidStatus(target, errors) : undefined;
}
