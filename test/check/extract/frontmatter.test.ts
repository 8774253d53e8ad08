/** Frontmatter: finding it, YAML errors with page positions, the podbook settings and their checks. */
import { describe, expect, it } from 'vitest';
import { extractPage, resolveHost, resolveScenario } from '../../../src/check/extract/index.ts';
import { parseRfc3339 } from '../../../src/check/extract/podbook-settings.ts';
import { codes } from './helpers.ts';

const fm = (...lines: string[]) => extractPage(['---', ...lines, '---', '', 'text', ''].join('\n'), 'p.md');

describe('finding the frontmatter', () => {
  it('reads the YAML between the first two --- lines, with blank lines allowed before', () => {
    const result = extractPage('\n---\ntitle: 镜像\n---\n# x\n', 'p.md');
    expect(result.frontmatter).toMatchObject({ present: true, data: { title: '镜像' }, startLine: 2, endLine: 4 });
    expect(result.errors).toEqual([]);
  });

  it('reports no frontmatter for a page without one', () => {
    expect(extractPage('# x\n---\n', 'p.md').frontmatter).toMatchObject({ present: false, data: {} });
  });

  it('reports an unterminated frontmatter and reads the page as having none', () => {
    const result = extractPage('---\ntitle: x\n```sh\nls\n```\n', 'p.md');
    expect(codes(result)).toEqual(['1:1 FRONTMATTER_UNTERMINATED']);
    expect(result.frontmatter.present).toBe(false);
    expect(result.examples).toHaveLength(1);
  });

  it('does not look for blocks inside the frontmatter', () => {
    const result = extractPage('---\nnote: |\n  ```sh\n  ls\n  ```\n---\n', 'p.md');
    expect(result.examples).toEqual([]);
  });
});

describe('YAML errors', () => {
  it('reports a syntax error at its page line and column', () => {
    const result = fm('title: x', 'a: b: c');
    expect(codes(result)).toEqual(['3:4 FRONTMATTER_YAML']);
    expect(result.errors[0]?.message).toBe('frontmatter: Nested mappings are not allowed in compact mappings');
  });

  it('reports an error at the end of the YAML on the closing line', () => {
    expect(codes(fm('title: x', 'podbook: {k8s: "1.26"'))).toEqual(['4:1 FRONTMATTER_YAML']);
  });

  it('reports duplicate keys', () => {
    expect(codes(fm('title: a', 'title: b'))).toEqual(['3:1 FRONTMATTER_YAML']);
  });

  it('reports a frontmatter that is not a mapping', () => {
    expect(codes(fm('- a', '- b'))).toEqual(['2:1 FRONTMATTER_INVALID']);
  });

  it('survives alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]'];
    const c = 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]';
    const d = 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]';
    const result = fm(...bomb, c, d);
    expect(result.errors.map((e) => e.code)).toEqual(['FRONTMATTER_YAML']);
  });
});

describe('podbook settings', () => {
  const seedPage = () =>
    fm(
      'podbook:',
      '  k8s: 1.20', // an unquoted 1.20 is the YAML number 1.2; read as written, then range-checked
      '  kubectl: v1.26.3',
      '  seed: 7',
      '  cluster:',
      '    start: 2023-08-09T02:33:20Z',
      '    nodes:',
      '      - name: k8s-master1',
      '        roles: [control-plane]',
      '      - name: k8s-node2.guoguo.com',
      '        images: [images.guoguo.com/apps/ubuntu-nginx:1.22.1]',
      '        ip: 172.17.8.12',
      '      - k8s-node3.guoguo.com',
      '    clients: [workstation]',
      '    registries:',
      '      images.guoguo.com:',
      '        apps/ubuntu-nginx: [1.20, 1.22.1]',
      '      docker.io:',
      '        library/nginx: 1.25',
    );

  it('reads versions, seed, nodes, clients and registries, keeping unquoted tags as written', () => {
    const result = seedPage();
    expect(codes(result)).toEqual(['3:8 VERSION_INVALID']); // 1.20 is before 1.23
    expect(result.frontmatter.podbook).toEqual({
      kubectl: '1.26',
      seed: 7,
      cluster: {
        start: '2023-08-09T02:33:20Z',
        startSeconds: 1691548400,
        nodes: [
          { name: 'k8s-master1', roles: ['control-plane'], images: [] },
          {
            name: 'k8s-node2.guoguo.com',
            roles: [],
            images: ['images.guoguo.com/apps/ubuntu-nginx:1.22.1'],
            ip: '172.17.8.12',
          },
          { name: 'k8s-node3.guoguo.com', roles: [], images: [] },
        ],
        clients: ['workstation'],
        registries: [
          { host: 'images.guoguo.com', repositories: [{ name: 'apps/ubuntu-nginx', tags: ['1.20', '1.22.1'] }] },
          { host: 'docker.io', repositories: [{ name: 'library/nginx', tags: ['1.25'] }] },
        ],
      },
      scenarios: {},
    });
  });

  it('records where each value is written', () => {
    const { positions } = seedPage().frontmatter;
    expect(positions['podbook.cluster.nodes.1.name']).toMatchObject({ line: 11, col: 15 });
    expect(positions['podbook.cluster.registries.images.guoguo.com.apps/ubuntu-nginx.0']).toMatchObject({
      line: 18,
      col: 29,
    });
  });

  it('reports unknown keys, bad names, images, tags, IPs and times at their positions', () => {
    const result = fm(
      'podbook:',
      '  k8s: "1.26"',
      '  version: 1',
      '  seed: -1',
      '  cluster:',
      '    start: yesterday',
      '    nodes:',
      '      - name: Node_1',
      '      - name: ok',
      '        image: nginx',
      '        images: ["Nginx:1"]',
      '        ip: 300',
      '      - {roles: [worker]}',
      '    registries:',
      '      "bad host!":',
      '        x: [1]',
      '      docker.io:',
      '        Library/Nginx: [a]',
      '        library/nginx: [-bad]',
    );
    expect(codes(result)).toEqual([
      '4:3 FRONTMATTER_INVALID', // version: unknown key
      '5:9 FRONTMATTER_INVALID', // seed -1
      '7:12 FRONTMATTER_INVALID', // start
      '9:15 FRONTMATTER_INVALID', // Node_1
      '11:9 FRONTMATTER_INVALID', // image: unknown key
      '12:18 FRONTMATTER_INVALID', // Nginx:1
      '13:13 FRONTMATTER_INVALID', // ip 300
      '14:9 FRONTMATTER_INVALID', // node without a name
      '16:7 FRONTMATTER_INVALID', // bad host! (its repositories are not read)
      '19:9 FRONTMATTER_INVALID', // Library/Nginx
      '20:25 FRONTMATTER_INVALID', // -bad
    ]);
    expect(result.errors.map((e) => e.message)).toContain(
      'podbook.cluster.nodes.1.images.0: "Nginx:1": invalid reference format: repository name (library/Nginx) must be lowercase',
    );
  });

  it('reports duplicate node names', () => {
    const result = fm('podbook:', '  cluster:', '    nodes: [a, b, a]');
    expect(codes(result)).toEqual(['4:19 FRONTMATTER_INVALID']);
  });

  it('rejects a scenario called default and a podbook key that is not a mapping', () => {
    expect(codes(fm('podbook:', '  scenarios:', '    default: {k8s: "1.30"}'))).toEqual(['4:5 FRONTMATTER_INVALID']);
    expect(codes(fm('podbook: 1.26'))).toEqual(['2:10 FRONTMATTER_INVALID']);
  });
});

describe('resolving scenarios', () => {
  const podbook = fm(
    'podbook:',
    '  k8s: "1.26"',
    '  seed: 7',
    '  cluster:',
    '    start: 2023-08-09T02:33:20Z',
    '    nodes: [k8s-master1, k8s-node3.guoguo.com]',
    '    registries: {docker.io: {library/nginx: [latest]}}',
    '  scenarios:',
    '    newer:',
    '      k8s: "1.33"',
    '      cluster:',
    '        nodes: [k8s-master1]',
    '    older-kubectl:',
    '      kubectl: "1.25"',
  ).frontmatter.podbook;

  it('uses the page settings for the default scenario, kubectl defaulting to k8s', () => {
    expect(resolveScenario(podbook, undefined)).toMatchObject({
      name: 'default',
      k8s: '1.26',
      kubectl: '1.26',
      seed: 7,
    });
  });

  it('overrides page settings field by field', () => {
    const newer = resolveScenario(podbook, 'newer');
    expect(newer).toMatchObject({ name: 'newer', k8s: '1.33', kubectl: '1.33', seed: 7 });
    expect(newer.cluster?.nodes?.map((n) => n.name)).toEqual(['k8s-master1']);
    expect(newer.cluster?.start).toBe('2023-08-09T02:33:20Z'); // not overridden
    expect(newer.cluster?.registries?.[0]?.host).toBe('docker.io');
    expect(resolveScenario(podbook, 'older-kubectl')).toMatchObject({ k8s: '1.26', kubectl: '1.25' });
  });

  it('lets fence attributes win', () => {
    expect(resolveScenario(podbook, 'newer', { k8s: '1.35' })).toMatchObject({ k8s: '1.35', kubectl: '1.35' });
    expect(resolveScenario(podbook, undefined, { kubectl: '1.27' })).toMatchObject({ k8s: '1.26', kubectl: '1.27' });
  });

  it('resolves prompt hosts by full or short name, and clients', () => {
    const cluster = { nodes: [{ name: 'k8s-node3.guoguo.com', roles: [], images: [] }], clients: ['laptop'] };
    expect(resolveHost(cluster, 'k8s-node3')).toEqual({ node: 'k8s-node3.guoguo.com' });
    expect(resolveHost(cluster, 'k8s-node3.guoguo.com')).toEqual({ node: 'k8s-node3.guoguo.com' });
    expect(resolveHost(cluster, 'laptop')).toBe('client');
    expect(resolveHost(cluster, 'k8s-node4')).toBeUndefined();
  });
});

describe('parseRfc3339', () => {
  it.each([
    ['1970-01-01T00:00:00Z', 0],
    ['2023-08-09T02:33:20Z', 1691548400],
    ['2023-08-09T10:33:20+08:00', 1691548400],
    ['2023-08-09T02:33:20.5Z', 1691548400.5],
    ['2024-02-29T00:00:00Z', 1709164800],
  ])('%s is %d', (text, seconds) => expect(parseRfc3339(text)).toBe(seconds));

  it.each(['2023-02-29T00:00:00Z', '2023-08-09', '2023-13-01T00:00:00Z', '2023-08-09T24:00:00Z', 'now'])(
    'rejects %s',
    (text) => expect(parseRfc3339(text)).toBeUndefined(),
  );
});
