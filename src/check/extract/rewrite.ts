/**
 * `podbook check --update`: write the actual output into the page in place of a step's expected output.
 * Lines that still match are kept as written (wildcards, placeholders and `...` survive); changed lines are
 * replaced by the actual text, escaped where it would otherwise read as a prompt, annotation or wildcard.
 * Callouts and directives between output lines stay beside the line they were written after; when that line
 * disappears and has no counterpart, the update is refused with the reason.
 *
 * Positions come from an extraction of this same source: apply several updates of one page from the last
 * block to the first (or extract again after each).
 */
import { actualLines, align, matchesAll, significantExpected } from './align.ts';
import { wouldCloseFence } from './fences.ts';
import { escapeOutputLine, isAnnotation, trimTrailingBlanks } from './output-line.ts';
import { dominantEol, type SourceLine, splitLines } from './source-lines.ts';
import type { BodyLine, Example, ExpectedLine } from './types.ts';

export type RewriteResult = { ok: true; source: string; changed: boolean } | { ok: false; reason: string };

function fail(reason: string): RewriteResult {
  return { ok: false, reason };
}

interface Target {
  expected: ExpectedLine[];
  /** Body line before which new output goes when the step shows none. */
  insertBefore: number;
  /** Prefix for new lines when there is no output line to copy it from. */
  prefix: string;
}

function targetOf(example: Example, stepIndex: number, lines: readonly SourceLine[]): Target | string {
  const fenceLine = lines[example.fence.line - 1];
  const fencePrefix = fenceLine ? fenceLine.text.slice(0, example.fence.col - 1).replace(/[^\s>]/g, ' ') : '';
  const afterBody = example.fence.closeLine ?? example.fence.line + example.lines.length + 1;
  if (example.kind === 'expected-errors') {
    if (stepIndex !== 0) return `an errors block has one output (step 0), not step ${stepIndex}`;
    const first = example.lines[0];
    return { expected: example.expected, insertBefore: first?.line ?? afterBody, prefix: first?.prefix ?? fencePrefix };
  }
  if (example.kind !== 'transcript' && example.kind !== 'explain') {
    return `a ${example.kind} block has no expected output to update`;
  }
  const step = example.steps[stepIndex];
  if (!step) return `the block at line ${example.fence.line} has no step ${stepIndex}`;
  let insertBefore = step.line + Math.max(1, step.commandLines.length);
  const byLine = new Map(example.lines.map((l) => [l.line, l]));
  while (byLine.has(insertBefore) && isAnnotation(byLine.get(insertBefore)?.text ?? '')) insertBefore++;
  if (!byLine.has(insertBefore)) insertBefore = afterBody;
  return { expected: step.expected, insertBefore, prefix: byLine.get(step.line)?.prefix ?? fencePrefix };
}

function unchanged(lines: readonly SourceLine[], body: readonly BodyLine[]): BodyLine | undefined {
  return body.find((b) => {
    const text = lines[b.line - 1]?.text;
    return text === undefined || !text.startsWith(b.prefix) || text.slice(b.prefix.length).trim() !== b.text.trim();
  });
}

export function rewriteExpected(
  source: string,
  example: Example,
  stepIndex: number,
  actualText: string,
): RewriteResult {
  const lines = splitLines(source);
  const moved = unchanged(lines, example.lines);
  if (moved) return fail(`the page changed since it was extracted (line ${moved.line} differs); extract it again`);
  const target = targetOf(example, stepIndex, lines);
  if (typeof target === 'string') return fail(target);

  const expected = significantExpected(target.expected);
  const actual = actualLines(actualText);
  if (matchesAll(expected, actual)) return { ok: true, source, changed: false };
  const bad = actual.find((line) => wouldCloseFence(line, example.fence.char, example.fence.length));
  if (bad !== undefined) {
    return fail(`the output line "${bad}" would close the block's fence; lengthen the fence and update again`);
  }

  // New output: kept lines by expected index, inserted lines escaped. A deleted line that sits at the same
  // place in its hunk as an inserted one hands its callouts over to it.
  const out: { text: string; keep?: number }[] = [];
  const newIndex: (number | undefined)[] = expected.map(() => undefined);
  let deleted: number[] = [];
  let inserted: number[] = [];
  const flush = () => {
    deleted.forEach((e, t) => {
      if (t < inserted.length) newIndex[e] = inserted[t];
    });
    deleted = [];
    inserted = [];
  };
  for (const op of align(expected, actual)) {
    if (op.op === 'match' || op.op === 'any') {
      flush();
      newIndex[op.e] = out.length;
      out.push({ text: '', keep: expected[op.e]?.line });
    } else if (op.op === 'delete') {
      deleted.push(op.e);
    } else {
      inserted.push(out.length);
      out.push({ text: escapeOutputLine(actual[op.a] ?? '') });
    }
  }
  flush();

  const eolOf = (line: number) => lines[line - 1]?.eol || dominantEol(lines);
  const rawLine = (line: number) => `${lines[line - 1]?.text ?? ''}${eolOf(line)}`;
  let start: number;
  let end: number;
  let prefix = target.prefix;
  let eol = eolOf(target.insertBefore);
  const attached = new Map<number, number[]>();
  if (expected.length > 0) {
    const first = expected[0] as ExpectedLine;
    const last = expected[expected.length - 1] as ExpectedLine;
    const index = new Map(expected.map((line, i) => [line.line, i]));
    // Callouts right below the last output line belong to it, so they move with it.
    let lastLine = last.line;
    const byLine = new Map(example.lines.map((b) => [b.line, b]));
    while (isAnnotation(byLine.get(lastLine + 1)?.text ?? '')) lastLine++;
    let anchor = 0;
    for (const body of example.lines) {
      if (body.line < first.line || body.line > lastLine) continue;
      const e = index.get(body.line);
      if (e !== undefined) {
        anchor = e;
        continue;
      }
      const at = newIndex[anchor];
      if (at === undefined) {
        const what = isAnnotation(body.text) ? 'callout' : 'directive';
        return fail(
          `the ${what} at line ${body.line} sits after output line ${expected[anchor]?.line} ("${expected[anchor]?.source}"), which the new output drops; move it, or update this step by hand`,
        );
      }
      attached.set(at, [...(attached.get(at) ?? []), body.line]);
    }
    start = lines[first.line - 1]?.offset ?? source.length;
    end = lines[lastLine]?.offset ?? source.length;
    prefix = example.lines.find((b) => b.line === first.line)?.prefix ?? prefix;
    eol = eolOf(first.line);
  } else {
    start = lines[target.insertBefore - 1]?.offset ?? source.length;
    end = start;
  }

  let replacement = '';
  out.forEach((line, i) => {
    replacement += line.keep !== undefined ? rawLine(line.keep) : trimTrailingBlanks(`${prefix}${line.text}`) + eol;
    for (const extra of attached.get(i) ?? []) replacement += rawLine(extra);
  });
  return { ok: true, source: source.slice(0, start) + replacement + source.slice(end), changed: true };
}
