/**
 * One row of `kubectl get pods`: NAME READY STATUS RESTARTS AGE (+ IP NODE NOMINATED NODE READINESS GATES with -o wide).
 *
 * Where it runs: `kubectl get` asks the API server for a Table (server-side printing), and the server fills the
 * cells with pkg/printers/internalversion/printers.go printPod; kubectl only lays the table out. So the STATUS/READY/RESTARTS rules follow the API server's
 * release (`minor` below); with kubectl and the cluster at the same release that is also the kubectl minor.
 * Times are seconds on the virtual clock; `now` stands for the server's clock when it renders the row.
 */
import type {
  Container,
  ContainerStateTerminated,
  ContainerStatus,
  Pod,
  PodCondition,
  PodStatus,
} from '../api/types.ts';
import { parseMinor } from '../version/index.ts';
import { translateTimestampSince } from './human-duration.ts';
import { GET_TABWRITER_OPTIONS, TabWriter } from './tabwriter.ts';

/** The first release (1.<minor>) whose printPod has each change; before it, the older rule applies. */
export const PRINT_POD_SINCE = Object.freeze({
  /** PR #113274 (KEP-3521 pod scheduling readiness): STATUS `SchedulingGated` */
  schedulingGated: 26,
  /**
   * PR #116429 (KEP-753 sidecar containers): restartable init containers count in READY and RESTARTS, a started
   * sidecar does not hold the pod in Init, an Initialized=True condition shows the app containers; and RESTARTS
   * drops "(… ago)" when the shown count is 0 (this guard is in the 1.28 code and absent from a pre-1.26 copy; its
   * exact release in between is unconfirmed, so it is tied to this one).
   */
  sidecars: 28,
  /** PR #122038 (CHANGELOG-1.31): a Succeeded/Failed pod with a deletionTimestamp keeps its status, not Terminating */
  terminalNotTerminating: 31,
  /** PR #124766 (approved 2025-09, the 1.35 cycle): a pod shown as Completed shows a failed container's reason */
  failedContainerOverCompleted: 35,
});

export interface TableRowCondition {
  readonly type: 'Completed';
  readonly status: 'True';
  readonly reason: string;
  readonly message: string;
}

export interface PodRow {
  /** NAME, READY, STATUS, RESTARTS, AGE, then with wide: IP, NODE, NOMINATED NODE, READINESS GATES */
  readonly cells: readonly string[];
  /** metav1.TableRow conditions: set for Succeeded and Failed pods (used by `kubectl get` to mark finished rows) */
  readonly conditions: readonly TableRowCondition[] | null;
}

export interface PrintPodOptions {
  /** virtual-clock seconds at which the row is rendered */
  readonly now: number;
  /** the Kubernetes minor release of the API server that renders the table (1.23..1.35) */
  readonly minor: number;
  /** `-o wide` */
  readonly wide?: boolean;
}

// pkg/printers/internalversion/printers.go podSuccessConditions / podFailedConditions
const POD_SUCCESS_CONDITIONS: readonly TableRowCondition[] = Object.freeze([
  Object.freeze({
    type: 'Completed',
    status: 'True',
    reason: 'Succeeded',
    message: 'The pod has completed successfully.',
  } as const),
]);
const POD_FAILED_CONDITIONS: readonly TableRowCondition[] = Object.freeze([
  Object.freeze({ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' } as const),
]);

export class PrintPodError extends Error {
  override name = 'PrintPodError';
}

// pkg/api/v1/pod/util.go IsRestartableInitContainer (nil-safe: a status may name a container the spec lacks)
function isRestartableInitContainer(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

// pkg/printers/internalversion/printers.go isPodInitializedConditionTrue: the first Initialized condition decides
function isPodInitializedConditionTrue(conditions: readonly PodCondition[]): boolean {
  const initialized = conditions.find((c) => c.type === 'Initialized');
  return initialized?.status === 'True';
}

// pkg/printers/internalversion/printers.go hasPodReadyCondition
function hasPodReadyCondition(conditions: readonly PodCondition[]): boolean {
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

// pkg/api/v1/pod/util.go IsPodPhaseTerminal
function isPodPhaseTerminal(phase: string): boolean {
  return phase === 'Succeeded' || phase === 'Failed';
}

/** The later of two instants; undefined is Go's zero time, earlier than any instant (metav1.Time.Before). */
function later(current: number | undefined, candidate: number | undefined): number | undefined {
  if (candidate === undefined) return current;
  return current === undefined || current < candidate ? candidate : current;
}

function lastTerminationFinishedAt(status: ContainerStatus): number | undefined {
  return status.lastState?.terminated?.finishedAt ?? undefined;
}

// pkg/printers/internalversion/printers.go printPod: "Signal:%d" / "ExitCode:%d" when a terminated state has no reason
function terminatedReason(terminated: ContainerStateTerminated): string {
  if (terminated.reason) return terminated.reason;
  if (terminated.signal) return `Signal:${terminated.signal}`;
  return `ExitCode:${terminated.exitCode ?? 0}`;
}

interface ReadinessGate {
  conditionType: string;
}

function readinessGatesOf(pod: Pod): ReadinessGate[] {
  const gates = pod.spec.readinessGates;
  if (gates === undefined || gates === null) return [];
  if (!Array.isArray(gates) || gates.some((g) => typeof g?.conditionType !== 'string')) {
    throw new PrintPodError(`pod ${pod.metadata.name ?? ''}: spec.readinessGates must be a list of {conditionType}`);
  }
  return gates as ReadinessGate[];
}

interface InitProgress {
  reason: string;
  initializing: boolean;
  restarts: number;
  lastRestart: number | undefined;
  sidecarRestarts: number;
  lastSidecarRestart: number | undefined;
  readySidecars: number;
}

// pkg/printers/internalversion/printers.go printPod: the init-container loop stops at the first unfinished one
function initContainerProgress(pod: Pod, status: PodStatus, reason: string, sidecarAware: boolean): InitProgress {
  const specInit = pod.spec.initContainers ?? [];
  const byName = new Map<string, Container>();
  for (const c of specInit) byName.set(c.name, c);
  const p: InitProgress = {
    reason,
    initializing: false,
    restarts: 0,
    lastRestart: undefined,
    sidecarRestarts: 0,
    lastSidecarRestart: undefined,
    readySidecars: 0,
  };
  const statuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < statuses.length; i++) {
    const c = statuses[i]!;
    p.restarts += c.restartCount ?? 0;
    p.lastRestart = later(p.lastRestart, lastTerminationFinishedAt(c));
    const sidecar = sidecarAware && isRestartableInitContainer(byName.get(c.name));
    if (sidecar) {
      p.sidecarRestarts += c.restartCount ?? 0;
      p.lastSidecarRestart = later(p.lastSidecarRestart, lastTerminationFinishedAt(c));
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) p.readySidecars++;
      continue;
    }
    if (terminated) {
      p.reason = `Init:${terminatedReason(terminated)}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      p.reason = `Init:${waiting.reason}`;
    } else {
      p.reason = `Init:${i}/${specInit.length}`;
    }
    p.initializing = true;
    break;
  }
  return p;
}

/** The cells of one `kubectl get pods` row. */
// pkg/printers/internalversion/printers.go printPod
export function printPod(pod: Pod, options: PrintPodOptions): PodRow {
  const minor = parseMinor(options.minor);
  const { now } = options;
  if (!Number.isFinite(now)) throw new PrintPodError(`now must be a finite number of seconds, got ${now}`);
  if (!pod?.spec || !Array.isArray(pod.spec.containers)) {
    throw new PrintPodError('printPod needs a pod with spec.containers');
  }
  const status: PodStatus = pod.status ?? {};
  const conditions = status.conditions ?? [];
  const sidecarAware = minor >= PRINT_POD_SINCE.sidecars;
  const phase = status.phase ?? '';

  let reason = status.reason ? status.reason : phase;
  // printers.go printPod: {type: PodScheduled, reason: SchedulingGated} shows as SchedulingGated
  if (
    minor >= PRINT_POD_SINCE.schedulingGated &&
    conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')
  ) {
    reason = 'SchedulingGated';
  }
  let rowConditions: readonly TableRowCondition[] | null = null;
  if (phase === 'Succeeded') rowConditions = POD_SUCCESS_CONDITIONS;
  else if (phase === 'Failed') rowConditions = POD_FAILED_CONDITIONS;

  let total = pod.spec.containers.length;
  if (sidecarAware) total += (pod.spec.initContainers ?? []).filter(isRestartableInitContainer).length;

  const init = initContainerProgress(pod, status, reason, sidecarAware);
  reason = init.reason;
  let ready = init.readySidecars;
  let restarts = init.restarts;
  let lastRestart = init.lastRestart;

  // printers.go printPod: app containers decide once init is done (or the pod reports Initialized=True)
  if (!init.initializing || (sidecarAware && isPodInitializedConditionTrue(conditions))) {
    // only sidecar restarts carry over; before 1.28 the init containers' last restart time was kept
    restarts = sidecarAware ? init.sidecarRestarts : 0;
    if (sidecarAware) lastRestart = init.lastSidecarRestart;
    let hasRunning = false;
    let errorReason = '';
    const statuses = status.containerStatuses ?? [];
    // last to first, so the first container's state wins
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, lastTerminationFinishedAt(c));
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting?.reason) {
        reason = waiting.reason;
      } else if (terminated) {
        reason = terminatedReason(terminated);
        if ((terminated.exitCode ?? 0) !== 0) errorReason = reason;
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    reason = completedPodReason(reason, hasRunning, errorReason, hasPodReadyCondition(conditions), minor);
  }

  const deleted = pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
  // printers.go printPod: node.NodeUnreachablePodReason ("NodeLost") on a deleted pod shows as Unknown
  if (deleted && status.reason === 'NodeLost') {
    reason = 'Unknown';
  } else if (deleted && (minor < PRINT_POD_SINCE.terminalNotTerminating || !isPodPhaseTerminal(phase))) {
    reason = 'Terminating';
  }

  // printers.go printPod: "%d (%s ago)" from the latest lastState.terminated.finishedAt
  const showAgo = lastRestart !== undefined && (!sidecarAware || restarts !== 0);
  const restartsCell = showAgo ? `${restarts} (${translateTimestampSince(lastRestart, now)} ago)` : `${restarts}`;

  const cells = [
    pod.metadata.name ?? '',
    `${ready}/${total}`,
    reason,
    restartsCell,
    translateTimestampSince(pod.metadata.creationTimestamp, now),
  ];
  if (options.wide) cells.push(...wideCells(pod, status, conditions));
  return { cells, conditions: rowConditions };
}

// printers.go printPod: "Completed" while a container still runs reads Running/NotReady; from 1.35 a failed
// container's reason wins over Completed
function completedPodReason(
  reason: string,
  hasRunning: boolean,
  errorReason: string,
  podReady: boolean,
  minor: number,
): string {
  if (reason !== 'Completed') return reason;
  if (minor >= PRINT_POD_SINCE.failedContainerOverCompleted) {
    if (hasRunning && podReady) return 'Running';
    if (errorReason) return errorReason;
    return hasRunning ? 'NotReady' : reason;
  }
  if (!hasRunning) return reason;
  return podReady ? 'Running' : 'NotReady';
}

// printers.go printPod (options.Wide): the first of status.podIPs (status.podIP alone is not read), nodeName,
// nominatedNodeName, and "<true gates>/<gates>"; "<none>" for anything empty
function wideCells(pod: Pod, status: PodStatus, conditions: readonly PodCondition[]): string[] {
  const gates = readinessGatesOf(pod);
  let readinessGates = '<none>';
  if (gates.length > 0) {
    let trueConditions = 0;
    for (const gate of gates) {
      const condition = conditions.find((c) => c.type === gate.conditionType);
      if (condition?.status === 'True') trueConditions++;
    }
    readinessGates = `${trueConditions}/${gates.length}`;
  }
  return [
    status.podIPs?.[0]?.ip || '<none>',
    pod.spec.nodeName || '<none>',
    status.nominatedNodeName || '<none>',
    readinessGates,
  ];
}

// pkg/printers/internalversion/printers.go AddHandlers podColumnDefinitions (priority 1 = only with -o wide)
const POD_COLUMNS: readonly { readonly name: string; readonly wideOnly: boolean }[] = [
  { name: 'Name', wideOnly: false },
  { name: 'Ready', wideOnly: false },
  { name: 'Status', wideOnly: false },
  { name: 'Restarts', wideOnly: false },
  { name: 'Age', wideOnly: false },
  { name: 'IP', wideOnly: true },
  { name: 'Node', wideOnly: true },
  { name: 'Nominated Node', wideOnly: true },
  { name: 'Readiness Gates', wideOnly: true },
];

/** The column names of a pod table, as the server defines them (`Nominated Node`, not upper-cased). */
export function podColumnNames(wide = false): string[] {
  return POD_COLUMNS.filter((c) => wide || !c.wideOnly).map((c) => c.name);
}

export interface GetPodsOptions {
  /** the Kubernetes minor release of the API server that renders the rows (1.23..1.35) */
  readonly minor: number;
  /** `-o wide` */
  readonly wide?: boolean;
  /** `--no-headers` */
  readonly noHeaders?: boolean;
  /** `-A` / `--all-namespaces`: a NAMESPACE column first */
  readonly withNamespace?: boolean;
}

/**
 * `kubectl get pods` output, kept across calls like kubectl's table printer: the header is printed once (with the
 * first rows), and with `--watch` each later batch is one more flush of the same tabwriter, whose remembered widths
 * keep columns from shrinking. Pods are printed in the order given (the API server lists them by namespace/name).
 */
// staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go (HumanReadablePrinter).PrintObj / printTable
export class GetPodsPrinter {
  private readonly options: GetPodsOptions;
  private readonly writer = new TabWriter(GET_TABWRITER_OPTIONS);
  private printedHeaders = false;

  constructor(options: GetPodsOptions) {
    parseMinor(options.minor);
    this.options = options;
  }

  /** The text for one batch of rows (the whole list, or one watch event); '' when there are no rows. */
  print(pods: readonly Pod[], now: number): string {
    const { minor, wide = false, noHeaders = false, withNamespace = false } = this.options;
    // tableprinter.go printTable: no header (and nothing at all) for a table without rows
    if (pods.length === 0) return '';
    let text = '';
    if (!noHeaders && !this.printedHeaders) {
      const names = podColumnNames(wide).map((n) => n.toUpperCase());
      text += `${(withNamespace ? ['NAMESPACE', ...names] : names).join('\t')}\n`;
    }
    this.printedHeaders = true;
    for (const pod of pods) {
      const cells = printPod(pod, { now, minor, wide }).cells.map(truncateAtNewline);
      if (withNamespace) cells.unshift(pod.metadata.namespace ?? '');
      text += `${cells.join('\t')}\n`;
    }
    return this.writer.write(text).flush().read();
  }
}

// tableprinter.go printTable: a string cell is cut at its first newline and marked with "..."
function truncateAtNewline(cell: string): string {
  const newline = cell.indexOf('\n');
  return newline < 0 ? cell : `${cell.slice(0, newline)}...`;
}

/** The whole output of one `kubectl get pods` (without --watch). */
export function renderGetPods(pods: readonly Pod[], options: GetPodsOptions & { readonly now: number }): string {
  return new GetPodsPrinter(options).print(pods, options.now);
}
