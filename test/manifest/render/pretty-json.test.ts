/** The author-facing renderings: `file:line:col` with a caret, and the JSON records. */
import { describe, expect, it } from 'vitest';
import {
  jsonFieldErrors,
  jsonSourceErrors,
  prettyFieldErrors,
  prettySourceErrors,
  renderJsonDiagnostics,
  renderPrettyDiagnostics,
} from '../../../src/manifest/render/index.ts';
import { fakeDocument, fieldError, span } from './fixtures.ts';

const TEXT = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: nginx-5',
  'spec:',
  '  restartPolicy: Onfailure',
  '  containers:',
  '  - name: nginx',
  '',
].join('\n');

const onfailure = fieldError('FieldValueNotSupported', ['spec', 'restartPolicy'], 'spec.restartPolicy', {
  badValue: 'Onfailure',
  detail: 'supported values: "Always", "OnFailure", "Never"',
});
const imageRequired = fieldError('FieldValueRequired', ['spec', 'containers', 0, 'image'], 'spec.containers[0].image');

const SPANS = {
  'spec.restartPolicy': span(6, 18, 6, 27),
  // a missing field points at its nearest ancestor's key: here the list item
  'spec.containers.0.image#key': span(8, 5, 8, 9),
};

describe('pretty', () => {
  it('the value of an unsupported value is underlined', () => {
    const doc = fakeDocument(SPANS);
    expect(renderPrettyDiagnostics('pod.yaml', TEXT, prettyFieldErrors(doc, [onfailure]))).toBe(
      'pod.yaml:6:18: FieldValueNotSupported: spec.restartPolicy: Unsupported value: "Onfailure": supported ' +
        'values: "Always", "OnFailure", "Never"\n' +
        '  |\n' +
        '6 |   restartPolicy: Onfailure\n' +
        '  |                  ^^^^^^^^^\n',
    );
  });
  it('Required errors ask for the key span; blocks are separated by a blank line', () => {
    const calls: string[] = [];
    const doc = fakeDocument(SPANS, calls);
    const out = renderPrettyDiagnostics('pod.yaml', TEXT, prettyFieldErrors(doc, [onfailure, imageRequired]));
    expect(calls).toEqual(['spec.restartPolicy', 'spec.containers.0.image#key']);
    expect(out.split('\n\n')[1]).toBe(
      'pod.yaml:8:5: FieldValueRequired: spec.containers[0].image: Required value\n' +
        '  |\n' +
        '8 |   - name: nginx\n' +
        '  |     ^^^^\n',
    );
  });
  it('the gutter widens with the line number; tabs are kept under the caret', () => {
    const text = `${'\n'.repeat(11)}\tkey: bad\n`;
    const out = renderPrettyDiagnostics('f.yaml', text, [{ code: 'X', message: 'm', span: span(12, 7, 12, 10) }]);
    expect(out).toBe('f.yaml:12:7: X: m\n   |\n12 | \tkey: bad\n   | \t     ^^^\n');
  });
  it('wide characters take two columns of carets and of indentation', () => {
    const text = 'name: 名前x\n';
    const out = renderPrettyDiagnostics('f.yaml', text, [{ code: 'X', message: 'm', span: span(1, 7, 1, 9) }]);
    expect(out).toBe('f.yaml:1:7: X: m\n  |\n1 | name: 名前x\n  |       ^^^^\n');
  });
  it('a leading BOM and CRLF line ends do not shift the caret', () => {
    const text = '\uFEFFa: 1\r\nb: x\r\n';
    const out = renderPrettyDiagnostics('f.yaml', text, [{ code: 'X', message: 'm', span: span(2, 4, 2, 5) }]);
    expect(out).toBe('f.yaml:2:4: X: m\n  |\n2 | b: x\n  |    ^\n');
  });
  it('ANSI colour on request', () => {
    const out = renderPrettyDiagnostics('f.yaml', 'a: b\n', [{ code: 'X', message: 'm', span: span(1, 4, 1, 5) }], {
      color: true,
    });
    expect(out).toBe(
      '\u001b[1mf.yaml:1:4:\u001b[0m \u001b[1m\u001b[31mX:\u001b[0m m\n' +
        '\u001b[34m  |\u001b[0m\n' +
        '\u001b[34m1 |\u001b[0m a: b\n' +
        '\u001b[34m  |\u001b[0m    \u001b[31m^\u001b[0m\n',
    );
  });
  it('YAML problems keep their own code and message', () => {
    const diags = prettySourceErrors([
      { code: 'YAML_TAB_INDENT', message: 'tabs are not indentation', span: span(2, 1, 2, 2) },
    ]);
    expect(renderPrettyDiagnostics('f.yaml', 'a:\n\tb: 1\n', diags)).toBe(
      'f.yaml:2:1: YAML_TAB_INDENT: tabs are not indentation\n  |\n2 | \tb: 1\n  | ^\n',
    );
  });
});

describe('json', () => {
  it('one record per error, message without the field, fixed key order', () => {
    const doc = fakeDocument(SPANS);
    const records = jsonFieldErrors('pod.yaml', doc, [onfailure, imageRequired]);
    expect(records).toEqual([
      {
        file: 'pod.yaml',
        line: 6,
        col: 18,
        endLine: 6,
        endCol: 27,
        code: 'FieldValueNotSupported',
        field: 'spec.restartPolicy',
        message: 'Unsupported value: "Onfailure": supported values: "Always", "OnFailure", "Never"',
        layer: 'validation',
      },
      {
        file: 'pod.yaml',
        line: 8,
        col: 5,
        endLine: 8,
        endCol: 9,
        code: 'FieldValueRequired',
        field: 'spec.containers[0].image',
        message: 'Required value',
        layer: 'validation',
      },
    ]);
    expect(renderJsonDiagnostics(records.slice(1)).split('\n').slice(0, 4)).toEqual([
      '[',
      '  {',
      '    "file": "pod.yaml",',
      '    "line": 8,',
    ]);
  });
  it('YAML problems have an empty field and the parse layer', () => {
    expect(jsonSourceErrors('f.yaml', [{ code: 'YAML_SYNTAX', message: 'bad', span: span(1, 2, 1, 3) }])).toEqual([
      {
        file: 'f.yaml',
        line: 1,
        col: 2,
        endLine: 1,
        endCol: 3,
        code: 'YAML_SYNTAX',
        field: '',
        message: 'bad',
        layer: 'parse',
      },
    ]);
  });
});
