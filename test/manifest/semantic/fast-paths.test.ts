/**
 * The hand-written matchers and shortcuts that stand in for regular expressions and general loops on the hot
 * path. Each expectation is written from the rule it replaces (the apimachinery regex, Go's byte order, Go's
 * quoting), so a shortcut that drifts from the rule fails here.
 */
import { describe, expect, it } from 'vitest';
import { Path } from '../../../src/manifest/semantic/field-path.ts';
import { goQuote, utf8Length, utf8LongerThan } from '../../../src/manifest/semantic/go-quote.ts';
import { compareGoStrings, goJsonString, sortedKeys } from '../../../src/manifest/semantic/go-value.ts';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
} from '../../../src/manifest/semantic/name-rules.ts';

const ok = (errs: string[]) => errs.length === 0;

describe('DNS-1123 label: [a-z0-9]([-a-z0-9]*[a-z0-9])?', () => {
  it.each(['a', '0', 'a-b', 'a--b', '9-lives', 'x'.repeat(63)])('accepts %j', (s) =>
    expect(ok(isDNS1123Label(s))).toBe(true),
  );
  it.each(['', '-a', 'a-', 'A', 'a_b', 'a b', 'é', 'a\n', '\na'])('rejects %j', (s) =>
    expect(ok(isDNS1123Label(s))).toBe(false),
  );
});

describe('DNS-1123 subdomain: labels joined by single dots', () => {
  it.each(['a', 'a.b', 'node.kubernetes.io', 'a-1.b-2.c'])('accepts %j', (s) =>
    expect(ok(isDNS1123Subdomain(s))).toBe(true),
  );
  it.each(['', '.', 'a.', '.a', 'a..b', 'a.-b', 'a-.b', 'A.b', 'a_b.c'])('rejects %j', (s) =>
    expect(ok(isDNS1123Subdomain(s))).toBe(false),
  );
  it('is too long past 253 bytes (multi-byte runes counted as Go does)', () => {
    expect(isDNS1123Subdomain(`${'a.'.repeat(126)}a`)).toEqual([]);
    expect(isDNS1123Subdomain(`${'a.'.repeat(126)}ab`)[0]).toBe('must be no more than 253 characters');
  });
});

describe('qualified name: ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9], optional DNS prefix', () => {
  it.each(['a', 'A', 'My_Name.1', 'example.com/MyName', 'a-b_c.d'])('accepts %j', (s) =>
    expect(ok(isQualifiedName(s))).toBe(true),
  );
  it.each(['', '_a', 'a_', '.a', 'a.', 'a/b/c', '/a', 'a/', 'Example.com/a', 'a b'])('rejects %j', (s) =>
    expect(ok(isQualifiedName(s))).toBe(false),
  );
  it('label values may be empty, otherwise follow the same pattern', () => {
    expect(isValidLabelValue('')).toEqual([]);
    expect(ok(isValidLabelValue('-x'))).toBe(false);
    expect(ok(isValidLabelValue('x.y_z'))).toBe(true);
  });
});

describe('Go string order and lengths', () => {
  it('compares by code point, so an astral rune sorts after U+FFFD and U+E000', () => {
    expect(Math.sign(compareGoStrings('a', 'b'))).toBe(-1);
    expect(Math.sign(compareGoStrings('ab', 'a'))).toBe(1);
    expect(compareGoStrings('same', 'same')).toBe(0);
    // UTF-16 puts U+1F600 (D83D DE00) before U+E000; UTF-8 and Go do not.
    expect(Math.sign(compareGoStrings('\u{1F600}', '\uE000'))).toBe(1);
    expect(Math.sign(compareGoStrings('x\u{1F600}', 'x\uFFFD'))).toBe(1);
  });
  it('sorts two keys and more in that order', () => {
    expect(sortedKeys({ memory: 1, cpu: 1 })).toEqual(['cpu', 'memory']);
    expect(sortedKeys({ b: 1, a: 1 })).toEqual(['a', 'b']);
    expect(sortedKeys({ '\uE000': 1, '\u{1F600}': 1, Z: 1 })).toEqual(['Z', '\uE000', '\u{1F600}']);
  });
  it('counts UTF-8 bytes: a lone surrogate is U+FFFD (3 bytes), a pair 4', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('\u{1F600}')).toBe(4);
    expect(utf8Length('\uD800x')).toBe(4);
    expect(utf8Length('x\uDC00')).toBe(4);
  });
  it('decides "longer than" without counting when the length settles it', () => {
    expect(utf8LongerThan('a'.repeat(64), 63)).toBe(true);
    expect(utf8LongerThan('é'.repeat(21), 63)).toBe(false);
    expect(utf8LongerThan('é'.repeat(32), 63)).toBe(true);
    expect(utf8LongerThan('€'.repeat(21), 63)).toBe(false);
  });
});

describe('quoting', () => {
  it('strconv.Quote keeps printable ASCII and escapes quotes, backslashes and controls', () => {
    expect(goQuote('Nerser')).toBe('"Nerser"');
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote('tab\there')).toBe('"tab\\there"');
    expect(goQuote('\x7f')).toBe('"\\x7f"');
    expect(goQuote('é')).toBe('"é"');
  });
  it('json.Marshal also escapes <, > and & for HTML', () => {
    expect(goJsonString('Always')).toBe('"Always"');
    expect(goJsonString('a<b>&c')).toBe('"a\\u003cb\\u003e\\u0026c"');
    expect(goJsonString('q"\\')).toBe('"q\\"\\\\"');
  });
});

describe('Path', () => {
  it('renders field.Path strings and JSON paths from a chain of steps', () => {
    const p = Path.root('spec').child('containers').index(0).child('resources', 'limits').key('cpu');
    expect(p.toString()).toBe('spec.containers[0].resources.limits[cpu]');
    expect(p.toFieldPath()).toEqual(['spec', 'containers', 0, 'resources', 'limits', 'cpu']);
    expect(Path.root('spec', 'template', 'spec').toString()).toBe('spec.template.spec');
    expect(Path.root('spec').child('ordinals.start').toFieldPath()).toEqual(['spec', 'ordinals', 'start']);
    expect(Path.root('a').child('').toString()).toBe('a[]');
  });
  it('does not change a parent when a child is made', () => {
    const parent = Path.root('metadata');
    parent.child('name');
    expect(parent.toString()).toBe('metadata');
  });
});
