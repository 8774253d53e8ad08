/**
 * The runner replays a page's sessions the way the checker does: for every checked transcript of the fixture
 * pages, the runner's log prints exactly what the page shows (compared with the checker's own matcher).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage, matchOutput, type Step, type TranscriptExample } from '../../../src/check/extract/index.ts';
import { pageScenarios } from '../../../src/site/runner/page-scenarios.ts';
import { runScenario } from '../../../src/site/runner/run.ts';
import { checksAt } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, '../../check/run/fixtures');

/** The steps that produce output, each with the text the page expects (a bare container prompt's text joins the step before). */
function expectedOutputs(example: TranscriptExample): { step: Step; expected: Step['expected'] }[] {
  const out: { step: Step; expected: Step['expected'] }[] = [];
  for (const step of example.steps) {
    if (step.command !== undefined) out.push({ step, expected: [...step.expected] });
    else if (step.where === 'container' && out.length > 0) out[out.length - 1]!.expected.push(...step.expected);
  }
  return out;
}

for (const name of ['never-pull.md', 'restart-always.md']) {
  describe(`the runner replays ${name}`, () => {
    const source = readFileSync(join(FIXTURES, name), 'utf8');
    const page = extractPage(source, name);
    const scenarios = pageScenarios(page);
    const transcripts = page.examples.filter((e): e is TranscriptExample => e.kind === 'transcript');

    it('has a scenario for every transcript', () => {
      expect(transcripts.length).toBeGreaterThan(1);
      expect([...scenarios.keys()]).toEqual(transcripts.map((t) => t.index));
    });

    for (const example of transcripts) {
      it(`prints what the transcript at line ${example.fence.line} shows`, () => {
        const scenario = scenarios.get(example.index)!;
        const result = runScenario(scenario, checksAt('1.26'));
        expect(result.error).toBeUndefined();
        const shown = result.log.filter((e) => e.step >= scenario.shownFrom && e.kind === 'command');
        const expected = expectedOutputs(example);
        expect(shown.map((e) => e.command)).toEqual(expected.map((e) => e.step.command));
        for (const [i, entry] of shown.entries()) {
          const match = matchOutput(expected[i]!.expected, entry.output);
          expect(match.ok, `${entry.command}\n${match.diff}`).toBe(true);
        }
        expect(result.log.filter((e) => e.problem)).toEqual([]);
      });
    }
  });
}
