/**
 * A ShellContext for tests: the manifest pipeline and `kubectl explain` of the cluster's release, through the
 * shared OpenAPI schema packs (test/manifest/schema/pack-fixture.ts).
 */

import { manifestChecks } from '../../../src/check/run/manifest-checks.ts';
import { explainText } from '../../../src/manifest/explain.ts';
import type { Cluster } from '../../../src/sim/index.ts';
import type { ShellContext } from '../../../src/sim/shell/types.ts';
import { testPack } from '../../manifest/schema/pack-fixture.ts';

export function shellContext(
  cluster: Cluster,
  files: Record<string, string> = {},
  kubectlMinor = cluster.version.minor,
): ShellContext {
  const pack = testPack(cluster.version.minor);
  return {
    cluster,
    files: new Map(Object.entries(files)),
    kubectlMinor,
    readManifest: manifestChecks(pack, cluster.version).readFile,
    explain: (path, options) => explainText(pack, path, { kubectlMinor, ...options }),
  };
}
