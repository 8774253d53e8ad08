/** Shared helpers for the runner tests: playground scenarios, replays and the rows of `kubectl get pods`. */
import type { Pod } from '../../../src/k8s/api/types.ts';
import { parseMinor } from '../../../src/k8s/version/index.ts';
import { liveChecks } from '../../../src/site/runner/checks/live.ts';
import type { RunnerChecks } from '../../../src/site/runner/checks/types.ts';
import { PLAYGROUND_STARTS } from '../../../src/site/runner/playground-scenarios.ts';
import { type RunResult, runScenario, viewCommand } from '../../../src/site/runner/run.ts';
import { fileText, type RunnerScenario, withFileText } from '../../../src/site/runner/scenario.ts';
import { testPack } from '../../manifest/schema/pack-fixture.ts';

export function start(id: string, locale: 'zh-cn' | 'en' = 'en'): RunnerScenario {
  const found = PLAYGROUND_STARTS.find((s) => s.id === id);
  if (!found) throw new Error(`no playground scenario ${id}`);
  return found.scenario(locale);
}

/** The validator's checks at a release (`1.35`), with the test schema pack. */
export function checksAt(release: string): RunnerChecks {
  return liveChecks(testPack(parseMinor(release)), release);
}

export function run(scenario: RunnerScenario): RunResult {
  return runScenario(scenario, checksAt(scenario.k8s));
}

/** The scenario with one line of its only file replaced (fails the test when the text is not there). */
export function edit(scenario: RunnerScenario, from: string, to: string): RunnerScenario {
  const file = scenario.steps.find((s) => s.kind === 'write');
  if (file?.kind !== 'write') throw new Error('the scenario writes no file');
  const text = fileText(scenario, file.file) ?? '';
  if (!text.includes(from)) throw new Error(`"${from}" is not in ${file.file}`);
  return withFileText(scenario, file.file, text.replace(from, to));
}

/** `kubectl get pods` at the end of the run, as [name, ready, status, restarts] rows. */
export function rows(result: RunResult): string[][] {
  return viewCommand(result, 'kubectl get pods')
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split(/ {2,}/).slice(0, 4));
}

export function pod(result: RunResult, name: string): Pod {
  const p = result.cluster?.getPod(name);
  if (!p) throw new Error(`no pod ${name}`);
  return p;
}

export function problems(result: RunResult): string[] {
  return result.log.filter((e) => e.problem).map((e) => e.output);
}
