/**
 * The runner's checks from the validator itself (src/manifest with the release's schema pack): a chunk of its
 * own, loaded when a replay asks a question the build did not answer (another release, an edited manifest, a
 * command the reader typed) or when the editor opens. The build uses `liveChecks` to work out the answers.
 */
import { manifestChecks } from '../../../check/run/manifest-checks.ts';
import { kubeVersion } from '../../../k8s/version/index.ts';
import type { SchemaPack } from '../../../manifest/schema/index.ts';
import { loadPack } from '../schema-packs.ts';
import { manifestDiagnostics } from './diagnostics.ts';
import type { RunnerChecks } from './types.ts';

export function liveChecks(pack: SchemaPack, release: string): RunnerChecks {
  const version = kubeVersion(release);
  const checks = manifestChecks(pack, version);
  return {
    release,
    readFile: checks.readFile,
    validateObject: (obj) => checks.validateObject(obj, version),
    diagnostics: (text, filename) => manifestDiagnostics(text, { version, pack, filename }),
  };
}

/** The checks of a release, once its schema pack is fetched from the site (`base`: the site's base path). */
export async function loadLiveChecks(base: string, release: string): Promise<RunnerChecks> {
  return liveChecks(await loadPack(base, release), release);
}
