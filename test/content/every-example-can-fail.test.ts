/**
 * The book's promise, tested on the book itself: every page under content/ passes its check, and breaking any one
 * checked example of any page makes the check fail inside that example's block (so `npm run build`, which runs the
 * same check, fails at that page's line). Each example is broken the way an author's slip would break it:
 * - a manifest gets a field the API does not have;
 * - a transcript or explain block gets an output line the cluster never prints, under its first command;
 * - an errors block gets a line the apiserver never prints;
 * - a timeline names a manifest the page does not have.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Example, extractPage } from '../../src/check/extract/index.ts';
import { findPages } from '../../src/check/node/find-pages.ts';
import { checkSource } from '../../src/check/run/index.ts';
import { testPack } from '../manifest/schema/pack-fixture.ts';

const env = { pack: testPack };
const pages = findPages(['content'], process.cwd());

/** The page with one example broken, or undefined when the example is not checked. */
function breakExample(lines: readonly string[], example: Example): string[] | undefined {
  const copy = [...lines];
  const first = example.bodyStart.line - 1; // 0-based index of the block's first body line
  const indent = (copy[first] ?? '').match(/^[ \t>]*/)?.[0] ?? '';
  switch (example.kind) {
    case 'manifest': {
      // an unknown top-level field: strict decoding refuses it
      copy.splice(first, 0, `${indent}podbookBrokenField: 1`);
      return copy;
    }
    case 'transcript':
    case 'explain':
    case 'expected-errors': {
      const firstStep = example.kind === 'expected-errors' ? first - 1 : first + promptOffset(example);
      copy.splice(firstStep + 1, 0, `${indent}podbook: this line is never printed`);
      return copy;
    }
    case 'timeline': {
      const fence = example.fence.line - 1;
      copy[fence] = (copy[fence] ?? '').replace(/file=\S+/, 'file=no-such-manifest.yaml');
      return copy;
    }
    default:
      return undefined; // skipped, ignored and expect=invalid manifests (their errors block is broken instead)
  }
}

/** Body lines up to the end of the first command of a transcript or explain block (0: the block's first line). */
function promptOffset(example: Example): number {
  if (example.kind !== 'transcript' && example.kind !== 'explain') return 0;
  const step = example.steps.find((s) => s.command !== undefined);
  if (!step) return 0;
  return step.line + step.commandLines.length - 1 - example.bodyStart.line;
}

describe('the book', () => {
  it('has pages, and every one passes its check', () => {
    expect(pages.length).toBeGreaterThanOrEqual(16);
    for (const file of pages) {
      const result = checkSource(readFileSync(file, 'utf8'), file, env);
      expect(
        result.failures.map((f) => `${f.file}:${f.line} ${f.code}`),
        file,
      ).toEqual([]);
    }
  });

  describe.each(pages)('%s', (file) => {
    const source = readFileSync(file, 'utf8');
    const lines = source.split('\n');
    const examples = extractPage(source, file).examples;

    it('fails inside any example that is broken', () => {
      let broken = 0;
      for (const example of examples) {
        const mutated = breakExample(lines, example);
        if (!mutated) continue;
        broken++;
        const result = checkSource(mutated.join('\n'), file, env);
        // the block's lines in the mutated page: one line longer, except for a timeline's edited fence
        const from = example.fence.line;
        const to = (example.fence.closeLine ?? from) + 1;
        const inside = result.failures.filter((f) => f.line >= from && f.line <= to);
        expect(
          inside.length,
          `${file}:${from} (${example.kind}) broken, but the check did not fail there`,
        ).toBeGreaterThan(0);
      }
      // pages without checked examples (the home pages, the playground) have nothing to break
      if (/podbook:/.test(source)) expect(broken).toBeGreaterThan(0);
    });
  });
}, 300_000);
