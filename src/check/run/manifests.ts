/**
 * Manifest blocks: a manifest must be accepted as the apiserver would accept it; an `expect=invalid` one must be
 * rejected, and its errors block must show exactly what `kubectl apply -f` prints for it.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import { renderPrettyDiagnostics, reportDiagnostics } from '../../manifest/render/index.ts';
import type { SchemaPack } from '../../manifest/schema/index.ts';
import { type ManifestReport, validateManifests } from '../../manifest/validate.ts';
import {
  type ExpectedErrorsExample,
  type InvalidManifestExample,
  type ManifestExample,
  matchOutput,
  sourcePosition,
} from '../extract/index.ts';
import { firstDifference, lineStart } from './locate.ts';
import type { CheckFailure } from './types.ts';

export function validateExample(
  example: ManifestExample | InvalidManifestExample,
  version: KubeVersion,
  pack: SchemaPack,
): ManifestReport {
  return validateManifests(example.body, { version, pack, filename: example.file });
}

/** The page line under a diagnostic with a caret, drawn by the validator's own renderer (wide characters too). */
function excerpt(example: ManifestExample, line: number, col: number, endCol: number): string {
  const body = example.lines.find((l) => l.line === line);
  if (!body) return '';
  const text = `${'\n'.repeat(line - 1)}${body.prefix}${body.text}`;
  const span = { start: { line, col, offset: 0 }, end: { line, col: endCol, offset: 0 } };
  const rendered = renderPrettyDiagnostics('', text, [{ code: '', message: '', span }]);
  return rendered.split('\n').slice(1).join('\n').trimEnd();
}

/** A manifest the cluster must accept: one failure per problem, at the problem's place on the page. */
export function manifestFailures(example: ManifestExample, report: ManifestReport, file: string): CheckFailure[] {
  return reportDiagnostics(report).map((d) => {
    const start = sourcePosition(example, d.span.start.line, d.span.start.col);
    const sameLine = d.span.end.line === d.span.start.line;
    const end = sameLine ? sourcePosition(example, d.span.end.line, d.span.end.col).col : start.col + 1;
    const where = excerpt(example, start.line, start.col, end);
    return {
      code: 'MANIFEST_INVALID',
      file,
      line: start.line,
      col: start.col,
      message: `${example.file} would be rejected: ${d.message} (${d.code})`,
      example: example.index,
      ...(where ? { excerpt: where } : {}),
    };
  });
}

/** An `expect=invalid` manifest that the cluster accepts. */
export function acceptedFailure(example: InvalidManifestExample, file: string): CheckFailure {
  return {
    code: 'MANIFEST_ACCEPTED',
    file,
    line: example.fence.line,
    col: example.fence.col,
    message: `${example.file} is marked expect=invalid, but Kubernetes ${example.scenario.k8s} accepts it`,
    example: example.index,
  };
}

/** The errors block compared with kubectl's rejection text; undefined when they match. */
export function errorsFailure(example: ExpectedErrorsExample, actual: string, file: string): CheckFailure | undefined {
  const result = matchOutput(example.expected, actual);
  if (result.ok) return undefined;
  const first = example.lines[0];
  const at = firstDifference(example, example.expected, actual, lineStart(example, first?.line ?? example.fence.line));
  return {
    code: 'ERRORS_MISMATCH',
    file,
    line: at.line,
    col: at.col,
    message: `the errors shown for ${example.target} are not what kubectl prints for it`,
    example: example.index,
    diff: result.diff,
  };
}
