/** A page's transcripts become runner scenarios as the checker groups them: one session per scenario and release. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage, type TranscriptExample } from '../../../src/check/extract/index.ts';
import { pageScenarios, TRANSCRIPT_FENCE } from '../../../src/site/runner/page-scenarios.ts';
import { runScenario } from '../../../src/site/runner/run.ts';
import { parseScenario } from '../../../src/site/runner/scenario-shape.ts';
import { checksAt } from './helpers.ts';

const path = join(import.meta.dirname, 'fixtures/sessions.mdx');
const source = readFileSync(path, 'utf8');
const page = extractPage(source, 'sessions.mdx');
const transcripts = page.examples.filter((e): e is TranscriptExample => e.kind === 'transcript');
const scenarios = pageScenarios(page);

describe('pageScenarios', () => {
  it('gives every checked transcript a scenario, and none to the skipped one', () => {
    expect(transcripts).toHaveLength(4);
    expect(page.examples.some((e) => e.kind === 'skipped')).toBe(true);
    expect([...scenarios.keys()]).toEqual(transcripts.map((t) => t.index));
  });

  it('carries the session so far: the file, the earlier blocks of the same scenario, then the block itself', () => {
    const [apply, get, other, last] = transcripts.map((t) => scenarios.get(t.index)!);
    expect(apply?.steps.map((s) => s.kind)).toEqual(['write', 'run', 'wait']);
    expect(apply?.shownFrom).toBe(1);
    expect(get?.steps.map((s) => s.kind)).toEqual(['write', 'run', 'wait', 'run']);
    expect(get?.shownFrom).toBe(3);
    expect(last?.steps.filter((s) => s.kind === 'run')).toHaveLength(3);
    // another scenario is another session: no file, its own seed
    expect(other?.steps).toEqual([{ kind: 'run', line: 'kubectl get pods', prompt: '$ ' }]);
    expect(other?.seed).toBe(4);
    expect(get?.seed).toBe(3);
    for (const s of [apply, get, other, last]) expect(s?.pageSteps).toBe(s?.steps.length);
  });

  it('makes scenarios that survive the trip through JSON and parseScenario', () => {
    for (const s of scenarios.values()) {
      const parsed = parseScenario(JSON.parse(JSON.stringify(s)));
      expect(parsed).toEqual({ ok: true, scenario: s });
    }
  });

  it('replays the fenced blocks inside MDX tabs like the checker (same output)', () => {
    const get = transcripts[1]!;
    const result = runScenario(scenarios.get(get.index)!, checksAt('1.30'));
    const last = result.log.filter((e) => e.kind === 'command').at(-1);
    expect(last?.output).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          10s\n');
  });

  it('finds transcript fences cheaply, and nothing in a page without one', () => {
    expect(TRANSCRIPT_FENCE.test(source)).toBe(true);
    expect(TRANSCRIPT_FENCE.test('```yaml file=a.yaml\nkind: Pod\n```\n')).toBe(false);
    expect(TRANSCRIPT_FENCE.test('> ~~~shell-session\n> $ ls\n> ~~~\n')).toBe(true);
  });
});
