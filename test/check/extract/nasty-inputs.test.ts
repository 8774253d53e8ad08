/**
 * Bad and hostile input never throws and never hangs: CRLF, tabs, unterminated fences, 10,000-line pages,
 * binary garbage, token soup, pathological wildcards. Plus two properties over random transcripts: every error
 * position lies inside the page, and `--update` output always matches what it was updated to.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Example,
  type ExtractedPage,
  escapeOutputLine,
  extractPage,
  matchOutput,
  rewriteExpected,
} from '../../../src/check/extract/index.ts';
import { only, page } from './helpers.ts';

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function positionsInside(result: ExtractedPage, source: string): void {
  const lines = source.split(/\r\n|\r|\n/).length + 1;
  for (const e of result.errors) {
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.line).toBeLessThanOrEqual(lines);
    expect(e.col).toBeGreaterThanOrEqual(1);
    expect(e.message.length).toBeGreaterThan(0);
  }
}

const seedFixture = readFileSync(join(import.meta.dirname, 'fixtures/errimageneverpull.md'), 'utf8');

describe('line endings and tabs', () => {
  it('reads a CRLF copy of a page exactly like the LF original', () => {
    const lf = extractPage(seedFixture, 'p.md');
    const crlf = extractPage(seedFixture.replace(/\n/g, '\r\n'), 'p.md');
    expect(crlf.errors).toEqual(lf.errors);
    const shape = (r: ExtractedPage) =>
      r.examples.map((e) => [e.kind, e.fence.line, e.body, 'steps' in e ? e.steps : 0]);
    expect(shape(crlf)).toEqual(shape(lf));
    expect(crlf.examples[4]?.lines[0]?.eol).toBe('\r\n');
  });

  it('reads a page with a lone-CR line ending (old Mac) the same way too', () => {
    const cr = extractPage(seedFixture.replace(/\n/g, '\r'), 'p.md');
    expect(cr.examples.map((e) => e.kind)).toEqual(extractPage(seedFixture, 'p.md').examples.map((e) => e.kind));
  });

  it('keeps tabs inside output lines and commands', () => {
    const t = only(page(['```console', '$ printf "a\\tb"\t', 'a\tb', '```']), 'transcript');
    expect(t.steps[0]?.command).toBe('printf "a\\tb"');
    expect(t.steps[0]?.expected[0]?.source).toBe('a\tb');
  });
});

describe('unterminated fences', () => {
  it('reports a checkable block left open at the end of the page and does not check it', () => {
    const result = page([
      '```console',
      '$ kubectl get pods',
      'No resources found',
      '',
      '## Next',
      '```yaml file=a.yaml',
    ]);
    expect(result.errors.map((e) => [e.code, e.line, e.col])).toEqual([['FENCE_UNTERMINATED', 5, 1]]);
    expect(result.examples).toHaveLength(1);
    expect(result.examples[0]).toMatchObject({ kind: 'ignored', unterminated: true });
    expect(result.examples[0]?.body).toContain('```yaml file=a.yaml');
  });

  it('reports an unterminated plain block without calling it checkable', () => {
    const result = page(['~~~sh', 'ls']);
    expect(result.examples[0]).toMatchObject({ kind: 'ignored', unterminated: false });
    expect(result.errors.map((e) => e.code)).toEqual(['FENCE_UNTERMINATED']);
  });
});

describe('size', () => {
  it('extracts a 10,000-line page with 1,000 transcripts in well under a few seconds', () => {
    const lines: string[] = ['---', 'podbook:', '  k8s: "1.26"', '---'];
    for (let i = 0; lines.length < 10_000; i++) {
      lines.push(
        `Step ${i}:`,
        '',
        '```console',
        `$ kubectl get pod p-${i}`,
        'NAME   READY   STATUS',
        `p-${i}   1/1     Running`,
        `#: pod ${i}`,
        '```',
        '',
      );
    }
    const source = lines.join('\n');
    const started = performance.now();
    const result = extractPage(source, 'big.md');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result.errors).toEqual([]);
    expect(result.examples.length).toBeGreaterThan(1000);
  });

  it('handles one 10,000-line transcript and matches its output', () => {
    const output = Array.from({ length: 10_000 }, (_, i) => `line ${i} [AGE]`);
    const result = page(['```console', '$ kubectl logs big', ...output, '```']);
    const step = only(result, 'transcript').steps[0];
    expect(step?.expected).toHaveLength(10_000);
    const actual = Array.from({ length: 10_000 }, (_, i) => `line ${i} ${i % 60}s`).join('\n');
    const started = performance.now();
    expect(matchOutput(step?.expected ?? [], actual).ok).toBe(true);
    const diff = matchOutput(step?.expected ?? [], actual.replace('line 5000 20s', 'line 5000 x'));
    expect(diff.ok).toBe(false);
    expect(diff.diff).toContain('-  5007       | line 5000 [AGE]\n+        5001 | line 5000 x\n');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('survives very long lines, long fences and deep blockquotes', () => {
    const long = 'x'.repeat(200_000);
    const source = [`${'`'.repeat(10_000)}sh`, long, '`'.repeat(10_000), `${'>'.repeat(5_000)} \`\`\`sh`, 'y', ''].join(
      '\n',
    );
    const started = performance.now();
    const result = extractPage(source, 'p.md');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.examples[0]?.body.length).toBe(200_001);
  });
});

describe('pathological wildcards', () => {
  it('matches many [..] against long lines in linear time', () => {
    const result = page(['```console', '$ x', `${'[..]a'.repeat(12)}[..]b`, `${'[HASH]'.repeat(20)}!`, '```']);
    const [wild, hashes] = only(result, 'transcript').steps[0]?.expected ?? [];
    const started = performance.now();
    expect(matchOutput(wild ? [wild] : [], 'a'.repeat(5_000)).ok).toBe(false);
    expect(matchOutput(wild ? [wild] : [], `${'a'.repeat(5_000)}b`).ok).toBe(true);
    expect(matchOutput(hashes ? [hashes] : [], 'a'.repeat(3_000)).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('garbage', () => {
  it('never throws on random bytes read as text', () => {
    const next = random(42);
    for (let round = 0; round < 200; round++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(next() * 2000) }, () => Math.floor(next() * 256));
      const asUtf8 = new TextDecoder('utf-8').decode(bytes);
      const asLatin1 = String.fromCharCode(...bytes);
      for (const text of [asUtf8, asLatin1, `---\n${asLatin1}\n---\n\`\`\`console\n${asUtf8}\n\`\`\`\n`]) {
        for (const file of ['g.md', 'g.mdx']) positionsInside(extractPage(text, file), text);
      }
    }
  });

  it('never throws on lone surrogates and NULs', () => {
    const text = '---\npodbook:\n  k8s: "\ud800"\n---\n```console\n$ \u0000\udfff\n\u0000\n```\n';
    const result = extractPage(text, 'p.md');
    expect(result.errors.map((e) => e.code)).toContain('VERSION_INVALID');
  });

  const TOKENS = [
    '```',
    '````',
    '~~~',
    '```console',
    '```yaml file=a.yaml',
    '```yaml file=a.yaml expect=invalid',
    '```text errors-for=a.yaml',
    '```text explain',
    '```console scenario=x',
    'check=skip',
    'reason="',
    '$ ',
    '$',
    '[root@k8s-master1 ~]# ',
    'root@nginx-5:/# ',
    '/ # ',
    '# ',
    'kubectl exec -it p sh',
    'kubectl apply -f a.yaml',
    'kubectl explain pod',
    '#: ',
    '#@ wait ',
    '#@ at ',
    '#@ on ',
    '#@ ',
    '5s',
    '2m30s',
    '-1s',
    '...',
    '[..]',
    '[UID]',
    '\\',
    '\\#:',
    '---',
    '> ',
    '- ',
    '1. ',
    '    ',
    '\t',
    '<!--',
    '-->',
    '{/*',
    '*/}',
    'podbook:',
    '  k8s: 1.26',
    'text',
    ' ',
    '"',
    '{',
    '}',
    '/',
  ];

  it('never throws on token soup, and reports positions inside the page', () => {
    const next = random(7);
    for (let round = 0; round < 1500; round++) {
      let text = '';
      const count = Math.floor(next() * 80);
      for (let i = 0; i < count; i++)
        text += pick(next, TOKENS) + (next() < 0.35 ? pick(next, ['\n', '\r\n', '\r']) : '');
      for (const file of ['s.md', 's.mdx']) positionsInside(extractPage(text, file), text);
    }
  });
});

describe('--update round trip', () => {
  const OUTPUT_LINES = [
    'NAME      READY   STATUS    RESTARTS   AGE',
    'nginx-5   1/1     Running   0          5s',
    '',
    '$ not a prompt',
    '#: not a callout',
    '#@ not a directive',
    '...',
    '[..] literal',
    '\\[UID] literal',
    '\\',
    'root@x:/# not a prompt either',
    '  indented',
    'tab\there',
  ];

  it('always produces expected output that matches the output it was updated to', () => {
    const next = random(99);
    for (let round = 0; round < 300; round++) {
      const before = Array.from({ length: Math.floor(next() * 5) }, () => pick(next, OUTPUT_LINES));
      const actual = Array.from({ length: Math.floor(next() * 6) }, () => pick(next, OUTPUT_LINES));
      const source = `---\npodbook:\n  k8s: "1.26"\n---\n\`\`\`console\n$ cmd\n${before.map((l) => `${escapeOutputLine(l)}\n`).join('')}$ next\nx\n\`\`\`\n`;
      const example = extractPage(source, 'p.md').examples[0] as Example;
      const updated = rewriteExpected(source, example, 0, actual.join('\n'));
      if (!updated.ok) throw new Error(`round ${round}: ${updated.reason}`);
      const again = extractPage(updated.source, 'p.md');
      expect(again.errors).toEqual([]);
      const step = only(again, 'transcript').steps;
      expect(step.map((s) => s.command)).toEqual(['cmd', 'next']);
      expect(matchOutput(step[0]?.expected ?? [], actual.join('\n'))).toEqual({ ok: true, diff: '' });
    }
  });
});
