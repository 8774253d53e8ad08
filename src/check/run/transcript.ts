/**
 * Replaying a `console` transcript in its session: directives move the clock, each step's command runs on the
 * host its prompt names (or in the `kubectl exec -it` session it belongs to), and the output is compared with
 * the lines the page shows. A failing step does not stop the block: later steps run on the cluster as it is.
 */
import type { CommandResult, CommandTarget, ShellContext } from '../../sim/shell/types.ts';
import { type Directive, matchOutput, type Step, type TranscriptExample } from '../extract/index.ts';
import { applyDirective } from './clock.ts';
import { firstDifference, lineStart } from './locate.ts';
import { type Session, shellContext } from './session.ts';
import type { CheckFailure, RunCommand } from './types.ts';

/** A step whose output differs: what `update` writes in place of the expected lines. */
export interface StepMismatch {
  example: number;
  step: number;
  line: number;
  command?: string;
  actual: string;
}

export interface TranscriptOutcome {
  failures: CheckFailure[];
  mismatches: StepMismatch[];
  /** Steps whose output was compared. */
  steps: number;
}

/** A `kubectl exec -it` session of this block, as the terminal opened it. */
interface ExecSession {
  pod: string;
  container?: string;
  namespace?: string;
  /** Line of the step that ended it. */
  endedAt?: number;
}

/** The line the terminal prints for a command the virtual cluster does not model (src/sim/shell/result.ts). */
const NOT_MODELLED = /^podbook: (.*) is not modelled by the virtual cluster$/m;

function targetOf(step: Step, exec: ExecSession | undefined): CommandTarget {
  if (step.where === 'container') {
    const container = exec?.container ?? step.session?.container;
    return {
      kind: 'container',
      pod: exec?.pod ?? step.session?.pod ?? '',
      ...(container !== undefined ? { container } : {}),
      ...(exec?.namespace !== undefined ? { namespace: exec.namespace } : {}),
    };
  }
  return step.node !== undefined ? { kind: 'node', node: step.node } : { kind: 'client' };
}

/** A container prompt with nothing typed: where kubectl's message goes when the session ends. */
function isBareContainerPrompt(step: Step | undefined): boolean {
  return step !== undefined && step.where === 'container' && step.command === undefined;
}

function kubectlMinorOf(example: TranscriptExample, session: Session): number {
  const minor = Number((example.scenario.kubectl ?? '').split('.')[1]);
  return Number.isInteger(minor) ? minor : session.version.minor;
}

class TranscriptRun {
  readonly outcome: TranscriptOutcome = { failures: [], mismatches: [], steps: 0 };
  private readonly example: TranscriptExample;
  private readonly session: Session;
  private readonly run: RunCommand;
  private readonly file: string;
  private readonly ctx: ShellContext;
  private exec: ExecSession | undefined;
  /** What kubectl printed as the session ended, kept for the bare container prompt that follows. */
  private closingMessage: string | undefined;
  /** The step before could not run, so whether it ended the exec session is unknown. */
  private unknownEnding = false;
  /** Line of the step being run. */
  private currentLine = 0;

  constructor(example: TranscriptExample, session: Session, run: RunCommand, file: string) {
    this.example = example;
    this.session = session;
    this.run = run;
    this.file = file;
    this.ctx = shellContext(session, kubectlMinorOf(example, session));
  }

  fail(failure: Omit<CheckFailure, 'file' | 'example'>): void {
    this.outcome.failures.push({ file: this.file, example: this.example.index, ...failure });
  }

  directives(list: readonly Directive[]): void {
    for (const d of list) {
      const problem = applyDirective(this.session, d);
      if (problem) this.fail({ code: 'CLOCK_PASSED', ...lineStart(this.example, d.line), message: problem });
    }
  }

  stepFailure(step: Step, code: CheckFailure['code'], message: string): void {
    this.fail({ code, line: step.line, col: step.col, step: step.index, command: step.command ?? '', message });
  }

  /** Runs a step's command; the text to compare, or undefined when there is nothing to compare. */
  output(step: Step, next: Step | undefined): string | undefined {
    const command = step.command;
    if (command === undefined) {
      // A bare prompt: shown as typed on a host; in a container, where the session's end is printed.
      if (step.where !== 'container' || this.unknownEnding) return undefined;
      const message = this.closingMessage ?? '';
      this.closingMessage = undefined;
      return message;
    }
    this.unknownEnding = true;
    if (step.where === 'container' && this.exec?.endedAt !== undefined) {
      const { pod, endedAt } = this.exec;
      this.stepFailure(step, 'SESSION_ENDED', `the kubectl exec session in ${pod} ended at line ${endedAt}`);
      return undefined;
    }
    let result: CommandResult;
    try {
      result = this.run(this.ctx, targetOf(step, this.exec), command);
    } catch (error) {
      const message = `the virtual cluster failed on this command: ${(error as Error).message}`;
      this.stepFailure(step, 'SIMULATOR_ERROR', message);
      return undefined;
    }
    const notModelled = NOT_MODELLED.exec(result.output);
    if (notModelled) {
      const message = `${notModelled[1]} is not modelled by the virtual cluster; mark the block \`check=skip reason="..."\` or show a command it replays`;
      this.stepFailure(step, 'NOT_MODELLED', message);
      return undefined;
    }
    this.unknownEnding = false;
    return this.follow(result, isBareContainerPrompt(next));
  }

  /** Follows the exec session a result opens or closes; the step's output, with the closing message if it is its. */
  follow(result: CommandResult, bareNext: boolean): string {
    if (result.openedSession) this.exec = { ...result.openedSession };
    if (!result.sessionClosed) return result.output;
    if (this.exec) this.exec.endedAt = this.currentLine;
    if (bareNext) {
      this.closingMessage = result.sessionClosed.message;
      return result.output;
    }
    return result.output + result.sessionClosed.message;
  }

  step(step: Step, next: Step | undefined): void {
    this.currentLine = step.line;
    this.directives(step.before);
    const actual = this.output(step, next);
    // Directives between output lines (a `kubectl get -w` that keeps printing): the time passes while the command
    // runs, so later steps see the clock the page describes.
    this.directives(step.during);
    if (actual === undefined) return;
    this.outcome.steps++;
    const match = matchOutput(step.expected, actual);
    if (match.ok) return;
    const command = step.command ?? '';
    this.fail({
      code: 'OUTPUT_MISMATCH',
      ...firstDifference(this.example, step.expected, actual, { line: step.line, col: step.col }),
      step: step.index,
      command,
      message: command
        ? `the output of \`${command}\` is not what the virtual cluster prints`
        : 'what kubectl prints as the exec session ends is not what the page shows',
      diff: match.diff,
    });
    this.outcome.mismatches.push({ example: this.example.index, step: step.index, line: step.line, command, actual });
  }
}

export function runTranscript(
  example: TranscriptExample,
  session: Session,
  run: RunCommand,
  file: string,
): TranscriptOutcome {
  const replay = new TranscriptRun(example, session, run, file);
  example.steps.forEach((step, i) => {
    replay.step(step, example.steps[i + 1]);
  });
  replay.directives(example.trailing);
  return replay.outcome;
}
