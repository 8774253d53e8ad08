/**
 * What the manifest pipeline says of a runner's scenarios, worked out at build time and stored in the page
 * (`data-answers`), so that opening a runnable example replays it without loading the validator, the YAML
 * parser or a schema pack (src/site/runner/checks/answered.ts). Each scenario is replayed once here with the
 * validator, every question it asks recorded, plus the editor's diagnostics of each of its files. The validator
 * gets the compact pack the browser would fetch, so a stored answer is what the browser would have computed.
 * Node-side (build time).
 */
import { kubeVersion } from '../../../k8s/version/index.ts';
import { type SchemaPack, SchemaPackError } from '../../../manifest/schema/index.ts';
import { loadSchemaPackSync } from '../../../manifest/schema/node/index.ts';
import { liveChecks } from '../checks/live.ts';
import { recordingChecks } from '../checks/recording.ts';
import { type CheckAnswers, emptyAnswers } from '../checks/types.ts';
import { compactPack, readPack } from '../compact-pack.ts';
import { runScenario } from '../run.ts';
import { fileNames, fileText, type RunnerScenario } from '../scenario.ts';

const packs = new Map<number, SchemaPack>();

/** The pack the browser gets for a release: compacted, sent as JSON and read back. */
function browserPack(minor: number): SchemaPack {
  let pack = packs.get(minor);
  if (!pack) {
    pack = readPack(JSON.parse(JSON.stringify(compactPack(loadSchemaPackSync(minor)))), minor);
    packs.set(minor, pack);
  }
  return pack;
}

/** The answers to every question replaying these scenarios (at their own releases) asks. */
export function checkAnswers(scenarios: Iterable<RunnerScenario>): CheckAnswers {
  const answers = emptyAnswers();
  for (const scenario of scenarios) {
    const checks = recordingChecks(liveChecks(browserPack(kubeVersion(scenario.k8s).minor), scenario.k8s), answers);
    runScenario(scenario, checks);
    for (const file of fileNames(scenario)) {
      const text = fileText(scenario, file) ?? '';
      checks.readFile(text, file); // the images it names (the panel's image table)
      checks.diagnostics(text, file);
    }
  }
  return answers;
}

/**
 * The answers a page stores for its runner (`where` names it in errors). Without the release's schema (a build
 * with `PODBOOK_CHECK=off` and no OpenAPI documents) there are none: the runner then loads the validator at once.
 */
export function storedAnswers(scenarios: Iterable<RunnerScenario>, where: string): CheckAnswers | undefined {
  try {
    return checkAnswers(scenarios);
  } catch (error) {
    if (error instanceof SchemaPackError) return undefined;
    throw new Error(`${where}: could not replay the runnable example to store the validator's answers`, {
      cause: error,
    });
  }
}
