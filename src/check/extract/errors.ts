/**
 * Problems found while extracting a page. Extraction never throws on bad input: every problem becomes an
 * ExtractError with a stable code and a file:line:col, and extraction goes on with the next block.
 */
import type { ExtractError } from './types.ts';

/** Every error code, stable across releases (SYNTAX.md documents each one). */
export const EXTRACT_ERROR_CODES = [
  'FRONTMATTER_UNTERMINATED',
  'FRONTMATTER_YAML',
  'FRONTMATTER_INVALID',
  'FENCE_UNTERMINATED',
  'FENCE_INDENTED_CODE',
  'ATTRIBUTE_SYNTAX',
  'ATTRIBUTE_UNKNOWN',
  'ATTRIBUTE_DUPLICATE',
  'ATTRIBUTE_VALUE',
  'ATTRIBUTE_NOT_APPLICABLE',
  'VERSION_INVALID',
  'K8S_VERSION_MISSING',
  'SCENARIO_UNKNOWN',
  'HOST_UNKNOWN',
  'SKIP_WITHOUT_REASON',
  'MANIFEST_WITHOUT_FILE',
  'INVALID_WITHOUT_ERRORS',
  'ERRORS_FOR_UNKNOWN_FILE',
  'ERRORS_FOR_VALID_MANIFEST',
  'ERRORS_FOR_SKIPPED',
  'ERRORS_DUPLICATE',
  'EXAMPLE_EMPTY',
  'STEP_WITHOUT_COMMAND',
  'CONTINUATION_UNTERMINATED',
  'ANNOTATION_WITHOUT_TARGET',
  'DIRECTIVE_UNKNOWN',
  'DIRECTIVE_INVALID',
  'DIRECTIVE_NOT_ALLOWED',
  'DURATION_INVALID',
  'TIME_BACKWARDS',
  'EXPLAIN_WITHOUT_COMMAND',
  'EXPLAIN_NOT_EXPLAIN',
  'EXPLAIN_MULTIPLE_COMMANDS',
  'EXPLAIN_GENERATE_WITH_OUTPUT',
  'TIMELINE_WITHOUT_UNTIL',
  'TIMELINE_WITHOUT_FILE',
  'TIMELINE_UNKNOWN_FILE',
  'TIMELINE_FILE_UNUSABLE',
  'TIMELINE_BODY',
  'TIMELINE_STEP_AFTER_UNTIL',
] as const;

export type ExtractErrorCode = (typeof EXTRACT_ERROR_CODES)[number];

export class ErrorSink {
  readonly file: string;
  readonly errors: ExtractError[] = [];

  constructor(file: string) {
    this.file = file;
  }

  error(code: ExtractErrorCode, line: number, col: number, message: string): void {
    this.errors.push({ code, severity: 'error', message, file: this.file, line, col });
  }

  warning(code: ExtractErrorCode, line: number, col: number, message: string): void {
    this.errors.push({ code, severity: 'warning', message, file: this.file, line, col });
  }

  /** Errors in source order (stable for equal positions). */
  sorted(): ExtractError[] {
    return this.errors
      .map((e, i) => [e, i] as const)
      .sort(([a, i], [b, j]) => a.line - b.line || a.col - b.col || i - j)
      .map(([e]) => e);
  }
}

/** `content/zh-cn/pull.mdx:12:5: error[ATTRIBUTE_UNKNOWN]: ...`, the way compilers print. */
export function formatExtractError(e: ExtractError): string {
  return `${e.file}:${e.line}:${e.col}: ${e.severity}[${e.code}]: ${e.message}`;
}
