/**
 * The validator's answers a page stores for its runners (src/site/runner/build/check-answers.ts): a replay from
 * them prints exactly what a replay with the validator prints, asks nothing they lack, and anything new (an edited
 * manifest, another release) is reported as missed rather than answered wrongly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/check/extract/index.ts';
import { checkAnswers } from '../../../src/site/runner/build/check-answers.ts';
import { answeredChecks, readAnswers } from '../../../src/site/runner/checks/answered.ts';
import { fileKey, objectKey } from '../../../src/site/runner/checks/key.ts';
import { pageScenarios } from '../../../src/site/runner/page-scenarios.ts';
import { PLAYGROUND_STARTS } from '../../../src/site/runner/playground-scenarios.ts';
import { runScenario } from '../../../src/site/runner/run.ts';
import { fileNames, fileText, type RunnerScenario, withVersion } from '../../../src/site/runner/scenario.ts';
import { checksAt, edit, start } from './helpers.ts';

const ROOT = join(import.meta.dirname, '../../..');

/** Every runner of the book: each checked transcript of each page, and the playground's starts. */
function bookScenarios(): [string, RunnerScenario][] {
  const dir = join(ROOT, 'content');
  const pages = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
  const out: [string, RunnerScenario][] = [];
  for (const file of pages.sort()) {
    const page = extractPage(readFileSync(join(ROOT, file), 'utf8'), file);
    for (const [index, scenario] of pageScenarios(page)) out.push([`${file} #${index}`, scenario]);
  }
  for (const s of PLAYGROUND_STARTS)
    for (const locale of ['en', 'zh-cn'] as const) out.push([`playground ${s.id} ${locale}`, s.scenario(locale)]);
  return out;
}

/** What a replay prints, step by step. */
function transcript(scenario: RunnerScenario, checks: Parameters<typeof runScenario>[1]): string[] {
  const result = runScenario(scenario, checks);
  return [result.error ?? '', ...result.log.map((e) => `${e.step} ${e.at} ${e.command ?? ''}\n${e.output}`)];
}

describe('stored validator answers', () => {
  const scenarios = bookScenarios();

  it('cover the whole book', () => expect(scenarios.length).toBeGreaterThan(40));

  for (const [name, scenario] of scenarios) {
    it(`replay ${name} as the validator does, asking nothing they lack`, () => {
      const stored = readAnswers(JSON.parse(JSON.stringify(checkAnswers([scenario]))));
      const answered = answeredChecks(stored, scenario.k8s);
      expect(transcript(scenario, answered)).toEqual(transcript(scenario, checksAt(scenario.k8s)));
      for (const file of fileNames(scenario)) {
        const text = fileText(scenario, file) ?? '';
        expect(answered.diagnostics(text, file)).toEqual(checksAt(scenario.k8s).diagnostics(text, file));
      }
      expect(answered.missed).toBe(false);
    });
  }

  it('report an edited manifest and another release as missed', () => {
    const scenario = start('pull-policy');
    const stored = checkAnswers([scenario]);
    const edited = answeredChecks(stored, scenario.k8s);
    runScenario(edit(scenario, 'IfNotPresent', 'Never'), edited);
    expect(edited.missed).toBe(true);
    const other = withVersion(scenario, scenario.k8s === '1.30' ? '1.31' : '1.30');
    const released = answeredChecks(stored, other.k8s);
    runScenario(other, released);
    expect(released.missed).toBe(true);
  });

  it('are keyed by release, file name and text', () => {
    expect(fileKey('file', '1.35', 'a.yaml', 'x')).toBe(fileKey('file', '1.35', 'a.yaml', 'x'));
    const keys = [
      fileKey('file', '1.35', 'a.yaml', 'x'),
      fileKey('file', '1.34', 'a.yaml', 'x'),
      fileKey('file', '1.35', 'b.yaml', 'x'),
      fileKey('file', '1.35', 'a.yaml', 'y'),
      fileKey('diagnostics', '1.35', 'a.yaml', 'x'),
      objectKey('1.35', { a: 1 }),
      objectKey('1.35', { a: 2 }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('read anything that is not their shape as none', () => {
    for (const value of [undefined, null, 3, 'x', [], { files: [] }, { files: 'x', objects: null }]) {
      expect(readAnswers(value)).toEqual({ files: {}, objects: {}, diagnostics: {} });
    }
    const checks = answeredChecks(readAnswers(null), '1.35');
    expect(checks.readFile('kind: Pod', 'a.yaml')).toEqual({ objects: [] });
    expect(checks.missed).toBe(true);
  });
});
