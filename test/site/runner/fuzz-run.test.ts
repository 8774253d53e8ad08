/**
 * Whatever the reader types or clicks, a replay finishes, quickly, without throwing: random command lines (typed
 * on the client, on a node, in a container prompt), signals, exits and clock moves appended to a real scenario.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunnerStep } from '../../../src/site/runner/scenario.ts';
import { run, start } from './helpers.ts';

const WORDS = [
  'kubectl',
  'get',
  'pods',
  'describe',
  'pod',
  'web',
  'delete',
  'apply',
  '-f',
  'web-pod.yaml',
  'exec',
  '-it',
  '--',
  'bash',
  'nginx',
  '-s',
  'stop',
  'crictl',
  'images',
  'rmi',
  'pull',
  'nginx:1.25',
  '-o',
  'yaml',
  'wide',
  'logs',
  '|',
  '&&',
  ';',
  '"',
  "'",
  '$(x)',
  'exit',
  '1',
  'kill',
];

const line = fc.oneof(
  fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(' ')),
  fc.string({ maxLength: 60 }),
);

const step: fc.Arbitrary<RunnerStep> = fc.oneof(
  fc.record({ kind: fc.constant('run' as const), line }),
  fc.record({ kind: fc.constant('run' as const), line, host: fc.constantFrom('worker-1', 'control-plane', 'nowhere') }),
  fc.record({ kind: fc.constant('run' as const), line, container: fc.constant(true as const) }),
  fc.record({
    kind: fc.constant('signal' as const),
    pod: fc.constantFrom('web', 'x'),
    signal: fc.constantFrom('SIGTERM' as const, 'SIGKILL' as const),
  }),
  fc.record({
    kind: fc.constant('exit' as const),
    pod: fc.constantFrom('web', 'x'),
    code: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant('wait' as const), seconds: fc.double({ min: 0, max: 600, noNaN: true }) }),
  fc.record({ kind: fc.constant('at' as const), seconds: fc.double({ min: 0, max: 900, noNaN: true }) }),
);

describe('runScenario on random reader steps', () => {
  it('always finishes with a log entry per shown step, and never throws', () => {
    const base = start('nginx-stop');
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const result = run({ ...base, steps: [...base.steps, ...steps] });
        expect(result.error).toBeUndefined();
        const logged = new Set(result.log.map((e) => e.step));
        steps.forEach((s, i) => {
          if (s.kind !== 'write') expect(logged.has(base.steps.length + i)).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });
});
