/**
 * Runs every case of every vector file in a folder (PODBOOK_VECTORS_DIR, default ../shared/vectors) through the
 * adapter registered for that file. A file without an adapter fails; a case that does not match fails, unless it
 * is listed in disputed.json with the Kubernetes source that contradicts it (then it must still differ).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ADAPTERS, NOT_YET_COVERED } from './adapters/index.ts';

interface Dispute {
  file: string;
  case: string;
  reason: string;
  source: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..', '..');
const vectorsDir = resolve(projectRoot, process.env.PODBOOK_VECTORS_DIR ?? '../shared/vectors');
const disputes: Dispute[] = JSON.parse(readFileSync(join(here, 'disputed.json'), 'utf8'));

const summary: string[] = [];
afterAll(() => {
  console.log(`conformance vectors from ${vectorsDir}\n${summary.join('\n')}`);
});

describe('vector folder', () => {
  it('exists and holds vector files', () => {
    expect(existsSync(vectorsDir), `no folder ${vectorsDir} (set PODBOOK_VECTORS_DIR)`).toBe(true);
    expect(vectorFiles().length).toBeGreaterThan(0);
  });
});

function vectorFiles(): string[] {
  if (!existsSync(vectorsDir)) return [];
  return readdirSync(vectorsDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

for (const file of vectorFiles()) {
  const adapter = ADAPTERS.find((a) => a.file === file);
  if (!adapter) {
    const pending = NOT_YET_COVERED[file];
    if (pending) {
      summary.push(`${file}: not yet covered (${pending})`);
      it.todo(`${file}: not yet covered (${pending})`);
    } else {
      it(`${file} has an adapter`, () => {
        expect.fail(`no adapter for vector file ${file}: add one in test/conformance/adapters/`);
      });
    }
    continue;
  }
  describe(file, () => {
    const doc: unknown = JSON.parse(readFileSync(join(vectorsDir, file), 'utf8'));
    const cases = adapter.cases(doc);
    let passed = 0;
    let disputed = 0;
    afterAll(() => {
      const extra = disputed ? `, ${disputed} disputed (see test/conformance/disputed.json)` : '';
      summary.push(`${file}: ${passed}/${cases.length} passed${extra} [${adapter.versionNote}]`);
    });
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    cases.forEach((c, i) => {
      const name = adapter.caseName(c, i);
      const dispute = disputes.find((d) => d.file === file && d.case === name);
      it(name, () => {
        const { actual, expected } = adapter.run(c);
        if (dispute) {
          // A disputed case must still differ: if the model now agrees, the dispute is stale.
          expect(actual, `disputed case now matches; remove it from disputed.json`).not.toEqual(expected);
          disputed++;
          return;
        }
        expect(actual).toEqual(expected);
        passed++;
      });
    });
  });
}
