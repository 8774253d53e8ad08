/**
 * The validator's findings on the file being edited, as editor diagnostics (UTF-16 offsets, the unit of both
 * src/manifest spans and CodeMirror). The same pipeline `kubectl apply` runs in the virtual cluster, so what the
 * editor underlines is what applying the file would report. Never throws: whatever the text, the reader gets
 * diagnostics, and a failure of the validator itself becomes one.
 */
import type { KubeVersion } from '../../../k8s/version/index.ts';
import { reportDiagnostics } from '../../../manifest/render/index.ts';
import type { SchemaPack } from '../../../manifest/schema/index.ts';
import { validateManifests } from '../../../manifest/validate.ts';
import type { EditorDiagnostic } from './types.ts';

export function manifestDiagnostics(
  text: string,
  options: { version: KubeVersion; pack: SchemaPack; filename: string },
): EditorDiagnostic[] {
  try {
    const report = validateManifests(text, options);
    return reportDiagnostics(report).map((d) => {
      let from = Math.max(0, Math.min(text.length, d.span.start.offset));
      let to = Math.max(from, Math.min(text.length, d.span.end.offset));
      // A point (a missing field, the end of the text) is widened to one character, so it can be underlined.
      if (from === to && to < text.length) to++;
      else if (from === to && from > 0) from--;
      return { from, to, line: d.span.start.line, col: d.span.start.col, code: d.code, message: d.message };
    });
  } catch (error) {
    return [
      {
        from: 0,
        to: 0,
        line: 1,
        col: 1,
        code: 'VALIDATOR_FAILED',
        message: `the validator failed on this text: ${(error as Error).message}`,
      },
    ];
  }
}
