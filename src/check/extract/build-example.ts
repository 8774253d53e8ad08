/**
 * One fenced block to one Example: read the info string, decide the role, and parse the body the role needs.
 * Problems are reported and the block still becomes an Example (checkable where that makes sense).
 */
import { checkAttributes, readAttributes, roleOf } from './attributes.ts';
import type { ErrorSink } from './errors.ts';
import type { RawBlock } from './fences.ts';
import { parseInfoString } from './info-string.ts';
import { isBlankLine } from './output-line.ts';
import { DEFAULT_SCENARIO } from './podbook-settings.ts';
import { resolveScenario } from './scenarios.ts';
import { kubectlCalls, normalizeFileName } from './shell-words.ts';
import type { SourceLine } from './source-lines.ts';
import { timelineExample } from './timeline-block.ts';
import { parseBody } from './transcript.ts';
import type { BlockBase, Example, ExplainExample, Frontmatter, ResolvedScenario } from './types.ts';

function baseOf(raw: RawBlock, index: number, lines: readonly SourceLine[], source: string): Omit<BlockBase, 'lang'> {
  const first = raw.lines[0];
  let bodyStart: BlockBase['bodyStart'];
  if (first) {
    const offset = (lines[first.line - 1]?.offset ?? 0) + first.prefix.length;
    bodyStart = { line: first.line, col: first.prefix.length + 1, offset };
  } else {
    const next = lines[raw.line];
    bodyStart = { line: raw.line + 1, col: 1, offset: next?.offset ?? source.length };
  }
  const fence: BlockBase['fence'] = {
    line: raw.line,
    col: raw.col,
    char: raw.char,
    length: raw.length,
    indent: raw.indent,
  };
  if (raw.closeLine !== undefined) fence.closeLine = raw.closeLine;
  return {
    index,
    info: raw.info,
    attributes: [],
    attrs: {},
    fence,
    body: raw.lines.length > 0 ? `${raw.lines.map((l) => l.text).join('\n')}\n` : '',
    bodyStart,
    lines: raw.lines,
  };
}

function scenarioOf(base: BlockBase, frontmatter: Frontmatter, sink: ErrorSink): ResolvedScenario {
  const name = base.attrs.scenario;
  if (typeof name === 'string' && name !== DEFAULT_SCENARIO && !frontmatter.podbook.scenarios[name]) {
    const at = base.attributes.find((a) => a.key === 'scenario');
    const known = Object.keys(frontmatter.podbook.scenarios);
    sink.error(
      'SCENARIO_UNKNOWN',
      at?.line ?? base.fence.line,
      at?.col ?? base.fence.col,
      `scenario "${name}" is not in the frontmatter's podbook.scenarios (${known.length ? `known: ${known.join(', ')}` : 'there are none'})`,
    );
  }
  return resolveScenario(frontmatter.podbook, typeof name === 'string' ? name : undefined, base.attrs);
}

function isEmptyBody(base: BlockBase): boolean {
  return base.lines.every((l) => isBlankLine(l.text));
}

function explainExample(base: BlockBase, frontmatter: Frontmatter, sink: ErrorSink): ExplainExample {
  const parsed = parseBody(base.lines, 'explain', sink);
  const resolved = resolveScenario(frontmatter.podbook, undefined, base.attrs);
  const example: ExplainExample = {
    ...base,
    kind: 'explain',
    generate: base.attrs.generate === true,
    steps: parsed.steps,
    callouts: parsed.callouts,
  };
  if (resolved.k8s !== undefined) example.k8s = resolved.k8s;
  if (resolved.kubectl !== undefined) example.kubectl = resolved.kubectl;
  const [step, second] = parsed.steps;
  if (!step || step.command === undefined) {
    sink.error(
      'EXPLAIN_WITHOUT_COMMAND',
      step?.line ?? base.fence.line,
      step?.col ?? base.fence.col,
      'an explain block starts with its command after a prompt, e.g. `$ kubectl explain pod.spec.restartPolicy`',
    );
    return example;
  }
  example.command = step.command;
  if (kubectlCalls(step.command)[0]?.verb !== 'explain') {
    sink.error(
      'EXPLAIN_NOT_EXPLAIN',
      step.line,
      step.commandCol,
      `"${step.command}" is not a \`kubectl explain\` command`,
    );
  }
  if (second) {
    sink.error(
      'EXPLAIN_MULTIPLE_COMMANDS',
      second.line,
      second.col,
      'an explain block holds one command and its output; put further commands in their own blocks',
    );
  }
  const shown = step.expected.some((l) => !isBlankLine(l.source));
  if (example.generate && shown) {
    sink.error(
      'EXPLAIN_GENERATE_WITH_OUTPUT',
      base.fence.line,
      base.fence.col,
      '`generate` prints the output from the schema, so the block must hold only the command (remove the output, or remove `generate` to have the pasted output checked)',
    );
  } else if (!example.generate && !shown) {
    sink.error(
      'EXAMPLE_EMPTY',
      step.line,
      step.col,
      'this explain block shows no output: paste the output to have it checked, or add `generate` to print it from the schema',
    );
  }
  return example;
}

export function buildExample(
  raw: RawBlock,
  index: number,
  lines: readonly SourceLine[],
  source: string,
  frontmatter: Frontmatter,
  sink: ErrorSink,
): Example {
  const info = parseInfoString(raw.info, raw.infoCol);
  for (const problem of info.problems) sink.error('ATTRIBUTE_SYNTAX', raw.line, problem.col, problem.message);
  const { attributes, attrs } = readAttributes(info.tokens, raw.line, sink);
  const base: BlockBase = { ...baseOf(raw, index, lines, source), lang: info.lang, attributes, attrs };
  const role = roleOf(info.lang, attrs);
  checkAttributes(role, info.lang, attributes, attrs, sink);

  if (raw.end) {
    const where =
      raw.end.reason === 'end of file' ? 'the end of the file' : `the ${raw.end.reason} at line ${raw.end.line}`;
    sink.error(
      'FENCE_UNTERMINATED',
      raw.line,
      raw.col,
      `this ${raw.char.repeat(raw.length)} block is never closed (it runs to ${where}); add a closing ${raw.char.repeat(raw.length)} line${role ? ' — the block is not checked until then' : ''}`,
    );
    return { ...base, kind: 'ignored', unterminated: role !== undefined };
  }
  if (!role) return { ...base, kind: 'ignored', unterminated: false };
  // A timeline cannot be skipped (timeline-block.ts reports check= on it).
  if (role === 'timeline') return timelineExample(base, scenarioOf(base, frontmatter, sink), sink);

  if (attrs.check === 'skip') {
    const reason = typeof attrs.reason === 'string' ? attrs.reason.trim() : '';
    if (!reason) {
      const at = attributes.find((a) => a.key === 'check');
      sink.error(
        'SKIP_WITHOUT_REASON',
        raw.line,
        at?.col ?? raw.col,
        'a skipped block must say why: check=skip reason="..." (the checker lists every skip with its reason)',
      );
    }
    return { ...base, kind: 'skipped', reason, role };
  }

  switch (role) {
    case 'manifest':
    case 'invalid-manifest': {
      const file = typeof attrs.file === 'string' ? normalizeFileName(attrs.file) : '';
      if (!file) {
        sink.error(
          'MANIFEST_WITHOUT_FILE',
          raw.line,
          raw.col,
          'a manifest that must be rejected needs a file name, so that its errors can refer to it: file=bad-pod.yaml',
        );
      }
      if (isEmptyBody(base)) sink.error('EXAMPLE_EMPTY', raw.line, raw.col, 'this manifest block is empty');
      const scenario = scenarioOf(base, frontmatter, sink);
      return role === 'manifest'
        ? { ...base, kind: 'manifest', file, scenario }
        : { ...base, kind: 'invalid-manifest', file, scenario };
    }
    case 'expected-errors': {
      const parsed = parseBody(base.lines, 'errors', sink);
      if (isEmptyBody(base)) {
        sink.error('EXAMPLE_EMPTY', raw.line, raw.col, 'this errors block is empty: paste what `kubectl apply` prints');
      }
      const target = normalizeFileName(String(attrs['errors-for']));
      return { ...base, kind: 'expected-errors', target, expected: parsed.output, callouts: parsed.callouts };
    }
    case 'transcript': {
      const parsed = parseBody(base.lines, 'transcript', sink);
      if (parsed.steps.length === 0 && isEmptyBody(base)) {
        sink.error('EXAMPLE_EMPTY', raw.line, raw.col, 'this transcript is empty');
      }
      const scenario = scenarioOf(base, frontmatter, sink);
      return {
        ...base,
        kind: 'transcript',
        scenario,
        steps: parsed.steps,
        callouts: parsed.callouts,
        trailing: parsed.trailing,
      };
    }
    case 'explain':
      return explainExample(base, frontmatter, sink);
  }
}
