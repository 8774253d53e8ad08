/**
 * kubectl exec and the shell session it opens: the deprecated form per kubectl release, the checks before the
 * command runs, exit statuses (`command terminated with exit code N`), and how a session ends.
 */
import { describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from '../../../src/sim/index.ts';
import { runCommand } from '../../../src/sim/shell/index.ts';
import type { CommandTarget } from '../../../src/sim/shell/types.ts';
import { shellContext } from './context.ts';

const CLIENT: CommandTarget = { kind: 'client' };
const IN_WEB: CommandTarget = { kind: 'container', pod: 'web' };
const DEPRECATED =
  'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n';

const webPod = (restartPolicy = 'Always') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: ${restartPolicy}\n  containers:\n  - name: web\n    image: nginx:1.23.1\n`;
const twoContainers = `apiVersion: v1
kind: Pod
metadata:
  name: duo
spec:
  initContainers:
  - name: setup
    image: busybox:1.36
  containers:
  - name: web
    image: nginx:1.23.1
  - name: cache
    image: redis:7
`;

function setup(
  minor = 30,
  restartPolicy = 'Always',
): { c: Cluster; run: (line: string, t?: CommandTarget) => ReturnType<typeof runCommand> } {
  const c = createCluster({
    version: `1.${minor}`,
    seed: 9,
    nodes: [{ name: 'node-1', images: ['nginx:1.23.1', 'busybox:1.36', 'redis:7'] }],
  });
  const ctx = shellContext(c, { 'web.yaml': webPod(restartPolicy), 'duo.yaml': twoContainers }, minor);
  const run = (line: string, t: CommandTarget = CLIENT) => runCommand(ctx, t, line);
  run('kubectl apply -f web.yaml');
  c.advanceUntil(() => c.getPod('web')?.status?.phase === 'Running', { timeoutSeconds: 30 });
  return { c, run };
}

describe('the form without --', () => {
  it('prints the deprecation warning up to kubectl 1.30 and still runs', () => {
    const { run } = setup(30);
    expect(run('kubectl exec web hostname')).toEqual({ output: `${DEPRECATED}web\n`, exitCode: 0 });
  });

  it("reads the command's own flags as kubectl flags: `-s` is kubectl's --server", () => {
    const { run } = setup(30);
    expect(run('kubectl exec web nginx -s stop')).toEqual({
      output: 'podbook: `kubectl exec --server` is not modelled by the virtual cluster\n',
      exitCode: 127,
    });
  });

  it('is an error from kubectl 1.31 (#125437)', () => {
    const { run } = setup(31);
    expect(run('kubectl exec -it web /bin/bash')).toEqual({
      output:
        "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
      exitCode: 1,
    });
  });

  it('-q hides the warning', () => {
    const { run } = setup(30);
    expect(run('kubectl exec -q web true')).toEqual({ output: '', exitCode: 0 });
  });
});

describe('checks before the command runs', () => {
  it('needs a pod and a command', () => {
    const { run } = setup();
    expect(run('kubectl exec')).toEqual({
      output: 'error: pod, type/name or --filename must be specified\n',
      exitCode: 1,
    });
    expect(run('kubectl exec web')).toEqual({
      output: 'error: you must specify at least one command for the container\n',
      exitCode: 1,
    });
  });

  it('NotFound, a completed pod, an unknown container, a container not running', () => {
    const { c, run } = setup(30, 'Never');
    expect(run('kubectl exec nope -- true')).toEqual({
      output: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
    expect(run('kubectl exec web -c nope -- true')).toEqual({
      output: 'Error from server (BadRequest): container nope is not valid for pod web\n',
      exitCode: 1,
    });
    run('kubectl exec web -- nginx -s stop');
    c.advance(5);
    expect(run('kubectl exec web -- true')).toEqual({
      output: 'error: cannot exec into a container in a completed pod; current phase is Succeeded\n',
      exitCode: 1,
    });
  });

  it('a pod no node was assigned to', () => {
    const { run } = setup();
    const c2 = createCluster({ version: '1.30', seed: 1, nodes: [{ name: 'node-1', unschedulable: true }] });
    const ctx = shellContext(c2, { 'web.yaml': webPod() });
    runCommand(ctx, CLIENT, 'kubectl apply -f web.yaml');
    expect(runCommand(ctx, CLIENT, 'kubectl exec web -- true')).toEqual({
      output: 'Error from server (BadRequest): pod web does not have a host assigned\n',
      exitCode: 1,
    });
    expect(run('kubectl exec web -- true').exitCode).toBe(0);
  });

  it('unable to upgrade connection while the container is not running', () => {
    const { c, run } = setup();
    run('kubectl apply -f duo.yaml');
    c.advanceUntil(() => c.getPod('duo')?.spec.nodeName !== undefined, { timeoutSeconds: 5, stepSeconds: 0.01 });
    expect(c.getPod('duo')?.status?.phase).toBe('Pending');
    expect(run('kubectl exec duo -c web -- true')).toEqual({
      output: 'error: unable to upgrade connection: container not found ("web")\n',
      exitCode: 1,
    });
    c.advanceUntil(() => c.getPod('duo')?.status?.phase === 'Running', { timeoutSeconds: 60 });
    expect(run('kubectl exec duo -- true')).toEqual({
      output: 'Defaulted container "web" out of: web, cache, setup (init)\n',
      exitCode: 0,
    });
    expect(run('kubectl exec duo -c cache -- true')).toEqual({ output: '', exitCode: 0 });
  });
});

describe('commands and their status', () => {
  it("passes a non-zero status through with kubectl's line", () => {
    const { run } = setup();
    expect(run('kubectl exec web -- false')).toEqual({ output: 'command terminated with exit code 1\n', exitCode: 1 });
    expect(run('kubectl exec web -- sh -c "echo hi; exit 3"')).toEqual({
      output: 'hi\ncommand terminated with exit code 3\n',
      exitCode: 3,
    });
    expect(run('kubectl exec web -- hostname')).toEqual({ output: 'web\n', exitCode: 0 });
  });

  it('nginx -s stop run directly returns 0 before nginx is gone (§5.3); inside a longer script the shell is killed', () => {
    const { run } = setup();
    expect(run('kubectl exec web -- nginx -s stop')).toEqual({ output: '', exitCode: 0 });
    const again = setup();
    expect(again.run('kubectl exec web -- sh -c "nginx -s stop; echo after"')).toEqual({
      output: 'command terminated with exit code 137\n',
      exitCode: 137,
    });
  });

  it('says when a command is not modelled, without running anything', () => {
    const { run } = setup();
    expect(run('kubectl exec web -- ls /')).toEqual({
      output: 'podbook: `ls /` inside the container is not modelled by the virtual cluster\n',
      exitCode: 127,
    });
  });
});

describe('interactive sessions', () => {
  it('opens a session for a shell with -i; without -i the shell reads nothing and ends', () => {
    const { run } = setup();
    expect(run('kubectl exec -it web -- bash')).toEqual({
      output: '',
      exitCode: 0,
      openedSession: { pod: 'web', container: 'web', namespace: 'default' },
    });
    expect(run('kubectl exec web -- bash')).toEqual({ output: '', exitCode: 0 });
  });

  it('bash echoes exit; a non-zero exit status is reported by kubectl', () => {
    const { run } = setup();
    run('kubectl exec -it web -- /bin/bash');
    expect(run('echo hello', IN_WEB)).toEqual({ output: 'hello\n', exitCode: 0 });
    expect(run('exit', IN_WEB)).toEqual({ output: 'exit\n', exitCode: 0, sessionClosed: { message: '', exitCode: 0 } });
    run('kubectl exec -it web -- bash');
    expect(run('exit 3', IN_WEB)).toEqual({
      output: 'exit\n',
      exitCode: 3,
      sessionClosed: { message: 'command terminated with exit code 3\n', exitCode: 3 },
    });
  });

  it('sh does not echo exit', () => {
    const { run } = setup();
    run('kubectl exec -it web -- sh');
    expect(run('exit', IN_WEB)).toEqual({ output: '', exitCode: 0, sessionClosed: { message: '', exitCode: 0 } });
  });

  it('a session whose container was restarted meanwhile is gone: 137', () => {
    const { c, run } = setup();
    run('kubectl exec -it web -- bash');
    run('kubectl exec web -- nginx -s stop');
    c.advance(3);
    expect(c.getPod('web')?.status?.containerStatuses?.[0]?.restartCount).toBe(1);
    expect(run('echo still here?', IN_WEB)).toEqual({
      output: '',
      exitCode: 137,
      sessionClosed: { message: 'command terminated with exit code 137\n', exitCode: 137 },
    });
  });

  it('lines with pipes are not modelled and the session stays open', () => {
    const { run } = setup();
    run('kubectl exec -it web -- bash');
    expect(run('ps aux | grep nginx', IN_WEB)).toEqual({
      output: 'podbook: pipes (|) in a container shell is not modelled by the virtual cluster\n',
      exitCode: 127,
    });
    expect(run('true', IN_WEB)).toEqual({ output: '', exitCode: 0 });
  });
});
