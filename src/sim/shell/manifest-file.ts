/**
 * A manifest file as `kubectl apply|create|delete -f` reads it: what kubectl prints when it stops before sending
 * anything, and each object with the apiserver's answer. The shell asks for it through ShellContext.readManifest
 * rather than running src/manifest itself, so that the simulator does not carry the validator: the checker
 * answers with the manifest pipeline (src/check/run/manifest-checks.ts), the browser's runner with answers worked
 * out at build time, loading the validator only for a file it has not seen (src/site/runner/checks/).
 * Plain JSON, so that an answer can be stored.
 */
import type { ApiStatus } from '../../manifest/render/api-status.ts';

export interface ManifestObjectView {
  readonly apiVersion: string;
  readonly kind: string;
  /** The object as written (decoded YAML). */
  readonly value: unknown;
  /** The Status the apiserver answers with when it rejects the object. */
  readonly status?: ApiStatus;
}

export interface ManifestFileView {
  /** kubectl's output when it stops before sending anything (YAML errors, missing apiVersion/kind, unknown kinds). */
  readonly stderr?: string;
  /** Every document of the file, in order (also when kubectl stops: the runner lists their images). */
  readonly objects: readonly ManifestObjectView[];
}
