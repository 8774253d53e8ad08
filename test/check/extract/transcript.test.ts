/**
 * Transcripts: prompts and hosts, continuation lines, bare prompts, exec sessions, output lines, callouts,
 * directives and where they apply, and the errors a malformed transcript gives.
 */
import { describe, expect, it } from 'vitest';
import type { Step } from '../../../src/check/extract/index.ts';
import { codes, only, page } from './helpers.ts';

// page() adds a 4-line frontmatter and the fence takes line 5, so body line k is page line 5 + k.
const transcript = (...body: string[]) => page(['```console', ...body, '```']);
const steps = (...body: string[]) => only(transcript(...body), 'transcript').steps;
const sources = (step: Step | undefined) => step?.expected.map((l) => l.source);

describe('prompts', () => {
  it('reads the three host prompt styles: host, user, command and where the command starts', () => {
    const [a, b, c] = steps(
      '$ kubectl get pods',
      '[root@k8s-master1 ~]# kubectl get nodes',
      'azureuser@Tws-lab:~$ ls -l',
    );
    expect(a).toMatchObject({
      prompt: '$ ',
      command: 'kubectl get pods',
      where: 'host',
      line: 6,
      col: 1,
      commandCol: 3,
    });
    expect(a?.host).toBeUndefined();
    expect(b).toMatchObject({ prompt: '[root@k8s-master1 ~]# ', user: 'root', host: 'k8s-master1', commandCol: 23 });
    expect(c).toMatchObject({ prompt: 'azureuser@Tws-lab:~$ ', user: 'azureuser', host: 'Tws-lab', command: 'ls -l' });
  });

  it('reads a bare prompt as a step without a command', () => {
    const [first, bare] = steps('$ kubectl get pods', 'No resources found in default namespace.', '$');
    expect(sources(first)).toEqual(['No resources found in default namespace.']);
    expect(bare).toMatchObject({ prompt: '$', commandLines: [] });
    expect(bare?.command).toBeUndefined();
  });

  it('joins continuation lines the way the shell does, whatever they start with', () => {
    const [step] = steps('$ kubectl run nginx \\', '  --image=nginx:1.25 \\', '#:not a callout', 'pod/nginx created');
    expect(step?.commandLines).toEqual(['kubectl run nginx \\', '  --image=nginx:1.25 \\', '#:not a callout']);
    expect(step?.command).toBe('kubectl run nginx   --image=nginx:1.25 #:not a callout');
    expect(sources(step)).toEqual(['pod/nginx created']);
  });

  it('does not continue after an escaped backslash (\\\\ at the end)', () => {
    const [step] = steps('$ echo a\\\\', 'a\\');
    expect(sources(step)).toEqual(['a\\']);
  });

  it('reports a continuation at the end of the block', () => {
    expect(codes(transcript('$ kubectl get \\'))).toEqual(['6:1 CONTINUATION_UNTERMINATED']);
  });
});

describe('kubectl exec -it sessions', () => {
  const session = [
    '[root@k8s-master1 ~]# kubectl exec -it nginx-5 /bin/bash',
    'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.',
    'root@nginx-5:/# nginx -s stop',
    'root@nginx-5:/#',
    'command terminated with exit code 137',
    '',
    '[root@k8s-master1 ~]# kubectl get pods',
    'NAME      READY   STATUS      RESTARTS   AGE',
  ];

  it('runs container prompts in the container until the outer prompt returns', () => {
    const result = transcript(...session);
    expect(codes(result)).toEqual([]);
    const all = only(result, 'transcript').steps;
    expect(all.map((s) => [s.where, s.host, s.command, s.session?.pod])).toEqual([
      ['host', 'k8s-master1', 'kubectl exec -it nginx-5 /bin/bash', undefined],
      ['container', 'nginx-5', 'nginx -s stop', 'nginx-5'],
      ['container', 'nginx-5', undefined, 'nginx-5'],
      ['host', 'k8s-master1', 'kubectl get pods', undefined],
    ]);
    expect(all[1]?.session).toEqual({ pod: 'nginx-5', openedBy: 0 });
    expect(sources(all[2])).toEqual(['command terminated with exit code 137', '']);
  });

  it('reads busybox, sh and bare # prompts inside a session, and ends it at exit', () => {
    const all = steps(
      '$ kubectl exec -ti -c app web -- sh',
      '/ # ls /tmp',
      'healthy',
      'sh-5.1# echo hi',
      'hi',
      '# exit',
      '# not a prompt now',
    );
    expect(all.map((s) => [s.where, s.prompt, s.command])).toEqual([
      ['host', '$ ', 'kubectl exec -ti -c app web -- sh'],
      ['container', '/ # ', 'ls /tmp'],
      ['container', 'sh-5.1# ', 'echo hi'],
      ['container', '# ', 'exit'],
    ]);
    expect(all[1]?.session).toEqual({ pod: 'web', container: 'app', openedBy: 0 });
    expect(sources(all[3])).toEqual(['# not a prompt now']);
  });

  it('does not open a session for a non-interactive exec', () => {
    const all = steps('$ kubectl exec nginx-5 -- ls /', 'root@nginx-5:/# is output here');
    expect(all).toHaveLength(2); // a colon prompt is a host prompt outside a session
    expect(all[1]?.where).toBe('host');
  });

  it('ends a session at any [user@host dir] prompt', () => {
    const all = steps('$ kubectl exec -it a -- sh', '# ls', '[root@k8s-node3 ~]# crictl images');
    expect(all.map((s) => s.where)).toEqual(['host', 'container', 'host']);
  });
});

describe('output lines', () => {
  it('compiles wildcards and placeholders, keeps [POD]-like words literal, and reads ... lines', () => {
    const [step] = steps('$ kubectl get pods -o wide', '...', 'nginx-5 [AGE] [IP] [..] x\\[..]', '[POD]');
    expect(step?.expected).toEqual([
      { kind: 'any-lines', line: 7, source: '...' },
      {
        kind: 'text',
        line: 8,
        source: 'nginx-5 [AGE] [IP] [..] x\\[..]',
        segments: [
          { kind: 'literal', text: 'nginx-5 ' },
          { kind: 'placeholder', name: 'AGE' },
          { kind: 'literal', text: ' ' },
          { kind: 'placeholder', name: 'IP' },
          { kind: 'literal', text: ' ' },
          { kind: 'any' },
          { kind: 'literal', text: ' x[..]' },
        ],
      },
      { kind: 'text', line: 9, source: '[POD]', segments: [{ kind: 'literal', text: '[POD]' }] },
    ]);
  });

  it('removes a line-start escape only where the line would otherwise be special', () => {
    const [step] = steps('$ cat notes', '\\#: literal', '\\#@ literal', '\\$ literal', '\\...', '\\n stays', '\\\\x');
    expect(
      step?.expected.map((l) =>
        l.kind === 'text' ? l.segments.map((s) => (s.kind === 'literal' ? s.text : '?')).join('') : '...',
      ),
    ).toEqual(['#: literal', '#@ literal', '$ literal', '...', '\\n stays', '\\x']);
  });

  it('reports output before the first prompt once, and output after a bare host prompt', () => {
    const result = transcript('', 'NAME   READY', 'nginx  1/1', '$', 'stray output', '$ ls');
    expect(codes(result)).toEqual(['7:1 STEP_WITHOUT_COMMAND', '10:1 STEP_WITHOUT_COMMAND']);
  });

  it('reports an empty transcript', () => {
    expect(codes(transcript())).toEqual(['5:1 EXAMPLE_EMPTY']);
  });
});

describe('callouts', () => {
  it('numbers callouts per block and attaches each to the nearest non-blank line above', () => {
    const result = transcript(
      '$ kubectl get pods',
      '#: the command',
      'NAME      READY',
      'nginx-5   0/1',
      '#: first line',
      '#:   second line',
      '#:',
      '',
      '#: after a blank line',
      '#@ wait 5s',
      '#: after a directive',
    );
    expect(codes(result)).toEqual([]);
    const { callouts, steps: all } = only(result, 'transcript');
    expect(callouts).toEqual([
      { number: 1, text: 'the command', line: 7, target: { line: 6, step: 0, part: 'command' } },
      {
        number: 2,
        text: 'first line\n  second line\n',
        line: 10,
        target: { line: 9, step: 0, part: 'output', outputIndex: 1 },
      },
      { number: 3, text: 'after a blank line', line: 14, target: { line: 9, step: 0, part: 'output', outputIndex: 1 } },
      { number: 4, text: 'after a directive', line: 16, target: { line: 9, step: 0, part: 'output', outputIndex: 1 } },
    ]);
    expect(sources(all[0])).toEqual(['NAME      READY', 'nginx-5   0/1', '']);
  });

  it('reports a callout with nothing above it', () => {
    expect(codes(transcript('#: orphan', '$ ls'))).toEqual(['6:1 ANNOTATION_WITHOUT_TARGET']);
  });
});

describe('directives', () => {
  it('puts directives before the step they precede, between output lines, or after the last step', () => {
    const result = transcript(
      '#@ at 10s',
      '$ kubectl get pods -w',
      'NAME      READY   STATUS    RESTARTS   AGE',
      '#@ wait 30s',
      'nginx-5   1/1     Running   0          40s',
      '',
      '#@ wait 2m30s',
      '',
      '$ kubectl get pods',
      'x',
      '#@ on k8s-node3',
      '$ crictl images',
      '#@ wait 1h0m0.5s',
    );
    expect(codes(result)).toEqual([]);
    const t = only(result, 'transcript');
    expect(t.steps.map((s) => [s.before.map((d) => d.kind), s.during.map((d) => [d.kind, d.afterOutput])])).toEqual([
      [['at'], [['wait', 1]]],
      [['wait'], []],
      [['on'], []],
    ]);
    expect(t.steps[0]?.before[0]).toEqual({ kind: 'at', seconds: 10, line: 6, text: '#@ at 10s' });
    expect(t.steps[1]?.before[0]).toMatchObject({ kind: 'wait', seconds: 150 });
    expect(t.steps[2]).toMatchObject({ host: 'k8s-node3', command: 'crictl images' });
    expect(t.trailing).toEqual([{ kind: 'wait', seconds: 3600.5, line: 18, text: '#@ wait 1h0m0.5s' }]);
  });

  it('reports unknown directives, bad durations, a bad on, and time going backwards', () => {
    const result = transcript(
      '#@ sleep 5s',
      '#@ wait',
      '#@ wait -5s',
      '#@ wait 5 s',
      '#@ on two hosts',
      '#@ wait 2m',
      '#@ at 90s',
      '$ ls',
    );
    expect(codes(result)).toEqual([
      '6:1 DIRECTIVE_UNKNOWN',
      '7:1 DURATION_INVALID',
      '8:1 DURATION_INVALID',
      '9:1 DURATION_INVALID',
      '10:1 DIRECTIVE_INVALID',
      '12:1 TIME_BACKWARDS',
    ]);
  });

  it('is not allowed in explain and errors blocks', () => {
    const result = page([
      '```text explain',
      '$ kubectl explain pod',
      '#@ wait 5s',
      'KIND: Pod',
      '```',
      '```yaml file=a.yaml expect=invalid',
      'kind: Pod',
      '```',
      '```text errors-for=a.yaml',
      '#@ wait 5s',
      'error',
      '```',
    ]);
    expect(codes(result)).toEqual(['7:1 DIRECTIVE_NOT_ALLOWED', '14:1 DIRECTIVE_NOT_ALLOWED']);
  });
});

describe('positions inside lists', () => {
  it('gives page columns for steps of an indented transcript', () => {
    const result = page(['1. Run:', '', '   ```console', '   $ kubectl get pods', '   No resources found', '   ```']);
    const [step] = only(result, 'transcript').steps;
    expect(step).toMatchObject({ line: 8, col: 4, commandCol: 6 });
  });
});
