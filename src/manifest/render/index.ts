/**
 * src/manifest/render: errors printed the way the apiserver (Status), kubectl (create/apply), a compiler
 * (`file:line:col`) or a machine (JSON) would.
 */
export { aggregateMessage, dedupeMessages } from './aggregate.ts';
export {
  type ApiStatus,
  decodeErrorText,
  decodeStatus,
  invalidStatus,
  qualifiedKind,
  type RequestTarget,
  type StatusCause,
  statusForErrors,
} from './api-status.ts';
export { errorBody, errorTypeString, fieldErrorString } from './error-body.ts';
export { type JsonDiagnostic, jsonFieldErrors, jsonSourceErrors, renderJsonDiagnostics } from './json.ts';
export { kubectlErrorOutput, type RejectedObject } from './kubectl.ts';
export { spanOfError } from './locate.ts';
export {
  type PrettyDiagnostic,
  type PrettyOptions,
  prettyFieldErrors,
  prettySourceErrors,
  renderPrettyDiagnostics,
} from './pretty.ts';
export { renderReportKubectl, renderReportPretty, reportDiagnostics, reportJson } from './report.ts';
