/** Page-wide checks: errors blocks and their manifests, invalid manifests' errors, hosts, the page version. */
import { describe, expect, it } from 'vitest';
import { codes, only, page } from './helpers.ts';

const invalid = (file = 'bad.yaml') => [`\`\`\`yaml file=${file} expect=invalid`, 'kind: Pod', '```'];
const valid = (file = 'pod.yaml', extra = '') => [`\`\`\`yaml file=${file}${extra}`, 'kind: Pod', '```'];
const errors = (file = 'bad.yaml') => [`\`\`\`text errors-for=${file}`, 'error: x', '```'];

describe('errors blocks and invalid manifests', () => {
  it('links an errors block to the nearest manifest above with that file name', () => {
    const result = page([...invalid(), ...errors(), ...invalid(), ...errors('./bad.yaml')]);
    expect(codes(result)).toEqual([]);
    expect(
      result.examples.map((e) => ('manifest' in e ? e.manifest : 'errorsIn' in e ? e.errorsIn : undefined)),
    ).toEqual([{ example: 1 }, 0, { example: 3 }, 2]);
  });

  it('accepts a transcript in the same scenario that applies the invalid manifest', () => {
    const result = page([...invalid(), '```console', '$ kubectl apply -f ./bad.yaml', 'Error from server: x', '```']);
    expect(codes(result)).toEqual([]);
    expect(only(result, 'invalid-manifest').errorsIn).toEqual({ example: 1, step: 0 });
  });

  it('requires errors for an invalid manifest', () => {
    const result = page([
      ...invalid(),
      '```console scenario=other',
      '$ kubectl apply -f bad.yaml',
      '```',
      ...invalid('later.yaml'),
      '```console',
      '$ kubectl get pods',
      '```',
    ]).errors.map((e) => `${e.line} ${e.code}`);
    // scenario=other is unknown (reported) and falls back to default... so it applies bad.yaml; later.yaml has none.
    expect(result).toEqual(['8 SCENARIO_UNKNOWN', '11 INVALID_WITHOUT_ERRORS']);
  });

  it('does not count a transcript of another scenario', () => {
    const result = extractPageWithScenario([
      ...invalid(),
      '```console scenario=other',
      '$ kubectl apply -f bad.yaml',
      '```',
    ]);
    expect(codes(result)).toEqual(['7:1 INVALID_WITHOUT_ERRORS']);
  });

  it('reports errors-for a missing, valid, skipped or already covered manifest', () => {
    const result = page([
      ...errors('none.yaml'),
      ...valid(),
      ...errors('pod.yaml'),
      ...valid('skip.yaml', ' expect=invalid check=skip reason="wip"'),
      ...errors('skip.yaml'),
      ...invalid(),
      ...errors(),
      ...errors(),
    ]);
    expect(codes(result)).toEqual([
      '5:9 ERRORS_FOR_UNKNOWN_FILE',
      '11:9 ERRORS_FOR_VALID_MANIFEST',
      '17:9 ERRORS_FOR_SKIPPED',
      '26:9 ERRORS_DUPLICATE',
    ]);
  });

  it('requires a file name on an invalid manifest', () => {
    expect(codes(page(['```yaml expect=invalid', 'kind: Pod', '```']))).toEqual(['5:1 MANIFEST_WITHOUT_FILE']);
  });

  it('reports an empty manifest and an empty errors block', () => {
    expect(codes(page(['```yaml file=a.yaml', '', '```']))).toEqual(['5:1 EXAMPLE_EMPTY']);
    expect(codes(page([...invalid(), '```text errors-for=bad.yaml', '```']))).toEqual(['8:1 EXAMPLE_EMPTY']);
  });
});

describe('hosts', () => {
  const cluster = [
    '---',
    'podbook:',
    '  k8s: "1.26"',
    '  cluster:',
    '    nodes: [k8s-master1, k8s-node3.guoguo.com]',
    '    clients: [laptop]',
    '---',
  ];

  it('resolves prompt hosts to nodes and reports unknown ones', () => {
    const result = page(
      [
        ...cluster,
        '```console',
        '[root@k8s-master1 ~]# kubectl get pods',
        '[root@k8s-node3 ~]# crictl images',
        'me@laptop:~$ kubectl get nodes',
        '[root@k8s-node9 ~]# crictl images',
        '$ kubectl get pods',
        '```',
      ],
      { frontmatter: false },
    );
    expect(codes(result)).toEqual(['12:1 HOST_UNKNOWN']);
    expect(only(result, 'transcript').steps.map((s) => s.node)).toEqual([
      'k8s-master1',
      'k8s-node3.guoguo.com',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('does not check hosts when the page lists no nodes', () => {
    expect(codes(page(['```console', '[root@anywhere ~]# ls', '```']))).toEqual([]);
  });
});

describe('the page version', () => {
  it('reports checked blocks without a Kubernetes version once, at the first', () => {
    const result = page(
      ['```sh', 'ls', '```', '```console', '$ ls', '```', '```yaml file=a.yaml', 'kind: Pod', '```'],
      {
        frontmatter: false,
      },
    );
    expect(codes(result)).toEqual(['4:1 K8S_VERSION_MISSING']);
    expect(result.errors[0]?.message).toContain('2 checked block(s)');
  });

  it('accepts a version on each fence instead', () => {
    expect(codes(page(['```console k8s=1.30', '$ ls', '```'], { frontmatter: false }))).toEqual([]);
  });

  it('does not ask for a version on a page without checked blocks', () => {
    expect(codes(page(['```sh', 'ls', '```'], { frontmatter: false }))).toEqual([]);
  });
});

function extractPageWithScenario(lines: string[]) {
  return page(['---', 'podbook:', '  k8s: "1.26"', '  scenarios:', '    other: {}', '---', ...lines], {
    frontmatter: false,
  });
}
