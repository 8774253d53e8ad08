/**
 * src/sim must run unchanged in the browser and in the checker: no Node, DOM, Astro or third-party imports,
 * and no wall clock or unseeded randomness. This test reads every source file and fails on any such use.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../src/sim');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [
    /\b(?:from|import)\s*\(?\s*['"](?!\.{1,2}\/)[^'"]+['"]/,
    'imports a package or Node builtin (only relative imports are allowed)',
  ],
  [/\brequire\s*\(/, 'uses require()'],
  [/\bDate\.now\s*\(|\bnew Date\s*\(\s*\)/, 'reads the wall clock'],
  [/\bMath\.random\s*\(/, 'uses unseeded randomness'],
  [/\b(?:window|document|navigator|localStorage|process|globalThis|Buffer)\s*[.[]/, 'touches a host global'],
  [/\bimport\.meta\b/, 'uses import.meta'],
];

describe('src/sim purity', () => {
  const files = sourceFiles(root);
  it('has source files', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(relative(root, file), () => {
      const lines = readFileSync(file, 'utf8').split('\n');
      const problems: string[] = [];
      lines.forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        for (const [pattern, why] of FORBIDDEN) {
          if (pattern.test(code)) problems.push(`${relative(root, file)}:${i + 1}: ${why}: ${line.trim()}`);
        }
      });
      expect(problems).toEqual([]);
    });
  }
});
