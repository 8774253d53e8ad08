/**
 * The state in the URL: every scenario survives the trip, and no payload, however damaged or hostile, throws,
 * inflates without bound or yields something that is not a scenario.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAYGROUND_STARTS } from '../../../src/site/runner/playground-scenarios.ts';
import type { RunnerScenario } from '../../../src/site/runner/scenario.ts';
import { LIMITS, parseScenario } from '../../../src/site/runner/scenario-shape.ts';
import { readStateHash, stateHash } from '../../../src/site/runner/state-hash.ts';
import { base64url, decodeScenario, encodeScenario, fromBase64url } from '../../../src/site/runner/url-state.ts';

const sample: RunnerScenario = PLAYGROUND_STARTS[1]!.scenario('zh-cn');

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(
    await new Response(
      new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw')),
    ).arrayBuffer(),
  );
}

describe('encodeScenario / decodeScenario', () => {
  it('round-trips every playground scenario, compressed and in URL-safe characters', async () => {
    for (const start of PLAYGROUND_STARTS) {
      const scenario = start.scenario('en');
      const payload = await encodeScenario(scenario);
      expect(payload).toMatch(/^z[A-Za-z0-9_-]+$/);
      expect(payload.length).toBeLessThan(JSON.stringify(scenario).length);
      expect(await decodeScenario(payload)).toEqual({ ok: true, scenario });
    }
  });

  it('reads the plain-JSON form too', async () => {
    const payload = `j${base64url(new TextEncoder().encode(JSON.stringify(sample)))}`;
    expect(await decodeScenario(payload)).toEqual({ ok: true, scenario: sample });
  });

  it('answers damaged payloads with a reason, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom(...'zjAb09_-+/=%~ ') }), async (text) => {
        const result = await decodeScenario(text);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error).not.toBe('');
      }),
      { numRuns: 300 },
    );
    const good = await encodeScenario(sample);
    for (const cut of [2, good.length >> 1, good.length - 1])
      expect((await decodeScenario(good.slice(0, cut))).ok).toBe(false);
    expect((await decodeScenario(`x${good.slice(1)}`)).ok).toBe(false);
  });

  it('stops a payload that would inflate to megabytes', async () => {
    const bomb = await deflate(new Uint8Array(8 * 1024 * 1024).fill(32));
    const result = await decodeScenario(`z${base64url(bomb)}`);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/inflates to more than/) });
  });
});

describe('parseScenario', () => {
  it('never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseScenario(value);
        if (result.ok) expect(result.scenario.v).toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when fields of a real scenario are replaced by anything', () => {
    const keys = ['k8s', 'kubectl', 'seed', 'cluster', 'steps', 'shownFrom', 'pageSteps', 'title', 'v'];
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.jsonValue(),
        fc.nat(6),
        fc.jsonValue(),
        (key, value, step, stepValue) => {
          const copy = structuredClone(sample) as unknown as Record<string, unknown>;
          copy[key] = value;
          const steps = Array.isArray(copy.steps) ? copy.steps : [];
          if (step < steps.length) steps[step] = stepValue;
          parseScenario(copy);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses what the simulator must not be asked to do', () => {
    const bad = (patch: Partial<Record<string, unknown>>) => parseScenario({ ...sample, ...patch });
    expect(bad({ v: 2 })).toMatchObject({ ok: false, error: expect.stringMatching(/format/) });
    expect(bad({ k8s: '1.99' })).toMatchObject({ ok: false, error: expect.stringMatching(/release/) });
    expect(bad({ steps: [{ kind: 'wait', seconds: LIMITS.seconds + 1 }] })).toMatchObject({ ok: false });
    expect(bad({ steps: Array(30).fill({ kind: 'wait', seconds: 3600 }) })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/hours of virtual time/),
    });
    expect(bad({ steps: Array(LIMITS.steps + 1).fill({ kind: 'at', seconds: 0 }) })).toMatchObject({ ok: false });
    expect(bad({ steps: [{ kind: 'write', file: 'a.yaml', text: 'x'.repeat(LIMITS.fileBytes + 1) }] })).toMatchObject({
      ok: false,
    });
    expect(bad({ steps: [{ kind: 'exec', line: 'rm -rf /' }] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/unknown kind/),
    });
    expect(bad({ steps: [{ kind: 'signal', pod: 'p', signal: 'SIGSTOP' }] })).toMatchObject({ ok: false });
    expect(bad({ steps: [{ kind: 'wait', seconds: Number.NaN }] })).toMatchObject({ ok: false });
  });
});

describe('the state hash', () => {
  it('names the runner and carries the payload; other fragments are not states', async () => {
    const payload = await encodeScenario(sample);
    expect(readStateHash(stateHash('t3', payload))).toEqual({ id: 't3', payload });
    expect(readStateHash('#第-1-步')).toBeUndefined();
    expect(readStateHash('#run:t3:')).toBeUndefined();
    expect(readStateHash('#run:t"3:abc')).toBeUndefined();
  });

  it('base64url round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromBase64url(base64url(bytes))).toEqual(bytes);
      }),
    );
  });
});
