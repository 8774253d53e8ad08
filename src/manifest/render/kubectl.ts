/**
 * What `kubectl create -f` / `kubectl apply -f` (creating) print on stderr when the server rejects objects:
 * staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go AddSourceToErr, checkErr, StandardErrorMessage,
 * MultilineError and MultipleErrors.
 */
import { goQuote } from '../semantic/go-quote.ts';
import { dedupeMessages } from './aggregate.ts';
import type { ApiStatus } from './api-status.ts';

/** One rejected object of the command: the file it came from (`-f` argument) and the server's answer. */
export interface RejectedObject {
  readonly source: string;
  readonly status: ApiStatus;
}

// AddSourceToErr("creating", source, err): the status message gains `error when creating "<file>": `
function withSource(r: RejectedObject): ApiStatus {
  if (r.source === '') return r.status;
  return { ...r.status, message: `error when creating ${goQuote(r.source)}: ${r.status.message}` };
}

// StandardErrorMessage for an API status
function standardErrorMessage(status: ApiStatus): string {
  if (status.reason === 'Unauthorized') return `error: You must be logged in to the server (${status.message})`;
  if (status.reason.length > 0) return `Error from server (${status.reason}): ${status.message}`;
  return `Error from server: ${status.message}`;
}

// checkErr, IsInvalid branch: the causes as a MultilineError
function invalidMessage(status: ApiStatus): string {
  const details = status.details;
  if (!details) return 'The request is invalid\n';
  let head = 'The request is invalid';
  if (details.kind.length !== 0 || details.name.length !== 0)
    head = `The ${details.kind} ${goQuote(details.name)} is invalid`;
  // statusCausesToAggrError: `<field>: <message>`, repeats dropped
  const causes = dedupeMessages(details.causes.map((c) => `${c.field}: ${c.message}`));
  if (causes.length === 0) return `${head}\n`;
  const prefix = `${head}: `;
  if (causes.length === 1) return `${prefix}${causes[0]}\n`;
  return `${prefix}\n${causes.map((c) => `* ${c}\n`).join('')}`;
}

/**
 * The stderr text (ending in a newline) for the rejected objects of one command. One rejection goes through
 * checkErr (the `The Pod "x" is invalid:` form for 422s); several are an aggregate, printed line by line with
 * StandardErrorMessage (`Error from server (Invalid): error when creating "f.yaml": Pod "x" is invalid: ...`).
 */
export function kubectlErrorOutput(rejected: readonly RejectedObject[]): string {
  const statuses = rejected.map(withSource);
  if (statuses.length === 0) return '';
  if (statuses.length === 1) {
    const status = statuses[0] as ApiStatus;
    if (status.reason === 'Invalid') return invalidMessage(status);
    return `${standardErrorMessage(status)}\n`;
  }
  return statuses.map((s) => `${standardErrorMessage(s)}\n`).join('');
}
