/**
 * The runner's model-side modules run the simulator in the reader's browser, so they follow the rules of the
 * model's layers (test/browser-safety.test.ts): relative `.ts` imports only, no Node, no wall clock, no unseeded
 * randomness, no host globals, only erasable TypeScript. (The panel, the loader and the editor are DOM code and
 * are tested in the browser, test/e2e/runner.)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = resolve(import.meta.dirname, '../../../src/site/runner');

/** Pure modules: what a replay and its state are made of. */
const PURE = [
  'actions.ts',
  'compact-pack.ts',
  'diagnostics.ts',
  'images.ts',
  'page-scenarios.ts',
  'playground-scenarios.ts',
  'process-control.ts',
  'run.ts',
  'scenario-shape.ts',
  'scenario.ts',
  'schema-url.ts',
  'state-hash.ts',
];

const RULES: [RegExp, string][] = [
  [/\b(?:from|import)\s*\(?\s*['"](?!\.{1,2}\/)[^'"]+['"]/, 'imports a package or Node builtin'],
  [/\bfrom\s*['"]\.{1,2}\/[^'"]*(?<!\.ts)['"]/, 'imports a relative file without the .ts extension'],
  [/\bfrom\s*['"][^'"]*\/node\/[^'"]*['"]/, 'imports a Node-only folder'],
  [/\brequire\s*\(/, 'uses require()'],
  [/\bDate\.now\s*\(|\bnew Date\s*\(|\bperformance\.now\s*\(/, 'reads a clock'],
  [/\bMath\.random\s*\(/, 'uses unseeded randomness'],
  [/\b(?:window|document|navigator|localStorage|location|process|globalThis|Buffer)\s*[.[]/, 'touches a host global'],
  [/\bimport\.meta\b/, 'uses import.meta'],
  [/^\s*(?:export\s+)?(?:const\s+)?enum\s+\w+|^\s*(?:export\s+)?namespace\s+\w+\s*\{/, 'uses non-erasable syntax'],
];

describe('src/site/runner model-side modules are browser-safe and deterministic', () => {
  for (const file of PURE) {
    it(file, () => {
      const problems: string[] = [];
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          for (const [rule, why] of RULES)
            if (rule.test(code)) problems.push(`${file}:${i + 1}: ${why}: ${line.trim()}`);
        });
      expect(problems).toEqual([]);
    });
  }
});
