/**
 * The reader's actions as scenario steps: each one is appended to the scenario, so it is replayed, undone,
 * shared in the URL and restored like the page's own steps. Commands are the ones a reader would type.
 */
import { shellWords } from '../../sim/shell/words.ts';
import type { RunnerStep, Signal } from './scenario.ts';

export interface PodTarget {
  pod: string;
  /** Absent: the pod's first container (kubectl's default). */
  container?: string;
}

/** A word as a shell would need it typed (names from a manifest may hold anything). */
function word(text: string): string {
  return /^[A-Za-z0-9._/:=@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export function applyStep(file: string): RunnerStep {
  return { kind: 'run', line: `kubectl apply -f ${word(file)}` };
}

export function deleteStep(target: PodTarget): RunnerStep {
  return { kind: 'run', line: `kubectl delete pod ${word(target.pod)}` };
}

/** `kubectl exec nginx -- nginx -s stop`: what the book's sessions do to stop nginx. */
export function execStopStep(target: PodTarget): RunnerStep {
  const container = target.container ? ` -c ${word(target.container)}` : '';
  return { kind: 'run', line: `kubectl exec ${word(target.pod)}${container} -- nginx -s stop` };
}

export function signalStep(target: PodTarget, signal: Signal): RunnerStep {
  return { kind: 'signal', pod: target.pod, ...(target.container ? { container: target.container } : {}), signal };
}

/** Exit codes are 0..255 (the kernel keeps the low 8 bits); anything else is clamped to that. */
export function exitStep(target: PodTarget, code: number): RunnerStep {
  const c = Number.isFinite(code) ? Math.min(255, Math.max(0, Math.trunc(code))) : 1;
  return { kind: 'exit', pod: target.pod, ...(target.container ? { container: target.container } : {}), code: c };
}

export function advanceStep(seconds: number): RunnerStep {
  return { kind: 'wait', seconds };
}

/** A command line typed by the reader, on the kubectl client or a node; undefined for an empty line. */
export function commandStep(line: string, host?: string): RunnerStep | undefined {
  const trimmed = line.trim();
  if (trimmed === '') return undefined;
  const parsed = shellWords(trimmed);
  if (!('unsupported' in parsed) && parsed.words.length === 0) return undefined;
  return { kind: 'run', line: trimmed, ...(host ? { host } : {}) };
}
