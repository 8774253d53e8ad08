/**
 * A runnable scenario as plain data: the cluster a page describes (its release, seed, nodes, registries) and the
 * session so far as an ordered list of steps (files written, commands typed, clock moves), followed by what the
 * reader did. The simulator is deterministic, so this data is the whole state: the runner replays it from the
 * start after every change, and the URL carries it. Pure and browser-safe; updates return new objects.
 */
import type { ClusterSpec } from '../../check/extract/types.ts';

export const SCENARIO_FORMAT = 1;

export type Signal = 'SIGTERM' | 'SIGKILL';

export type RunnerStep =
  /** A manifest block of the page: the file as it is from here on (`kubectl apply -f <file>` reads it). */
  | { kind: 'write'; file: string; text: string }
  /** `#@ at`: the clock set to this many seconds after the start (never backwards). */
  | { kind: 'at'; seconds: number }
  /** `#@ wait` or the reader's "advance the clock". */
  | { kind: 'wait'; seconds: number }
  /**
   * A command typed at a prompt: on the kubectl client, on a node (`host`, for crictl), or (`container`) inside
   * the `kubectl exec -it` session an earlier step opened. `prompt` is how the page wrote the prompt.
   */
  | { kind: 'run'; line: string; host?: string; container?: true; prompt?: string }
  /** A signal sent to PID 1 of a container from its node (the runtime's kill, not a process inside it). */
  | { kind: 'signal'; pod: string; container?: string; signal: Signal }
  /** PID 1 of a container exits by itself, now, with this code. */
  | { kind: 'exit'; pod: string; container?: string; code: number };

export interface RunnerScenario {
  v: typeof SCENARIO_FORMAT;
  /** Kubernetes release `1.N`. */
  k8s: string;
  /** kubectl release `1.N`; the Kubernetes release when absent. */
  kubectl?: string;
  seed?: number;
  cluster: ClusterSpec;
  steps: RunnerStep[];
  /** Steps before this index are the session before the example; the log shows them folded. */
  shownFrom: number;
  /** Steps from this index on are the reader's own (after the page's). */
  pageSteps: number;
  /** Where the scenario comes from, for the panel's heading (a page example or a playground start). */
  title?: string;
}

/** The files the session writes, in the order they are first written. */
export function fileNames(scenario: RunnerScenario): string[] {
  const names: string[] = [];
  for (const s of scenario.steps) if (s.kind === 'write' && !names.includes(s.file)) names.push(s.file);
  return names;
}

/** Index of the last write of `file` (the version the reader edits), or -1. */
export function lastWriteIndex(scenario: RunnerScenario, file: string): number {
  for (let i = scenario.steps.length - 1; i >= 0; i--) {
    const s = scenario.steps[i];
    if (s?.kind === 'write' && s.file === file) return i;
  }
  return -1;
}

/** The file the editor opens first: the one written last. */
export function defaultFile(scenario: RunnerScenario): string | undefined {
  for (let i = scenario.steps.length - 1; i >= 0; i--) {
    const s = scenario.steps[i];
    if (s?.kind === 'write') return s.file;
  }
  return undefined;
}

/** The text of `file` as the reader edits it (its last write). */
export function fileText(scenario: RunnerScenario, file: string): string | undefined {
  const step = scenario.steps[lastWriteIndex(scenario, file)];
  return step?.kind === 'write' ? step.text : undefined;
}

/** The scenario with the last write of `file` replaced by `text`; a new file is written just before the reader's steps. */
export function withFileText(scenario: RunnerScenario, file: string, text: string): RunnerScenario {
  const index = lastWriteIndex(scenario, file);
  const steps = [...scenario.steps];
  if (index >= 0) {
    steps[index] = { kind: 'write', file, text };
    return { ...scenario, steps };
  }
  steps.splice(scenario.pageSteps, 0, { kind: 'write', file, text });
  return { ...scenario, steps, pageSteps: scenario.pageSteps + 1 };
}

/** The scenario at another release; kubectl follows the cluster. */
export function withVersion(scenario: RunnerScenario, k8s: string): RunnerScenario {
  const { kubectl: _kubectl, ...rest } = scenario;
  return { ...rest, k8s };
}

export function withCluster(scenario: RunnerScenario, cluster: ClusterSpec): RunnerScenario {
  return { ...scenario, cluster };
}

/** The reader's step added at the end. */
export function withStep(scenario: RunnerScenario, step: RunnerStep): RunnerScenario {
  return { ...scenario, steps: [...scenario.steps, step] };
}

/** The reader's last step taken back (the page's steps stay). */
export function withoutLastStep(scenario: RunnerScenario): RunnerScenario {
  if (scenario.steps.length <= scenario.pageSteps) return scenario;
  return { ...scenario, steps: scenario.steps.slice(0, -1) };
}

/** The scenario without any of the reader's steps (edits to files are kept). */
export function withoutReaderSteps(scenario: RunnerScenario): RunnerScenario {
  return { ...scenario, steps: scenario.steps.slice(0, scenario.pageSteps) };
}

export function readerStepCount(scenario: RunnerScenario): number {
  return scenario.steps.length - scenario.pageSteps;
}

/** The kubectl release the scenario's commands use. */
export function kubectlRelease(scenario: RunnerScenario): string {
  return scenario.kubectl ?? scenario.k8s;
}
