/**
 * The AlwaysPullImages admission plugin (off by default; clusters enable it so that a pod can only use an
 * image it has the credentials to pull): every init, regular and ephemeral container gets
 * imagePullPolicy Always, whatever was written or defaulted.
 */
import { childPath, type JsonObject, objectItems } from '../json.ts';
import type { ProvenanceLog } from '../provenance.ts';

const CITATION = 'plugin/pkg/admission/alwayspullimages/admission.go (*AlwaysPullImages).Admit';

// plugin/pkg/admission/alwayspullimages/admission.go (*AlwaysPullImages).Admit (pods.VisitContainersWithPath)
export function admitAlwaysPullImages(spec: JsonObject, log: ProvenanceLog): void {
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const [container, path] of objectItems(spec, list, 'spec')) {
      if (container.imagePullPolicy === 'Always') continue;
      log.set(
        container,
        'imagePullPolicy',
        'Always',
        childPath(path, 'imagePullPolicy'),
        'admission:AlwaysPullImages',
        CITATION,
      );
    }
  }
}
