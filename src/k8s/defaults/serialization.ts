/**
 * What the v1 JSON encoding adds on the way out: Container.Resources is a struct, and Go's `omitempty` never
 * omits a struct, so every container shows `resources: {}` in `kubectl get -o yaml` even when none were
 * written. (Quantity canonical strings are handled where resource lists are defaulted.)
 */
import { childPath, type JsonObject, objectItems, type PathLike } from './json.ts';
import type { ProvenanceLog } from './provenance.ts';

// staging/src/k8s.io/api/core/v1/types.go Container.Resources `json:"resources,omitempty"` (a non-pointer struct)
export function addEncodingArtifacts(spec: JsonObject, path: PathLike, log: ProvenanceLog): void {
  const citation = 'staging/src/k8s.io/api/core/v1/types.go Container.Resources (struct, always encoded)';
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const [container, containerPath] of objectItems(spec, list, path)) {
      if (container.resources === undefined || container.resources === null) {
        log.set(container, 'resources', {}, childPath(containerPath, 'resources'), 'serialization', citation);
      }
    }
  }
}
