/**
 * src/check/run runs in the browser as well as in the CLI and the build: relative `.ts` imports only (schema packs
 * and the terminal come from the caller), no wall clock, no unseeded randomness, no host globals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../src/check/run');
const files = readdirSync(root).filter((name) => name.endsWith('.ts'));

const FORBIDDEN: [RegExp, string][] = [
  [/\b(?:from|import)\s*\(?\s*['"](?!\.{1,2}\/)[^'"]+['"]/, 'imports a package or a Node builtin'],
  [/\bfrom\s*['"]\.{1,2}\/[^'"]*(?<!\.ts)['"]/, 'imports a relative file without the .ts extension'],
  [/\bfrom\s*['"][^'"]*\/node\/[^'"]*['"]/, 'imports a Node-only folder'],
  [/\brequire\s*\(/, 'uses require()'],
  [/\bDate\.now\s*\(|\bnew Date\s*\(\s*\)|\bperformance\.now\s*\(/, 'reads a clock'],
  [/\bMath\.random\s*\(/, 'uses unseeded randomness'],
  [/\b(?:window|document|navigator|localStorage|process|globalThis|Buffer)\s*[.[]/, 'touches a host global'],
  [/\bimport\.meta\b/, 'uses import.meta'],
];

describe('src/check/run purity', () => {
  it('has source files', () => expect(files.length).toBeGreaterThan(5));
  for (const file of files) {
    it(file, () => {
      const problems: string[] = [];
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          for (const [pattern, why] of FORBIDDEN) if (pattern.test(code)) problems.push(`${file}:${i + 1}: ${why}`);
        });
      expect(problems).toEqual([]);
    });
  }
});
