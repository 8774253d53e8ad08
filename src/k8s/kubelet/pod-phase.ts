/**
 * The kubelet's pod phase: getPhase (pkg/kubelet/kubelet_pods.go) in each form found in 1.23..1.35, and the
 * terminal-phase stickiness that generateAPIPodStatus applies after it.
 *
 * Forms, pinned from source (see pinPhaseFormula):
 * - 'classic'       1.23-1.27  one loop over init containers; any pending init container means Pending.
 *                              podIsTerminal (PR #115331, 1.27) lets a terminal pod end Succeeded/Failed.
 * - 'single-counter' 1.28-1.31 sidecar branches (KEP-753); one pendingInitialization counter, ignored once any
 *                              regular container has started (HasAnyRegularContainerStarted).
 * - 'split-counter' 1.32+      pendingRegularInitContainers always means Pending; pendingRestartableInitContainers
 *                              only until the pod has initialized (PR #126653, after the 1.31 release).
 * Under ContainerRestartRules (1.34 alpha, 1.35 beta) the split form also asks ContainerShouldRestart which
 * stopped containers will restart.
 */
import type { Container, ContainerStatus, PodPhase, PodSpec } from '../api/types.ts';
import type { KubeVersion } from '../version/index.ts';
import { containerShouldRestart, gateOn, isSidecar } from './restart.ts';

export type PhaseFormula = 'classic' | 'single-counter' | 'split-counter';

/**
 * The getPhase form of a release. Boundaries: sidecar branches arrived with SidecarContainers alpha (1.28); the
 * split counters come from PR #126653, reviewed after 1.31 shipped (Aug 2024), and a kubelet_pods.go that still
 * has the single counter also carries 1.31 features (SupplementalGroupsPolicy user status): so 1.32. Confidence:
 * high for 1.28, medium-high for 1.32 (a 1.31 patch backport was not ruled out).
 */
export function pinPhaseFormula(version: KubeVersion): PhaseFormula {
  if (version.minor >= 32) return 'split-counter';
  if (version.minor >= 28) return 'single-counter';
  return 'classic';
}

export interface PhaseInput {
  spec: PodSpec;
  /** API container statuses of init and regular containers (kubelet passes both lists together) */
  statuses: ContainerStatus[];
  /** the pod worker decided the pod is terminal (deleted, evicted, or done): containers will not restart */
  podIsTerminal?: boolean;
  /** static pods never get a terminal phase from podIsTerminal (TODO #116484 in the kubelet) */
  staticPod?: boolean;
  /**
   * any regular container of the current sandbox has started. Default: HasAnyRegularContainerStarted over the
   * statuses (the 3-argument getPhase of 1.32); 1.33+ kubelets compute it from the runtime's active containers.
   */
  podHasInitialized?: boolean;
}

function statusOf(statuses: ContainerStatus[], name: string): ContainerStatus | undefined {
  return statuses.find((s) => s.name === name);
}

// pkg/kubelet/container/helpers.go HasAnyRegularContainerStarted: a regular container is running or terminated.
export function hasAnyRegularContainerStarted(spec: PodSpec, statuses: ContainerStatus[]): boolean {
  const names = new Set(spec.containers.map((c) => c.name));
  return statuses.some(
    (s) => names.has(s.name) && (s.state?.running !== undefined || s.state?.terminated !== undefined),
  );
}

interface Counters {
  pendingRegularInit: number;
  pendingRestartableInit: number;
  failedInit: number;
  failedInitNotRestartable: number;
  unknown: number;
  running: number;
  waiting: number;
  stopped: number;
  stoppedNotRestartable: number;
  succeeded: number;
}

/** The exit code of a terminated state; Go's zero value when the field is missing. */
function exitOf(t: { exitCode?: number } | undefined): number {
  return t?.exitCode ?? 0;
}

// kubelet_pods.go getPhase, regular init containers: running or not started = pending; a failed one counts as
// failed (and, under ContainerRestartRules, as not restartable if ContainerShouldRestart says so).
function countRegularInit(
  c: Container,
  s: ContainerStatus | undefined,
  spec: PodSpec,
  n: Counters,
  rules: boolean,
): void {
  const state = s?.state;
  if (!state || state.running) {
    n.pendingRegularInit++;
    return;
  }
  const last = state.terminated ?? (state.waiting ? s?.lastState?.terminated : undefined);
  if (!state.terminated && !state.waiting) {
    n.pendingRegularInit++;
    return;
  }
  if (!last) {
    n.pendingRegularInit++; // waiting without a previous termination
    return;
  }
  const code = exitOf(last);
  if (code === 0) return;
  n.failedInit++;
  if (rules && !containerShouldRestart(c, spec, code)) n.failedInitNotRestartable++;
}

// getPhase, sidecars: a started sidecar counts as running; a terminated one (or one in back-off) is ignored.
function countSidecar(s: ContainerStatus | undefined, n: Counters): void {
  const state = s?.state;
  if (!s) {
    n.unknown++;
  } else if (state?.running) {
    if (s.started !== true) n.pendingRestartableInit++;
    n.running++;
  } else if (state?.terminated) {
    // not taken into account
  } else if (state?.waiting) {
    if (!s.lastState?.terminated) {
      n.pendingRestartableInit++;
      n.waiting++;
    }
  } else {
    n.pendingRestartableInit++;
    n.unknown++;
  }
}

// getPhase, regular containers: waiting with a previous termination counts as stopped (restarting).
function countRegular(c: Container, s: ContainerStatus | undefined, spec: PodSpec, n: Counters, rules: boolean): void {
  const state = s?.state;
  if (!s) {
    n.unknown++;
    return;
  }
  const last = state?.terminated ?? (state?.waiting ? s.lastState?.terminated : undefined);
  if (state?.running) {
    n.running++;
  } else if (last) {
    n.stopped++;
    const code = exitOf(last);
    if (rules && !containerShouldRestart(c, spec, code)) n.stoppedNotRestartable++;
    // A waiting container's previous exit does not count as a success, only a current terminated state does.
    if (state?.terminated && code === 0) n.succeeded++;
  } else if (state?.waiting) {
    n.waiting++;
  } else {
    n.unknown++;
  }
}

/** getPhase (pkg/kubelet/kubelet_pods.go) for the form of `version`. */
export function getPhase(input: PhaseInput, version: KubeVersion): PodPhase {
  const { spec, statuses } = input;
  const form = pinPhaseFormula(version);
  const rules = form === 'split-counter' && gateOn(version, 'ContainerRestartRules');
  const n: Counters = {
    pendingRegularInit: 0,
    pendingRestartableInit: 0,
    failedInit: 0,
    failedInitNotRestartable: 0,
    unknown: 0,
    running: 0,
    waiting: 0,
    stopped: 0,
    stoppedNotRestartable: 0,
    succeeded: 0,
  };
  const inits = spec.initContainers ?? [];
  const sidecarAware = form !== 'classic';
  for (const c of inits) {
    if (!(sidecarAware && isSidecar(c, version))) countRegularInit(c, statusOf(statuses, c.name), spec, n, rules);
  }
  if (sidecarAware) {
    for (const c of inits) if (isSidecar(c, version)) countSidecar(statusOf(statuses, c.name), n);
  }
  for (const c of spec.containers) countRegular(c, statusOf(statuses, c.name), spec, n, rules);

  const policy = spec.restartPolicy ?? '';
  if (rules ? n.failedInitNotRestartable > 0 : n.failedInit > 0 && policy === 'Never') return 'Failed';

  if (initPending(form, n, input) || n.waiting > 0) return 'Pending';
  if (n.running > 0 && n.unknown === 0) return 'Running';
  if (n.running === 0 && n.stopped > 0 && n.unknown === 0) return allStoppedPhase(n, policy, input, version, rules);
  return 'Pending';
}

// The Pending test on init containers, per form.
function initPending(form: PhaseFormula, n: Counters, input: PhaseInput): boolean {
  const pendingAll = n.pendingRegularInit + n.pendingRestartableInit;
  if (form === 'classic') return pendingAll > 0;
  const started = input.podHasInitialized ?? hasAnyRegularContainerStarted(input.spec, input.statuses);
  if (form === 'single-counter') return pendingAll > 0 && !started;
  return n.pendingRegularInit > 0 || (n.pendingRestartableInit > 0 && !started);
}

// getPhase, every counted container stopped: a terminal pod ends now (1.27+); otherwise restartPolicy (or, under
// ContainerRestartRules, whether any stopped container will restart) decides.
function allStoppedPhase(
  n: Counters,
  policy: string,
  input: PhaseInput,
  version: KubeVersion,
  rules: boolean,
): PodPhase {
  if (input.podIsTerminal && version.minor >= 27 && !input.staticPod) {
    return n.stopped === n.succeeded ? 'Succeeded' : 'Failed';
  }
  if (rules) {
    if (n.stopped !== n.stoppedNotRestartable) return 'Running';
    return n.stopped === n.succeeded ? 'Succeeded' : 'Failed';
  }
  if (policy === 'Always') return 'Running';
  if (n.stopped === n.succeeded) return 'Succeeded';
  if (policy === 'Never') return 'Failed';
  return 'Running';
}

export interface StickyPhaseInput {
  /** what getPhase returned */
  computed: PodPhase;
  /** the status manager's last phase for the pod (or the API phase when it has none) */
  previous?: { phase?: PodPhase | string; reason?: string; message?: string };
  /** the phase, reason and message currently stored in the API server */
  api?: { phase?: PodPhase | string; reason?: string; message?: string };
  /** an eviction handler (PodSyncHandler.ShouldEvict) asked to evict the pod */
  eviction?: { reason: string; message: string };
}

export interface StickyPhase {
  phase: PodPhase;
  reason?: string;
  message?: string;
  /** the kubelet logged "Pod attempted illegal phase transition" and forced the API phase back */
  illegalTransition: boolean;
}

const isTerminal = (p: string | undefined): p is 'Succeeded' | 'Failed' => p === 'Succeeded' || p === 'Failed';

// pkg/kubelet/kubelet_pods.go generateAPIPodStatus: a terminal phase never goes back. A non-terminal result takes
// the status manager's terminal phase, else the API's; reason/message are kept while the phase is unchanged; an
// eviction forces Failed; and the API's terminal phase always wins in the end.
export function applyTerminalPhaseStickiness(input: StickyPhaseInput): StickyPhase {
  const prev = input.previous ?? input.api ?? {};
  const api = input.api ?? {};
  let phase: PodPhase = input.computed;
  if (!isTerminal(phase)) {
    if (isTerminal(prev.phase)) phase = prev.phase;
    else if (isTerminal(api.phase)) phase = api.phase;
  }
  let reason: string | undefined;
  let message: string | undefined;
  if (phase === prev.phase) {
    reason = prev.reason || api.reason || undefined;
    message = prev.message || api.message || undefined;
  }
  if (input.eviction) {
    phase = 'Failed';
    reason = input.eviction.reason;
    message = input.eviction.message;
  }
  let illegalTransition = false;
  if (isTerminal(api.phase) && phase !== api.phase) {
    illegalTransition = true;
    phase = api.phase;
  }
  return { phase, reason, message, illegalTransition };
}
