/** Fence attributes through extractPage: roles, unknown and misplaced attributes, values, skips, scenarios. */
import { describe, expect, it } from 'vitest';
import { codes, only, page } from './helpers.ts';

// Line 5 is the first line after the 4-line frontmatter of page().
describe('roles', () => {
  it('classifies each kind of block', () => {
    const result = page([
      '```yaml file=pod.yaml',
      'kind: Pod',
      '```',
      '```yaml file=bad.yaml expect=invalid',
      'kind: Pod',
      '```',
      '```text errors-for=bad.yaml',
      'error',
      '```',
      '```console',
      '$ kubectl get pods',
      '```',
      '```text explain',
      '$ kubectl explain pod',
      'KIND:     Pod',
      '```',
      '```console check=skip reason="needs a browser"',
      '$ open http://localhost',
      '```',
      '```yaml',
      'a: 1',
      '```',
      '```sh',
      'ls',
      '```',
      '```json file=pod.json',
      '{}',
      '```',
      '```shellsession',
      '$ ls',
      '```',
    ]);
    expect(result.examples.map((e) => e.kind)).toEqual([
      'manifest',
      'invalid-manifest',
      'expected-errors',
      'transcript',
      'explain',
      'skipped',
      'ignored',
      'ignored',
      'manifest',
      'transcript',
    ]);
    expect(codes(result)).toEqual([]);
    expect(only(result, 'skipped')).toMatchObject({ reason: 'needs a browser', role: 'transcript' });
  });
});

describe('attribute errors', () => {
  it('reports an unknown attribute at its column and ignores it', () => {
    const result = page(['```yaml file=a.yaml expect=invalid scenaro=x', 'kind: Pod', '```']);
    expect(codes(result)).toContain('5:36 ATTRIBUTE_UNKNOWN');
  });

  it('lets Expressive Code options pass through', () => {
    const result = page(['```console title="Terminal" frame=terminal {2} wrap mark=/Running/', '$ ls', '```']);
    expect(codes(result)).toEqual([]);
    expect(result.examples[0]?.attributes.every((a) => a.passthrough)).toBe(true);
  });

  it('reports a duplicate, a flag with a value and a value attribute without one', () => {
    const result = page(['```text explain=yes k8s=1.26 k8s=1.27 generate', '$ kubectl explain pod', '```']);
    expect(codes(result)).toEqual(['5:9 ATTRIBUTE_VALUE', '5:30 ATTRIBUTE_DUPLICATE']);
    expect(result.examples[0]?.kind).toBe('explain');
    const second = page(['```yaml file expect=invalid', 'kind: Pod', '```']);
    expect(codes(second)).toContain('5:9 ATTRIBUTE_VALUE');
  });

  it('reports attributes that do nothing on the block', () => {
    const result = page([
      '```text file=notes.txt',
      'x',
      '```',
      '```console errors-for=a.yaml kubectl=1.26',
      '$ ls',
      '```',
    ]);
    // errors-for makes the second block an errors block, on which kubectl= does nothing
    expect(codes(result)).toEqual([
      '5:9 ATTRIBUTE_NOT_APPLICABLE',
      '8:12 ERRORS_FOR_UNKNOWN_FILE',
      '8:30 ATTRIBUTE_NOT_APPLICABLE',
    ]);
    expect(result.errors[0]?.message).toContain('use title= to show a file name');
  });

  it('accepts only expect=invalid and check=skip', () => {
    const result = page([
      '```yaml file=a.yaml expect=valid',
      'kind: Pod',
      '```',
      '```console check=never',
      '$ ls',
      '```',
    ]);
    expect(codes(result)).toEqual(['5:21 ATTRIBUTE_VALUE', '8:12 ATTRIBUTE_VALUE']);
  });

  it('reports an unterminated quote', () => {
    expect(codes(page(['```console check=skip reason="oops', '$ ls', '```']))).toEqual(['5:30 ATTRIBUTE_SYNTAX']);
  });

  it('checks versions against the supported range', () => {
    const result = page(['```console k8s=1.22', '$ ls', '```', '```console kubectl=banana', '$ ls', '```']);
    expect(codes(result)).toEqual(['5:12 VERSION_INVALID', '8:12 VERSION_INVALID']);
    expect(result.errors[0]?.message).toContain('expected 1.23 to 1.35');
  });

  it('normalises a block version and lets kubectl default to it', () => {
    const result = page(['```console k8s=v1.30.2', '$ ls', '```']);
    expect(only(result, 'transcript').scenario).toMatchObject({ k8s: '1.30', kubectl: '1.30' });
  });
});

describe('check=skip', () => {
  it('requires a reason', () => {
    const result = page(['```yaml file=a.yaml check=skip', 'kind: Pod', '```']);
    expect(codes(result)).toEqual(['5:21 SKIP_WITHOUT_REASON']);
    expect(only(result, 'skipped').role).toBe('manifest');
  });

  it('reports reason= without check=skip', () => {
    expect(codes(page(['```console reason="why"', '$ ls', '```']))).toEqual(['5:12 ATTRIBUTE_NOT_APPLICABLE']);
  });

  it('does not parse a skipped body (its errors are not reported)', () => {
    const result = page([
      '```console check=skip reason="pseudo-transcript"',
      'output before a prompt',
      '#@ bogus',
      '```',
    ]);
    expect(codes(result)).toEqual([]);
  });
});

describe('scenarios', () => {
  it('reports an unknown scenario and runs the block in the default one', () => {
    const result = page(['```console scenario=missing', '$ ls', '```']);
    expect(codes(result)).toEqual(['5:12 SCENARIO_UNKNOWN']);
    expect(only(result, 'transcript').scenario.name).toBe('default');
  });

  it('accepts scenario=default for the page-level settings', () => {
    expect(codes(page(['```console scenario=default', '$ ls', '```']))).toEqual([]);
  });
});
