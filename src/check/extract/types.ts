/**
 * What `extractPage` finds in a `.md`/`.mdx` page: the frontmatter's `podbook:` settings and every fenced code
 * block, classified by role, with exact source positions. Plain data only (no functions, no RegExp), so a page's
 * examples can be serialised and shipped to the browser as they are.
 *
 * Positions: lines and columns are 1-based, columns count UTF-16 code units (a tab is one column), offsets are
 * 0-based; the same convention as src/manifest.
 */
import type { SourcePosition } from '../../manifest/types.ts';
import type { ExtractErrorCode } from './errors.ts';

export type { ExtractErrorCode, SourcePosition };

// ---------------------------------------------------------------------------------------------------------------
// Errors

export interface ExtractError {
  code: ExtractErrorCode;
  /** Warnings point at something that is probably not what the author meant but is valid Markdown. */
  severity: 'error' | 'warning';
  message: string;
  file: string;
  line: number;
  col: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Frontmatter

export interface NodeSpec {
  /** The node's name as `kubectl get nodes` prints it (`k8s-node3.guoguo.com`). */
  name: string;
  /** `control-plane`, `worker`, ... (the `node-role.kubernetes.io/<role>` labels). */
  roles: string[];
  /** Image references already present in the node's image store. */
  images: string[];
  /** The node's InternalIP, when the page shows it. */
  ip?: string;
}

export interface RegistryRepository {
  /** Repository path inside the registry: `apps/ubuntu-nginx`, `library/nginx`. */
  name: string;
  /** Tags the registry holds, as written (an unquoted `1.20` stays `1.20`). */
  tags: string[];
}

export interface RegistrySpec {
  /** `images.guoguo.com`, `docker.io` */
  host: string;
  repositories: RegistryRepository[];
}

/** A cluster as a page describes it; a field left out means "the simulator's default". */
export interface ClusterSpec {
  /** RFC 3339 time of virtual second 0, as written. */
  start?: string;
  /** `start` in seconds since the Unix epoch. */
  startSeconds?: number;
  nodes?: NodeSpec[];
  /** Hosts that are not nodes but run kubectl (a workstation, `localhost`). */
  clients?: string[];
  registries?: RegistrySpec[];
}

export interface ScenarioSettings {
  /** Kubernetes minor as `1.N`. */
  k8s?: string;
  /** kubectl minor as `1.N`; defaults to k8s. */
  kubectl?: string;
  seed?: number;
  cluster?: ClusterSpec;
}

export interface PodbookSettings extends ScenarioSettings {
  /** `podbook.scenarios.<name>`; each overrides the page-level settings above, field by field. */
  scenarios: Record<string, ScenarioSettings>;
}

export interface Frontmatter {
  present: boolean;
  /** The whole frontmatter as plain values (`{}` when there is none or it does not parse). */
  data: Record<string, unknown>;
  /** File lines of the opening and closing `---` (0 when absent). */
  startLine: number;
  endLine: number;
  podbook: PodbookSettings;
  /** Where each value under `podbook` is written, keyed by dotted path: `podbook.cluster.nodes.0.name`. */
  positions: Record<string, SourcePosition>;
}

/** The settings an example runs with, after scenario and page defaults are applied. */
export interface ResolvedScenario {
  /** `default` when the example names none. */
  name: string;
  k8s?: string;
  kubectl?: string;
  seed?: number;
  cluster?: ClusterSpec;
}

// ---------------------------------------------------------------------------------------------------------------
// Fenced blocks

export interface FenceAttribute {
  key: string;
  /** `true` for a bare flag (`explain`, `wrap`). */
  value: string | true;
  line: number;
  col: number;
  /** Expressive Code's bare markers (`{1-3}`, `"text"`, `/re/`) and its named options pass through unchecked. */
  passthrough: boolean;
}

/** One line of a block's body: the text after container indentation and fence indentation are removed. */
export interface BodyLine {
  text: string;
  /** File line, and the offset where that line starts in the page. */
  line: number;
  offset: number;
  /** The source text removed in front of `text` (blockquote markers, list and fence indentation). */
  prefix: string;
  /** Spaces put in front of `text` for a tab only partly inside the indentation (CommonMark); absent when 0. */
  pad?: number;
  /** The line ending in the source (`''` on the last line of a file without a final newline). */
  eol: string;
}

export interface FenceInfo {
  /** Position of the first fence character. */
  line: number;
  col: number;
  char: '`' | '~';
  length: number;
  /** Columns of indentation in front of the fence, relative to the block's container. */
  indent: number;
  /** File line of the closing fence; absent when the block is unterminated. */
  closeLine?: number;
}

export interface BlockBase {
  /** Position of this block in `examples` (every fenced block of the page, in source order). */
  index: number;
  /** First word of the info string (`yaml`, `console`, `text`), `''` when there is none. */
  lang: string;
  /** The info string after the fence, as written. */
  info: string;
  attributes: FenceAttribute[];
  /** Attributes by key (last one wins; duplicates are reported). */
  attrs: Record<string, string | true>;
  fence: FenceInfo;
  /** The body, lines joined with `\n` and ending in `\n` when not empty. */
  body: string;
  /** Where body line 1 starts: body line k (1-based) is file line `bodyStart.line + k - 1`. */
  bodyStart: SourcePosition;
  lines: BodyLine[];
}

/** A placeholder name in expected output: `[UID]`, `[IP]`, ... */
export type PlaceholderName = 'UID' | 'IP' | 'AGE' | 'HASH' | 'TIME';

export type OutputSegment =
  | { kind: 'literal'; text: string }
  /** `[..]`: any text within the line. */
  | { kind: 'any' }
  | { kind: 'placeholder'; name: PlaceholderName };

export type ExpectedLine =
  /** A line compared with one line of actual output. `source` is the text as written (escapes and all). */
  | { kind: 'text'; line: number; source: string; segments: OutputSegment[] }
  /** A line holding only `...`: any number of lines, none included. */
  | { kind: 'any-lines'; line: number; source: string };

export type Directive =
  /** `#@ wait 2m30s`: advance the virtual clock. */
  | { kind: 'wait'; seconds: number; line: number; text: string }
  /** `#@ at 105s`: set the clock to this many seconds after the scenario started. */
  | { kind: 'at'; seconds: number; line: number; text: string }
  /** `#@ on k8s-node3`: where the following `$ ` prompts of this block run. */
  | { kind: 'on'; host: string; line: number; text: string };

/** A directive written between output lines: it applies after `afterOutput` expected lines were printed. */
export type OutputDirective = Directive & { afterOutput: number };

export interface Step {
  index: number;
  /** File line and column of the prompt. */
  line: number;
  col: number;
  /** The prompt as written, with its trailing space: `[root@k8s-master1 ~]# `, `$ `, `root@nginx-5:/# `. */
  prompt: string;
  user?: string;
  /** The host the prompt names (`k8s-master1`); for `$ ` the `#@ on` host, else absent (the kubectl host). */
  host?: string;
  /** The node `host` resolves to in the example's scenario, when the scenario lists nodes. */
  node?: string;
  /** `host`: a shell on a machine; `container`: a shell inside a `kubectl exec -it` session. */
  where: 'host' | 'container';
  /** For `container` steps: the pod the session was opened on and the step that opened it. */
  session?: { pod: string; container?: string; openedBy: number };
  /** The command with `\`-newline continuations joined (as the shell reads it); absent for a bare prompt. */
  command?: string;
  /** The command as written, one entry per source line (continuation backslashes kept). */
  commandLines: string[];
  /** Column where the command text starts on the prompt line. */
  commandCol: number;
  expected: ExpectedLine[];
  /** Directives written before the prompt (after the previous step's output). */
  before: Directive[];
  /** Directives written between this step's output lines. */
  during: OutputDirective[];
}

export interface Callout {
  /** 1, 2, ... per block, in source order. */
  number: number;
  /** The annotation text; consecutive `#:` lines form one callout, joined with `\n`. */
  text: string;
  /** File line of the first `#:` line. */
  line: number;
  /** The rendered line the callout sits beside. */
  target: { line: number; step?: number; part: 'command' | 'output'; outputIndex?: number };
}

export interface ManifestExample extends BlockBase {
  kind: 'manifest';
  file: string;
  scenario: ResolvedScenario;
}

export interface InvalidManifestExample extends BlockBase {
  kind: 'invalid-manifest';
  file: string;
  scenario: ResolvedScenario;
  /** Where the errors it must produce are written: an errors block, or a transcript step that applies it. */
  errorsIn?: { example: number; step?: number };
}

export interface ExpectedErrorsExample extends BlockBase {
  kind: 'expected-errors';
  /** The `errors-for` file name. */
  target: string;
  /** Index of the manifest block it refers to (the nearest one before it with that file name). */
  manifest?: number;
  expected: ExpectedLine[];
  callouts: Callout[];
}

export interface TranscriptExample extends BlockBase {
  kind: 'transcript';
  scenario: ResolvedScenario;
  steps: Step[];
  callouts: Callout[];
  /** Directives after the last step's output: they apply before the next block of the same scenario. */
  trailing: Directive[];
}

export interface ExplainExample extends BlockBase {
  kind: 'explain';
  k8s?: string;
  kubectl?: string;
  /** The `kubectl explain ...` command (absent when the block has no prompt line). */
  command?: string;
  /** `generate`: the block holds only the command; the site prints the schema's output for it. */
  generate: boolean;
  steps: Step[];
  callouts: Callout[];
}

/**
 * A ```timeline``` block: a chart of the pods' container states, drawn by the model. It applies the manifest
 * `file=` (the last block with that name above it, in its scenario) to a fresh cluster of its scenario at time 0,
 * runs its steps (commands without output, `#@ at`/`#@ wait` before them) and records until `until`.
 */
export interface TimelineExample extends BlockBase {
  kind: 'timeline';
  /** The `file=` manifest applied at time 0 (normalized, `./` removed); `''` when the block names none. */
  file: string;
  /** Index of the manifest block `file` refers to (set when it is found). */
  manifest?: number;
  /** How long to record, in seconds (`until=6m`); 0 when missing or invalid (reported). */
  until: number;
  scenario: ResolvedScenario;
  /** The `title="..."` to show, when given. */
  title?: string;
  /** The commands to run, in order, with their `#@ at`/`#@ wait` directives in `before`. */
  steps: Step[];
}

export type CheckableKind = 'manifest' | 'invalid-manifest' | 'expected-errors' | 'transcript' | 'explain' | 'timeline';

export interface SkippedExample extends BlockBase {
  kind: 'skipped';
  reason: string;
  /** What the block would have been checked as. */
  role: CheckableKind;
}

export interface IgnoredExample extends BlockBase {
  kind: 'ignored';
  /** True when the block has a checkable role but its fence is unterminated (reported; not checked). */
  unterminated: boolean;
}

export type Example =
  | ManifestExample
  | InvalidManifestExample
  | ExpectedErrorsExample
  | TranscriptExample
  | ExplainExample
  | TimelineExample
  | SkippedExample
  | IgnoredExample;

export interface ExtractedPage {
  file: string;
  frontmatter: Frontmatter;
  examples: Example[];
  errors: ExtractError[];
}
