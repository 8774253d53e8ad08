/**
 * The message lists of staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go, written out by hand
 * from RegexError/MaxLenError and the regular expressions there.
 */
import { describe, expect, it } from 'vitest';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidLabelValue,
  isValidPortName,
  nameIsDNSSubdomain,
} from '../../../src/manifest/semantic/name-rules.ts';

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('IsDNS1123Label', () => {
  it('accepts a label', () => expect(isDNS1123Label('nginx-1')).toEqual([]));
  it('rejects upper case with the regex message', () =>
    expect(isDNS1123Label('myfirstContainer')).toEqual([LABEL_MSG]));
  it('says "must not contain dots" for a valid subdomain', () =>
    expect(isDNS1123Label('a.b')).toEqual(['must not contain dots']));
  it('counts bytes: 32 two-byte letters are 64 bytes, too long, and not a label', () => {
    expect(isDNS1123Label('é'.repeat(32))).toEqual(['must be no more than 63 characters', LABEL_MSG]);
  });
  it('reports the length first, then the dots', () => {
    expect(isDNS1123Label(`${'a'.repeat(40)}.${'b'.repeat(40)}`)).toEqual([
      'must be no more than 63 characters',
      'must not contain dots',
    ]);
  });
});

describe('IsDNS1123Subdomain and NameIsDNSSubdomain', () => {
  it('rejects underscores and upper case', () => expect(isDNS1123Subdomain('Nginx_Pod')).toEqual([SUBDOMAIN_MSG]));
  it('limits to 253 bytes', () =>
    expect(isDNS1123Subdomain('a'.repeat(254))).toEqual(['must be no more than 253 characters']));
  it('masks a trailing dash of a generateName prefix (Go replaces the last two bytes with "a")', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false)).toEqual([SUBDOMAIN_MSG]);
  });
});

describe('IsQualifiedName (label keys, annotation keys)', () => {
  it('accepts prefixed names', () => expect(isQualifiedName('app.kubernetes.io/name')).toEqual([]));
  it('reports an empty prefix and an empty name', () => {
    expect(isQualifiedName('/')).toEqual([
      'prefix part must be non-empty',
      'name part must be non-empty',
      NAME_PART_MSG,
    ]);
  });
  it('prefixes the subdomain message of a bad prefix', () => {
    expect(isQualifiedName('Example.com/x')).toEqual([`prefix part ${SUBDOMAIN_MSG}`]);
  });
  it('rejects more than one slash with the whole-name message', () => {
    expect(isQualifiedName('a/b/c')).toEqual([
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });
  it('limits the name part to 63 bytes', () => {
    expect(isQualifiedName('a'.repeat(64))).toEqual(['name part must be no more than 63 characters']);
  });
});

describe('IsValidLabelValue', () => {
  it('accepts the empty string', () => expect(isValidLabelValue('')).toEqual([]));
  it('rejects a space', () => {
    expect(isValidLabelValue('ssd drive')).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });
});

describe('IsValidPortName', () => {
  it('reports charset and missing letter for HTTP', () => {
    expect(isValidPortName('HTTP')).toEqual([
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must contain at least one letter (a-z)',
    ]);
  });
  it('reports length, consecutive and edge hyphens', () => {
    expect(isValidPortName('-a--bcdefghijklm')).toEqual([
      'must be no more than 15 characters',
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ]);
  });
});

describe('environment variable names', () => {
  it('strict (IsEnvVarName): regex message, then the chdir check', () => {
    expect(isEnvVarName('1ABC')).toEqual([
      "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    ]);
    expect(isEnvVarName('..')).toEqual(["must not be '..'"]);
  });
  it('relaxed (IsRelaxedEnvVarName): printable ASCII but "="; one message however many bad characters', () => {
    expect(isRelaxedEnvVarName('1 ABC:x')).toEqual([]);
    expect(isRelaxedEnvVarName('A=B=C')).toEqual([
      "a valid environment variable name must consist only of printable ASCII characters other than '='",
    ]);
    expect(isRelaxedEnvVarName('名前')).toEqual([
      "a valid environment variable name must consist only of printable ASCII characters other than '='",
    ]);
  });
});
