/**
 * status.containerStatuses[].volumeMounts through the virtual cluster and `kubectl get pod -o yaml`, per release.
 * Expected text: pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses (spec order; name, mountPath,
 * readOnly, recursiveReadOnly Disabled on read-only mounts; copied from the old status once the container exists),
 * RecursiveReadOnlyMounts alpha/off 1.30, beta/on 1.31, GA 1.33, and sigs.k8s.io/yaml's sorted keys (mountPath,
 * name, readOnly, recursiveReadOnly; volumeMounts after state in a ContainerStatus).
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/sim/index.ts';
import { runCommand } from '../../src/sim/shell/index.ts';
import { shellContext } from './shell/context.ts';

const manifest = (extra: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.25
${extra}`;

const EMPTY_DIRS = `    volumeMounts:
    - name: cache
      mountPath: /cache
    - name: data
      mountPath: /data
      readOnly: true
  volumes:
  - name: cache
    emptyDir: {}
  - name: data
    emptyDir: {}
`;

function getYaml(minor: number, extra: string, seconds: number): string {
  const c = createCluster({ version: `1.${minor}`, seed: 3, nodes: [{ name: 'node-1', images: ['nginx:1.25'] }] });
  const ctx = shellContext(c, { 'web.yaml': manifest(extra) }, minor);
  const run = (line: string) => runCommand(ctx, { kind: 'client' }, line);
  expect(run('kubectl apply -f web.yaml').output).toBe('pod/web created\n');
  c.advance(seconds);
  const out = run('kubectl get pod web -o yaml');
  expect(out.exitCode).toBe(0);
  return out.output;
}

/** The lines of the one container status, from `  - containerID` (or `  - image`) to the next `  key:` line. */
function containerStatus(yaml: string): string[] {
  const lines = yaml.split('\n');
  const start = lines.indexOf('  containerStatuses:');
  expect(start).toBeGreaterThan(0);
  const end = lines.findIndex((l, i) => i > start + 1 && /^ {2}\S/.test(l));
  return lines.slice(start + 1, end);
}

function volumeMountsOf(status: string[]): string[] {
  const at = status.indexOf('    volumeMounts:');
  return at < 0 ? [] : status.slice(at);
}

const TOKEN = (suffix: string) => [
  '    - mountPath: /var/run/secrets/kubernetes.io/serviceaccount',
  `      name: kube-api-access-${suffix}`,
  '      readOnly: true',
  '      recursiveReadOnly: Disabled',
];

/** The ServiceAccount plugin's volume name suffix, as the spec shows it. */
function tokenSuffix(yaml: string): string {
  const m = /^ {2}- name: kube-api-access-([a-z0-9]{5})$/m.exec(yaml);
  expect(m).not.toBeNull();
  return m?.[1] ?? '';
}

describe('kubectl get pod -o yaml: status volumeMounts per release', () => {
  it.each([23, 26, 29, 30])('1.%i: none', (minor) => {
    const yaml = getYaml(minor, '', 10);
    const status = containerStatus(yaml);
    expect(status.some((l) => l.includes('running:'))).toBe(true);
    expect(volumeMountsOf(status)).toEqual([]);
  });

  it.each([31, 33, 35])('1.%i: the service-account token mount, last in the container status', (minor) => {
    const yaml = getYaml(minor, '', 10);
    const status = containerStatus(yaml);
    expect(volumeMountsOf(status)).toEqual(['    volumeMounts:', ...TOKEN(tokenSuffix(yaml))]);
    // after state (s < v), and nothing after the list
    expect(status.indexOf('    state:')).toBeLessThan(status.indexOf('    volumeMounts:'));
  });

  it('1.35: emptyDir mounts in spec order, read-write without readOnly, then the token', () => {
    const yaml = getYaml(35, EMPTY_DIRS, 10);
    expect(volumeMountsOf(containerStatus(yaml))).toEqual([
      '    volumeMounts:',
      '    - mountPath: /cache',
      '      name: cache',
      '    - mountPath: /data',
      '      name: data',
      '      readOnly: true',
      '      recursiveReadOnly: Disabled',
      ...TOKEN(tokenSuffix(yaml)),
    ]);
  });

  it('1.35: already in the first status, while the container is being created', () => {
    const yaml = getYaml(35, '', 0.5);
    const status = containerStatus(yaml);
    expect(status).toContain('        reason: ContainerCreating');
    expect(volumeMountsOf(status)).toEqual(['    volumeMounts:', ...TOKEN(tokenSuffix(yaml))]);
  });

  it('1.35: kept across restarts (copied from the old status)', () => {
    const crash = `    command: ["sh", "-c", "sleep 2; exit 1"]\n`;
    const yaml = getYaml(35, crash, 60);
    const status = containerStatus(yaml);
    expect(status.some((l) => /^ {4}restartCount: [1-9]/.test(l))).toBe(true);
    expect(volumeMountsOf(status)).toEqual(['    volumeMounts:', ...TOKEN(tokenSuffix(yaml))]);
  });
});

describe('spec recursiveReadOnly follows the same gate (dropDisabledFields)', () => {
  const rro = `    volumeMounts:
    - name: data
      mountPath: /data
      readOnly: true
      recursiveReadOnly: IfPossible
  volumes:
  - name: data
    emptyDir: {}
`;
  it('1.30 (gate off) drops it on create; 1.31 keeps it, and the status resolves IfPossible', () => {
    // (the last-applied-configuration annotation keeps what was sent; the stored spec follows `spec:`)
    const stored = (yaml: string) => yaml.slice(yaml.indexOf('\nspec:\n'));
    expect(stored(getYaml(30, rro, 10))).not.toContain('recursiveReadOnly');
    const yaml = getYaml(31, rro, 10);
    expect(stored(yaml)).toContain('      recursiveReadOnly: IfPossible\n');
    // the virtual nodes report no runtime handlers, so no recursive read-only support
    expect(volumeMountsOf(containerStatus(yaml)).slice(0, 5)).toEqual([
      '    volumeMounts:',
      '    - mountPath: /data',
      '      name: data',
      '      readOnly: true',
      '      recursiveReadOnly: Disabled',
    ]);
  });
});
