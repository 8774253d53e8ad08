/** Hand-built field errors and a fake ManifestDocument, so the renderers are tested apart from the stages. */
import type { FieldError, FieldPath, ManifestDocument, SourceSpan } from '../../../src/manifest/types.ts';

export function fieldError(
  code: FieldError['code'],
  path: FieldPath,
  field: string,
  extra: { badValue?: unknown; valueText?: string; detail?: string; layer?: FieldError['layer'] } = {},
): FieldError {
  const { layer = 'validation', ...rest } = extra;
  return { code, path, field, layer, ...rest } as FieldError;
}

export const span = (line: number, col: number, endLine: number, endCol: number): SourceSpan => ({
  start: { line, col, offset: 0 },
  end: { line: endLine, col: endCol, offset: 0 },
});

/** A document whose spans come from a table keyed by `path.join('.')` plus `#key` for key spans. */
export function fakeDocument(spans: Record<string, SourceSpan>, calls: string[] = []): ManifestDocument {
  return {
    index: 0,
    value: {},
    span: span(1, 1, 1, 1),
    spanOf(path: FieldPath, key = false) {
      const id = `${path.join('.')}${key ? '#key' : ''}`;
      calls.push(id);
      const found = spans[id];
      if (!found) throw new Error(`no span for ${id}`);
      return found;
    },
  };
}
