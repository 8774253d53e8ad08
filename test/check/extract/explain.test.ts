/** `kubectl explain` blocks: the command, versions, generated blocks, and their errors. */
import { describe, expect, it } from 'vitest';
import { codes, only, page } from './helpers.ts';

describe('explain blocks', () => {
  it('reads the command, its output and the block versions', () => {
    const result = page([
      '```text explain k8s=1.30',
      '$ kubectl explain pod.spec.restartPolicy',
      'KIND:       Pod',
      '```',
    ]);
    expect(codes(result)).toEqual([]);
    expect(only(result, 'explain')).toMatchObject({
      command: 'kubectl explain pod.spec.restartPolicy',
      k8s: '1.30',
      kubectl: '1.30',
      generate: false,
    });
  });

  it('takes versions from the page when the fence has none, kubectl separately', () => {
    const result = page(['```text explain kubectl=1.26', '$ kubectl explain pod', 'x', '```']);
    expect(only(result, 'explain')).toMatchObject({ k8s: '1.26', kubectl: '1.26' });
    const other = page(['```text explain kubectl=1.27', '$ kubectl explain pod', 'x', '```']);
    expect(only(other, 'explain')).toMatchObject({ k8s: '1.26', kubectl: '1.27' });
  });

  it('accepts a generated block holding only the command', () => {
    const result = page(['```text explain generate', '[root@k8s-master1 ~]# kubectl explain pod.spec', '```']);
    expect(codes(result)).toEqual([]);
    expect(only(result, 'explain').generate).toBe(true);
  });

  it('reports a missing command, another command, several commands, and output with generate', () => {
    expect(codes(page(['```text explain', 'KIND: Pod', '```']))).toEqual(
      ['6:1 STEP_WITHOUT_COMMAND', '5:1 EXPLAIN_WITHOUT_COMMAND'].sort(),
    );
    expect(codes(page(['```text explain', '$ kubectl get pods', 'x', '```']))).toEqual(['6:3 EXPLAIN_NOT_EXPLAIN']);
    expect(
      codes(page(['```text explain', '$ kubectl explain pod', 'x', '$ kubectl explain node', 'y', '```'])),
    ).toEqual(['8:1 EXPLAIN_MULTIPLE_COMMANDS']);
    expect(codes(page(['```text explain generate', '$ kubectl explain pod', 'KIND: Pod', '```']))).toEqual([
      '5:1 EXPLAIN_GENERATE_WITH_OUTPUT',
    ]);
    expect(codes(page(['```text explain', '$ kubectl explain pod', '', '```']))).toEqual(['6:1 EXAMPLE_EMPTY']);
  });
});
