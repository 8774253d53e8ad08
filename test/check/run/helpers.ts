/** Shared helpers for the checker tests: the fixture pages, and checkSource with the test schema packs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CheckOptions, checkSource, type PageCheck } from '../../../src/check/run/index.ts';
import { testPack } from '../../manifest/schema/pack-fixture.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function check(source: string, file = 'page.md', options: CheckOptions = {}): PageCheck {
  return checkSource(source, file, { pack: testPack }, options);
}

/** `line:col CODE` of every failure, for compact assertions. */
export function where(result: PageCheck): string[] {
  return result.failures.map((f) => `${f.line}:${f.col} ${f.code}`);
}

/** The 1-based line of the first line of `source` equal to `text` (fails the test when there is none). */
export function lineOf(source: string, text: string, from = 1): number {
  const index = source.split('\n').findIndex((line, i) => i + 1 >= from && line === text);
  if (index === -1) throw new Error(`no line ${JSON.stringify(text)} in the page`);
  return index + 1;
}

/** Replaces exactly one occurrence of `from` (fails the test when it is missing or not unique). */
export function mutate(source: string, from: string, to: string): string {
  const at = source.indexOf(from);
  if (at === -1 || source.indexOf(from, at + 1) !== -1) throw new Error(`"${from}" is not in the page exactly once`);
  return source.slice(0, at) + to + source.slice(at + from.length);
}

/** A page with a 1.26 cluster of one control-plane node and one worker, followed by `body` lines. */
export function page(body: string[], extra: string[] = []): string {
  return [
    '---',
    'podbook:',
    '  k8s: "1.26"',
    '  seed: 1',
    '  cluster:',
    '    start: 2024-01-01T00:00:00Z',
    '    nodes:',
    '      - name: cp',
    '        roles: [control-plane]',
    '      - name: worker',
    ...extra,
    '---',
    '',
    ...body,
    '',
  ].join('\n');
}
