/**
 * src/site/timeline runs in the reader's browser too (the runnable examples), so it follows the rules
 * test/browser-safety.test.ts sets for the model's layers: relative `.ts` imports only, no Node, no wall clock,
 * no unseeded randomness, no host globals, only erasable TypeScript.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = resolve(import.meta.dirname, '../../../src/site/timeline');

const RULES: [RegExp, string][] = [
  [/\b(?:from|import)\s*\(?\s*['"](?!\.{1,2}\/)[^'"]+['"]/, 'imports a package or Node builtin'],
  [/\bfrom\s*['"]\.{1,2}\/[^'"]*(?<!\.ts)['"]/, 'imports a relative file without the .ts extension'],
  [/\bfrom\s*['"][^'"]*\/node\/[^'"]*['"]/, 'imports a Node-only folder'],
  [/\brequire\s*\(/, 'uses require()'],
  [/\bDate\.now\s*\(|\bnew Date\s*\(\s*\)|\bperformance\.now\s*\(/, 'reads a clock'],
  [/\bMath\.random\s*\(/, 'uses unseeded randomness'],
  [/\b(?:window|document|navigator|localStorage|process|globalThis|Buffer)\s*[.[]/, 'touches a host global'],
  [/\bimport\.meta\b/, 'uses import.meta'],
  [/^\s*(?:export\s+)?(?:const\s+)?enum\s+\w+|^\s*(?:export\s+)?namespace\s+\w+\s*\{/, 'uses non-erasable syntax'],
];

describe('src/site/timeline is browser-safe', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  it('has source files', () => expect(files.length).toBeGreaterThan(5));
  for (const file of files) {
    it(file, () => {
      const problems: string[] = [];
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          for (const [pattern, why] of RULES) if (pattern.test(code)) problems.push(`${file}:${i + 1}: ${why}`);
        });
      expect(problems).toEqual([]);
    });
  }
});
