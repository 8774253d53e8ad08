/**
 * A validation report as `kubectl apply -f` sees the file (src/sim/shell/manifest-file.ts): kubectl's text when
 * it stops before sending anything, and each object with the apiserver's answer. Plain JSON, so that the runner
 * can keep answers worked out at build time.
 */
import type { ManifestFileView } from '../sim/shell/manifest-file.ts';
import { renderReportKubectl } from './render/index.ts';
import type { ManifestReport } from './validate.ts';

export function kubectlFileView(report: ManifestReport): ManifestFileView {
  const objects = report.objects.map(({ apiVersion, kind, document: doc, status }) => ({
    apiVersion,
    kind,
    value: doc.value,
    ...(status ? { status } : {}),
  }));
  return report.sourceErrors.length > 0 ? { stderr: renderReportKubectl(report), objects } : { objects };
}
