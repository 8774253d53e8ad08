/**
 * Checks that need the whole page: an errors block's manifest, an invalid manifest's errors, the hosts prompts
 * name, and that the page says which Kubernetes version it is checked against.
 *
 * A file name refers to the nearest manifest block before it with that name (a later block with the same name
 * is the file edited, as in `vim nginx-pod.yaml`); transcripts look only in their own scenario.
 */
import type { ErrorSink } from './errors.ts';
import { resolveHost } from './scenarios.ts';
import { appliedFiles, normalizeFileName } from './shell-words.ts';
import type {
  Example,
  InvalidManifestExample,
  ManifestExample,
  ResolvedScenario,
  SkippedExample,
  Step,
  TimelineExample,
} from './types.ts';

type FileBlock = ManifestExample | InvalidManifestExample | (SkippedExample & { file?: string });

function fileOf(example: Example): string | undefined {
  if (example.kind === 'manifest' || example.kind === 'invalid-manifest') return example.file || undefined;
  if (example.kind === 'skipped' && (example.role === 'manifest' || example.role === 'invalid-manifest')) {
    const file = example.attrs.file;
    return typeof file === 'string' ? normalizeFileName(file) : undefined;
  }
  return undefined;
}

function nearestBefore(
  examples: readonly Example[],
  index: number,
  file: string,
  scenario?: string,
): FileBlock | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const example = examples[i] as Example;
    if (fileOf(example) !== file) continue;
    if (scenario !== undefined && 'scenario' in example && example.scenario.name !== scenario) continue;
    return example as FileBlock;
  }
  return undefined;
}

function linkErrorBlocks(examples: Example[], sink: ErrorSink): void {
  for (const example of examples) {
    if (example.kind !== 'expected-errors') continue;
    const at = example.attributes.find((a) => a.key === 'errors-for');
    const [line, col] = [at?.line ?? example.fence.line, at?.col ?? example.fence.col];
    const target = nearestBefore(examples, example.index, example.target);
    if (!target) {
      sink.error(
        'ERRORS_FOR_UNKNOWN_FILE',
        line,
        col,
        `errors-for=${example.target}: no manifest block with file=${example.target} comes before this block`,
      );
    } else if (target.kind === 'skipped') {
      sink.error(
        'ERRORS_FOR_SKIPPED',
        line,
        col,
        `errors-for=${example.target}: that manifest (line ${target.fence.line}) is skipped; skip this block too`,
      );
    } else if (target.kind === 'manifest') {
      sink.error(
        'ERRORS_FOR_VALID_MANIFEST',
        line,
        col,
        `errors-for=${example.target}: the manifest at line ${target.fence.line} is not marked expect=invalid`,
      );
    } else if (target.errorsIn) {
      sink.error(
        'ERRORS_DUPLICATE',
        line,
        col,
        `errors-for=${example.target}: the manifest at line ${target.fence.line} already has its errors at line ${examples[target.errorsIn.example]?.fence.line}`,
      );
    } else {
      example.manifest = target.index;
      target.errorsIn = { example: example.index };
    }
  }
}

/** Resolves the hosts a block's prompts name (HOST_UNKNOWN when the scenario does not know one). */
function linkHosts(steps: readonly Step[], scenario: ResolvedScenario, sink: ErrorSink): void {
  const cluster = scenario.cluster;
  const knowsHosts = cluster !== undefined && (cluster.nodes?.length ?? 0) + (cluster.clients?.length ?? 0) > 0;
  if (!knowsHosts || !cluster) return;
  for (const step of steps) {
    if (step.where !== 'host' || step.host === undefined) continue;
    const found = resolveHost(cluster, step.host);
    if (found === undefined) {
      const names = [...(cluster.nodes ?? []).map((n) => n.name), ...(cluster.clients ?? [])];
      sink.error(
        'HOST_UNKNOWN',
        step.line,
        step.col,
        `host "${step.host}" is not a node or client of scenario "${scenario.name}" (${names.join(', ')})`,
      );
    } else if (found !== 'client') {
      step.node = found.node;
    }
  }
}

function linkTranscripts(examples: Example[], sink: ErrorSink): void {
  for (const example of examples) {
    if (example.kind !== 'transcript') continue;
    linkHosts(example.steps, example.scenario, sink);
    for (const step of example.steps) {
      if (step.where !== 'host' || step.command === undefined) continue;
      for (const file of appliedFiles(step.command)) {
        const target = nearestBefore(examples, example.index, file, example.scenario.name);
        if (target?.kind === 'invalid-manifest' && !target.errorsIn) {
          target.errorsIn = { example: example.index, step: step.index };
        }
      }
    }
  }
}

/** A timeline's `file=`: the last manifest with that name above it, in its scenario. */
function linkTimeline(examples: Example[], example: TimelineExample, sink: ErrorSink): void {
  linkHosts(example.steps, example.scenario, sink);
  if (!example.file) return;
  const at = example.attributes.find((a) => a.key === 'file');
  const [line, col] = [at?.line ?? example.fence.line, at?.col ?? example.fence.col];
  const target = nearestBefore(examples, example.index, example.file, example.scenario.name);
  if (!target) {
    const scenario = example.scenario.name === 'default' ? '' : ` in scenario "${example.scenario.name}"`;
    sink.error(
      'TIMELINE_UNKNOWN_FILE',
      line,
      col,
      `file=${example.file}: no manifest block with file=${example.file} comes before this timeline${scenario}`,
    );
  } else if (target.kind === 'skipped') {
    sink.error(
      'TIMELINE_FILE_UNUSABLE',
      line,
      col,
      `file=${example.file}: that manifest (line ${target.fence.line}) is skipped, so the model cannot apply it`,
    );
  } else if (target.kind === 'invalid-manifest') {
    sink.error(
      'TIMELINE_FILE_UNUSABLE',
      line,
      col,
      `file=${example.file}: that manifest (line ${target.fence.line}) is marked expect=invalid, so it creates no pod`,
    );
  } else {
    example.manifest = target.index;
  }
}

function requireErrors(examples: Example[], sink: ErrorSink): void {
  for (const example of examples) {
    if (example.kind !== 'invalid-manifest' || example.errorsIn || !example.file) continue;
    sink.error(
      'INVALID_WITHOUT_ERRORS',
      example.fence.line,
      example.fence.col,
      `${example.file} is marked expect=invalid but nothing says which errors it must produce: follow it with a \`text errors-for=${example.file}\` block, or apply it in a transcript`,
    );
  }
}

function requireVersion(examples: Example[], sink: ErrorSink): void {
  const unversioned = examples.filter(
    (e) =>
      ((e.kind === 'manifest' || e.kind === 'invalid-manifest' || e.kind === 'transcript' || e.kind === 'timeline') &&
        e.scenario.k8s === undefined) ||
      (e.kind === 'explain' && e.k8s === undefined),
  );
  const first = unversioned[0];
  if (!first) return;
  sink.error(
    'K8S_VERSION_MISSING',
    first.fence.line,
    first.fence.col,
    `${unversioned.length} checked block(s) have no Kubernetes version: set podbook.k8s in the frontmatter (e.g. k8s: "1.26"), or k8s= on the fence`,
  );
}

export function linkExamples(examples: Example[], sink: ErrorSink): void {
  linkErrorBlocks(examples, sink);
  linkTranscripts(examples, sink);
  for (const example of examples) if (example.kind === 'timeline') linkTimeline(examples, example, sink);
  requireErrors(examples, sink);
  requireVersion(examples, sink);
}
