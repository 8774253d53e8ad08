/**
 * The DefaultTolerationSeconds admission plugin (on by default): a pod that does not already tolerate the
 * node.kubernetes.io/not-ready and node.kubernetes.io/unreachable NoExecute taints gets an `Exists`
 * toleration for each, for 300 seconds (the apiserver flags below), so it is evicted five minutes after its
 * node goes away.
 */
import { childPath, type JsonObject, objectItems } from '../json.ts';
import type { ProvenanceLog } from '../provenance.ts';

const CITATION = 'plugin/pkg/admission/defaulttolerationseconds/admission.go (*Plugin).Admit';
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
/** The kube-apiserver flags that set the two durations (default 300). */
export const NOT_READY_TOLERATION_FLAG = '--default-not-ready-toleration-seconds';
export const UNREACHABLE_TOLERATION_FLAG = '--default-unreachable-toleration-seconds';
export const DEFAULT_TOLERATION_SECONDS = 300;

export interface TolerationSecondsSettings {
  readonly notReadySeconds?: number;
  readonly unreachableSeconds?: number;
}

// plugin/pkg/admission/defaulttolerationseconds/admission.go (*Plugin).Admit
export function admitDefaultTolerationSeconds(
  spec: JsonObject,
  settings: TolerationSecondsSettings,
  log: ProvenanceLog,
) {
  let toleratesNotReady = false;
  let toleratesUnreachable = false;
  // An empty key or an empty effect matches too; the operator is not looked at.
  for (const [toleration] of objectItems(spec, 'tolerations', 'spec')) {
    const key = toleration.key ?? '';
    const effect = toleration.effect ?? '';
    const noExecute = effect === 'NoExecute' || effect === '';
    if ((key === TAINT_NODE_NOT_READY || key === '') && noExecute) toleratesNotReady = true;
    if ((key === TAINT_NODE_UNREACHABLE || key === '') && noExecute) toleratesUnreachable = true;
  }
  const add = (key: string, seconds: number, flag: string) => {
    const list = Array.isArray(spec.tolerations) ? spec.tolerations : [];
    spec.tolerations = list;
    const toleration = { key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds };
    log.append(
      list,
      toleration,
      childPath('spec.tolerations', list.length),
      'admission:DefaultTolerationSeconds',
      CITATION,
      log.recording ? `${flag}=${seconds}` : undefined,
    );
  };
  if (!toleratesNotReady)
    add(TAINT_NODE_NOT_READY, settings.notReadySeconds ?? DEFAULT_TOLERATION_SECONDS, NOT_READY_TOLERATION_FLAG);
  if (!toleratesUnreachable) {
    add(TAINT_NODE_UNREACHABLE, settings.unreachableSeconds ?? DEFAULT_TOLERATION_SECONDS, UNREACHABLE_TOLERATION_FLAG);
  }
}
