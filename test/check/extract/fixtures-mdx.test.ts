/** An MDX page with Tabs, a list inside a TabItem, a JSX comment and a blockquote (fixtures/tabs.mdx). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/check/extract/index.ts';

const source = readFileSync(join(import.meta.dirname, 'fixtures/tabs.mdx'), 'utf8');
const result = extractPage(source, 'content/zh-cn/restart.mdx');

describe('the Tabs page', () => {
  it('finds the blocks inside JSX, the list and the blockquote, but not the commented-out one', () => {
    expect(result.errors).toEqual([]);
    expect(result.examples.map((e) => [e.kind, e.fence.line, e.fence.col, e.bodyStart.line, e.bodyStart.col])).toEqual([
      ['manifest', 20, 5, 21, 5],
      ['transcript', 35, 8, 36, 8],
      ['explain', 45, 7, 46, 7],
      ['transcript', 53, 3, 54, 3],
    ]);
  });

  it('removes the JSX indentation from the manifest, so the YAML is as the reader sees it', () => {
    expect(result.examples[0]?.body).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: once\nspec:\n  restartPolicy: Never\ncontainers:\n'.replace(
        'containers:\n',
        '  containers:\n  - name: c\n    image: busybox:1.36\n    command: ["sh", "-c", "exit 1"]\n',
      ),
    );
  });

  it('reads the list transcript with its wait and the generated explain block', () => {
    const [, transcript, explain, quoted] = result.examples;
    expect(
      transcript?.kind === 'transcript' && transcript.steps.map((s) => [s.line, s.command, s.before.length]),
    ).toEqual([
      [36, 'kubectl apply -f never.yaml', 0],
      [39, 'kubectl get pod once', 1],
    ]);
    expect(explain).toMatchObject({ kind: 'explain', generate: true, k8s: '1.33', kubectl: '1.27' });
    expect(quoted?.kind === 'transcript' && quoted.steps[0]).toMatchObject({ host: 'node-1', node: 'node-1', col: 3 });
    expect(quoted?.lines[0]?.prefix).toBe('> ');
  });
});
