/**
 * The integration's quick scan may skip a page without loading the checker only when extraction would find
 * nothing in it: no checked block, no error. A false "yes" only costs time; a false "no" would skip a check.
 */
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/check/extract/index.ts';
import { mayHaveExamples } from '../../../src/check/node/quick-scan.ts';

const F = '```';

const FINDS_SOMETHING: [string, string][] = [
  ['a transcript', `${F}console\n$ kubectl get pods\n${F}\n`],
  ['a tilde transcript in a blockquote', `> ~~~shellsession\n> $ kubectl get pods\n> ~~~\n`],
  ['a manifest', `${F}yaml file=pod.yaml\nkind: Pod\n${F}\n`],
  ['a typo in an attribute', `${F}yaml fille=pod.yaml\nkind: Pod\n${F}\n`],
  ['an explain block', `${F}text explain\n$ kubectl explain pod\n${F}\n`],
  ['an unknown flag', `${F}text explian\nKIND: Pod\n${F}\n`],
  ['an unterminated transcript', `${F}console\n$ kubectl get pods\n`],
  ['bad podbook settings', `---\npodbook:\n  k8s: "1.99"\n---\n# Page\n`],
  ['a skipped block', `${F}console check=skip\n$ kubectl proxy\n${F}\n`],
];

const NOTHING: [string, string][] = [
  ['prose only', '# Title\n\nSome text with `inline` code.\n'],
  ['a shell block', `${F}sh\nkubectl delete -f pod.yaml\n${F}\n`],
  ['a yaml block without a file name', `${F}yaml\nkind: Pod\n${F}\n`],
  ['a bare fence', `${F}\nplain\n${F}\n`],
];

describe('mayHaveExamples', () => {
  it.each(FINDS_SOMETHING)('says yes for %s (extraction finds something there)', (_, source) => {
    const page = extractPage(source, 'page.md');
    expect(page.errors.length + page.examples.filter((e) => e.kind !== 'ignored').length).toBeGreaterThan(0);
    expect(mayHaveExamples(source)).toBe(true);
  });

  it.each(NOTHING)('says no for %s (extraction finds nothing there)', (_, source) => {
    const page = extractPage(source, 'page.md');
    expect(page.errors).toEqual([]);
    expect(page.examples.every((e) => e.kind === 'ignored')).toBe(true);
    expect(mayHaveExamples(source)).toBe(false);
  });
});
