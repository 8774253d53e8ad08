/**
 * rewriteExpected (`podbook check --update`): minimal edits, wildcards kept, callouts and directives kept beside
 * their lines, refusals with reasons, line endings and indentation preserved.
 */
import { describe, expect, it } from 'vitest';
import { type Example, extractPage, rewriteExpected } from '../../../src/check/extract/index.ts';

const HEAD = ['---', 'podbook:', '  k8s: "1.26"', '---'];

function source(...lines: string[]): string {
  return `${[...HEAD, ...lines].join('\n')}\n`;
}

function firstChecked(text: string, file = 'p.md'): Example {
  const example = extractPage(text, file).examples.find((e) => e.kind !== 'ignored' && !e.kind.includes('manifest'));
  if (!example) throw new Error('no checked block');
  return example;
}

function update(text: string, step: number, actual: string, file = 'p.md') {
  return rewriteExpected(text, firstChecked(text, file), step, actual);
}

describe('rewriteExpected', () => {
  it('replaces changed lines and keeps lines that still match as written, wildcards included', () => {
    const text = source(
      '```console',
      '$ kubectl get pods',
      'NAME      READY   STATUS    RESTARTS   AGE',
      'nginx-5   1/1     Running   0          [AGE]',
      'web-0     1/1     Running   0          [AGE]',
      '```',
    );
    const result = update(
      text,
      0,
      'NAME      READY   STATUS    RESTARTS   AGE\nnginx-5   0/1     Pending   0          5s\nweb-0     1/1     Running   0          9s\n',
    );
    expect(result).toEqual({
      ok: true,
      changed: true,
      source: source(
        '```console',
        '$ kubectl get pods',
        'NAME      READY   STATUS    RESTARTS   AGE',
        'nginx-5   0/1     Pending   0          5s',
        'web-0     1/1     Running   0          [AGE]',
        '```',
      ),
    });
  });

  it('changes nothing when the output already matches', () => {
    const text = source('```console', '$ ls', 'a[..]', '```');
    expect(update(text, 0, 'abc\n')).toEqual({ ok: true, changed: false, source: text });
  });

  it('keeps callouts and mid-output directives beside their lines, and the lines after the output', () => {
    const text = source(
      '```console',
      '$ kubectl get pods -w',
      '#: watch',
      'NAME      READY   STATUS',
      '#: the header',
      'nginx-5   0/1     Pending',
      '#@ wait 30s',
      'nginx-5   1/1     Running',
      '#: now running',
      '',
      '#@ wait 1m',
      '$ kubectl get pods',
      'x',
      '```',
    );
    const actual =
      'NAME      READY   STATUS\nnginx-5   0/1     ContainerCreating\nnginx-5   1/1     Running\nnginx-5   1/1     Terminating\n';
    const result = update(text, 0, actual);
    expect(result).toEqual({
      ok: true,
      changed: true,
      source: source(
        '```console',
        '$ kubectl get pods -w',
        '#: watch',
        'NAME      READY   STATUS',
        '#: the header',
        'nginx-5   0/1     ContainerCreating',
        '#@ wait 30s',
        'nginx-5   1/1     Running',
        '#: now running',
        'nginx-5   1/1     Terminating',
        '',
        '#@ wait 1m',
        '$ kubectl get pods',
        'x',
        '```',
      ),
    });
  });

  it('refuses when a callout would lose its line, saying which', () => {
    const text = source('```console', '$ ls', 'a', 'b', '#: about b', 'c', '```');
    const result = update(text, 0, 'a\nc\n');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.reason).toBe(
        'the callout at line 9 sits after output line 8 ("b"), which the new output drops; move it, or update this step by hand',
      );
  });

  it('writes output under a step that showed none, after the callouts on its command', () => {
    const text = source('```console', '$ kubectl apply -f a.yaml', '#: create it', '$ kubectl get pods', 'x', '```');
    const result = update(text, 0, 'pod/a created\n');
    expect(result.ok && result.source).toBe(
      source(
        '```console',
        '$ kubectl apply -f a.yaml',
        '#: create it',
        'pod/a created',
        '$ kubectl get pods',
        'x',
        '```',
      ),
    );
  });

  it('escapes actual lines that would read as prompts, callouts or wildcards', () => {
    const text = source('```console', '$ cat notes', 'old', '```');
    const result = update(text, 0, '$ echo hi\n#: not a callout\nsee [..]\n...\n');
    expect(result.ok && result.source).toBe(
      source('```console', '$ cat notes', '\\$ echo hi', '\\#: not a callout', 'see \\[..]', '\\...', '```'),
    );
  });

  it('updates a step after the first, and an explain block', () => {
    const text = source('```console', '$ a', '1', '$ b', '2', '```');
    expect(update(text, 1, '3\n')).toMatchObject({
      ok: true,
      source: source('```console', '$ a', '1', '$ b', '3', '```'),
    });
    const explain = source('```text explain', '$ kubectl explain pod', 'KIND:     Pod', 'VERSION:  v1', '```');
    expect(update(explain, 0, 'KIND:       Pod\nVERSION:    v1\n')).toMatchObject({
      ok: true,
      source: source('```text explain', '$ kubectl explain pod', 'KIND:       Pod', 'VERSION:    v1', '```'),
    });
  });

  it('updates an errors block', () => {
    const text = source(
      '```yaml file=a.yaml expect=invalid',
      'kind: Pod',
      '```',
      '```text errors-for=a.yaml',
      'old error',
      '```',
    );
    const result = update(text, 0, 'The Pod "a" is invalid: spec.containers: Required value\n');
    expect(result.ok && result.source).toBe(
      source(
        '```yaml file=a.yaml expect=invalid',
        'kind: Pod',
        '```',
        '```text errors-for=a.yaml',
        'The Pod "a" is invalid: spec.containers: Required value',
        '```',
      ),
    );
  });

  it('keeps CRLF line endings and list indentation', () => {
    const text = [
      '---',
      'podbook:',
      '  k8s: "1.26"',
      '---',
      '1. Run:',
      '',
      '   ```console',
      '   $ ls',
      '   old',
      '   ```',
      '',
    ].join('\r\n');
    const result = update(text, 0, 'new\nnewer\n');
    expect(result.ok && result.source).toBe(
      [
        '---',
        'podbook:',
        '  k8s: "1.26"',
        '---',
        '1. Run:',
        '',
        '   ```console',
        '   $ ls',
        '   new',
        '   newer',
        '   ```',
        '',
      ].join('\r\n'),
    );
  });

  it('keeps blockquote markers', () => {
    const text = source('> ```console', '> $ ls', '> old', '> ```');
    expect(update(text, 0, 'new\n')).toMatchObject({
      ok: true,
      source: source('> ```console', '> $ ls', '> new', '> ```'),
    });
  });

  it('refuses output that would close the fence', () => {
    const text = source('```console', '$ cat README.md', 'x', '```');
    const result = update(text, 0, '```\n');
    expect(result).toEqual({
      ok: false,
      reason: 'the output line "```" would close the block\'s fence; lengthen the fence and update again',
    });
  });

  it('refuses a stale extraction, a missing step and a block without output', () => {
    const text = source('```console', '$ ls', 'x', '```');
    const example = firstChecked(text);
    expect(rewriteExpected(text.replace('$ ls', '$ ls -l'), example, 0, 'y')).toEqual({
      ok: false,
      reason: 'the page changed since it was extracted (line 6 differs); extract it again',
    });
    expect(rewriteExpected(text, example, 3, 'y')).toEqual({ ok: false, reason: 'the block at line 5 has no step 3' });
    const manifest = extractPage(source('```yaml file=a.yaml', 'kind: Pod', '```'), 'p.md').examples[0] as Example;
    expect(rewriteExpected(text, manifest, 0, 'y').ok).toBe(false);
  });

  it('applies several updates of one page from the last block to the first', () => {
    const text = source('```console', '$ a', '1', '```', '', '```console', '$ b', '2', '```');
    const [first, second] = extractPage(text, 'p.md').examples as [Example, Example];
    const afterSecond = rewriteExpected(text, second, 0, '22\n');
    if (!afterSecond.ok) throw new Error(afterSecond.reason);
    const afterFirst = rewriteExpected(afterSecond.source, first, 0, '11\n11\n');
    expect(afterFirst.ok && afterFirst.source).toBe(
      source('```console', '$ a', '11', '11', '```', '', '```console', '$ b', '22', '```'),
    );
  });
});
