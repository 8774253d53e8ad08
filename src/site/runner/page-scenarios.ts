/**
 * The runnable scenario of every checked transcript of a page, read from the page source the way the checker
 * reads it (src/check/run/check-page.ts): the manifests and transcripts of one scenario at one release form a
 * session in page order, so a transcript's scenario is its session's settings plus every file written and
 * command typed up to the end of that transcript. Pure (runs at build time; no Node APIs).
 */
import type { Directive, ExtractedPage, ResolvedScenario, TranscriptExample } from '../../check/extract/types.ts';
import { type RunnerScenario, type RunnerStep, SCENARIO_FORMAT } from './scenario.ts';

/** A transcript fence anywhere in a page (`console`, `shellsession`, `shell-session`): a cheap test first. */
export const TRANSCRIPT_FENCE =
  /^[ \t>*+\-\d.]*(?:`{3,}|~{3,})[ \t]*(?:console|shellsession|shell-session)(?:[ \t]|$)/m;

/** Which session an example belongs to, as the checker keys it (src/check/run/session.ts sessionKey). */
function sessionKey(scenario: ResolvedScenario): string {
  return `${scenario.name}@${scenario.k8s ?? ''}`;
}

function directiveSteps(list: readonly Directive[]): RunnerStep[] {
  const out: RunnerStep[] = [];
  for (const d of list) {
    if (d.kind === 'wait') out.push({ kind: 'wait', seconds: d.seconds });
    else if (d.kind === 'at') out.push({ kind: 'at', seconds: d.seconds });
    // `#@ on` only chose the host of the `$ ` prompts after it; the extraction put that host on the steps.
  }
  return out;
}

/** A transcript's steps as the runner replays them. */
export function transcriptSteps(example: TranscriptExample): RunnerStep[] {
  const out: RunnerStep[] = [];
  for (const step of example.steps) {
    out.push(...directiveSteps(step.before));
    if (step.command !== undefined) {
      const run: RunnerStep = { kind: 'run', line: step.command, prompt: step.prompt };
      if (step.where === 'container') run.container = true;
      else if (step.node !== undefined) run.host = step.node;
      out.push(run);
    }
    out.push(...directiveSteps(step.during));
  }
  out.push(...directiveSteps(example.trailing));
  return out;
}

/** The runner scenario of each checked transcript of the page, by example index. */
export function pageScenarios(page: ExtractedPage): Map<number, RunnerScenario> {
  const sessions = new Map<string, RunnerStep[]>();
  const out = new Map<number, RunnerScenario>();
  for (const example of page.examples) {
    if (example.kind !== 'manifest' && example.kind !== 'invalid-manifest' && example.kind !== 'transcript') continue;
    const { scenario } = example;
    if (scenario.k8s === undefined) continue; // K8S_VERSION_MISSING: the check fails the page
    const key = sessionKey(scenario);
    const steps = sessions.get(key) ?? [];
    sessions.set(key, steps);
    if (example.kind !== 'transcript') {
      steps.push({ kind: 'write', file: example.file, text: example.body });
      continue;
    }
    const shownFrom = steps.length;
    steps.push(...transcriptSteps(example));
    const runner: RunnerScenario = {
      v: SCENARIO_FORMAT,
      k8s: scenario.k8s,
      cluster: structuredClone(scenario.cluster ?? {}),
      steps: structuredClone(steps),
      shownFrom,
      pageSteps: steps.length,
    };
    if (scenario.kubectl !== undefined && scenario.kubectl !== scenario.k8s) runner.kubectl = scenario.kubectl;
    if (scenario.seed !== undefined) runner.seed = scenario.seed;
    out.set(example.index, runner);
  }
  return out;
}
