/**
 * The layers that run in the reader's browser as well as in the checker (src/k8s, src/sim, most of src/manifest,
 * src/check/extract, src/check/run, src/site/timeline and the runner's model side) must stay host-free and deterministic: relative `.ts` imports only (plus the
 * few npm packages a layer may use), no Node-only folder, no wall clock, no unseeded randomness, no host globals,
 * only erasable TypeScript. This test reads every source file of those layers and fails on any such use.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

/**
 * Each browser-safe layer, the npm packages it may import, the Node-only subfolders it leaves out, and, where only
 * some files of a folder are pure, which ones.
 */
const LAYERS: { dir: string; packages: string[]; skip?: string[]; only?: string[] }[] = [
  { dir: 'src/k8s', packages: [] },
  { dir: 'src/sim', packages: [] },
  { dir: 'src/manifest', packages: ['yaml'], skip: ['src/manifest/schema/node'] },
  { dir: 'src/check/extract', packages: ['yaml'] },
  { dir: 'src/check/run', packages: [] },
  // The timeline charts are drawn by the checker's build and by the runnable examples in the browser.
  { dir: 'src/site/timeline', packages: [] },
  // The runner's model side: what a replay and its state are made of. (The panel, the loader and the editor are
  // DOM code, tested in the browser by test/e2e/runner.)
  {
    dir: 'src/site/runner',
    packages: [],
    skip: ['src/site/runner/build'],
    only: [
      'actions.ts',
      'compact-pack.ts',
      'checks/answered.ts',
      'checks/diagnostics.ts',
      'checks/key.ts',
      'checks/live.ts',
      'checks/recording.ts',
      'checks/types.ts',
      'images.ts',
      'page-scenarios.ts',
      'playground-scenarios.ts',
      'process-control.ts',
      'run.ts',
      'scenario-shape.ts',
      'scenario.ts',
      'schema-url.ts',
      'state-hash.ts',
    ],
  },
];

function sourceFiles(dir: string, skip: string[]): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (skip.includes(path)) return [];
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path, skip);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function rules(packages: string[]): [RegExp, string][] {
  const allowed = packages.map((p) => `${p}['"]`).join('|');
  const imports = new RegExp(
    `\\b(?:from|import)\\s*\\(?\\s*['"](?!\\.{1,2}/${allowed ? `|${allowed}` : ''})[^'"]+['"]`,
  );
  return [
    [imports, `imports a package or Node builtin (allowed: relative files${packages.map((p) => `, ${p}`).join('')})`],
    [/\bfrom\s*['"]\.{1,2}\/[^'"]*(?<!\.ts)['"]/, 'imports a relative file without the .ts extension'],
    [/\bfrom\s*['"][^'"]*\/node\/[^'"]*['"]/, 'imports a Node-only folder'],
    [/\brequire\s*\(/, 'uses require()'],
    [/\bDate\.now\s*\(|\bnew Date\s*\(\s*\)|\bperformance\.now\s*\(/, 'reads a clock'],
    [/\bMath\.random\s*\(/, 'uses unseeded randomness'],
    [/\b(?:window|document|navigator|localStorage|process|globalThis|Buffer)\s*[.[]/, 'touches a host global'],
    [/\bimport\.meta\b/, 'uses import.meta'],
    [/^\s*(?:export\s+)?(?:const\s+)?enum\s+\w+|^\s*(?:export\s+)?namespace\s+\w+\s*\{/, 'uses non-erasable syntax'],
  ];
}

for (const layer of LAYERS) {
  describe(`${layer.dir} is browser-safe`, () => {
    const all = sourceFiles(layer.dir, layer.skip ?? []);
    const files = layer.only ? all.filter((f) => layer.only?.includes(relative(layer.dir, f))) : all;
    if (layer.only) it('lists only files that exist', () => expect(files.length).toBe(layer.only?.length));
    const forbidden = rules(layer.packages);
    it('has source files', () => expect(files.length).toBeGreaterThan(0));
    for (const file of files) {
      it(relative(layer.dir, file), () => {
        const problems: string[] = [];
        readFileSync(join(root, file), 'utf8')
          .split('\n')
          .forEach((line, i) => {
            const code = line.replace(/\/\/.*$/, '');
            for (const [pattern, why] of forbidden) {
              if (pattern.test(code)) problems.push(`${file}:${i + 1}: ${why}: ${line.trim()}`);
            }
          });
        expect(problems).toEqual([]);
      });
    }
  });
}
