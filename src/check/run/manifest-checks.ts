/**
 * The manifest pipeline (src/manifest) answering the virtual cluster's two questions at one release: a client
 * file as kubectl reads it (`kubectl apply -f`), and the apiserver's create validation of an object it is sent.
 * The checker uses it directly; the browser's runner stores its answers at build time (src/site/runner/checks/).
 * Browser-safe: the caller supplies the schema pack.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import { kubectlFileView } from '../../manifest/kubectl-view.ts';
import type { SchemaPack } from '../../manifest/schema/index.ts';
import { validateManifests } from '../../manifest/validate.ts';
import type { FieldErrorLike } from '../../sim/index.ts';
import type { ManifestFileView } from '../../sim/shell/manifest-file.ts';

export interface ManifestChecks {
  readFile(text: string, filename: string): ManifestFileView;
  /** The apiserver's create validation of an object (src/sim Validator). */
  validateObject(obj: unknown, version: KubeVersion): readonly FieldErrorLike[];
}

/** An object read back from the cluster (it has a uid): an update, not a create. */
function isStored(obj: unknown): boolean {
  const meta = (obj as { metadata?: { uid?: unknown } } | null)?.metadata;
  return typeof meta?.uid === 'string' && meta.uid !== '';
}

/**
 * The apiserver's create validation goes through the same pipeline as the page's manifests (JSON is YAML, so the
 * object goes through as text). Updates carry the stored object (uid, timestamps, status); the simulated
 * apiserver checks what an update may change itself (ValidatePodUpdate), so they pass here.
 */
export function manifestChecks(pack: SchemaPack, version: KubeVersion): ManifestChecks {
  return {
    readFile: (text, filename) => kubectlFileView(validateManifests(text, { version, pack, filename })),
    validateObject: (obj, at) => {
      if (isStored(obj)) return [];
      const report = validateManifests(JSON.stringify(obj), { version: at, pack });
      return report.objects.flatMap((o) =>
        o.errors.map((e) => ({ type: e.code, field: e.field, detail: e.detail, badValue: e.badValue })),
      );
    },
  };
}
