/**
 * `kubectl explain` blocks: the pasted output must be what that kubectl prints against the schema of that
 * Kubernetes release (src/manifest/explain.ts). A `generate` block only has to name a field that exists.
 */
import { parseMinor } from '../../k8s/version/index.ts';
import { explainText } from '../../manifest/explain.ts';
import { ExplainError, type SchemaPack } from '../../manifest/schema/index.ts';
import { type ExplainExample, matchOutput } from '../extract/index.ts';
import { shellWords } from '../extract/shell-words.ts';
import { firstDifference } from './locate.ts';
import type { CheckFailure } from './types.ts';

export interface ExplainCall {
  path: string;
  apiVersion?: string;
}

/** The field path and `--api-version` of a `kubectl explain` command; a string says why it cannot be run. */
export function parseExplainCommand(command: string): ExplainCall | string {
  const words = shellWords(command);
  const args = words.slice(words.indexOf('explain') + 1);
  let path: string | undefined;
  let apiVersion: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    if (word === '--api-version') apiVersion = args[++i];
    else if (word.startsWith('--api-version=')) apiVersion = word.slice('--api-version='.length);
    else if (word === '--recursive' || word.startsWith('--recursive='))
      return '`kubectl explain --recursive` is not modelled';
    else if (word.startsWith('-')) return `the kubectl explain option ${word} is not modelled`;
    else if (path === undefined) path = word;
    else return 'kubectl explain takes one resource or field';
  }
  if (path === undefined) return 'the command names no resource or field';
  return apiVersion === undefined ? { path } : { path, apiVersion };
}

/** What kubectl prints: the explanation on stdout, or its error message (`failed`). */
export function explainOutput(
  pack: SchemaPack,
  call: ExplainCall,
  kubectlMinor: number,
): { text: string; failed: boolean } {
  try {
    const options = { kubectlMinor, ...(call.apiVersion ? { apiVersion: call.apiVersion } : {}) };
    return { text: explainText(pack, call.path, options), failed: false };
  } catch (error) {
    if (error instanceof ExplainError) return { text: `${error.message}\n`, failed: true };
    throw error;
  }
}

/** Compares an explain block with the schema's text: kubectl's text, and the failure when they differ. */
export function explainFailure(
  example: ExplainExample,
  pack: SchemaPack,
  call: ExplainCall,
  file: string,
): { failure?: CheckFailure; actual: string } {
  const step = example.steps[0];
  const kubectlMinor = parseMinor(example.kubectl ?? example.k8s ?? `1.${pack.minor}`);
  const { text: actual, failed } = explainOutput(pack, call, kubectlMinor);
  const prompt = { line: step?.line ?? example.fence.line, col: step?.col ?? example.fence.col };
  const base = { file, example: example.index, step: 0, command: example.command ?? '' };
  if (example.generate) {
    if (!failed) return { actual };
    const message = `the generated explain block fails: ${actual.trim()}`;
    return { actual, failure: { ...base, code: 'EXPLAIN_MISMATCH', ...prompt, message } };
  }
  const result = matchOutput(step?.expected ?? [], actual);
  if (result.ok) return { actual };
  const at = firstDifference(example, step?.expected ?? [], actual, prompt);
  const message = `this is not what kubectl ${example.kubectl ?? example.k8s} prints against the Kubernetes 1.${pack.minor} schema`;
  return { actual, failure: { ...base, code: 'EXPLAIN_MISMATCH', ...at, message, diff: result.diff } };
}
