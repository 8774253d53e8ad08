import { describe, expect, it } from 'vitest';
import { interpretArgv, quantityBytes, sleepSeconds } from '../../src/sim/command-script.ts';
import { resolveBehaviour } from '../../src/sim/container-behaviour.ts';

describe('interpretArgv', () => {
  it('reads sh -c scripts: sleeps add up, exit ends with its code', () => {
    expect(interpretArgv(['sh', '-c', "echo 'opening'; sleep 3; echo 'ERROR' >&2; exit 1"])).toEqual({
      kind: 'exits',
      afterSeconds: 3,
      exitCode: 1,
    });
    expect(interpretArgv(['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'])).toEqual({
      kind: 'exits',
      afterSeconds: 630,
      exitCode: 0,
    });
    expect(interpretArgv(['sh', '-c', 'false'])).toEqual({ kind: 'exits', afterSeconds: 0, exitCode: 1 });
    expect(interpretArgv(['sh', '-c', 'false || exit 4'])).toEqual({ kind: 'exits', afterSeconds: 0, exitCode: 4 });
    expect(interpretArgv(['sh', '-c', 'true && exit 2'])).toEqual({ kind: 'exits', afterSeconds: 0, exitCode: 2 });
    expect(interpretArgv(['sh', '-c', 'echo hi 2>&1 > /dev/null; exit 257'])).toEqual({
      kind: 'exits',
      afterSeconds: 0,
      exitCode: 1,
    });
  });

  it('treats loops and sleep infinity as running forever', () => {
    expect(interpretArgv(['sh', '-c', 'while true; do sleep 2; done'])).toEqual({ kind: 'forever' });
    expect(interpretArgv(['sleep', 'infinity'])).toEqual({ kind: 'forever' });
    expect(interpretArgv(['sleep', '3600'])).toEqual({ kind: 'exits', afterSeconds: 3600, exitCode: 0 });
    expect(interpretArgv(['sleep', '1m'])).toEqual({ kind: 'exits', afterSeconds: 60, exitCode: 0 });
  });

  it('recognises nginx and stress against a memory limit', () => {
    expect(interpretArgv(['nginx', '-g', 'daemon off;'])).toEqual({ kind: 'server', nginx: true });
    const stress = ['stress', '--vm', '1', '--vm-bytes', '200M', '--vm-hang', '1'];
    expect(interpretArgv(stress, { memoryLimitBytes: 100 * 1024 * 1024 })).toEqual({ kind: 'oom', afterSeconds: 0.5 });
    expect(interpretArgv(stress, { memoryLimitBytes: 512 * 1024 * 1024 })).toEqual({ kind: 'forever' });
  });

  it('does not guess: unknown commands, pipes and if are not understood', () => {
    expect(interpretArgv(['python', 'app.py'])).toBeUndefined();
    expect(interpretArgv(['sh', '-c', 'cat x | grep y'])).toBeUndefined();
    expect(interpretArgv(['sh', '-c', 'if [ -f /x ]; then exit 0; fi'])).toBeUndefined();
    expect(interpretArgv(['sh'])).toBeUndefined();
  });

  it('parses sleep durations and quantities', () => {
    expect(sleepSeconds('2h')).toBe(7200);
    expect(sleepSeconds('x')).toBeUndefined();
    expect(quantityBytes('100Mi')).toBe(104857600);
    expect(quantityBytes('nope')).toBeUndefined();
  });
});

describe('resolveBehaviour', () => {
  it('prefers an override, then the command, then the image default', () => {
    const image = resolveBehaviour({ container: { name: 'a' } });
    expect(image.main).toEqual({ kind: 'runs' });
    const cmd = resolveBehaviour({ container: { name: 'a', command: ['sh', '-c', 'exit 3'] } });
    expect(cmd.main).toEqual({ kind: 'exits', afterSeconds: 0, exitCode: 3 });
    expect(cmd.onSigterm).toBe('ignore'); // a shell as PID 1 has no SIGTERM handler
    const over = resolveBehaviour({
      container: { name: 'a', command: ['sh', '-c', 'exit 3'] },
      override: { main: { kind: 'runs' }, onSigterm: 'ignore', exec: [], source: 'test' },
    });
    expect(over.source).toBe('test');
    const oom = resolveBehaviour({
      container: { name: 'a', command: ['stress', '--vm', '1', '--vm-bytes', '200M'] },
      memoryLimitBytes: 100 * 1024 * 1024,
    });
    expect(oom.main).toEqual({ kind: 'oomKilled', afterSeconds: 0.5 });
  });
});
