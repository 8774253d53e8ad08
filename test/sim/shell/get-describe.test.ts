/** kubectl get and describe on pods: tables, -o yaml/name, empty lists, NotFound, prefix search, separators. */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/sim/index.ts';
import { runCommand } from '../../../src/sim/shell/index.ts';
import { shellContext } from './context.ts';

const pod = (name: string, ns = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  containers:\n  - name: web\n    image: nginx:1.23.1\n`;

function setup(minor = 30) {
  const c = createCluster({ version: `1.${minor}`, seed: 5, nodes: [{ name: 'node-1', images: ['nginx:1.23.1'] }] });
  const ctx = shellContext(
    c,
    { 'a.yaml': pod('web-a'), 'b.yaml': pod('web-b'), 'other.yaml': pod('api', 'team') },
    minor,
  );
  const run = (line: string) => runCommand(ctx, { kind: 'client' }, line);
  return { c, run };
}

describe('kubectl get', () => {
  it('says No resources found for an empty namespace, and without a namespace for -A', () => {
    const { run } = setup();
    expect(run('kubectl get pods')).toEqual({ output: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(run('kubectl get pods -n team')).toEqual({ output: 'No resources found in team namespace.\n', exitCode: 0 });
    expect(run('kubectl get pods -A')).toEqual({ output: 'No resources found\n', exitCode: 0 });
  });

  it('lists all namespaces with a NAMESPACE column', () => {
    const { c, run } = setup();
    run('kubectl apply -f a.yaml');
    run('kubectl apply -f other.yaml');
    c.advance(5.5);
    expect(run('kubectl get pods -A')).toEqual({
      output:
        'NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE\ndefault     web-a   1/1     Running   0          5s\nteam        api     1/1     Running   0          5s\n',
      exitCode: 0,
    });
    expect(run('kubectl get pods --all-namespaces --no-headers')).toEqual({
      output: 'default   web-a   1/1   Running   0     5s\nteam      api     1/1   Running   0     5s\n',
      exitCode: 0,
    });
  });

  it('accepts pod, pods, po and TYPE/NAME, and prints NotFound after the rows', () => {
    const { c, run } = setup();
    run('kubectl apply -f a.yaml');
    c.advance(2.5);
    const table = 'NAME    READY   STATUS    RESTARTS   AGE\nweb-a   1/1     Running   0          2s\n';
    for (const line of [
      'kubectl get pod web-a',
      'kubectl get po web-a',
      'kubectl get pods/web-a',
      'kubectl get PODS web-a',
    ]) {
      expect(run(line)).toEqual({ output: table, exitCode: 0 });
    }
    expect(run('kubectl get pods web-a nope')).toEqual({
      output: `${table}Error from server (NotFound): pods "nope" not found\n`,
      exitCode: 1,
    });
    expect(run('kubectl get pods nope')).toEqual({
      output: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
    expect(run('kubectl get pods nope --ignore-not-found')).toEqual({ output: '', exitCode: 0 });
    expect(run('kubectl get pods web-a -A')).toEqual({
      output: 'error: a resource cannot be retrieved by name across all namespaces\n',
      exitCode: 1,
    });
  });

  it('-o name', () => {
    const { run } = setup();
    run('kubectl apply -f a.yaml');
    run('kubectl apply -f b.yaml');
    expect(run('kubectl get pods -o name')).toEqual({ output: 'pod/web-a\npod/web-b\n', exitCode: 0 });
  });

  it('-o yaml: one named pod as itself, a list as a v1 List', () => {
    const { run } = setup();
    expect(run('kubectl get pods -o yaml')).toEqual({
      output: 'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
      exitCode: 0,
    });
    run('kubectl apply -f a.yaml');
    const one = run('kubectl get pod web-a -o yaml').output;
    expect(one.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n')).toBe(true);
    const list = run('kubectl get pods -o yaml').output;
    expect(list.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n')).toBe(true);
    expect(list.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
  });

  it('-o yaml lists carry selfLink: "" in kubectl 1.24 and not from 1.25', () => {
    expect(setup(24).run('kubectl get pods -o yaml').output).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n  selfLink: ""\n',
    );
    expect(setup(25).run('kubectl get pods -o yaml').output).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });

  it('output formats it does not print are not modelled', () => {
    const { run } = setup();
    expect(run('kubectl get pods -o json')).toEqual({
      output: 'podbook: `kubectl get -o json` is not modelled by the virtual cluster\n',
      exitCode: 127,
    });
  });
});

describe('kubectl describe', () => {
  it('describes one pod with its events and reports NotFound', () => {
    const { c, run } = setup();
    run('kubectl apply -f a.yaml');
    c.advance(3.5);
    const r = run('kubectl describe pod web-a');
    expect(r.exitCode).toBe(0);
    expect(r.output.startsWith('Name:             web-a\nNamespace:        default\n')).toBe(true);
    expect(r.output).toMatch(/\nEvents:\n {2}Type {4}Reason {5}Age {3}From {15}Message\n/);
    expect(run('kubectl describe pod nope')).toEqual({
      output: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
    expect(run('kubectl describe pod web-a --show-events=false').output).not.toContain('Events:');
  });

  it('separates several pods by two blank lines', () => {
    const { run } = setup();
    run('kubectl apply -f a.yaml');
    run('kubectl apply -f b.yaml');
    const all = run('kubectl describe pods').output;
    const one = run('kubectl describe pod web-a').output;
    const two = run('kubectl describe pod web-b').output;
    expect(all).toBe(`${one}\n\n${two}`);
    expect(run('kubectl describe pods web-a web-b').output).toBe(`${one}\n\n${two}`);
  });

  it('tries a name that is not found as a prefix (each match followed by a blank line)', () => {
    const { run } = setup();
    run('kubectl apply -f a.yaml');
    run('kubectl apply -f b.yaml');
    const one = run('kubectl describe pod web-a').output;
    const two = run('kubectl describe pod web-b').output;
    expect(run('kubectl describe pods web')).toEqual({ output: `${one}\n${two}\n`, exitCode: 0 });
    // the TYPE/NAME form has no prefix search
    expect(run('kubectl describe pod/web')).toEqual({
      output: 'Error from server (NotFound): pods "web" not found\n',
      exitCode: 1,
    });
  });

  it('says No resources found for an empty namespace', () => {
    expect(setup().run('kubectl describe pods')).toEqual({
      output: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
  });
});
