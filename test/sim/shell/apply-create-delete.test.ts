/**
 * kubectl apply, create and delete against the virtual cluster: per-object lines, the errors kubectl prints at
 * the end, the last-applied annotation, the per-release texts, and the time a delete waits.
 */
import { describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from '../../../src/sim/index.ts';
import { runCommand } from '../../../src/sim/shell/index.ts';
import { shellContext } from './context.ts';

const pod = (name: string, image = 'nginx:1.23.1', extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${extra}  containers:\n  - name: web\n    image: ${image}\n    ports:\n    - containerPort: 80\n`;

function setup(minor = 26, files: Record<string, string> = {}) {
  const c = createCluster({ version: `1.${minor}`, seed: 3, nodes: [{ name: 'node-1', images: ['nginx:1.23.1'] }] });
  const ctx = shellContext(c, { 'web.yaml': pod('web'), ...files }, minor);
  const run = (line: string) => runCommand(ctx, { kind: 'client' }, line);
  return { c, run };
}

function running(c: Cluster, name: string): void {
  c.advanceUntil(() => c.getPod(name)?.status?.phase === 'Running', { timeoutSeconds: 60 });
}

describe('kubectl apply', () => {
  it('creates, then reports unchanged for the same file and configured for a new image', () => {
    const { c, run } = setup(26, { 'web-v2.yaml': pod('web', 'nginx:1.24.0') });
    expect(run('kubectl apply -f web.yaml')).toEqual({ output: 'pod/web created\n', exitCode: 0 });
    running(c, 'web');
    expect(run('kubectl apply -f web.yaml')).toEqual({ output: 'pod/web unchanged\n', exitCode: 0 });
    expect(run('kubectl apply -f ./web.yaml')).toEqual({ output: 'pod/web unchanged\n', exitCode: 0 });
    expect(run('kubectl apply -f web-v2.yaml')).toEqual({ output: 'pod/web configured\n', exitCode: 0 });
    expect(c.getPod('web')?.spec.containers[0]?.image).toBe('nginx:1.24.0');
  });

  it('stores the last-applied-configuration with the namespace kubectl set', () => {
    const { c, run } = setup();
    run('kubectl apply -f web.yaml');
    expect(c.getPod('web')?.metadata.annotations).toEqual({
      'kubectl.kubernetes.io/last-applied-configuration':
        '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx:1.23.1","name":"web","ports":[{"containerPort":80}]}]}}\n',
    });
  });

  it('warns when the live object was created without the annotation', () => {
    const { run } = setup(26, { 'web-v2.yaml': pod('web', 'nginx:1.24.0') });
    expect(run('kubectl create -f web.yaml')).toEqual({ output: 'pod/web created\n', exitCode: 0 });
    expect(run('kubectl apply -f web-v2.yaml')).toEqual({
      output:
        'Warning: resource pods/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\npod/web configured\n',
      exitCode: 0,
    });
  });

  it('prints the apiserver rejection of an invalid object (renderReportKubectl texts)', () => {
    const { c, run } = setup(26, { 'bad.yaml': pod('bad', 'nginx:1.23.1', '  restartPolicy: Nerser\n') });
    expect(run('kubectl apply -f bad.yaml')).toEqual({
      output:
        'The Pod "bad" is invalid: spec.restartPolicy: Unsupported value: "Nerser": supported values: "Always", "OnFailure", "Never"\n',
      exitCode: 1,
    });
    expect(c.getPod('bad')).toBeUndefined();
  });

  it('applies the valid objects of a file and reports the others at the end, with the source', () => {
    const { c, run } = setup(26, {
      'two.yaml': `${pod('ok')}---\n${pod('bad', 'nginx:1.23.1', '  restartPolicy: Nerser\n')}---\n${pod('bad2', 'nginx:1.23.1', '  restartPolicy: Sometimes\n')}`,
    });
    expect(run('kubectl apply -f two.yaml')).toEqual({
      output:
        'pod/ok created\n' +
        'Error from server (Invalid): error when creating "two.yaml": Pod "bad" is invalid: spec.restartPolicy: Unsupported value: "Nerser": supported values: "Always", "OnFailure", "Never"\n' +
        'Error from server (Invalid): error when creating "two.yaml": Pod "bad2" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"\n',
      exitCode: 1,
    });
    expect(c.getPod('ok')).toBeDefined();
  });

  it('stops before sending anything for a YAML error or a missing kind', () => {
    const { c, run } = setup(26, {
      'yaml.yaml': `${pod('first')}---\nkind: [\n`,
      'nokind.yaml': 'metadata:\n  name: x\n',
    });
    const r = run('kubectl apply -f yaml.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(/^error: error parsing yaml\.yaml: error converting YAML to JSON: yaml: line \d+: /);
    expect(c.getPod('first')).toBeUndefined();
    expect(run('kubectl apply -f nokind.yaml')).toEqual({
      output:
        'error: error validating "nokind.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n',
      exitCode: 1,
    });
  });

  it('reports a missing file, a missing -f, stray arguments and an empty file', () => {
    const { run } = setup(26, { 'empty.yaml': '' });
    expect(run('kubectl apply -f nope.yaml')).toEqual({
      output: 'error: the path "nope.yaml" does not exist\n',
      exitCode: 1,
    });
    expect(run('kubectl apply')).toEqual({ output: 'error: must specify one of -f and -k\n', exitCode: 1 });
    expect(run('kubectl apply web.yaml')).toEqual({
      output: "error: Unexpected args: [web.yaml]\nSee 'kubectl apply -h' for help and examples\n",
      exitCode: 1,
    });
    expect(run('kubectl apply -f empty.yaml')).toEqual({ output: 'error: no objects passed to apply\n', exitCode: 1 });
  });

  it('enforces an explicit --namespace against the object', () => {
    const { run } = setup(26, { 'ns.yaml': pod('web').replace('  name: web\n', '  name: web\n  namespace: team-a\n') });
    expect(run('kubectl apply -f ns.yaml -n team-b')).toEqual({
      output:
        'error: the namespace from the provided object "team-a" does not match the namespace "team-b". You must pass \'--namespace=team-a\' to perform this operation.\n',
      exitCode: 1,
    });
    expect(run('kubectl apply -f ns.yaml')).toEqual({ output: 'pod/web created\n', exitCode: 0 });
    expect(run('kubectl get pods -n team-a -o name')).toEqual({ output: 'pod/web\n', exitCode: 0 });
  });

  it('says a refused pod update is Invalid and that its PodSpec diff is not modelled', () => {
    const { run } = setup(26, { 'never.yaml': pod('web', 'nginx:1.23.1', '  restartPolicy: Never\n') });
    run('kubectl apply -f web.yaml');
    const r = run('kubectl apply -f never.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.output.split('\n')[0]).toBe(
      'The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds`, `spec.tolerations` (only additions to existing tolerations) or `spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    expect(r.output).toContain('podbook: the PodSpec diff the apiserver appends to this message is not modelled');
  });

  it('refuses other kinds, stdin and flags it does not model', () => {
    const { run } = setup(26, {
      'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n',
    });
    expect(run('kubectl apply -f svc.yaml').exitCode).toBe(127);
    expect(run('kubectl apply -f -').output).toBe(
      'podbook: reading manifests from standard input (-f -) is not modelled by the virtual cluster\n',
    );
    expect(run('kubectl apply -f web.yaml --server-side').output).toBe(
      'podbook: `kubectl apply --server-side` is not modelled by the virtual cluster\n',
    );
  });
});

describe('kubectl create', () => {
  it('creates, then AlreadyExists with the file named', () => {
    const { run } = setup();
    expect(run('kubectl create -f web.yaml')).toEqual({ output: 'pod/web created\n', exitCode: 0 });
    expect(run('kubectl create -f web.yaml')).toEqual({
      output: 'Error from server (AlreadyExists): error when creating "web.yaml": pods "web" already exists\n',
      exitCode: 1,
    });
  });

  it('names an object being deleted', () => {
    const { c, run } = setup();
    run('kubectl create -f web.yaml');
    running(c, 'web');
    run('kubectl delete pod web --wait=false');
    expect(run('kubectl create -f web.yaml').output).toBe(
      'Error from server (AlreadyExists): error when creating "web.yaml": object is being deleted: pods "web" already exists\n',
    );
  });

  it('writes the annotation only with --save-config', () => {
    const { c, run } = setup();
    run('kubectl create -f web.yaml --save-config');
    expect(Object.keys(c.getPod('web')?.metadata.annotations ?? {})).toEqual([
      'kubectl.kubernetes.io/last-applied-configuration',
    ]);
  });

  it('reports an empty file and a missing -f', () => {
    const { run } = setup(26, { 'empty.yaml': '# nothing\n' });
    expect(run('kubectl create -f empty.yaml')).toEqual({
      output: 'error: no objects passed to create\n',
      exitCode: 1,
    });
    expect(run('kubectl create').exitCode).toBe(127);
  });
});

describe('kubectl delete', () => {
  it('prints `pod "x" deleted` up to kubectl 1.33 and adds the namespace from 1.34 (#126619)', () => {
    for (const [minor, line] of [
      [33, 'pod "web" deleted\n'],
      [34, 'pod "web" deleted from default namespace\n'],
    ] as const) {
      const { run } = setup(minor);
      run('kubectl apply -f web.yaml');
      expect(run('kubectl delete pod web')).toEqual({ output: line, exitCode: 0 });
    }
  });

  it('waits through graceful termination: nginx stops on SIGTERM at once', () => {
    const { c, run } = setup();
    run('kubectl apply -f web.yaml');
    running(c, 'web');
    const before = c.now();
    run('kubectl delete pod web');
    expect(c.getPod('web')).toBeUndefined();
    expect(c.now() - before).toBeGreaterThan(0);
    expect(c.now() - before).toBeLessThan(3);
  });

  it('waits the whole grace period for a process that ignores SIGTERM', () => {
    const { c, run } = setup(26, {
      'sleeper.yaml': pod('sleeper', 'busybox:1.36', '  terminationGracePeriodSeconds: 5\n').replace(
        '    ports:\n    - containerPort: 80\n',
        '    command: ["sleep", "3600"]\n',
      ),
    });
    run('kubectl apply -f sleeper.yaml');
    running(c, 'sleeper');
    const before = c.now();
    expect(run('kubectl delete -f sleeper.yaml')).toEqual({ output: 'pod "sleeper" deleted\n', exitCode: 0 });
    expect(c.now() - before).toBeGreaterThanOrEqual(5);
    expect(c.now() - before).toBeLessThan(8);
  });

  it('does not wait with --wait=false: the pod is still there, terminating', () => {
    const { c, run } = setup();
    run('kubectl apply -f web.yaml');
    running(c, 'web');
    const before = c.now();
    expect(run('kubectl delete pod web --wait=false')).toEqual({ output: 'pod "web" deleted\n', exitCode: 0 });
    expect(c.now()).toBe(before);
    expect(c.getPod('web')?.metadata.deletionTimestamp).toBeDefined();
  });

  it('--timeout: `timed out waiting for the condition` when the pod outlives it', () => {
    const { c, run } = setup(26, {
      'sleeper.yaml': pod('sleeper', 'busybox:1.36').replace(
        '    ports:\n    - containerPort: 80\n',
        '    command: ["sleep", "3600"]\n',
      ),
    });
    run('kubectl apply -f sleeper.yaml');
    running(c, 'sleeper');
    expect(run('kubectl delete pod sleeper --timeout=2s')).toEqual({
      output: 'pod "sleeper" deleted\nerror: timed out waiting for the condition on pods/sleeper\n',
      exitCode: 1,
    });
  });

  it('stops waiting after an hour of virtual time and says so', () => {
    const { c, run } = setup(26, {
      'slow.yaml': pod('slow', 'busybox:1.36', '  terminationGracePeriodSeconds: 7200\n').replace(
        '    ports:\n    - containerPort: 80\n',
        '    command: ["sleep", "infinity"]\n',
      ),
    });
    run('kubectl apply -f slow.yaml');
    running(c, 'slow');
    const before = c.now();
    expect(run('kubectl delete pod slow')).toEqual({
      output:
        'pod "slow" deleted\npodbook: a wait longer than 3600s for pods/slow to go away is not modelled by the virtual cluster\n',
      exitCode: 127,
    });
    expect(c.now() - before).toBe(3600);
  });

  it('force deletion: the warning (lower case before 1.25) and `force deleted`', () => {
    for (const [minor, prefix] of [
      [24, 'warning'],
      [25, 'Warning'],
    ] as const) {
      const { c, run } = setup(minor);
      run('kubectl apply -f web.yaml');
      running(c, 'web');
      expect(run('kubectl delete pod web --grace-period=0 --force')).toEqual({
        output: `${prefix}: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "web" force deleted\n`,
        exitCode: 0,
      });
      expect(c.getPod('web')).toBeUndefined();
    }
  });

  it('checks --now, --grace-period and --force together', () => {
    const { run } = setup();
    expect(run('kubectl delete pod web --now --grace-period=5')).toEqual({
      output: 'error: --now and --grace-period cannot be specified together\n',
      exitCode: 1,
    });
    expect(run('kubectl delete pod web --force --grace-period=5')).toEqual({
      output: 'error: --force and --grace-period greater than 0 cannot be specified together\n',
      exitCode: 1,
    });
  });

  it('NotFound: plain for names, with the file for -f; --ignore-not-found; several errors one per line', () => {
    const { run } = setup();
    expect(run('kubectl delete pod x')).toEqual({
      output: 'Error from server (NotFound): pods "x" not found\n',
      exitCode: 1,
    });
    expect(run('kubectl delete -f web.yaml')).toEqual({
      output: 'Error from server (NotFound): error when deleting "web.yaml": pods "web" not found\n',
      exitCode: 1,
    });
    expect(run('kubectl delete pod x --ignore-not-found')).toEqual({ output: '', exitCode: 0 });
    expect(run('kubectl delete pods x y')).toEqual({
      output: 'Error from server (NotFound): pods "x" not found\nError from server (NotFound): pods "y" not found\n',
      exitCode: 1,
    });
  });

  it('usage errors: nothing named, a type without names, -o other than name', () => {
    const { run } = setup();
    expect(run('kubectl delete')).toEqual({
      output:
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      exitCode: 1,
    });
    expect(run('kubectl delete pods')).toEqual({
      output: 'error: resource(s) were provided, but no name was specified\n',
      exitCode: 1,
    });
    expect(run('kubectl delete pod web -o yaml')).toEqual({
      output: "error: unexpected -o output mode: yaml. We only support '-o name'\n",
      exitCode: 1,
    });
  });

  it('-o name and pod/NAME arguments', () => {
    const { run } = setup();
    run('kubectl apply -f web.yaml');
    expect(run('kubectl delete po/web -o name')).toEqual({ output: 'pod/web\n', exitCode: 0 });
  });
});
