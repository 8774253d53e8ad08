/**
 * src/check/extract runs in the browser as well as in the checker: no Node, DOM or Astro imports (the `yaml`
 * package and relative `.ts` imports only), no wall clock, no unseeded randomness, no host globals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTRACT_ERROR_CODES } from '../../../src/check/extract/index.ts';

const root = resolve(import.meta.dirname, '../../../src/check/extract');
const files = readdirSync(root).filter((name) => name.endsWith('.ts'));

const FORBIDDEN: [RegExp, string][] = [
  [
    /\b(?:from|import)\s*\(?\s*['"](?!\.{1,2}\/|yaml['"])[^'"]+['"]/,
    'imports something other than yaml or a relative file',
  ],
  [/\bfrom\s*['"]\.{1,2}\/[^'"]*(?<!\.ts)['"]/, 'imports a relative file without the .ts extension'],
  [/\brequire\s*\(/, 'uses require()'],
  [/\bDate\.now\s*\(|\bnew Date\s*\(\s*\)/, 'reads the wall clock'],
  [/\bMath\.random\s*\(/, 'uses unseeded randomness'],
  [/\b(?:window|document|navigator|localStorage|process|globalThis|Buffer)\s*[.[]/, 'touches a host global'],
  [/\bimport\.meta\b/, 'uses import.meta'],
];

describe('src/check/extract purity', () => {
  it('has source files', () => expect(files.length).toBeGreaterThan(10));
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

describe('SYNTAX.md', () => {
  const doc = readFileSync(join(root, 'SYNTAX.md'), 'utf8');
  it('documents every error code', () => {
    expect(EXTRACT_ERROR_CODES.filter((code) => !new RegExp(`^\\| \`${code}\` +\\|`, 'm').test(doc))).toEqual([]);
  });

  it('is itself a page whose example blocks extract without surprises', async () => {
    const { extractPage } = await import('../../../src/check/extract/index.ts');
    const result = extractPage(doc, 'SYNTAX.md');
    // The examples are shown inside ````markdown blocks, so the page itself has no checked blocks.
    expect(result.examples.filter((e) => e.kind !== 'ignored')).toEqual([]);
    expect(result.errors).toEqual([]);
  });
});
