/**
 * A ```timeline``` block: `file=` (the manifest applied at time 0), `until=` (how long to record), optional
 * `scenario=`, `k8s=`, `title="..."`, and a body of steps run at their times:
 *
 *   ```timeline file=crash-pod.yaml until=6m title="..."
 *   #@ at 90s
 *   $ kubectl exec nginx -- nginx -s stop
 *   ```
 *
 * The body is a transcript without output: prompts and `#@ at`/`#@ wait`/`#@ on` directives only. A chart shows
 * no output and no callouts, and no interactive `kubectl exec -it` session can be typed into, so those are errors.
 */
import { parseDuration } from './durations.ts';
import type { ErrorSink } from './errors.ts';
import { isBlankLine } from './output-line.ts';
import { interactiveExec, normalizeFileName } from './shell-words.ts';
import { parseBody } from './transcript.ts';
import type { BlockBase, ResolvedScenario, Step, TimelineExample } from './types.ts';

/** The longest `until=`: a day of virtual time stays well under a second or two of simulation. */
export const TIMELINE_MAX_SECONDS = 24 * 3600;

function attributeAt(base: BlockBase, key: string): { line: number; col: number } {
  const at = base.attributes.find((a) => a.key === key);
  return { line: at?.line ?? base.fence.line, col: at?.col ?? base.fence.col };
}

/** The column where a body line's text starts (after blockquote or list indentation). */
function colAt(base: BlockBase, line: number): number {
  return (base.lines.find((l) => l.line === line)?.prefix.length ?? 0) + 1;
}

function readUntil(base: BlockBase, sink: ErrorSink): number {
  const value = base.attrs.until;
  const { line, col } = attributeAt(base, 'until');
  if (value === undefined) {
    sink.error(
      'TIMELINE_WITHOUT_UNTIL',
      line,
      col,
      'a timeline needs to know how long to record: add until=<duration>, e.g. until=6m',
    );
    return 0;
  }
  const seconds = typeof value === 'string' ? parseDuration(value) : undefined;
  if (seconds === undefined || seconds <= 0 || seconds > TIMELINE_MAX_SECONDS) {
    sink.error(
      'DURATION_INVALID',
      line,
      col,
      `until=${String(value)}: a timeline records for a duration such as 90s, 6m or 1h30m (Go syntax, more than 0, at most 24h)`,
    );
    return 0;
  }
  return seconds;
}

/** Reports what a timeline body may not hold: output, callouts, bare prompts, exec sessions. */
function checkSteps(steps: readonly Step[], base: BlockBase, sink: ErrorSink): void {
  for (const step of steps) {
    if (step.where === 'container') {
      sink.error(
        'TIMELINE_BODY',
        step.line,
        step.col,
        'a timeline cannot type into a container shell; run the command with `$ kubectl exec POD -- COMMAND`',
      );
      continue;
    }
    if (step.command === undefined) {
      sink.error('TIMELINE_BODY', step.line, step.col, 'a prompt without a command does nothing in a timeline');
      continue;
    }
    if (interactiveExec(step.command)) {
      sink.error(
        'TIMELINE_BODY',
        step.line,
        step.commandCol,
        'an interactive `kubectl exec -it` session cannot be typed into in a timeline; use `kubectl exec POD -- COMMAND`',
      );
    }
    const output = step.expected.find((l) => !isBlankLine(l.source));
    if (output) {
      sink.error(
        'TIMELINE_BODY',
        output.line,
        colAt(base, output.line),
        'a timeline shows a chart, not output: write only `$ command` lines and `#@ at`/`#@ wait` directives',
      );
    }
  }
}

/**
 * The earliest time each step can run: `#@ at` sets the clock, `#@ wait` adds to it. A step at or after
 * `until` would not show on the chart.
 */
function checkTimes(steps: readonly Step[], until: number, sink: ErrorSink): void {
  if (until <= 0) return;
  let clock = 0;
  for (const step of steps) {
    for (const d of step.before) {
      if (d.kind === 'at') clock = Math.max(clock, d.seconds);
      else if (d.kind === 'wait') clock += d.seconds;
    }
    if (clock >= until) {
      sink.error(
        'TIMELINE_STEP_AFTER_UNTIL',
        step.line,
        step.col,
        `this command runs ${clock}s after the start, but the timeline ends at ${until}s: make until= longer or the step earlier`,
      );
    }
  }
}

export function timelineExample(base: BlockBase, scenario: ResolvedScenario, sink: ErrorSink): TimelineExample {
  const parsed = parseBody(base.lines, 'transcript', sink);
  const file = typeof base.attrs.file === 'string' ? normalizeFileName(base.attrs.file) : '';
  const until = readUntil(base, sink);
  const example: TimelineExample = { ...base, kind: 'timeline', file, until, scenario, steps: parsed.steps };
  // title= is one of Expressive Code's options, so it is kept with the attributes, not in attrs.
  const title = base.attributes.find((a) => a.key === 'title')?.value;
  if (typeof title === 'string' && title.trim() !== '') example.title = title.trim();

  for (const attribute of base.attributes) {
    if (!attribute.passthrough || attribute.key === 'title') continue;
    sink.error(
      'ATTRIBUTE_NOT_APPLICABLE',
      attribute.line,
      attribute.col,
      `"${attribute.key}" is a code-block option; a timeline is drawn as a chart, so only title= applies to it`,
    );
  }
  if (base.attrs.check !== undefined) {
    const at = attributeAt(base, 'check');
    sink.error(
      'ATTRIBUTE_NOT_APPLICABLE',
      at.line,
      at.col,
      'a timeline is drawn by the model, so it cannot be skipped; remove check= (or the block)',
    );
  }
  if (!file && parsed.steps.length === 0) {
    sink.error(
      'TIMELINE_WITHOUT_FILE',
      base.fence.line,
      base.fence.col,
      'a timeline applies a manifest of the page: add file=<name of a yaml block above>, or commands that create pods',
    );
  }
  for (const callout of parsed.callouts) {
    sink.error(
      'TIMELINE_BODY',
      callout.line,
      colAt(base, callout.line),
      'a timeline has no lines to put `#:` callouts beside',
    );
  }
  const trailing = parsed.trailing.find((d) => d.kind !== 'on');
  if (trailing) {
    sink.error(
      'TIMELINE_BODY',
      trailing.line,
      colAt(base, trailing.line),
      `\`${trailing.text.trim()}\` comes after the last command, so it changes nothing; until= sets the end`,
    );
  }
  checkSteps(parsed.steps, base, sink);
  checkTimes(parsed.steps, until, sink);
  return example;
}
