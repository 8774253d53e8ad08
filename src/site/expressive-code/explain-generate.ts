/**
 * `text explain generate` blocks hold only the `kubectl explain` command; the site prints what that kubectl
 * prints against the schema of the block's release. The command is read and run exactly as the checker does
 * (src/check/run/explain.ts: parseExplainCommand, explainOutput over src/manifest/explain.ts's explainText), so
 * a field that does not exist shows kubectl's error here and fails the check.
 */

import { explainOutput, parseExplainCommand } from '../../check/run/explain.ts';
import { parseMinor } from '../../k8s/version/index.ts';
import type { GeneratePlan } from './block-plan.ts';
import { type PackLoadOptions, packForBlock } from './schema-packs.ts';

export interface GeneratedOutput {
  lines: string[];
  /** The Kubernetes release whose schema printed it (`1.35`). */
  release: string;
}

/**
 * The output lines to show under the command, or a reason when the command is one the checker does not run
 * either (it lists such a block as skipped). A missing schema throws: the build must not print a block it
 * cannot print (`where` names the block).
 */
export async function generateExplain(
  plan: GeneratePlan,
  where: string,
  packOptions: PackLoadOptions = {},
): Promise<GeneratedOutput | string> {
  const call = parseExplainCommand(plan.command);
  if (typeof call === 'string') return call;
  const pack = await packForBlock(plan.k8s, where, packOptions);
  const kubectlMinor = parseMinor(plan.kubectl ?? plan.k8s ?? `1.${pack.minor}`);
  const { text } = explainOutput(pack, call, kubectlMinor);
  const lines = text.split('\n');
  // Blank lines at the end are not output (the checker ignores them too) and would only pad the frame.
  while (lines.length > 0 && (lines[lines.length - 1] as string).trim() === '') lines.pop();
  return { lines, release: `1.${pack.minor}` };
}
