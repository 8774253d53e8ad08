/** ```timeline``` blocks: their attributes, body and links to the manifest they apply (SYNTAX.md, Timelines). */
import { describe, expect, it } from 'vitest';
import { codes, only, page } from './helpers.ts';

const POD = ['```yaml file=pod.yaml', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '```', ''];

describe('a timeline block', () => {
  it('reads file=, until=, title= and steps with their directives', () => {
    const result = page([
      ...POD,
      '```timeline file=./pod.yaml until=6m30s title="Crash loop"',
      '#@ at 90s',
      '$ kubectl exec p -- kill 1',
      '#@ wait 1m',
      '[root@k8s ~]# kubectl delete pod p',
      '```',
    ]);
    expect(codes(result)).toEqual([]);
    const timeline = only(result, 'timeline');
    expect(timeline.file).toBe('pod.yaml');
    expect(timeline.until).toBe(390);
    expect(timeline.title).toBe('Crash loop');
    expect(timeline.manifest).toBe(0);
    expect(timeline.scenario).toMatchObject({ name: 'default', k8s: '1.26' });
    expect(timeline.steps.map((s) => [s.command, s.before.map((d) => d.kind)])).toEqual([
      ['kubectl exec p -- kill 1', ['at']],
      ['kubectl delete pod p', ['wait']],
    ]);
  });

  it('is a timeline whatever else its info string says, and needs no body', () => {
    const result = page([...POD, '```timeline file=pod.yaml until=1h', '```']);
    expect(codes(result)).toEqual([]);
    expect(only(result, 'timeline').steps).toEqual([]);
  });

  it('takes scenario= and k8s= like a transcript, and looks for its file in that scenario only', () => {
    const result = page(
      [
        '---',
        'podbook:',
        '  k8s: "1.26"',
        '  scenarios:',
        '    new: { k8s: "1.30" }',
        '---',
        '```yaml file=pod.yaml scenario=new',
        'apiVersion: v1',
        '```',
        '```timeline file=pod.yaml until=5m scenario=new k8s=1.35',
        '```',
        '```timeline file=pod.yaml until=5m',
        '```',
      ],
      { frontmatter: false },
    );
    expect(codes(result)).toEqual(['12:13 TIMELINE_UNKNOWN_FILE']);
    const [first] = result.examples.filter((e) => e.kind === 'timeline');
    expect(first?.kind === 'timeline' && first.scenario).toMatchObject({ name: 'new', k8s: '1.35' });
  });
});

describe('timeline errors', () => {
  it('an unknown file, at the file= attribute', () => {
    const result = page([
      '```yaml file=pod.yaml',
      'apiVersion: v1',
      '```',
      '```timeline file=other.yaml until=1m',
      '```',
    ]);
    expect(codes(result)).toEqual(['8:13 TIMELINE_UNKNOWN_FILE']);
    expect(result.errors[0]?.message).toContain('no manifest block with file=other.yaml comes before this timeline');
  });

  it('a manifest below the timeline does not count', () => {
    const result = page(['```timeline file=pod.yaml until=1m', '```', ...POD]);
    expect(codes(result)).toEqual(['5:13 TIMELINE_UNKNOWN_FILE']);
  });

  it('a skipped or invalid manifest cannot be applied', () => {
    const skipped = page([
      '```yaml file=pod.yaml check=skip reason="later"',
      'apiVersion: v1',
      '```',
      '```timeline file=pod.yaml until=1m',
      '```',
    ]);
    expect(codes(skipped)).toEqual(['8:13 TIMELINE_FILE_UNUSABLE']);
    const invalid = page([
      '```yaml file=pod.yaml expect=invalid',
      'apiVersion: v1',
      '```',
      '```text errors-for=pod.yaml',
      'error',
      '```',
      '```timeline file=pod.yaml until=1m',
      '```',
    ]);
    expect(codes(invalid)).toEqual(['11:13 TIMELINE_FILE_UNUSABLE']);
    expect(invalid.errors[0]?.message).toContain('expect=invalid');
  });

  it('until= missing, not a duration, zero or longer than a day', () => {
    expect(codes(page([...POD, '```timeline file=pod.yaml', '```']))).toEqual(['12:1 TIMELINE_WITHOUT_UNTIL']);
    for (const bad of ['6x', '0', '-1m', '25h', '1h1m1s1x']) {
      const result = page([...POD, `\`\`\`timeline file=pod.yaml until=${bad}`, '```']);
      expect(codes(result), bad).toEqual(['12:27 DURATION_INVALID']);
      expect(only(result, 'timeline').until).toBe(0);
    }
  });

  it('neither a file nor a command', () => {
    expect(codes(page(['```timeline until=1m', '```']))).toEqual(['5:1 TIMELINE_WITHOUT_FILE']);
    expect(codes(page(['```timeline until=1m', '$ kubectl run p --image=nginx', '```']))).toEqual([]);
  });

  it('output, callouts, bare prompts, exec sessions and directives after the last command', () => {
    const result = page([
      ...POD,
      '```timeline file=pod.yaml until=5m',
      '$ kubectl get pods',
      'NAME   READY',
      '#: a note',
      '$',
      '$ kubectl exec -it p -- sh',
      '# ls',
      '#@ wait 10s',
      '```',
    ]);
    expect(codes(result)).toEqual([
      '14:1 TIMELINE_BODY', // output
      '15:1 TIMELINE_BODY', // callout
      '16:1 TIMELINE_BODY', // bare prompt
      '17:3 TIMELINE_BODY', // exec -it
      '18:1 TIMELINE_BODY', // inside the session
      '19:1 TIMELINE_BODY', // nothing after it
    ]);
  });

  it('a step at or after until=', () => {
    const result = page([
      ...POD,
      '```timeline file=pod.yaml until=2m',
      '#@ at 1m',
      '#@ wait 1m',
      '$ kubectl get pods',
      '```',
    ]);
    expect(codes(result)).toEqual(['15:1 TIMELINE_STEP_AFTER_UNTIL']);
  });

  it('code-block options other than title=, and check=skip', () => {
    const result = page([...POD, '```timeline file=pod.yaml until=1m wrap check=skip reason="no"', '```']);
    expect(codes(result)).toEqual(['12:36 ATTRIBUTE_NOT_APPLICABLE', '12:41 ATTRIBUTE_NOT_APPLICABLE']);
    expect(result.examples.at(-1)?.kind).toBe('timeline');
  });

  it('an unknown attribute and a host the scenario does not know', () => {
    const result = extractWithNodes([
      ...POD,
      '```timeline file=pod.yaml until=1m untill=2m',
      '[root@elsewhere ~]# kubectl get pods',
      '```',
    ]);
    expect(codes(result)).toEqual(['14:36 ATTRIBUTE_UNKNOWN', '15:1 HOST_UNKNOWN']);
  });

  it('until= and file= on other blocks', () => {
    const result = page(['```console until=1m', '$ kubectl get pods', '```']);
    expect(codes(result)).toEqual(['5:12 ATTRIBUTE_NOT_APPLICABLE']);
  });
});

function extractWithNodes(lines: string[]) {
  return page(['---', 'podbook:', '  k8s: "1.26"', '  cluster:', '    nodes: [cp]', '---', ...lines], {
    frontmatter: false,
  });
}
