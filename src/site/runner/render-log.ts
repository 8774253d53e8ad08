/**
 * The terminal log of a run: the session's earlier commands folded away, the example's own commands, then the
 * reader's steps, each command with its prompt, the virtual time it ran at and what it printed.
 */
import { h } from './dom.ts';
import { formatDuration, type LogEntry, type RunResult } from './run.ts';
import type { RunnerScenario, RunnerStep } from './scenario.ts';
import type { RunnerStrings } from './strings.ts';

function note(text: string, problem = false): HTMLElement {
  return h(
    'span',
    { class: `podbook-run__note-line${problem ? ' podbook-run__note-line--problem' : ''}` },
    `# ${text}\n`,
  );
}

function entryNodes(entry: LogEntry, step: RunnerStep | undefined, reader: boolean, s: RunnerStrings): Node[] {
  const time = formatDuration(entry.at);
  if (entry.kind === 'command') {
    return [
      h('span', { class: 'podbook-run__time' }, `+${time} `),
      h('span', { class: 'podbook-run__prompt' }, entry.prompt ?? '$ '),
      h('strong', { class: 'podbook-run__cmd' }, entry.command ?? ''),
      document.createTextNode('\n'),
      h('span', { class: entry.problem ? 'podbook-run__note-line--problem' : 'podbook-run__out' }, entry.output),
    ];
  }
  if (entry.kind === 'clock') {
    if (entry.problem) return [note(entry.output, true)];
    if (!reader || !step) return [];
    return [note(step.kind === 'wait' ? s.wait(formatDuration(step.seconds), time) : s.at(time))];
  }
  if (entry.problem || !step || (step.kind !== 'signal' && step.kind !== 'exit'))
    return [note(entry.output, entry.problem)];
  const target = step.container ? `${step.pod}/${step.container}` : step.pod;
  return [note(step.kind === 'signal' ? s.signalNote(step.signal, target) : s.exitNote(step.code, target))];
}

function terminal(label: string, nodes: Node[]): HTMLElement {
  return h('pre', { class: 'podbook-run__pre podbook-run__terminal', tabindex: 0, 'aria-label': label }, ...nodes);
}

export function renderLog(result: RunResult, scenario: RunnerScenario, s: RunnerStrings): Node[] {
  const earlier: Node[] = [];
  const own: Node[] = [];
  const mine: Node[] = [];
  let earlierCommands = 0;
  for (const entry of result.log) {
    const step = scenario.steps[entry.step];
    const reader = entry.step >= scenario.pageSteps;
    const nodes = entryNodes(entry, step, reader, s);
    if (entry.step < scenario.shownFrom) {
      earlier.push(...nodes);
      if (entry.kind === 'command') earlierCommands++;
    } else if (reader) mine.push(...nodes);
    else own.push(...nodes);
  }
  const out: Node[] = [];
  if (earlier.length > 0) {
    out.push(
      h(
        'details',
        { class: 'podbook-run__earlier' },
        h('summary', {}, s.earlier(earlierCommands)),
        terminal(s.earlier(earlierCommands), earlier),
      ),
    );
  }
  if (own.length > 0) out.push(terminal(s.log, own));
  if (mine.length > 0)
    out.push(h('h5', { class: 'podbook-run__subheading' }, s.yourSteps), terminal(s.yourSteps, mine));
  return out;
}
