/**
 * How kubectl prints the errors a command ends with: staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go
 * checkErr (one error: `Error from server (Reason): ...`, `The Pod "x" is invalid: ...` for 422s, `error: ...`
 * for client-side errors; an aggregate of several: one line each, MultipleErrors), StandardErrorMessage and
 * AddSourceToErr (`error when creating "f.yaml": `).
 */

import { dedupeMessages } from '../../../manifest/render/aggregate.ts';
import type { ApiStatus } from '../../../manifest/render/api-status.ts';
import { goQuote } from '../../../manifest/semantic/go-quote.ts';
import { ApiError } from '../../apiserver.ts';

/** What a cause of a 422 says (metav1.StatusCause). */
export interface InvalidCause {
  readonly field: string;
  readonly message: string;
}

export type KubectlError =
  /** an API status error (the server answered with a metav1.Status) */
  | {
      readonly kind: 'status';
      readonly reason: string;
      readonly message: string;
      /** details of a 422 Invalid: kind, name and causes, printed by checkErr's IsInvalid branch */
      readonly invalid?: { readonly kind: string; readonly name: string; readonly causes: readonly InvalidCause[] };
      /** text printed right after this error (a podbook note about what is not modelled in it) */
      readonly note?: string;
    }
  /** a client-side error (fmt.Errorf in kubectl) */
  | { readonly kind: 'plain'; readonly message: string };

export function statusError(reason: string, message: string): KubectlError {
  return { kind: 'status', reason, message };
}

export function plainError(message: string): KubectlError {
  return { kind: 'plain', message };
}

/** cmdutil.AddSourceToErr(verb, source, err): `error when <verb> "<source>": <message>` for API errors. */
export function withSource(error: KubectlError, verb: string, source: string): KubectlError {
  if (source === '') return error;
  const message = `error when ${verb} ${goQuote(source)}: ${error.message}`;
  return { ...error, message };
}

/** An error thrown by the virtual apiserver, as the Status kubectl receives. */
export function fromApiError(error: ApiError): KubectlError {
  if (error.reason === 'Invalid') {
    // The apiserver's message is already `<Kind> "<name>" is invalid: <aggregate>`: a single cause whose text
    // is the aggregate (pod update errors carry the PodSpec diff after it, which is not modelled).
    const m = /^(\S+) "(.*?)" is invalid: ([\s\S]*)$/.exec(error.message);
    const note = /pod updates may not change fields/.test(error.message)
      ? 'podbook: the PodSpec diff the apiserver appends to this message is not modelled by the virtual cluster\n'
      : undefined;
    if (m) {
      const colon = m[3]!.indexOf(': ');
      const cause =
        colon < 0 ? { field: '', message: m[3]! } : { field: m[3]!.slice(0, colon), message: m[3]!.slice(colon + 2) };
      return {
        kind: 'status',
        reason: 'Invalid',
        message: error.message,
        invalid: { kind: m[1]!, name: m[2]!, causes: [cause] },
        note,
      };
    }
  }
  return statusError(error.reason, error.message);
}

/** A Status computed by the manifest pipeline (src/manifest) for an object the apiserver would reject. */
export function fromStatus(status: ApiStatus): KubectlError {
  if (status.reason === 'Invalid' && status.details) {
    const { kind, name, causes } = status.details;
    return { kind: 'status', reason: status.reason, message: status.message, invalid: { kind, name, causes } };
  }
  return statusError(status.reason, status.message);
}

// StandardErrorMessage for an API status
function standardErrorMessage(error: KubectlError & { kind: 'status' }): string {
  if (error.reason === 'Unauthorized') return `error: You must be logged in to the server (${error.message})`;
  if (error.reason !== '') return `Error from server (${error.reason}): ${error.message}`;
  return `Error from server: ${error.message}`;
}

// checkErr, IsInvalid branch: `The <Kind> "<name>" is invalid: ` and the causes as a MultilineError
function invalidMessage(invalid: NonNullable<(KubectlError & { kind: 'status' })['invalid']>): string {
  const head =
    invalid.kind !== '' || invalid.name !== ''
      ? `The ${invalid.kind} ${goQuote(invalid.name)} is invalid`
      : 'The request is invalid';
  const causes = dedupeMessages(invalid.causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)));
  if (causes.length === 0) return `${head}\n`;
  if (causes.length === 1) return `${head}: ${causes[0]}\n`;
  return `${head}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}

function line(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** The text kubectl writes to stderr for the errors a command collected ('' for none). */
// helpers.go checkErr / MultipleErrors
export function errorOutput(errors: readonly KubectlError[]): string {
  if (errors.length === 0) return '';
  if (errors.length === 1) {
    const e = errors[0]!;
    if (e.kind === 'plain') return line(e.message.startsWith('error: ') ? e.message : `error: ${e.message}`);
    return (e.invalid ? invalidMessage(e.invalid) : line(standardErrorMessage(e))) + (e.note ?? '');
  }
  return errors
    .map((e) => (e.kind === 'plain' ? line(e.message) : line(standardErrorMessage(e)) + (e.note ?? '')))
    .join('');
}

/** Turns what a cluster call threw into a KubectlError; anything that is not an ApiError is rethrown. */
export function asKubectlError(error: unknown): KubectlError {
  if (error instanceof ApiError) return fromApiError(error);
  throw error;
}
