/**
 * A stable machine format for editors and CI: one record per problem, with its position (1-based lines and
 * columns), code, field path, message and the stage that found it.
 */
import type { FieldError, ManifestDocument, SourceError } from '../types.ts';
import { errorBody } from './error-body.ts';
import { spanOfError } from './locate.ts';

export interface JsonDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
  readonly code: string;
  /** `spec.containers[0].image`; empty for problems in the YAML text. */
  readonly field: string;
  /** The message without the field (field.Error.ErrorBody, the decoder's text, or the YAML problem). */
  readonly message: string;
  readonly layer: 'parse' | 'decode' | 'validation';
}

export function jsonFieldErrors(file: string, doc: ManifestDocument, errors: readonly FieldError[]): JsonDiagnostic[] {
  return errors.map((e) => {
    const { start, end } = spanOfError(doc, e);
    return {
      file,
      line: start.line,
      col: start.col,
      endLine: end.line,
      endCol: end.col,
      code: e.code,
      field: e.field,
      message: errorBody(e),
      layer: e.layer,
    };
  });
}

export function jsonSourceErrors(file: string, errors: readonly SourceError[]): JsonDiagnostic[] {
  return errors.map((e) => ({
    file,
    line: e.span.start.line,
    col: e.span.start.col,
    endLine: e.span.end.line,
    endCol: e.span.end.col,
    code: e.code,
    field: '',
    message: e.message,
    layer: 'parse' as const,
  }));
}

/** The diagnostics as JSON text (two-space indented, keys in a fixed order). */
export function renderJsonDiagnostics(diagnostics: readonly JsonDiagnostic[]): string {
  return `${JSON.stringify(diagnostics, null, 2)}\n`;
}
