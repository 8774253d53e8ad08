/**
 * parseManifests end to end on the seed notes' manifests and on what kubectl does with a file's documents
 * (cli-runtime visitor.go (*StreamVisitor).Visit: documents decoding to null are skipped) and their values
 * (go-yaml v2 resolution, sigs.k8s.io/yaml key conversion).
 */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../src/manifest/parse/index.ts';
import {
  CONTAINERS_AS_MAP,
  KUBECTL_GET_OUTPUT,
  PASTED_WITHOUT_SEPARATOR,
  RESTART_ALWAYS,
  RESTART_NEVER,
} from './fixtures/seed-manifests.ts';
import { valueAt } from './value-at.ts';

const codes = (text: string) => parseManifests(text).errors.map((e) => e.code);

describe('the seed notes manifests', () => {
  it('reads the annotated `kubectl get -o yaml` output, comments at any indentation', () => {
    const result = parseManifests(KUBECTL_GET_OUTPUT);
    expect(result.errors).toEqual([]);
    expect(result.documents).toHaveLength(1);
    const pod = result.documents[0]?.value;
    expect(valueAt(pod, 'apiVersion')).toBe('v1');
    expect(valueAt(pod, 'kind')).toBe('Pod');
    expect(valueAt(pod, 'metadata', 'annotations', 'cni.projectcalico.org/podIP')).toBe('192.28.252.231/32');
    expect(valueAt(pod, 'metadata', 'annotations', 'kubectl.kubernetes.io/last-applied-configuration')).toMatch(
      /^\{"apiVersion":"v1".*\}\n$/,
    );
    expect(valueAt(pod, 'metadata', 'resourceVersion')).toBe('116336');
    expect(valueAt(pod, 'spec', 'containers', 0)).toMatchObject({
      image: 'images.guoguo.com/apps/ubuntu-nginx:1.22.1',
      imagePullPolicy: 'IfNotPresent',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      resources: {},
    });
    expect(valueAt(pod, 'spec', 'terminationGracePeriodSeconds')).toBe(30);
    expect(valueAt(pod, 'spec', 'volumes', 0, 'projected', 'defaultMode')).toBe(420);
    expect(valueAt(pod, 'spec', 'tolerations', 1)).toEqual({
      effect: 'NoExecute',
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
      tolerationSeconds: 300,
    });
    expect(valueAt(pod, 'status', 'conditions', 0)).toEqual({
      lastProbeTime: null,
      lastTransitionTime: '2023-08-09T02:35:08Z',
      status: 'True',
      type: 'Initialized',
    });
    expect(valueAt(pod, 'status', 'containerStatuses', 0, 'ready')).toBe(true);
    expect(valueAt(pod, 'status', 'hostIP')).toBe('172.17.8.12');
  });

  it('reads `containers:` written as a mapping; rejecting it is the schema stage’s job', () => {
    const result = parseManifests(CONTAINERS_AS_MAP);
    expect(result.errors).toEqual([]);
    expect(valueAt(result.documents[0]?.value, 'spec', 'containers')).toEqual({
      name: 'nginx',
      ports: [{ containerPort: 80 }],
      image: 'images.guoguo.com/apps/ubuntu-nginx:1.20.1',
    });
  });

  it('drops comments after values', () => {
    for (const [text, policy] of [
      [RESTART_NEVER, 'Never'],
      [RESTART_ALWAYS, 'Always'],
    ] as const) {
      const result = parseManifests(text);
      expect(result.errors).toEqual([]);
      const spec = valueAt(result.documents[0]?.value, 'spec');
      expect(valueAt(spec, 'restartPolicy')).toBe(policy);
      expect(valueAt(spec, 'containers', 0, 'imagePullPolicy')).toBe('Never');
      expect(valueAt(spec, 'containers', 0, 'image')).toBe('images.guoguo.com/apps/ubuntu-nginx:1.24.0');
    }
  });

  it('two manifests pasted without --- are one mapping with repeated keys; the last values win', () => {
    const result = parseManifests(PASTED_WITHOUT_SEPARATOR);
    expect(result.errors.map((e) => [e.code, e.message, e.span.start.line])).toEqual([
      ['YAML_DUPLICATE_KEY', 'line 17: key "apiVersion" already set in map', 17],
      ['YAML_DUPLICATE_KEY', 'line 18: key "kind" already set in map', 18],
      // go-yaml names the line of the value, which for a mapping is its first key's line.
      ['YAML_DUPLICATE_KEY', 'line 20: key "metadata" already set in map', 19],
      ['YAML_DUPLICATE_KEY', 'line 26: key "spec" already set in map', 25],
    ]);
    expect(valueAt(result.documents[0]?.value, 'spec', 'restartPolicy')).toBe('Never');
    expect(Array.isArray(valueAt(result.documents[0]?.value, 'spec', 'containers'))).toBe(true);
  });
});

describe('documents of a file', () => {
  it('skips empty, comment-only and null documents, numbering the rest', () => {
    const text = '---\n# nothing\n---\n\n---\nnull\n---\n~\n---\nkind: A\n---\nkind: B\n';
    const result = parseManifests(text);
    expect(result.errors).toEqual([]);
    expect(result.documents.map((d) => [d.index, d.value])).toEqual([
      [0, { kind: 'A' }],
      [1, { kind: 'B' }],
    ]);
  });

  it('reports a document that is not a mapping and still reads the next one', () => {
    const result = parseManifests('- a\n- b\n---\nhello\n---\nkind: Pod\n');
    expect(result.errors.map((e) => [e.code, e.span.start.line])).toEqual([
      ['YAML_NOT_OBJECT', 1],
      ['YAML_NOT_OBJECT', 4],
    ]);
    expect(result.errors[0]?.message).toContain('a sequence');
    expect(result.errors[1]?.message).toContain('a string');
    expect(result.documents.map((d) => d.index)).toEqual([2]);
  });

  it('reads only the first YAML document of a kubectl document, like yaml.Unmarshal', () => {
    const result = parseManifests('kind: A\n...\nkind: B\n');
    expect(result.documents.map((d) => d.value)).toEqual([{ kind: 'A' }]);
  });

  it('reports a bad separator and goes on', () => {
    const result = parseManifests('kind: A\n--- kind: B\nkind: C\n');
    expect(result.errors.map((e) => [e.code, e.message, e.span.start.line])).toEqual([
      ['YAML_SYNTAX', 'invalid Yaml document separator: kind: B', 2],
    ]);
    expect(result.documents.map((d) => d.value)).toEqual([{ kind: 'A' }, { kind: 'C' }]);
  });

  it('fails a %YAML directive, which kubectl separates from its document at the ---', () => {
    const result = parseManifests('%YAML 1.1\n---\nkind: Pod\n');
    expect(result.errors.map((e) => [e.code, e.span.start.line, e.span.end.col])).toEqual([['YAML_SYNTAX', 1, 10]]);
    expect(result.errors[0]?.message).toMatch(/^did not find expected <document start>/);
    expect(result.documents.map((d) => d.value)).toEqual([{ kind: 'Pod' }]);
  });

  it('reads a JSON manifest (JSON is YAML)', () => {
    const result = parseManifests(
      '{\n\t"apiVersion": "v1",\n\t"kind": "Pod",\n\t"spec": {"containers": [{"name": "a"}]}\n}\n',
    );
    expect(result.errors).toEqual([]);
    expect(result.documents[0]?.value).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      spec: { containers: [{ name: 'a' }] },
    });
  });

  it('keeps the file name on each document', () => {
    expect(parseManifests('kind: Pod\n', { filename: 'pod.yaml' }).documents[0]?.filename).toBe('pod.yaml');
  });
});

describe('values as Kubernetes decodes them', () => {
  it('turns `value: yes` into a boolean, so a string field later fails its type check', () => {
    const text = 'kind: Pod\nspec:\n  containers:\n  - name: a\n    env:\n    - name: DEBUG\n      value: yes\n';
    const env = valueAt(parseManifests(text).documents[0]?.value, 'spec', 'containers', 0, 'env', 0);
    expect(env).toEqual({ name: 'DEBUG', value: true });
  });

  it('converts non-string keys to strings (on: 1 is the key "true"; even a lone y or n is a boolean)', () => {
    const result = parseManifests('data:\n  on: 1\n  2: two\n  1.5: x\n  ~x: y\n  n: z\n');
    expect(result.errors).toEqual([]);
    expect(valueAt(result.documents[0]?.value, 'data')).toEqual({
      true: 1,
      2: 'two',
      '1.5': 'x',
      '~x': true,
      false: 'z',
    });
  });

  it('reads octal, hex and underscores; keeps sexagesimal and timestamps as strings', () => {
    const text = 'a: 0755\nb: 0x1F\nc: 1_000\nd: 1:20\ne: 2001-12-14\nf: "0755"\ng: ~\nh:\n';
    expect(parseManifests(text).documents[0]?.value).toEqual({
      a: 493,
      b: 31,
      c: 1000,
      d: '1:20',
      e: '2001-12-14',
      f: '0755',
      g: null,
      h: null,
    });
  });

  it('fails a document holding .inf or .nan, which json.Marshal cannot encode', () => {
    const result = parseManifests('kind: A\nspec:\n  ratio: .inf\n---\nkind: B\nx: .nan\n');
    expect(result.errors.map((e) => [e.code, e.span.start.line, e.span.start.col])).toEqual([
      ['YAML_SYNTAX', 3, 10],
      ['YAML_SYNTAX', 6, 4],
    ]);
    expect(result.errors[0]?.message).toMatch(/^json: unsupported value: \+Inf/);
    expect(result.errors[1]?.message).toMatch(/^json: unsupported value: NaN/);
    expect(result.documents).toEqual([]);
  });

  it('keeps the exact value of integers beyond 2^53 for the int64 range checks', () => {
    const text = 'spec:\n  activeDeadlineSeconds: 9223372036854775807\n  small: 42\n  huge: 0x10000000000000000\n';
    const doc = parseManifests(text).documents[0];
    expect(valueAt(doc?.value, 'spec', 'activeDeadlineSeconds')).toBe(2 ** 63);
    expect(doc?.exactInteger(['spec', 'activeDeadlineSeconds'])).toBe(9223372036854775807n);
    expect(doc?.exactInteger(['spec', 'small'])).toBeUndefined();
    expect(doc?.exactInteger(['spec', 'huge'])).toBe(18446744073709551616n);
  });

  it('follows anchors, aliases and << merges (merged keys overwrite, as go-yaml does)', () => {
    const text = [
      'base: &base {image: nginx, imagePullPolicy: Always}',
      'a:',
      '  <<: *base',
      '  imagePullPolicy: Never',
      'b:',
      '  imagePullPolicy: Never',
      '  <<: *base',
      'c:',
      '  <<: [{x: 1}, {x: 2, z: 2}]',
      'd: *base',
      '',
    ].join('\n');
    const result = parseManifests(text);
    expect(result.errors).toEqual([]);
    expect(result.documents[0]?.value).toEqual({
      base: { image: 'nginx', imagePullPolicy: 'Always' },
      a: { image: 'nginx', imagePullPolicy: 'Never' },
      b: { image: 'nginx', imagePullPolicy: 'Always' },
      c: { x: 1, z: 2 },
      d: { image: 'nginx', imagePullPolicy: 'Always' },
    });
  });

  it('treats only a plain or !!merge-tagged << as a merge key', () => {
    const value = (text: string) => parseManifests(text).documents[0]?.value;
    expect(value('a: &a {x: 1}\nb: {!!merge <<: *a}\n')).toEqual({ a: { x: 1 }, b: { x: 1 } });
    expect(value('a: &a {x: 1}\nb: {"<<": *a}\n')).toEqual({ a: { x: 1 }, b: { '<<': { x: 1 } } });
  });

  it('copies aliased values, so later stages can change one without the other', () => {
    const value = parseManifests('a: &x {k: 1}\nb: *x\n').documents[0]?.value;
    expect(valueAt(value, 'a')).toEqual(valueAt(value, 'b'));
    expect(valueAt(value, 'a')).not.toBe(valueAt(value, 'b'));
  });

  it('makes __proto__ an own key, not a prototype', () => {
    const value = parseManifests('__proto__: {polluted: 1}\n').documents[0]?.value ?? {};
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(valueAt(value, 'polluted')).toBeUndefined();
    expect(Object.hasOwn(Object.getPrototypeOf(value), 'polluted')).toBe(false);
    expect(valueAt({}, 'polluted')).toBeUndefined();
  });

  it('reports decode failures go-yaml reports', () => {
    const messages = (text: string) => parseManifests(text).errors.map((e) => `${e.code} ${e.message}`);
    expect(messages('a: *nope\n')).toEqual(["YAML_SYNTAX unknown anchor 'nope' referenced"]);
    expect(messages('a: !!int foo\n')).toEqual(['YAML_SYNTAX cannot decode !!str `foo` as a !!int']);
    expect(messages('a:\n  <<: 5\n')).toEqual(['YAML_SYNTAX map merge requires map or sequence of maps as the value']);
    expect(messages('? [a, b]\n: 1\n')).toEqual(['YAML_SYNTAX invalid map key: []interface {}{…}']);
    expect(messages('~: 1\n')).toEqual(['YAML_SYNTAX unsupported map key of type: %!s(<nil>), key: <nil>, value: 1']);
  });

  it('maps yaml library errors to YAML_SYNTAX with their position', () => {
    const result = parseManifests('kind: Pod\nmetadata:\n  name: a\n labels: {}\n');
    expect(result.errors.map((e) => [e.code, e.span.start.line])).toEqual([['YAML_SYNTAX', 4]]);
    expect(codes('a: [1, 2\n')).toEqual(['YAML_SYNTAX']);
    expect(codes('a: "abc\n')).toContain('YAML_SYNTAX');
    expect(codes('a: b: c\n')).toEqual(['YAML_SYNTAX']);
    expect(codes('a: @x\n')).toEqual(['YAML_SYNTAX']);
  });
});
