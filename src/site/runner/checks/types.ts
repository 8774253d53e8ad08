/**
 * What the runner asks of the manifest pipeline for one Kubernetes release: the virtual cluster's two questions
 * (a client file as kubectl reads it, the apiserver's create validation of an object) and the editor's
 * diagnostics. Two answerers: answers worked out at build time (answered.ts; no validator in the page) and the
 * validator itself (live.ts, a chunk loaded when a replay asks something the build did not).
 */
import type { FieldErrorLike } from '../../../sim/apiserver.ts';
import type { ManifestFileView } from '../../../sim/shell/manifest-file.ts';

export interface EditorDiagnostic {
  from: number;
  to: number;
  /** 1-based, for the list under the editor. */
  line: number;
  col: number;
  code: string;
  message: string;
}

export interface RunnerChecks {
  /** The release answered for (`1.26`). */
  readonly release: string;
  readFile(text: string, filename: string): ManifestFileView;
  validateObject(obj: unknown): readonly FieldErrorLike[];
  diagnostics(text: string, filename: string): EditorDiagnostic[];
}

/** `kubectl explain` text for a path (throws kubectl's ExplainError, as src/manifest explainText does). */
export type Explain = (path: string, options: { apiVersion?: string; kubectlMinor: number }) => string;

/** Answers stored in the page, by question key (key.ts). Plain JSON. */
export interface CheckAnswers {
  files: Record<string, ManifestFileView>;
  objects: Record<string, readonly FieldErrorLike[]>;
  diagnostics: Record<string, EditorDiagnostic[]>;
}

export function emptyAnswers(): CheckAnswers {
  return { files: {}, objects: {}, diagnostics: {} };
}
