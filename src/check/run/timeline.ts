/**
 * Playing a ```timeline``` block: a fresh cluster of the block's scenario (the same construction as a page
 * session, session.ts), the page's manifests of that scenario above it as the client's files, `kubectl apply -f`
 * of its `file=` at time 0, its steps at their times, then the clock moved on to `until`. The checker plays a
 * timeline to prove it runs; the site plays it again with a recorder attached (`observe`) to draw the chart.
 * Every command must succeed (a `kubectl exec` whose remote command exits non-zero is a story, not a failure).
 */
import type { SchemaPack } from '../../manifest/schema/index.ts';
import type { Cluster } from '../../sim/index.ts';
import type { CommandResult, CommandTarget } from '../../sim/shell/types.ts';
import type { Example, Step, TimelineExample } from '../extract/index.ts';
import { interactiveExec, kubectlCalls } from '../extract/shell-words.ts';
import { applyDirective } from './clock.ts';
import { lineStart } from './locate.ts';
import { openSession, type Session, shellContext } from './session.ts';
import type { CheckFailure, RunCommand } from './types.ts';

export interface PlayTimelineOptions {
  /** Called with the fresh cluster before anything is applied (attach a recorder here). */
  observe?: (cluster: Cluster, session: Session) => void;
}

export interface TimelinePlay {
  failures: CheckFailure[];
  /** The session played (absent when its cluster could not be built). */
  session?: Session;
  /** Commands run: the `apply -f` of `file=` and the steps. */
  commands: number;
  /** Virtual Unix time of t = 0 and of the end (`start + until`). */
  start?: number;
  end?: number;
}

/** `podbook: X is not modelled by the virtual cluster` (src/sim/shell/result.ts). */
const NOT_MODELLED = /^podbook: (.*) is not modelled by the virtual cluster$/m;
/** client-go remotecommand: the remote command's own non-zero status, passed through by `kubectl exec`. */
const REMOTE_STATUS = /^command terminated with exit code \d+\n?$/m;

/** The client's files for the timeline: the last version of each manifest of its scenario above it. */
function filesAbove(examples: readonly Example[], timeline: TimelineExample): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of examples.slice(0, timeline.index)) {
    if ((e.kind === 'manifest' || e.kind === 'invalid-manifest') && e.scenario.name === timeline.scenario.name) {
      if (e.file) files.set(e.file, e.body);
    }
  }
  return files;
}

function kubectlMinorOf(example: TimelineExample, session: Session): number {
  const minor = Number((example.scenario.kubectl ?? '').split('.')[1]);
  return Number.isInteger(minor) ? minor : session.version.minor;
}

/** Why a command's result is a failure, or undefined when it succeeded. */
function problemOf(
  command: string,
  result: CommandResult,
): { code: CheckFailure['code']; message: string } | undefined {
  const notModelled = NOT_MODELLED.exec(result.output);
  if (notModelled) {
    return {
      code: 'NOT_MODELLED',
      message: `${notModelled[1]} is not modelled by the virtual cluster, so the timeline cannot run it`,
    };
  }
  if (result.exitCode === 0) return undefined;
  const isExec = kubectlCalls(command)[0]?.verb === 'exec';
  if (isExec && REMOTE_STATUS.test(result.output)) return undefined;
  const printed = result.output.trim() || `(exit status ${result.exitCode}, nothing printed)`;
  return { code: 'TIMELINE_COMMAND_FAILED', message: `\`${command}\` fails in the timeline's cluster: ${printed}` };
}

class TimelineRun {
  readonly play: TimelinePlay = { failures: [], commands: 0 };
  private readonly example: TimelineExample;
  private readonly file: string;

  constructor(example: TimelineExample, file: string) {
    this.example = example;
    this.file = file;
  }

  fail(code: CheckFailure['code'], at: { line: number; col: number }, message: string, extra = {}): void {
    this.play.failures.push({ code, file: this.file, example: this.example.index, ...at, message, ...extra });
  }

  command(
    session: Session,
    run: RunCommand,
    target: CommandTarget,
    line: string,
    at: { line: number; col: number },
    step?: Step,
  ): void {
    const ctx = shellContext(session, kubectlMinorOf(this.example, session));
    this.play.commands++;
    const extra = step ? { step: step.index, command: line } : { command: line };
    let result: CommandResult;
    try {
      result = run(ctx, target, line);
    } catch (error) {
      this.fail('SIMULATOR_ERROR', at, `the virtual cluster failed on \`${line}\`: ${(error as Error).message}`, extra);
      return;
    }
    const problem = problemOf(line, result);
    if (problem) this.fail(problem.code, at, problem.message, extra);
  }
}

/**
 * Plays a timeline block of `examples` (the page's, from extractPage) on a fresh cluster at the block's release.
 * Never throws: a cluster that cannot be built, a command that fails and a clock that has passed a `#@ at` time
 * are failures with the block's page positions.
 */
export function playTimeline(
  examples: readonly Example[],
  example: TimelineExample,
  pack: SchemaPack,
  run: RunCommand,
  file: string,
  options: PlayTimelineOptions = {},
): TimelinePlay {
  const r = new TimelineRun(example, file);
  let session: Session;
  try {
    session = openSession(example.scenario, pack);
  } catch (error) {
    r.fail(
      'CLUSTER_INVALID',
      example.fence,
      `the cluster of scenario "${example.scenario.name}" (Kubernetes ${example.scenario.k8s}) cannot be built: ${(error as Error).message}`,
    );
    return r.play;
  }
  r.play.session = session;
  r.play.start = session.start;
  r.play.end = session.start + example.until;
  for (const [name, text] of filesAbove(examples, example)) session.files.set(name, text);
  options.observe?.(session.cluster, session);

  if (example.file) {
    const at = example.attributes.find((a) => a.key === 'file') ?? example.fence;
    r.command(session, run, { kind: 'client' }, `kubectl apply -f ${example.file}`, { line: at.line, col: at.col });
  }
  for (const step of example.steps) {
    for (const directive of step.before) {
      const problem = applyDirective(session, directive);
      if (problem) r.fail('CLOCK_PASSED', lineStart(example, directive.line), problem);
    }
    // A bare prompt or an interactive session: TIMELINE_BODY says so; running it would only add noise.
    if (step.command === undefined || step.where !== 'host' || interactiveExec(step.command)) continue;
    const target: CommandTarget = step.node !== undefined ? { kind: 'node', node: step.node } : { kind: 'client' };
    r.command(session, run, target, step.command, { line: step.line, col: step.col }, step);
  }
  const end = session.start + example.until;
  try {
    if (session.cluster.now() < end) session.cluster.advanceTo(end);
  } catch (error) {
    r.fail(
      'SIMULATOR_ERROR',
      example.fence,
      `the virtual cluster failed while running to until=: ${(error as Error).message}`,
    );
  }
  return r.play;
}
