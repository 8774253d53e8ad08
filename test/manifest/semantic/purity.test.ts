/** semantic/ and render/ run in the browser: relative `.ts` imports only, no host globals, no clocks or randomness. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../../../src/manifest');
const files = ['semantic', 'render'].flatMap((dir) =>
  readdirSync(join(src, dir))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(src, dir, name)),
);

const FORBIDDEN: [RegExp, string][] = [
  [/\b(?:from|import)\s*\(?\s*['"](?!\.{1,2}\/)[^'"]+['"]/, 'imports a package or Node builtin'],
  [/\bfrom\s+['"]\.{1,2}\/[^'"]*(?<!\.ts)['"]/, 'imports without the .ts extension'],
  [/\brequire\s*\(/, 'uses require()'],
  [/\b(?:window|document|process|Buffer|globalThis)\s*[.[]/, 'touches a host global'],
  [/\bimport\.meta\b/, 'uses import.meta'],
  [/\bDate\.now\b|\bnew Date\b|\bMath\.random\b/, 'reads the clock or randomness'],
  [/\benum\s+\w+|\bnamespace\s+\w+\s*\{/, 'uses non-erasable syntax'],
];

describe('browser-safe semantic and render code', () => {
  it('has source files', () => expect(files.length).toBeGreaterThan(20));
  for (const file of files) {
    it(relative(src, file), () => {
      const problems: string[] = [];
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          for (const [pattern, why] of FORBIDDEN) {
            if (pattern.test(code)) problems.push(`${relative(src, file)}:${i + 1}: ${why}: ${line.trim()}`);
          }
        });
      expect(problems).toEqual([]);
    });
  }
});
