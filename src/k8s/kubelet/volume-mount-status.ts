/**
 * `status.containerStatuses[].volumeMounts` (and `initContainerStatuses`): the kubelet's report of a container's
 * volume mounts, added with recursive read-only mounts (KEP-3857).
 *
 * pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses (1.30 to 1.35 alike):
 * - only when the RecursiveReadOnlyMounts gate is on (alpha/off 1.30, beta/on 1.31, GA locked on 1.33); before
 *   1.30 the field does not exist;
 * - the default status of every container lists spec.volumeMounts in spec order as {name, mountPath, readOnly};
 *   a read-only mount also gets recursiveReadOnly, Disabled or Enabled (resolveRecursiveReadOnly; an error is
 *   only logged and leaves Disabled); a read-write mount has no recursiveReadOnly;
 * - convertContainerStatus copies oldStatus.VolumeMounts ("immutable"): once the container has a runtime record,
 *   the list is the one the previous status carried (see buildContainerStatuses).
 *
 * The apiserver's dropDisabledPodStatusFields (pkg/api/pod/util.go) clears the field when the gate is off and no
 * mount in the old spec sets recursiveReadOnly; with one gate setting for apiserver and kubelet, as in the model,
 * the kubelet never writes it then, so that drop changes nothing here and is not modelled.
 */
import type { Container, VolumeMountStatus } from '../api/types.ts';
import { formatVersion, gateExists, type KubeVersion } from '../version/index.ts';

export class VolumeMountStatusError extends Error {
  override name = 'VolumeMountStatusError';
}

const GATE = 'RecursiveReadOnlyMounts';
/** pkg/features/kube_features.go: RecursiveReadOnlyMounts is GA with LockToDefault from 1.33. */
export const RECURSIVE_READ_ONLY_LOCKED_SINCE = 33;

/** Whether the kubelet writes status volumeMounts; a gate set where the kubelet would refuse it is an error. */
export function recursiveReadOnlyMountsEnabled(version: KubeVersion): boolean {
  const on = version.gates[GATE] === true;
  if (on && !gateExists(GATE, version.minor)) {
    throw new VolumeMountStatusError(`feature gate ${GATE} does not exist in Kubernetes ${formatVersion(version)}`);
  }
  // component-base featuregate (*featureGate).Set on a locked gate
  if (!on && version.minor >= RECURSIVE_READ_ONLY_LOCKED_SINCE) {
    throw new VolumeMountStatusError(`cannot set feature gate ${GATE} to false, feature is locked to true`);
  }
  return on;
}

export type RecursiveReadOnlyResolution = { readonly enabled: boolean } | { readonly error: string };

/** pkg/kubelet/kubelet_pods.go resolveRecursiveReadOnly (the error texts are the kubelet's). */
export function resolveRecursiveReadOnly(
  mount: Readonly<Record<string, unknown>>,
  runtimeSupportsRRO: boolean,
): RecursiveReadOnlyResolution {
  const mode = mount.recursiveReadOnly;
  if (mode === undefined || mode === null || mode === 'Disabled') return { enabled: false };
  const name = String(mount.name);
  if (mount.readOnly !== true) {
    return { error: `volume "${name}" requested recursive read-only mode, but it is not read-only` };
  }
  const propagation = mount.mountPropagation;
  if (propagation !== undefined && propagation !== null && propagation !== 'None') {
    return {
      error: `volume "${name}" requested recursive read-only mode, but it is not compatible with propagation "${String(propagation)}"`,
    };
  }
  if (mode === 'IfPossible') return { enabled: runtimeSupportsRRO };
  if (mode === 'Enabled') {
    return runtimeSupportsRRO
      ? { enabled: true }
      : { error: `volume "${name}" requested recursive read-only mode, but it is not supported by the runtime` };
  }
  return { error: `unknown recursive read-only mode "${String(mode)}"` };
}

function mountsOf(container: Container): Record<string, unknown>[] {
  const list = container.volumeMounts;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    throw new VolumeMountStatusError(`container "${container.name}": volumeMounts must be a list`);
  }
  return list.map((m, i) => {
    const ok =
      m !== null &&
      typeof m === 'object' &&
      typeof (m as Record<string, unknown>).name === 'string' &&
      typeof (m as Record<string, unknown>).mountPath === 'string';
    if (!ok) {
      throw new VolumeMountStatusError(
        `container "${container.name}": volumeMounts[${i}] needs a string name and mountPath`,
      );
    }
    return m as Record<string, unknown>;
  });
}

/**
 * The volumeMounts of a container's default status, or undefined when the kubelet writes none (gate off, or no
 * mounts: Go appends to a nil slice, and omitempty leaves it out).
 * `runtimeSupportsRRO` is runtimeClassSupportsRecursiveReadOnlyMounts: the node's status.runtimeHandlers entry
 * for the pod's handler; a runtime that reports no handlers (as the virtual nodes do) supports none.
 */
export function volumeMountStatuses(
  container: Container,
  version: KubeVersion,
  runtimeSupportsRRO = false,
): VolumeMountStatus[] | undefined {
  if (!recursiveReadOnlyMountsEnabled(version)) return undefined;
  const out: VolumeMountStatus[] = mountsOf(container).map((m) => {
    const status: VolumeMountStatus = { name: m.name as string, mountPath: m.mountPath as string };
    if (m.readOnly === true) {
      status.readOnly = true;
      const rro = resolveRecursiveReadOnly(m, runtimeSupportsRRO);
      status.recursiveReadOnly = 'enabled' in rro && rro.enabled ? 'Enabled' : 'Disabled';
    }
    return status;
  });
  return out.length > 0 ? out : undefined;
}
