/** Where images are: read from the manifests and nodes, toggled per node and per registry, compared as the kubelet does. */
import { describe, expect, it } from 'vitest';
import { kubeVersion } from '../../../src/k8s/version/index.ts';
import {
  inRegistry,
  onNode,
  podNodes,
  referencedImages,
  setInRegistry,
  setOnNode,
  splitNodeImages,
} from '../../../src/site/runner/images.ts';
import { withFileText } from '../../../src/site/runner/scenario.ts';
import { checksAt, edit, rows, run, start } from './helpers.ts';

const V = kubeVersion('1.35');

describe('image state', () => {
  it('lists the images the files name, then those on the nodes, once each as the kubelet compares them', () => {
    const s = withFileText(
      start('latest-tag'),
      'more.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec:\n  initContainers: [{name: i, image: "busybox:1.36"}]\n  containers: [{name: c, image: docker.io/library/nginx:latest}]\n',
    );
    expect(referencedImages(s, V, checksAt('1.35').readFile)).toEqual(['nginx:latest', 'busybox:1.36']);
    expect(referencedImages(withFileText(s, 'bad.yaml', ': : [\n'), V, checksAt('1.35').readFile)).toEqual([
      'nginx:latest',
      'busybox:1.36',
    ]);
  });

  it('offers the worker nodes, or the simulator’s one node when the scenario lists none', () => {
    const s = start('pull-policy');
    expect(podNodes(s.cluster).map((n) => n.name)).toEqual(['worker-1']);
    expect(podNodes({}).map((n) => n.name)).toEqual(['node-1']);
    const onDefault = setOnNode({ ...s, cluster: {} }, 'node-1', 'nginx', true, V);
    expect(onNode(onDefault, 'node-1', 'docker.io/library/nginx:latest', V)).toBe(true);
  });

  it('toggles an image on a node', () => {
    const s = start('pull-policy');
    expect(onNode(s, 'worker-1', 'nginx:1.25', V)).toBe(false);
    const on = setOnNode(s, 'worker-1', 'nginx:1.25', true, V);
    expect(onNode(on, 'worker-1', 'docker.io/library/nginx:1.25', V)).toBe(true);
    expect(onNode(setOnNode(on, 'worker-1', 'nginx:1.25', false, V), 'worker-1', 'nginx:1.25', V)).toBe(false);
    expect(s.cluster.nodes?.[1]?.images).toEqual([]); // the original is not changed
  });

  it('toggles a tag in a registry; a default catalog host keeps its other images', () => {
    const s = start('pull-policy');
    expect(inRegistry(s, 'nginx:1.25', V)).toBe(true);
    const gone = setInRegistry(s, 'nginx:1.25', false, V);
    expect(inRegistry(gone, 'nginx:1.25', V)).toBe(false);
    expect(inRegistry(gone, 'nginx:latest', V)).toBe(true);
    expect(inRegistry(gone, 'busybox:1.36', V)).toBe(true);
    expect(inRegistry(setInRegistry(gone, 'nginx:1.25', true, V), 'nginx:1.25', V)).toBe(true);
    expect(
      inRegistry(setInRegistry(s, 'registry.example.com/team/app:v1', true, V), 'registry.example.com/team/app:v1', V),
    ).toBe(true);
    expect(inRegistry(s, `nginx@sha256:${'a'.repeat(64)}`, V)).toBeUndefined();
    expect(inRegistry(s, 'Not A Reference', V)).toBeUndefined();
  });

  it('runs a node image that no registry holds (imported after the start, with its catalog behaviour)', () => {
    const s = setInRegistry(setOnNode(start('pull-policy'), 'worker-1', 'nginx:1.25', true, V), 'nginx:1.25', false, V);
    const split = splitNodeImages(s, V);
    expect(split.imported.map((i) => [i.node, i.image.repoTag])).toEqual([
      ['worker-1', 'docker.io/library/nginx:1.25'],
    ]);
    expect(split.imported[0]?.image.behaviour?.exec.some((e) => e.command.join(' ') === 'nginx -s stop')).toBe(true);
    expect(rows(run(s))[0]?.[2]).toBe('Running');
    const always = edit(s, 'imagePullPolicy: IfNotPresent', 'imagePullPolicy: Always');
    expect(rows(run(always))[0]?.[2]).toMatch(/^(ErrImagePull|ImagePullBackOff)$/);
  });
});
