/**
 * The kubelet's decision to (re)start a container that is not running, per Kubernetes release:
 * - the classic pod-level rule, kubecontainer.ShouldContainerBeRestarted (pkg/kubelet/container/helpers.go);
 * - KEP-5307 container-level restartPolicy / restartPolicyRules (pkg/api/v1/pod/util.go), gate ContainerRestartRules;
 * - init containers and sidecars (KEP-753), decided by computeInitContainerActions (pkg/kubelet/kuberuntime/
 *   kuberuntime_container.go) when SidecarContainers is on, by findNextInitContainerToRun otherwise;
 * - KEP-5532 RestartAllContainersOnContainerExits (alpha 1.35, off by default).
 * `decideRestart` is the one entry point the virtual cluster calls.
 */
import type { Container, ContainerRestartRule, PodSpec } from '../api/types.ts';
import { type FeatureGate, gateExists, type KubeVersion } from '../version/index.ts';

export class RestartInputError extends Error {
  override name = 'RestartInputError';
}

/** A gate is in effect only in releases where it exists (a kubelet rejects unknown gates) and when it is on. */
export function gateOn(version: KubeVersion, gate: FeatureGate): boolean {
  return gateExists(gate, version.minor) && version.gates[gate] === true;
}

const POD_POLICIES = ['Always', 'OnFailure', 'Never'] as const;
type PodPolicy = (typeof POD_POLICIES)[number];

/** The pod's restartPolicy; unset or "" behaves as the default Always in the kubelet's switches. */
function podPolicyOf(spec: Pick<PodSpec, 'restartPolicy'>): PodPolicy | '' {
  const p = spec.restartPolicy ?? '';
  if (p === '' || (POD_POLICIES as readonly string[]).includes(p)) return p as PodPolicy | '';
  throw new RestartInputError(`unsupported pod restartPolicy "${p}": expected Always, OnFailure or Never`);
}

/** The container-level restartPolicy, or undefined when the field is not set. */
function containerPolicyOf(c: Pick<Container, 'name' | 'restartPolicy'>): PodPolicy | undefined {
  const p = c.restartPolicy;
  if (p === undefined || p === null) return undefined;
  if ((POD_POLICIES as readonly string[]).includes(p)) return p as PodPolicy;
  throw new RestartInputError(
    `unsupported restartPolicy "${String(p)}" on container "${c.name}": expected Always, OnFailure or Never`,
  );
}

function checkExitCode(exitCode: number): number {
  if (!Number.isInteger(exitCode)) throw new RestartInputError(`exit code must be an integer, got ${exitCode}`);
  return exitCode;
}

/** Result of findMatchingContainerRestartRule: the first matching rule, or found=false. */
export interface RuleMatch {
  found: boolean;
  rule: ContainerRestartRule | null;
  /** index of the rule in restartPolicyRules, -1 when none matched */
  index: number;
}

// pkg/api/v1/pod/util.go findMatchingContainerRestartRule: first match wins; a rule without exitCodes never
// matches; In = code listed, NotIn = code not listed; an unknown operator skips the rule.
export function findMatchingContainerRestartRule(
  container: Pick<Container, 'restartPolicyRules'>,
  exitCode: number,
): RuleMatch {
  checkExitCode(exitCode);
  const rules = container.restartPolicyRules ?? [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (!rule.exitCodes) continue;
    const listed = (rule.exitCodes.values ?? []).includes(exitCode);
    if (rule.exitCodes.operator === 'In' && listed) return { found: true, rule, index: i };
    if (rule.exitCodes.operator === 'NotIn' && !listed) return { found: true, rule, index: i };
  }
  return { found: false, rule: null, index: -1 };
}

// pkg/api/v1/pod/util.go ContainerShouldRestart: the container's rules (only when its restartPolicy is set), then
// its restartPolicy, then the pod's restartPolicy (default arm: true). A matched rule whose action is not
// "Restart" falls through to the container policy. `restartAllOn` models KEP-5532's RestartAllContainers action,
// which also means "restart" when RestartAllContainersOnContainerExits is on.
export function containerShouldRestart(
  container: Pick<Container, 'name' | 'restartPolicy' | 'restartPolicyRules'>,
  spec: Pick<PodSpec, 'restartPolicy'>,
  exitCode: number,
  restartAllOn = false,
): boolean {
  checkExitCode(exitCode);
  const own = containerPolicyOf(container);
  if (own !== undefined) {
    const { rule } = findMatchingContainerRestartRule(container, exitCode);
    if (rule?.action === 'Restart') return true;
    if (rule?.action === 'RestartAllContainers' && restartAllOn) return true;
    if (own === 'Always') return true;
    if (own === 'OnFailure') return exitCode !== 0;
    return false;
  }
  const pod = podPolicyOf(spec);
  if (pod === 'OnFailure') return exitCode !== 0;
  return pod !== 'Never';
}

// pkg/api/v1/pod/util.go IsContainerRestartable: any "Restart" rule, else the container policy if set, else the
// pod policy. Unlike the matcher, a rule without exitCodes still counts here.
export function isContainerRestartable(
  spec: Pick<PodSpec, 'restartPolicy'>,
  container: Pick<Container, 'name' | 'restartPolicy' | 'restartPolicyRules'>,
): boolean {
  const own = containerPolicyOf(container);
  if (own !== undefined) {
    if ((container.restartPolicyRules ?? []).some((r) => r.action === 'Restart')) return true;
    return own !== 'Never';
  }
  return podPolicyOf(spec) !== 'Never';
}

// pkg/api/v1/pod/util.go IsRestartableInitContainer: an init container with restartPolicy Always is a sidecar.
// The API server drops the field while SidecarContainers is off (absent before 1.28, off by default in 1.28).
export function isSidecar(initContainer: Pick<Container, 'restartPolicy'>, version: KubeVersion): boolean {
  return gateOn(version, 'SidecarContainers') && initContainer.restartPolicy === 'Always';
}

/** The kubelet runtime's view of a container (kubecontainer.State): the newest record with that name. */
export type RuntimeState = 'running' | 'exited' | 'created' | 'unknown';

export interface LatestRuntimeStatus {
  state: RuntimeState;
  /** exit code of an exited container */
  exitCode?: number;
}

/** Which rule of the kubelet decided. */
export type RestartRuleId =
  | 'pod-deleted'
  | 'never-ran'
  | 'running'
  | 'unknown-or-created'
  | 'pod-policy'
  | 'container-policy'
  | 'container-rule'
  | 'restart-all-containers'
  | 'sidecar'
  | 'init-succeeded'
  | 'init-failed';

/** The kubelet function that takes the decision (docs cite it). */
export type DecidingFunction =
  | 'kubecontainer.ShouldContainerBeRestarted'
  | 'computeInitContainerActions'
  | 'findNextInitContainerToRun';

export interface RestartDecision {
  /** start the container (again) on the next sync */
  restart: boolean;
  /** KEP-5532: every container of the pod is restarted in place */
  restartAllContainers: boolean;
  /** the pod is killed and will end Failed (a regular init container failed and may not restart) */
  killPod: boolean;
  rule: RestartRuleId;
  decidedBy: DecidingFunction;
  /** one line saying why, for docs */
  reason: string;
  /** the kubelet's own log line for this outcome, when it writes one */
  kubeletLog?: string;
}

export interface RestartInput {
  container: Container;
  /** the pod's spec (restartPolicy; initContainers tell whether `container` is an init container) */
  spec: PodSpec;
  /** pod.metadata.deletionTimestamp is set */
  deleted?: boolean;
  /** newest runtime record of the container, null when it never ran or every record was garbage-collected */
  latest: LatestRuntimeStatus | null;
  /** override the role; by default a container listed in spec.initContainers is an init container */
  role?: 'container' | 'init';
}

// Log lines, pkg/kubelet/container/helpers.go ShouldContainerBeRestarted and kuberuntime_manager.go
// computePodActions (klog V(3)/V(4)).
export const LOG_ALREADY_RAN = 'Already ran container, do nothing';
export const LOG_ALREADY_SUCCEEDED = 'Already successfully ran container, do nothing';
export const LOG_SHALL_BE_STARTED = 'Container of pod is not in the desired state and shall be started';
export const LOG_INIT_INITIALIZED = 'Init container has been initialized';

function decision(
  restart: boolean,
  rule: RestartRuleId,
  decidedBy: DecidingFunction,
  reason: string,
  extra: Partial<Pick<RestartDecision, 'restartAllContainers' | 'killPod' | 'kubeletLog'>> = {},
): RestartDecision {
  return { restart, restartAllContainers: false, killPod: false, rule, decidedBy, reason, ...extra };
}

function exitCodeOf(latest: LatestRuntimeStatus, name: string): number {
  if (latest.exitCode === undefined) {
    throw new RestartInputError(`container "${name}" is exited but its exit code is missing`);
  }
  return checkExitCode(latest.exitCode);
}

/**
 * Whether the kubelet starts a non-running container again, and why, for the given release and gates.
 * Regular containers: kubecontainer.ShouldContainerBeRestarted. Init containers: computeInitContainerActions
 * (SidecarContainers on) or findNextInitContainerToRun (off).
 */
export function decideRestart(input: RestartInput, version: KubeVersion): RestartDecision {
  const { container, spec } = input;
  podPolicyOf(spec); // reject an invalid pod policy whatever the path
  const role =
    input.role ?? ((spec.initContainers ?? []).some((c) => c.name === container.name) ? 'init' : 'container');
  if (role === 'init') return decideInitRestart(input, version);
  return shouldContainerBeRestarted(input, version);
}

// pkg/kubelet/container/helpers.go ShouldContainerBeRestarted. With ContainerRestartRules (alpha 1.34, beta 1.35)
// the exited case is decided by podutil.ContainerShouldRestart with the last exit code, as the 1.34/1.35 prober
// worker (pkg/kubelet/prober/worker.go doProbe) and getPhase (kubelet_pods.go) do under the same gate.
export function shouldContainerBeRestarted(input: RestartInput, version: KubeVersion): RestartDecision {
  const by = 'kubecontainer.ShouldContainerBeRestarted';
  const { container, spec, latest } = input;
  if (input.deleted) return decision(false, 'pod-deleted', by, 'the pod is being deleted: no container is restarted');
  if (latest === null) {
    return decision(true, 'never-ran', by, 'no runtime record (never ran, or garbage-collected): start it', {
      kubeletLog: LOG_SHALL_BE_STARTED,
    });
  }
  if (latest.state === 'running') return decision(false, 'running', by, 'the container is running');
  if (latest.state === 'unknown' || latest.state === 'created') {
    return decision(true, 'unknown-or-created', by, `the container is in state "${latest.state}": start it again`, {
      kubeletLog: LOG_SHALL_BE_STARTED,
    });
  }
  const exitCode = exitCodeOf(latest, container.name);
  if (gateOn(version, 'ContainerRestartRules')) return containerLevelDecision(input, exitCode, version);
  const policy = podPolicyOf(spec);
  if (policy === 'Never') {
    return decision(false, 'pod-policy', by, 'restartPolicy Never: an exited container is not restarted', {
      kubeletLog: LOG_ALREADY_RAN,
    });
  }
  if (policy === 'OnFailure' && exitCode === 0) {
    return decision(false, 'pod-policy', by, 'restartPolicy OnFailure and exit code 0: not restarted', {
      kubeletLog: LOG_ALREADY_SUCCEEDED,
    });
  }
  const why = policy === 'OnFailure' ? `OnFailure and exit code ${exitCode}` : `${policy || 'Always (default)'}`;
  return decision(true, 'pod-policy', by, `restartPolicy ${why}: restart`, { kubeletLog: LOG_SHALL_BE_STARTED });
}

// The exited branch under ContainerRestartRules: podutil.ContainerShouldRestart, plus KEP-5532's
// RestartAllContainers action when RestartAllContainersOnContainerExits is on.
function containerLevelDecision(input: RestartInput, exitCode: number, version: KubeVersion): RestartDecision {
  const by = 'kubecontainer.ShouldContainerBeRestarted';
  const { container, spec } = input;
  const restartAllOn = gateOn(version, 'RestartAllContainersOnContainerExits');
  const restart = containerShouldRestart(container, spec, exitCode, restartAllOn);
  const log = restart ? LOG_SHALL_BE_STARTED : undefined;
  const own = containerPolicyOf(container);
  if (own !== undefined) {
    const { rule, index } = findMatchingContainerRestartRule(container, exitCode);
    if (rule?.action === 'RestartAllContainers' && restartAllOn) {
      return decision(
        true,
        'restart-all-containers',
        by,
        `exit code ${exitCode} matched restartPolicyRules[${index}] (RestartAllContainers): the whole pod restarts in place`,
        {
          restartAllContainers: true,
          kubeletLog: log,
        },
      );
    }
    if (rule?.action === 'Restart') {
      return decision(
        true,
        'container-rule',
        by,
        `exit code ${exitCode} matched restartPolicyRules[${index}] (Restart)`,
        {
          kubeletLog: log,
        },
      );
    }
    return decision(
      restart,
      'container-policy',
      by,
      `container restartPolicy ${own}, exit code ${exitCode}: ${restart ? 'restart' : 'not restarted'}`,
      {
        kubeletLog: log,
      },
    );
  }
  const pod = podPolicyOf(spec) || 'Always (default)';
  return decision(
    restart,
    'pod-policy',
    by,
    `restartPolicy ${pod}, exit code ${exitCode}: ${restart ? 'restart' : 'not restarted'}`,
    {
      kubeletLog: log,
    },
  );
}

// pkg/kubelet/kuberuntime/kuberuntime_container.go computeInitContainerActions (SidecarContainers on, 1.29+ by
// default) and findNextInitContainerToRun + computePodActions (gate off): a sidecar is restarted on every exit
// whatever the pod policy; a regular init container that succeeded is done; one that failed is restarted unless
// the pod may not restart it, in which case the pod is killed (and getPhase reports Failed).
function decideInitRestart(input: RestartInput, version: KubeVersion): RestartDecision {
  const { container, spec, latest } = input;
  const sidecarsOn = gateOn(version, 'SidecarContainers');
  const by: DecidingFunction = sidecarsOn ? 'computeInitContainerActions' : 'findNextInitContainerToRun';
  if (input.deleted) return decision(false, 'pod-deleted', by, 'the pod is being deleted: no container is restarted');
  const sidecar = isSidecar(container, version);
  if (latest === null) return decision(true, 'never-ran', by, 'init container not started yet: it starts in its turn');
  if (latest.state === 'running') {
    return decision(false, 'running', by, sidecar ? 'the sidecar is running' : 'the init container is running');
  }
  if (sidecar) {
    return decision(
      true,
      'sidecar',
      by,
      `sidecar (restartPolicy Always) in state "${latest.state}": restarted whatever the pod restartPolicy`,
    );
  }
  if (latest.state === 'created') {
    return decision(true, 'unknown-or-created', by, 'init container stuck in "created": start it again');
  }
  const failed = latest.state === 'unknown' || exitCodeOf(latest, container.name) !== 0;
  if (!failed)
    return decision(false, 'init-succeeded', by, 'init container exited 0: done', { kubeletLog: LOG_INIT_INITIALIZED });
  if (initMayRestartOnFailure(container, spec, version)) {
    return decision(true, 'init-failed', by, 'init container failed: restarted (with back-off) until it succeeds');
  }
  return decision(
    false,
    'init-failed',
    by,
    'init container failed and may not restart (restartPolicy Never): the pod is killed and fails',
    {
      killPod: true,
    },
  );
}

// computeInitContainerActions: restartOnFailure = shouldRestartOnFailure(pod) (pod policy != Never); under
// ContainerRestartRules the init container's own restartPolicy, when set, takes precedence (rules are not
// evaluated there: the 1.35 code says the container might not have exited).
function initMayRestartOnFailure(container: Container, spec: PodSpec, version: KubeVersion): boolean {
  const own = containerPolicyOf(container);
  if (gateOn(version, 'ContainerRestartRules') && own !== undefined) return own !== 'Never';
  return podPolicyOf(spec) !== 'Never';
}
