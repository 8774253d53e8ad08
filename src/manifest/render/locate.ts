/** Where an error points in the source: the node a field error is about, through ManifestDocument.spanOf. */
import type { FieldError, ManifestDocument, SourceSpan } from '../types.ts';

/**
 * Missing and forbidden fields point at their key (or, when absent, at the nearest enclosing node); every
 * other error points at the offending value.
 */
export function spanOfError(doc: ManifestDocument, e: FieldError): SourceSpan {
  const atKey =
    e.code === 'FieldValueRequired' ||
    e.code === 'FieldValueForbidden' ||
    e.code === 'UNKNOWN_FIELD' ||
    e.code === 'DUPLICATE_FIELD';
  return doc.spanOf(e.path, atKey);
}
