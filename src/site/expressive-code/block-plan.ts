/**
 * What a reader sees of a checked block, decided from the checker's reading of it (never re-parsed here):
 * directive lines (`#@`) and callout lines (`#:`) are hidden, callouts are numbered and attached to the line the
 * checker attached them to, escaped output lines are shown without their escapes, and wildcards in expected
 * output are marked. Pure data in, pure data out; the Expressive Code hooks apply it.
 */
import type { Example, ExpectedLine, OutputSegment, Step } from '../../check/extract/index.ts';
import type { WildcardKind } from './texts.ts';

export interface WildcardRange {
  /** Columns in the displayed line, [start, end). */
  start: number;
  end: number;
  kind: WildcardKind;
}

export interface LinePlan {
  hidden: boolean;
  /** The text to show when it differs from the source line (escapes removed). */
  text?: string;
  wildcards: WildcardRange[];
}

export interface CalloutPlan {
  number: number;
  /** The callout's lines (one per `#:` line), without the `#:`. */
  lines: string[];
  /** Body line (0-based) the callout belongs to. */
  target: number;
}

export interface GeneratePlan {
  /** The `kubectl explain ...` command, continuation lines joined. */
  command: string;
  /** Body line (0-based) of the command's last line: the output goes right after it. */
  after: number;
  k8s?: string;
  kubectl?: string;
}

export interface BlockPlan {
  /** One entry per body line. */
  lines: LinePlan[];
  callouts: CalloutPlan[];
  generate?: GeneratePlan;
}

/** Expressive Code turns tabs into spaces; the shown text must do the same so that columns agree. */
const TAB = '  ';

const WILDCARD_TEXT: Readonly<Record<'any' | 'placeholder', (s: OutputSegment) => string>> = {
  any: () => '[..]',
  placeholder: (s) => (s.kind === 'placeholder' ? `[${s.name}]` : ''),
};

/** The line as the reader sees it: literal text unescaped, wildcards as written, their columns. */
export function displayExpectedLine(line: ExpectedLine): { text: string; wildcards: WildcardRange[] } {
  if (line.kind === 'any-lines') return { text: '...', wildcards: [{ start: 0, end: 3, kind: 'lines' }] };
  let text = '';
  const wildcards: WildcardRange[] = [];
  for (const segment of line.segments) {
    if (segment.kind === 'literal') {
      text += segment.text.replace(/\t/g, TAB);
      continue;
    }
    const written = WILDCARD_TEXT[segment.kind](segment);
    const kind: WildcardKind = segment.kind === 'any' ? 'any' : segment.name;
    wildcards.push({ start: text.length, end: text.length + written.length, kind });
    text += written;
  }
  return { text, wildcards };
}

interface Annotated {
  callouts: readonly { number: number; text: string; line: number; target: { line: number } }[];
  steps?: readonly Step[];
  expected?: readonly ExpectedLine[];
  trailing?: readonly { line: number }[];
}

function annotatedParts(example: Example): Annotated | undefined {
  switch (example.kind) {
    case 'transcript':
      return { callouts: example.callouts, steps: example.steps, trailing: example.trailing };
    case 'explain':
      return { callouts: example.callouts, steps: example.steps };
    case 'expected-errors':
      return { callouts: example.callouts, expected: example.expected };
    default:
      return undefined;
  }
}

/** The plan of a block; `generate` is left out for a skipped block (it is never run). */
export function planBlock(example: Example, options: { skipped?: boolean } = {}): BlockPlan {
  const lines: LinePlan[] = example.lines.map(() => ({ hidden: false, wildcards: [] }));
  const plan: BlockPlan = { lines, callouts: [] };
  const parts = annotatedParts(example);
  if (!parts) return plan;

  const first = example.bodyStart.line;
  const at = (fileLine: number): LinePlan | undefined => lines[fileLine - first];
  const hide = (fileLine: number) => {
    const line = at(fileLine);
    if (line) line.hidden = true;
  };

  const expected = [...(parts.expected ?? []), ...(parts.steps ?? []).flatMap((s) => s.expected)];
  for (const line of expected) {
    const target = at(line.line);
    if (!target) continue;
    const shown = displayExpectedLine(line);
    target.wildcards = shown.wildcards;
    if (shown.text !== example.lines[line.line - first]?.text.replace(/\t/g, TAB)) target.text = shown.text;
  }

  for (const step of parts.steps ?? []) {
    for (const d of step.before) hide(d.line);
    for (const d of step.during) hide(d.line);
  }
  for (const d of parts.trailing ?? []) hide(d.line);

  for (const callout of parts.callouts) {
    const texts = callout.text.split('\n');
    texts.forEach((_, i) => {
      hide(callout.line + i);
    });
    plan.callouts.push({ number: callout.number, lines: texts, target: callout.target.line - first });
  }

  if (example.kind === 'explain' && example.generate && !options.skipped) {
    const step = example.steps[0];
    if (step?.command !== undefined) {
      const generate: GeneratePlan = {
        command: step.command,
        after: step.line - first + Math.max(0, step.commandLines.length - 1),
      };
      if (example.k8s !== undefined) generate.k8s = example.k8s;
      if (example.kubectl !== undefined) generate.kubectl = example.kubectl;
      plan.generate = generate;
    }
  }
  return plan;
}
