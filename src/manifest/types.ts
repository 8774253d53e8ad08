/**
 * The shared vocabulary of src/manifest. Stages (eemeli/yaml style: folders follow the stages of processing):
 *   parse/      YAML text -> ManifestDocument[] (plain JSON values + source positions), SourceError on bad YAML
 *   schema/     OpenAPI v3 schema packs per Kubernetes minor: lookup (env dir, cache, download), compile
 *   structural/ what the apiserver's strict decoder rejects: unknown/duplicate fields, wrong JSON types, ranges
 *   semantic/   defaulting, then pkg/apis/core/validation rules for Pods and pod templates
 *   render/     the same errors printed as kubectl, the apiserver Status, a compiler (file:line:col) or JSON
 *   validate.ts the pipeline
 */

/** A path into a decoded object: `['spec', 'containers', 0, 'image']`. */
export type PathSegment = string | number;
export type FieldPath = readonly PathSegment[];

/** 1-based line and column, as editors and compilers print them; offset is 0-based in UTF-16 code units. */
export interface SourcePosition {
  line: number;
  col: number;
  offset: number;
}
export interface SourceSpan {
  start: SourcePosition;
  end: SourcePosition;
}

/** Error codes of every stage; stable, documented, usable in `expect-error` markers. */
export type ManifestErrorCode =
  // parse/
  | 'YAML_SYNTAX'
  | 'YAML_DUPLICATE_KEY'
  | 'YAML_TAB_INDENT'
  | 'YAML_ALIAS_LIMIT'
  | 'YAML_TOO_DEEP'
  | 'YAML_TOO_LARGE'
  | 'YAML_NOT_UTF8'
  | 'YAML_NOT_OBJECT'
  | 'MISSING_KIND'
  | 'UNKNOWN_KIND'
  // structural/ (the apiserver's decoder: kubectl shows these as BadRequest)
  | 'UNKNOWN_FIELD'
  | 'DUPLICATE_FIELD'
  | 'TYPE_MISMATCH'
  // semantic/ (field.ErrorType of apimachinery's field/errors.go)
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueNotFound'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

/** A problem in the YAML text itself, before there is an object to validate. */
export interface SourceError {
  code: ManifestErrorCode;
  message: string;
  span: SourceSpan;
}

/** One YAML document of a (possibly multi-document) file, decoded the way Kubernetes' YAML decoder does. */
export interface ManifestDocument {
  /** 0-based index of the document in its file */
  index: number;
  /** The decoded value: only JSON types (objects, arrays, strings, finite numbers, booleans, null). */
  value: unknown;
  /** The whole document's span in the file. */
  span: SourceSpan;
  /**
   * The span of the node at `path` (of the value when `key` is false, of the mapping key when true), or of the
   * nearest existing ancestor when the path does not exist (e.g. a missing required field points at its parent).
   */
  spanOf(path: FieldPath, key?: boolean): SourceSpan;
}

export interface ParseResult {
  documents: ManifestDocument[];
  errors: SourceError[];
}

/**
 * A decode or validation error about a field, as apimachinery's field.Error carries it.
 * `path` is the structured path; `field` is its rendering (`spec.containers[0].image`).
 */
export interface FieldError {
  code: ManifestErrorCode;
  path: FieldPath;
  field: string;
  /** The offending value (omitted from the rendering for Required/Forbidden/TooLong/Internal). */
  badValue?: unknown;
  /** The bad value as the apiserver's Go code prints it (`"Nerser"`, `70000`, `v1.LabelSelector{...}`), when known. */
  valueText?: string;
  detail?: string;
  /** Where the error was found: decode errors are reported differently by the apiserver and kubectl. */
  layer: 'decode' | 'validation';
}
