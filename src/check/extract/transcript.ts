/**
 * The body of a `console` transcript (and of explain and errors blocks, which use a subset) read into steps:
 *   prompt line        `$ cmd`, `[root@k8s-master1 ~]# cmd`; a trailing `\` continues the command on the next line
 *   output lines       everything else, compared with what the simulator prints (wildcards: output-line.ts)
 *   `#: text`          a callout beside the nearest non-blank line above; consecutive `#:` lines form one callout
 *   `#@ wait 2m30s`    directives for the virtual clock (`wait`, `at`) and the `$ ` host (`on`)
 * Inside a `kubectl exec -it` session, container prompts (`root@nginx-5:/# `) are steps run in the container; the
 * session ends at the next prompt of the shell that opened it (or any `[user@host dir]` prompt).
 */

import { parseDuration } from './durations.ts';
import type { ErrorSink } from './errors.ts';
import { isAnnotation, isBlankLine, isDirective, isEllipsis, parseSegments, unescapeLineStart } from './output-line.ts';
import { matchContainerPrompt, matchHostPrompt, type Prompt } from './prompts.ts';
import { interactiveExec } from './shell-words.ts';
import type { BodyLine, Callout, Directive, ExpectedLine, OutputDirective, Step } from './types.ts';

/** `transcript`: everything; `explain`: no directives; `errors`: output only (prompts are output text). */
export type BodyMode = 'transcript' | 'explain' | 'errors';

export interface ParsedBody {
  steps: Step[];
  callouts: Callout[];
  trailing: Directive[];
  /** `errors` mode: the expected output of the whole block. */
  output: ExpectedLine[];
}

type Target = Callout['target'];

interface Session {
  outer: string;
  pod: string;
  container?: string;
  openedBy: number;
}

function colOf(line: BodyLine, index = 0): number {
  return line.prefix.length + index + 1;
}

function endsWithContinuation(text: string): boolean {
  const trailing = /\\+$/.exec(text.trimEnd())?.[0].length ?? 0;
  return trailing % 2 === 1;
}

function joinCommand(lines: readonly string[]): string {
  return lines
    .map((line, i) => (i < lines.length - 1 ? line.trimEnd().slice(0, -1) : line))
    .join('')
    .trim();
}

const DIRECTIVE = /^#@[ \t]*(\S*)[ \t]*(.*?)[ \t]*$/;

function parseDirective(line: BodyLine, sink: ErrorSink): Directive | undefined {
  const m = DIRECTIVE.exec(line.text);
  const name = m?.[1] ?? '';
  const arg = m?.[2] ?? '';
  const col = colOf(line);
  if (name === 'wait' || name === 'at') {
    const seconds = parseDuration(arg);
    if (seconds === undefined) {
      sink.error(
        'DURATION_INVALID',
        line.line,
        col,
        `\`#@ ${name}\` needs a duration such as 45s, 2m30s or 1h (Go syntax, no sign), got ${arg ? `"${arg}"` : 'nothing'}`,
      );
      return undefined;
    }
    return { kind: name, seconds, line: line.line, text: line.text };
  }
  if (name === 'on') {
    if (!/^[A-Za-z0-9][\w.-]*$/.test(arg)) {
      sink.error('DIRECTIVE_INVALID', line.line, col, '`#@ on` needs one host name, e.g. `#@ on k8s-node3`');
      return undefined;
    }
    return { kind: 'on', host: arg, line: line.line, text: line.text };
  }
  sink.error(
    'DIRECTIVE_UNKNOWN',
    line.line,
    col,
    `unknown directive ${name ? `"${name}"` : '(none)'}: known are \`#@ wait <duration>\`, \`#@ at <duration>\`, \`#@ on <host>\` (write \`\\#@\` for a literal output line)`,
  );
  return undefined;
}

function expectedLine(line: BodyLine): ExpectedLine {
  if (isEllipsis(line.text)) return { kind: 'any-lines', line: line.line, source: line.text };
  return { kind: 'text', line: line.line, source: line.text, segments: parseSegments(unescapeLineStart(line.text)) };
}

function isBlankExpected(line: ExpectedLine): boolean {
  return line.kind === 'text' && isBlankLine(line.source);
}

export function parseBody(lines: readonly BodyLine[], mode: BodyMode, sink: ErrorSink): ParsedBody {
  const steps: Step[] = [];
  const callouts: Callout[] = [];
  const output: ExpectedLine[] = [];
  let pendingBefore: Directive[] = [];
  let held: OutputDirective[] = [];
  let current: Step | undefined;
  let continuing = false;
  let session: Session | undefined;
  let onHost: string | undefined;
  let openCallout: Callout | undefined;
  let lastRendered: Target | undefined;
  let orphanReported = false;
  let clockFloor = 0;

  // Directives held after the current step's output go before the next step unless more output follows them.
  const settleHeld = (next: Step | undefined) => {
    if (!current) return;
    let lastNonBlank = -1;
    current.expected.forEach((line, i) => {
      if (!isBlankExpected(line)) lastNonBlank = i;
    });
    for (const directive of held) {
      if (directive.afterOutput > lastNonBlank) {
        const { afterOutput: _, ...plain } = directive;
        (next ? next.before : pendingBefore).push(plain as Directive);
      } else {
        current.during.push(directive);
      }
    }
    held = [];
  };

  const promptOf = (text: string): { prompt: Prompt; inContainer: boolean } | undefined => {
    if (mode === 'errors') return undefined;
    if (session) {
      const host = matchHostPrompt(text);
      if (host && (text.startsWith(session.outer.trimEnd()) || host.style === 'bracket')) {
        session = undefined;
        return { prompt: host, inContainer: false };
      }
      const inner = matchContainerPrompt(text);
      return inner ? { prompt: inner, inContainer: true } : undefined;
    }
    const host = matchHostPrompt(text);
    return host ? { prompt: host, inContainer: false } : undefined;
  };

  for (const line of lines) {
    const text = line.text;

    if (continuing && current) {
      current.commandLines.push(text);
      current.command = joinCommand(current.commandLines);
      continuing = endsWithContinuation(text);
      lastRendered = { line: line.line, step: current.index, part: 'command' };
      openCallout = undefined;
      if (!continuing) afterCommand(current);
      continue;
    }

    if (isAnnotation(text)) {
      const note = text
        .slice(2)
        .replace(/^[ \t]/, '')
        .trimEnd();
      if (openCallout) {
        openCallout.text += `\n${note}`;
      } else if (lastRendered) {
        openCallout = { number: callouts.length + 1, text: note, line: line.line, target: { ...lastRendered } };
        callouts.push(openCallout);
      } else {
        sink.error(
          'ANNOTATION_WITHOUT_TARGET',
          line.line,
          colOf(line),
          'a `#:` callout belongs beside the line above it, but nothing is shown above this one (write `\\#:` for a literal output line)',
        );
      }
      continue;
    }
    openCallout = undefined;

    if (isDirective(text)) {
      if (mode !== 'transcript') {
        sink.error(
          'DIRECTIVE_NOT_ALLOWED',
          line.line,
          colOf(line),
          `directives (\`#@\`) belong in \`console\` transcripts, not in ${mode === 'explain' ? 'explain' : 'errors'} blocks (write \`\\#@\` for a literal output line)`,
        );
        continue;
      }
      const directive = parseDirective(line, sink);
      if (!directive) continue;
      if (directive.kind === 'on') onHost = directive.host;
      if (directive.kind === 'at') {
        if (directive.seconds < clockFloor) {
          sink.error(
            'TIME_BACKWARDS',
            line.line,
            colOf(line),
            `\`#@ at ${directive.seconds}s\` is earlier than the clock can be here (at least ${clockFloor}s after the start)`,
          );
        }
        clockFloor = Math.max(clockFloor, directive.seconds);
      } else if (directive.kind === 'wait') {
        clockFloor += directive.seconds;
      }
      if (current) held.push({ ...directive, afterOutput: current.expected.length });
      else pendingBefore.push(directive);
      continue;
    }

    const found = promptOf(text);
    if (found) {
      const { prompt, inContainer } = found;
      const command = prompt.command.trim() === '' ? undefined : prompt.command.trimEnd();
      const step: Step = {
        index: steps.length,
        line: line.line,
        col: colOf(line),
        prompt: prompt.text,
        where: inContainer ? 'container' : 'host',
        commandLines: command === undefined ? [] : [command],
        commandCol: colOf(line, prompt.text.length),
        expected: [],
        before: [],
        during: [],
      };
      if (prompt.user !== undefined) step.user = prompt.user;
      const host = prompt.host ?? (inContainer ? undefined : onHost);
      if (host !== undefined) step.host = host;
      if (command !== undefined) step.command = joinCommand([command]);
      if (inContainer && session) {
        step.session = { pod: session.pod, openedBy: session.openedBy };
        if (session.container !== undefined) step.session.container = session.container;
      }
      settleHeld(step);
      step.before.unshift(...pendingBefore);
      pendingBefore = [];
      steps.push(step);
      current = step;
      orphanReported = false;
      continuing = command !== undefined && endsWithContinuation(command);
      lastRendered = { line: line.line, step: step.index, part: 'command' };
      if (!continuing) afterCommand(step);
      continue;
    }

    // An output line.
    const expected = expectedLine(line);
    const blank = isBlankExpected(expected);
    if (mode === 'errors') {
      output.push(expected);
      if (!blank) lastRendered = { line: line.line, part: 'output', outputIndex: output.length - 1 };
      continue;
    }
    if (!current) {
      if (!blank && !orphanReported) {
        sink.error(
          'STEP_WITHOUT_COMMAND',
          line.line,
          colOf(line),
          mode === 'explain'
            ? 'output before the command: the first line of an explain block is its prompt and command, e.g. `$ kubectl explain pod.spec.restartPolicy`'
            : 'output before any prompt: a transcript starts with a prompt line such as `$ kubectl get pods` or `[root@k8s-master1 ~]# kubectl get pods`',
        );
        orphanReported = true;
      }
      continue;
    }
    if (current.command === undefined && current.where === 'host' && !blank && !orphanReported) {
      sink.error(
        'STEP_WITHOUT_COMMAND',
        line.line,
        colOf(line),
        'output after a prompt without a command: write the command after the prompt (a bare prompt is only allowed as the last line, or inside a `kubectl exec -it` session)',
      );
      orphanReported = true;
    }
    current.expected.push(expected);
    if (!blank) {
      lastRendered = { line: line.line, step: current.index, part: 'output', outputIndex: current.expected.length - 1 };
    }
  }

  if (continuing && current) {
    const last = lines[lines.length - 1];
    sink.error(
      'CONTINUATION_UNTERMINATED',
      last?.line ?? current.line,
      1,
      'the command ends with `\\` but the block ends: remove the backslash or add the next line',
    );
  }
  settleHeld(undefined);
  return { steps, callouts, trailing: pendingBefore, output };

  // Opens an exec session after `kubectl exec -it`, closes it after `exit` in the container.
  function afterCommand(step: Step): void {
    if (step.command === undefined) return;
    if (step.where === 'host') {
      const exec = interactiveExec(step.command);
      if (exec) session = { outer: step.prompt, openedBy: step.index, ...exec };
    } else if (/^exit(?:\s|$)/.test(step.command)) {
      session = undefined;
    }
  }
}
