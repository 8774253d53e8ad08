/**
 * What `checkPage` needs and what it answers. Plain data (no classes), so a page's result can be printed by the
 * CLI, thrown by the Astro integration or shipped to Vite's error overlay as it is.
 */
import type { SchemaPack } from '../../manifest/schema/index.ts';
import type { CommandResult, CommandTarget, ShellContext } from '../../sim/shell/types.ts';
import type { CheckableKind, ExtractErrorCode } from '../extract/index.ts';

/** The terminal in front of the virtual cluster (src/sim/shell's `runCommand`). */
export type RunCommand = (ctx: ShellContext, target: CommandTarget, line: string) => CommandResult;

export interface CheckEnv {
  /** The compiled OpenAPI schema of a Kubernetes minor (26 for 1.26). May throw when the pack is not available. */
  pack(minor: number): SchemaPack;
  /** A millisecond clock (`performance.now`), to time the page; absent: no timing. */
  now?: () => number;
}

export interface CheckOptions {
  /** Also compute the page with every differing expected output replaced by the actual one. */
  update?: boolean;
}

/** Problems the checker itself finds; extraction problems keep their own codes (src/check/extract/errors.ts). */
export const CHECK_ERROR_CODES = [
  /** A manifest the apiserver (or kubectl) would reject. */
  'MANIFEST_INVALID',
  /** An `expect=invalid` manifest that is accepted. */
  'MANIFEST_ACCEPTED',
  /** An errors block that is not what kubectl prints for its manifest. */
  'ERRORS_MISMATCH',
  /** A transcript step whose output is not what the virtual cluster prints. */
  'OUTPUT_MISMATCH',
  /** A container prompt after the `kubectl exec -it` session it belongs to has ended. */
  'SESSION_ENDED',
  /** `#@ at` earlier than the virtual clock already is (commands before it took the time). */
  'CLOCK_PASSED',
  /** An explain block that is not what that kubectl prints for that schema. */
  'EXPLAIN_MISMATCH',
  /** The page's cluster cannot be built (an image no registry holds, a node defined twice, ...). */
  'CLUSTER_INVALID',
  /** The schema of the example's Kubernetes release could not be loaded. */
  'SCHEMA_UNAVAILABLE',
  /** A command (or an option of it) the virtual cluster does not model. */
  'NOT_MODELLED',
  /** The simulator failed on a command (a bug or a gap in the model, not in the page). */
  'SIMULATOR_ERROR',
  /** A timeline's `kubectl apply -f FILE` or one of its commands fails in the timeline's cluster. */
  'TIMELINE_COMMAND_FAILED',
] as const;

export type CheckErrorCode = (typeof CHECK_ERROR_CODES)[number];
export type FailureCode = CheckErrorCode | ExtractErrorCode;

export interface CheckFailure {
  code: FailureCode;
  file: string;
  /** The step's prompt, the first differing expected line, or the manifest's error position. */
  line: number;
  col: number;
  message: string;
  /** Index of the example in `page.examples`; absent for page-level problems (frontmatter). */
  example?: number;
  step?: number;
  /** The command as the page shows it, when a step failed. */
  command?: string;
  /** A unified diff, expected `-` (page lines) / actual `+` (output lines). */
  diff?: string;
  /** For a manifest problem: the page line with a caret under the offending text. */
  excerpt?: string;
}

/** A block the checker did not check, and why. */
export interface SkippedBlock {
  file: string;
  line: number;
  example: number;
  role: CheckableKind;
  reason: string;
}

export interface CheckCounts {
  /** Checkable blocks of the page (manifests, errors, transcripts, explain, timelines), skipped ones included. */
  examples: number;
  /** Blocks with at least one failure. */
  failed: number;
  skipped: number;
  /** Transcript and explain steps run, and timeline commands. */
  steps: number;
}

/** One expected output rewritten by `update`. */
export interface PageUpdate {
  file: string;
  /** The block's fence line, and the step's prompt line (the errors block's first line for errors blocks). */
  line: number;
  command?: string;
}

/** An expected output `update` could not rewrite, with the reason. */
export interface RefusedUpdate extends PageUpdate {
  reason: string;
}

export interface PageCheck {
  file: string;
  failures: CheckFailure[];
  /** Extraction warnings (valid Markdown that is probably not what the author meant); they do not fail. */
  warnings: CheckFailure[];
  skipped: SkippedBlock[];
  counts: CheckCounts;
  /** Kubernetes minors the page's examples ran against (sorted). */
  minors: number[];
  /** Milliseconds spent, when `env.now` was given. */
  ms?: number;
  /** With `update`: the new page source, when anything changed. */
  updatedSource?: string;
  updates?: PageUpdate[];
  refused?: RefusedUpdate[];
}
