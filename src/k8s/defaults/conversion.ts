/**
 * The v1 <-> internal conversion of PodSpec: `serviceAccount` is a deprecated alias of `serviceAccountName`.
 * On the way in the alias is used only when the new field is empty; on the way out the alias always mirrors
 * the new field (so `kubectl get -o yaml` shows both).
 */

import { childPath, isUnsetString, type JsonObject, type PathLike } from './json.ts';
import type { ProvenanceLog } from './provenance.ts';

const CITATION_IN = 'pkg/apis/core/v1/conversion.go Convert_v1_PodSpec_To_core_PodSpec';
const CITATION_OUT = 'pkg/apis/core/v1/conversion.go Convert_core_PodSpec_To_v1_PodSpec';

// pkg/apis/core/v1/conversion.go Convert_v1_PodSpec_To_core_PodSpec
export function convertServiceAccountAliasIn(spec: JsonObject, path: PathLike, log: ProvenanceLog): void {
  if (isUnsetString(spec.serviceAccountName) && !isUnsetString(spec.serviceAccount)) {
    const note = 'from the deprecated serviceAccount field';
    log.set(
      spec,
      'serviceAccountName',
      spec.serviceAccount,
      childPath(path, 'serviceAccountName'),
      'conversion',
      CITATION_IN,
      note,
    );
  }
}

// pkg/apis/core/v1/conversion.go Convert_core_PodSpec_To_v1_PodSpec: out.DeprecatedServiceAccount = in.ServiceAccountName
export function mirrorServiceAccountOut(spec: JsonObject, path: PathLike, log: ProvenanceLog): void {
  const name = isUnsetString(spec.serviceAccountName) ? '' : spec.serviceAccountName;
  const aliasPath = childPath(path, 'serviceAccount');
  if (name === '') {
    log.remove(spec, 'serviceAccount', aliasPath, 'conversion', CITATION_OUT, 'mirrors an empty serviceAccountName');
  } else if (spec.serviceAccount !== name) {
    log.set(
      spec,
      'serviceAccount',
      name,
      aliasPath,
      'conversion',
      CITATION_OUT,
      'deprecated mirror of serviceAccountName',
    );
  }
}
