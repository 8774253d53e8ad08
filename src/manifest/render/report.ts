/**
 * A whole file's validation report in each output format of `podbook validate`. The per-error renderings live
 * in kubectl.ts, pretty.ts and json.ts; this file only orders and joins them.
 */
import { goQuote } from '../semantic/go-quote.ts';
import type { ManifestReport } from '../validate.ts';
import { type JsonDiagnostic, jsonFieldErrors, jsonSourceErrors } from './json.ts';
import { kubectlErrorOutput, type RejectedObject } from './kubectl.ts';
import { type PrettyDiagnostic, prettyFieldErrors, prettySourceErrors, renderPrettyDiagnostics } from './pretty.ts';

const byPosition = (a: { span: PrettyDiagnostic['span'] }, b: { span: PrettyDiagnostic['span'] }) =>
  a.span.start.offset - b.span.start.offset;

/** Every problem of the file, located, in source order. */
export function reportDiagnostics(report: ManifestReport): PrettyDiagnostic[] {
  const located = [
    ...prettySourceErrors(report.sourceErrors),
    ...report.objects.flatMap((o) => prettyFieldErrors(o.document, o.errors)),
  ];
  return located.sort(byPosition);
}

/** `file:line:col: CODE: message`, the source line and a caret, for every problem; '' when the file is valid. */
export function renderReportPretty(report: ManifestReport, text: string, options: { color?: boolean } = {}): string {
  return renderPrettyDiagnostics(report.filename, text, reportDiagnostics(report), options);
}

/** One JSON record per problem, in source order. */
export function reportJson(report: ManifestReport): JsonDiagnostic[] {
  const records = [
    ...jsonSourceErrors(report.filename, report.sourceErrors),
    ...report.objects.flatMap((o) => jsonFieldErrors(report.filename, o.document, o.errors)),
  ];
  return records.sort((a, b) => a.line - b.line || a.col - b.col);
}

/**
 * What `kubectl apply -f <file>` prints on stderr for this file: a YAML problem stops kubectl before it sends
 * anything (cli-runtime's StreamVisitor); so does an object without apiVersion/kind (kubectl's client-side check)
 * or of a kind the cluster does not serve (the REST mapper). Otherwise the apiserver's rejections, as
 * kubectl's checkErr prints them. The YAML syntax messages are those of the `yaml` parser, not go-yaml's.
 */
export function renderReportKubectl(report: ManifestReport): string {
  const file = report.filename;
  const first = [...report.sourceErrors].sort(byPosition)[0];
  if (first) {
    switch (first.code) {
      case 'MISSING_KIND':
        return `error: error validating ${goQuote(file)}: ${first.message}; if you choose to ignore these errors, turn validation off with --validate=false\n`;
      case 'UNKNOWN_KIND': {
        const object = report.objects.find((o) => o.kindError === first);
        const name = object ? goQuote(object.name) : '""';
        const detail = first.message.replace(/ \(Kubernetes [^)]*\)$/, '');
        return `error: resource mapping not found for name: ${name} namespace: "" from ${goQuote(file)}: ${detail}\nensure CRDs are installed first\n`;
      }
      case 'YAML_DUPLICATE_KEY':
        // go-yaml v2 reports a repeated key as a TypeError, which prints its own "line N:" per error.
        return `error: error parsing ${file}: error converting YAML to JSON: yaml: unmarshal errors:\n  ${first.message}\n`;
      default:
        return `error: error parsing ${file}: error converting YAML to JSON: yaml: line ${first.span.start.line}: ${first.message}\n`;
    }
  }
  const rejected: RejectedObject[] = report.objects.flatMap((o) =>
    o.status ? [{ source: file, status: o.status }] : [],
  );
  return kubectlErrorOutput(rejected);
}
