/** crictl on a node: pull (and the time it takes), the images table, rmi, and the logrus error lines. */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/sim/index.ts';
import { formatG, humanSizeWithPrecision } from '../../../src/sim/shell/crictl/go-units.ts';
import { logrusLine } from '../../../src/sim/shell/crictl/logrus.ts';
import { runCommand } from '../../../src/sim/shell/index.ts';
import type { CommandTarget } from '../../../src/sim/shell/types.ts';
import { shellContext } from './context.ts';

const NODE: CommandTarget = { kind: 'node', node: 'node-1' };

function setup(images: string[] = []) {
  const c = createCluster({ version: '1.30', seed: 2, nodes: [{ name: 'node-1', images }] });
  const ctx = shellContext(c);
  return { c, run: (line: string) => runCommand(ctx, NODE, line) };
}

describe('crictl images', () => {
  it("prints the table with crictl's tabwriter (minwidth 20, padding 3), sorted by first tag", () => {
    const { c, run } = setup(['nginx:1.23.1', 'busybox:1.36']);
    const id = (ref: string) => c.node('node-1').findImage(ref)!.imageId.slice(7, 20);
    expect(run('crictl images')).toEqual({
      output:
        'IMAGE                       TAG                 IMAGE ID            SIZE\n' +
        `docker.io/library/busybox   1.36                ${id('busybox:1.36')}       2.16MB\n` +
        `docker.io/library/nginx     1.23.1              ${id('nginx:1.23.1')}       70.5MB\n`,
      exitCode: 0,
    });
  });

  it('prints only the header for an empty store, and full IDs with -q', () => {
    const { c, run } = setup(['nginx:1.23.1']);
    expect(setup().run('crictl images').output).toBe(
      'IMAGE               TAG                 IMAGE ID            SIZE\n',
    );
    expect(run('crictl images -q')).toEqual({
      output: `${c.node('node-1').findImage('nginx:1.23.1')!.imageId}\n`,
      exitCode: 0,
    });
    expect(run('sudo crictl img').exitCode).toBe(0);
    expect(run('crictl images -v').exitCode).toBe(127);
  });
});

describe('crictl pull', () => {
  it('prints the image ID and waits for the pull', () => {
    const { c, run } = setup();
    const before = c.now();
    const r = run('crictl pull nginx:1.23.1');
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(`Image is up to date for ${c.node('node-1').findImage('nginx:1.23.1')!.imageId}\n`);
    expect(c.now()).toBeGreaterThan(before);
  });

  it('ends with FATA and the CRI error for an image the registry does not have', () => {
    const { run } = setup();
    const r = run('crictl pull nginx:9.99-doesnotexist');
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(
      /^FATA\[\d{4}\] pulling image: rpc error: code = NotFound desc = failed to pull and unpack image "docker\.io\/library\/nginx:9\.99-doesnotexist": /,
    );
    expect(run('crictl pull')).toEqual({ output: logrusLine('FATA', 0, 'Image name cannot be empty'), exitCode: 1 });
  });
});

describe('crictl rmi', () => {
  it('prints Deleted: per tag and removes the image; by ID prefix too', () => {
    const { c, run } = setup(['nginx:1.23.1', 'busybox:1.36']);
    expect(run('crictl rmi nginx:1.23.1')).toEqual({
      output: 'Deleted: docker.io/library/nginx:1.23.1\n',
      exitCode: 0,
    });
    expect(c.node('node-1').findImage('nginx:1.23.1')).toBeUndefined();
    const id = c.node('node-1').findImage('busybox:1.36')!.imageId;
    expect(run(`crictl rmi ${id.slice(7, 20)}`)).toEqual({
      output: 'Deleted: docker.io/library/busybox:1.36\n',
      exitCode: 0,
    });
  });

  it('logs ERRO per unknown image, then FATA', () => {
    const { run } = setup();
    expect(run('crictl rmi nginx:1.99')).toEqual({
      output: `${logrusLine('ERRO', 0, 'no such image nginx:1.99')}${logrusLine('FATA', 0, 'unable to remove the image(s)')}`,
      exitCode: 1,
    });
  });

  it('other crictl commands are not modelled; crictl needs a known node', () => {
    const { c, run } = setup();
    expect(run('crictl ps -a')).toEqual({
      output: 'podbook: `crictl ps` is not modelled by the virtual cluster\n',
      exitCode: 127,
    });
    expect(runCommand(shellContext(c), { kind: 'node', node: 'node-9' }, 'crictl images').exitCode).toBe(127);
  });
});

describe('logrus and go-units formatting', () => {
  it('logrus pads the message to 44 columns and adds a space', () => {
    expect(logrusLine('FATA', 3.7, 'x')).toBe(`FATA[0003] x${' '.repeat(43)} \n`);
    expect(logrusLine('ERRO', 0, 'y'.repeat(50))).toBe(`ERRO[0000] ${'y'.repeat(50)} \n`);
  });

  it('%.3g as Go prints it', () => {
    expect(formatG(60, 3)).toBe('60');
    expect(formatG(70.52, 3)).toBe('70.5');
    expect(formatG(1.125, 3)).toBe('1.12'); // exact half: to even
    expect(formatG(1.135, 3)).toBe('1.14'); // 1.135 is stored just above the half
    expect(formatG(999.6, 3)).toBe('1e+03');
    expect(formatG(0.0001234, 3)).toBe('0.000123');
    expect(formatG(0.00001234, 3)).toBe('1.23e-05');
  });

  it('HumanSizeWithPrecision uses decimal units', () => {
    expect(humanSizeWithPrecision(999, 3)).toBe('999B');
    expect(humanSizeWithPrecision(1000, 3)).toBe('1kB');
    expect(humanSizeWithPrecision(1_144_547, 3)).toBe('1.14MB');
    expect(humanSizeWithPrecision(145_000_000, 3)).toBe('145MB');
    expect(humanSizeWithPrecision(1_500_000_000, 3)).toBe('1.5GB');
  });
});

describe('crictl and references that do not parse (found by the property tests)', () => {
  it('pull: containerd refuses to parse the reference; nothing is fetched and the clock does not move', () => {
    const { c, run } = setup();
    const before = c.now();
    expect(run('crictl pull Nginx:1.25')).toEqual({
      output: `${logrusLine('FATA', 0, 'pulling image: rpc error: code = Unknown desc = failed to parse image reference "Nginx:1.25": invalid reference format: repository name (library/Nginx) must be lowercase')}`,
      exitCode: 1,
    });
    expect(c.now()).toBe(before);
  });

  it('rmi: a name that is no reference is looked up as an image ID, and is not found', () => {
    const { run } = setup(['nginx:1.23.1']);
    expect(run('crictl rmi Nginx:1.25')).toEqual({
      output: `${logrusLine('ERRO', 0, 'no such image Nginx:1.25')}${logrusLine('FATA', 0, 'unable to remove the image(s)')}`,
      exitCode: 1,
    });
  });
});
