/**
 * checkPage: every example of an extracted page checked against the model of its Kubernetes release.
 *  - manifests are validated (an invalid one fails at the page position of the problem);
 *  - `expect=invalid` manifests must be rejected, with exactly the errors of their errors block;
 *  - transcripts are replayed in their session (scenario × release: one cluster, clock and file set each);
 *  - explain blocks are compared with the schema's `kubectl explain` text;
 *  - timelines are played on a fresh cluster of their scenario (timeline.ts): every command must succeed.
 * Examples run in page order; a failure is reported and the page goes on. Pure TypeScript (browser-safe):
 * schema packs and the terminal come from `env`.
 */
import { kubeVersion, parseMinor } from '../../k8s/version/index.ts';
import { renderReportKubectl } from '../../manifest/render/index.ts';
import type { SchemaPack } from '../../manifest/schema/index.ts';
import type { ManifestReport } from '../../manifest/validate.ts';
import { runCommand } from '../../sim/shell/index.ts';
import {
  type Example,
  type ExpectedErrorsExample,
  type ExplainExample,
  type ExtractedPage,
  extractPage,
  type InvalidManifestExample,
  type ManifestExample,
  type ResolvedScenario,
  type TimelineExample,
  type TranscriptExample,
} from '../extract/index.ts';
import { explainFailure, parseExplainCommand } from './explain.ts';
import { acceptedFailure, errorsFailure, manifestFailures, validateExample } from './manifests.ts';
import { openSession, type Session, sessionKey } from './session.ts';
import { playTimeline } from './timeline.ts';
import { runTranscript, type StepMismatch } from './transcript.ts';
import type { CheckEnv, CheckFailure, CheckOptions, PageCheck, SkippedBlock } from './types.ts';
import { updatePage } from './update.ts';

/** Everything one page's check accumulates. */
class PageRun {
  readonly failures: CheckFailure[] = [];
  readonly skipped: SkippedBlock[] = [];
  readonly mismatches: StepMismatch[] = [];
  readonly minors = new Set<number>();
  steps = 0;
  private readonly page: ExtractedPage;
  private readonly env: CheckEnv;
  private readonly packs = new Map<string, SchemaPack | undefined>();
  private readonly sessions = new Map<string, Session | undefined>();
  private readonly reports = new Map<number, ManifestReport>();

  constructor(page: ExtractedPage, env: CheckEnv) {
    this.page = page;
    this.env = env;
  }

  get file(): string {
    return this.page.file;
  }

  skip(example: Example, role: SkippedBlock['role'], reason: string): void {
    this.skipped.push({ file: this.file, line: example.fence.line, example: example.index, role, reason });
  }

  /** The schema of a release; undefined (reported once) when it cannot be loaded. */
  pack(k8s: string, example: Example): SchemaPack | undefined {
    if (this.packs.has(k8s)) return this.packs.get(k8s);
    let pack: SchemaPack | undefined;
    try {
      pack = this.env.pack(parseMinor(k8s));
      this.minors.add(pack.minor);
    } catch (error) {
      this.failures.push({
        code: 'SCHEMA_UNAVAILABLE',
        file: this.file,
        line: example.fence.line,
        col: example.fence.col,
        example: example.index,
        message: `the schema of Kubernetes ${k8s} is not available: ${(error as Error).message}`,
      });
    }
    this.packs.set(k8s, pack);
    return pack;
  }

  /** The example's session; undefined (reported once) when its cluster cannot be built. */
  session(scenario: ResolvedScenario, pack: SchemaPack, example: Example): Session | undefined {
    const key = sessionKey(scenario);
    if (this.sessions.has(key)) return this.sessions.get(key);
    let session: Session | undefined;
    try {
      session = openSession(scenario, pack);
    } catch (error) {
      const fm = this.page.frontmatter;
      const path = scenario.name === 'default' ? 'podbook.cluster' : `podbook.scenarios.${scenario.name}`;
      const at = fm.positions[path] ?? fm.positions.podbook ?? { line: fm.startLine || 1, col: 1 };
      this.failures.push({
        code: 'CLUSTER_INVALID',
        file: this.file,
        line: at.line,
        col: at.col,
        example: example.index,
        message: `the cluster of scenario "${scenario.name}" (Kubernetes ${scenario.k8s}) cannot be built: ${(error as Error).message}`,
      });
    }
    this.sessions.set(key, session);
    return session;
  }

  get examples(): readonly Example[] {
    return this.page.examples;
  }

  report(index: number): ManifestReport | undefined {
    return this.reports.get(index);
  }

  remember(index: number, report: ManifestReport): void {
    this.reports.set(index, report);
  }
}

function checkManifest(r: PageRun, example: ManifestExample | InvalidManifestExample): void {
  const { k8s } = example.scenario;
  if (k8s === undefined) return; // K8S_VERSION_MISSING is reported by the extraction
  const pack = r.pack(k8s, example);
  if (!pack) return;
  const session = r.session(example.scenario, pack, example);
  const report = validateExample(example, session?.version ?? kubeVersion(pack.minor), pack);
  r.remember(example.index, report);
  session?.files.set(example.file, example.body);
  if (example.kind === 'manifest') r.failures.push(...manifestFailures(example, report, r.file));
  else if (report.valid) r.failures.push(acceptedFailure(example, r.file));
}

function checkErrors(r: PageRun, example: ExpectedErrorsExample): void {
  const report = example.manifest === undefined ? undefined : r.report(example.manifest);
  if (!report || report.valid) return; // nothing validated, or MANIFEST_ACCEPTED says it already
  const actual = renderReportKubectl(report);
  r.steps++;
  const failure = errorsFailure(example, actual, r.file);
  if (!failure) return;
  r.failures.push(failure);
  r.mismatches.push({ example: example.index, step: 0, line: failure.line, actual });
}

function checkTranscript(r: PageRun, example: TranscriptExample): void {
  const { k8s } = example.scenario;
  if (k8s === undefined) return;
  const pack = r.pack(k8s, example);
  const session = pack && r.session(example.scenario, pack, example);
  if (!session) {
    r.skip(example, 'transcript', `its session (scenario "${example.scenario.name}", ${k8s}) could not start`);
    return;
  }
  const outcome = runTranscript(example, session, runCommand, r.file);
  r.failures.push(...outcome.failures);
  r.mismatches.push(...outcome.mismatches);
  r.steps += outcome.steps;
}

function checkExplain(r: PageRun, example: ExplainExample): void {
  if (example.k8s === undefined || example.command === undefined) return; // extraction errors say why
  const call = parseExplainCommand(example.command);
  if (typeof call === 'string') {
    r.skip(example, 'explain', call);
    return;
  }
  const pack = r.pack(example.k8s, example);
  if (!pack) return;
  r.steps++;
  const { failure, actual } = explainFailure(example, pack, call, r.file);
  if (!failure) return;
  r.failures.push(failure);
  if (!example.generate) {
    r.mismatches.push({ example: example.index, step: 0, line: failure.line, command: example.command, actual });
  }
}

/** A timeline runs on a cluster of its own (it starts from time 0), so it does not change the page's sessions. */
function checkTimeline(r: PageRun, example: TimelineExample): void {
  const { k8s } = example.scenario;
  if (k8s === undefined || example.until <= 0) return; // extraction errors say why
  if (example.file && example.manifest === undefined) return; // TIMELINE_UNKNOWN_FILE / _UNUSABLE
  const pack = r.pack(k8s, example);
  if (!pack) return;
  const play = playTimeline(r.examples, example, pack, runCommand, r.file);
  r.failures.push(...play.failures);
  r.steps += play.commands;
}

function checkExample(r: PageRun, example: Example): void {
  if (example.kind === 'manifest' || example.kind === 'invalid-manifest') checkManifest(r, example);
  else if (example.kind === 'expected-errors') checkErrors(r, example);
  else if (example.kind === 'transcript') checkTranscript(r, example);
  else if (example.kind === 'explain') checkExplain(r, example);
  else if (example.kind === 'timeline') checkTimeline(r, example);
  else if (example.kind === 'skipped') r.skip(example, example.role, example.reason);
}

/** The block a page line belongs to (fence to closing fence). */
function exampleAt(page: ExtractedPage, line: number): number | undefined {
  const last = (e: Example) => e.fence.closeLine ?? e.fence.line + e.lines.length;
  return page.examples.find((e) => e.fence.line <= line && line <= last(e))?.index;
}

function extractionFailures(page: ExtractedPage, severity: 'error' | 'warning'): CheckFailure[] {
  return page.errors
    .filter((e) => e.severity === severity)
    .map((e) => {
      const example = exampleAt(page, e.line);
      const failure: CheckFailure = { code: e.code, file: e.file, line: e.line, col: e.col, message: e.message };
      return example === undefined ? failure : { ...failure, example };
    });
}

function byPosition(a: CheckFailure, b: CheckFailure): number {
  return a.line - b.line || a.col - b.col;
}

/** Checks every example of an extracted page. With `update`, also returns the page with the outputs rewritten. */
export function checkPage(
  page: ExtractedPage,
  env: CheckEnv,
  options: CheckOptions & { source?: string } = {},
): PageCheck {
  const started = env.now?.();
  const r = new PageRun(page, env);
  r.failures.push(...extractionFailures(page, 'error'));
  for (const example of page.examples) checkExample(r, example);
  const failures = [...r.failures].sort(byPosition);
  const checkable = page.examples.filter((e) => e.kind !== 'ignored');
  const failed = new Set(failures.flatMap((f) => (f.example === undefined ? [] : [f.example])));
  const result: PageCheck = {
    file: page.file,
    failures,
    warnings: extractionFailures(page, 'warning'),
    skipped: r.skipped,
    counts: { examples: checkable.length, failed: failed.size, skipped: r.skipped.length, steps: r.steps },
    minors: [...r.minors].sort((a, b) => a - b),
    ...(options.update ? updatePage(page, options.source, failures, r.mismatches) : {}),
  };
  if (started !== undefined && env.now) result.ms = env.now() - started;
  return result;
}

/** Extracts and checks a page source (`.md` or `.mdx`, by the file name). */
export function checkSource(source: string, file: string, env: CheckEnv, options: CheckOptions = {}): PageCheck {
  return checkPage(extractPage(source, file), env, { ...options, source });
}
