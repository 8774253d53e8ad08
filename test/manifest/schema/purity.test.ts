/**
 * The pure parts of schema/ and structural/ run in the browser: relative imports only, no host globals.
 * schema/node/ is the Node-only loader and is exempt.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../../../src/manifest');
const roots = [join(src, 'schema'), join(src, 'structural')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/\b(?:from|import)\s*\(?\s*['"](?!\.{1,2}\/)[^'"]+['"]/, 'imports a package or Node builtin'],
  [/\brequire\s*\(/, 'uses require()'],
  [/\b(?:window|document|process|Buffer)\s*[.[]/, 'touches a host global'],
  [/\bimport\.meta\b/, 'uses import.meta'],
  [/from\s+['"][^'"]*\/node\//, 'imports the Node-only loader'],
];

describe('browser-safe schema and structural code', () => {
  const files = roots.flatMap(sourceFiles);
  it('has source files', () => expect(files.length).toBeGreaterThan(10));
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
