/**
 * Types with their own UnmarshalJSON: resource.Quantity, intstr.IntOrString, metav1.Time. Their errors stop the
 * decode at once (decode.go returns them through d.value), so they win over earlier JSON type errors.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rfc3339Error } from '../../../src/manifest/structural/go-time.ts';
import {
  QUANTITY_FORMAT_WRONG,
  QUANTITY_SUFFIX,
  quantityError,
  quantityJsonError,
} from '../../../src/manifest/structural/quantity.ts';
import { validateStructure } from '../../../src/manifest/structural/validate.ts';
import { testPack } from '../schema/pack-fixture.ts';

const REGEX_TEXT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

describe('resource.Quantity', () => {
  it('has the package error texts', () => {
    expect(QUANTITY_FORMAT_WRONG).toBe(REGEX_TEXT);
    expect(QUANTITY_SUFFIX).toBe("unable to parse quantity's suffix");
  });
  it.each([
    '1',
    '0',
    '500m',
    '1.5',
    '.5',
    '1.',
    '2Gi',
    '128Mi',
    '1e3',
    '1E',
    '1e+21',
    '-1',
    '+3k',
    '0.000001',
    '007',
    '-',
    '1Ei',
  ])('accepts %s', (q) => expect(quantityError(q)).toBeUndefined());
  it.each([
    ['', REGEX_TEXT],
    ['abc', REGEX_TEXT],
    ['100Mb', REGEX_TEXT],
    ['2gi', REGEX_TEXT],
    ['1 Gi', REGEX_TEXT],
    ['1.5.5', REGEX_TEXT],
    ['25%', REGEX_TEXT],
    ['192i', "unable to parse quantity's suffix"], // documented: apache/devlake-helm-chart#152
    ['1K', "unable to parse quantity's suffix"],
    ['500mi', "unable to parse quantity's suffix"],
    ['1e', "unable to parse quantity's suffix"],
    ['+-1', "unable to parse quantity's suffix"],
    ['1e99999999999999999999', "unable to parse quantity's suffix"],
  ])('rejects %j', (q, error) => expect(quantityError(q)).toBe(error));

  it('reads the JSON text kubectl sends: numbers, trimmed strings, escaped bytes, other values', () => {
    expect(quantityJsonError(0.5)).toBeUndefined();
    expect(quantityJsonError(null)).toBeUndefined();
    expect(quantityJsonError(' 1Gi ')).toBeUndefined(); // TrimSpace
    expect(quantityJsonError('1Gi\t')).toBe(REGEX_TEXT); // sent as 1Gi\t: the escape is not white space
    expect(quantityJsonError(true)).toBe(REGEX_TEXT);
    expect(quantityJsonError({})).toBe(REGEX_TEXT);
  });

  it('as the apiserver reports it inside a Deployment (documented: stackrox/acs-fleet-manager#1748)', () => {
    const r = validateStructure(
      testPack(35),
      parse(`apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}}
    spec:
      containers:
      - name: a
        image: b
        resources: {requests: {memory: 512MB}}
`),
    );
    expect(r.message).toBe(REGEX_TEXT);
    expect(r.errors[0]).toMatchObject({
      code: 'TYPE_MISMATCH',
      field: 'spec.template.spec.containers[0].resources.requests[memory]',
      badValue: '512MB',
    });
  });

  it('stops the decode: it wins over an earlier JSON type error', () => {
    const r = validateStructure(
      testPack(35),
      parse(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  activeDeadlineSeconds: "10"
  containers: [{name: a, image: b, resources: {limits: {cpu: 1 core}}}]
`),
    );
    // sorted: activeDeadlineSeconds (a type error) comes first, the quantity error still wins
    expect(r.findings.map((f) => f.field)).toEqual([
      'spec.activeDeadlineSeconds',
      'spec.containers[0].resources.limits[cpu]',
    ]);
    expect(r.message).toBe(REGEX_TEXT);
  });
});

describe('intstr.IntOrString', () => {
  const probe = (port: string) =>
    validateStructure(
      testPack(35),
      parse(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: a, image: b, readinessProbe: {tcpSocket: {port: ${port}}}}]
`),
    ).message;
  it('takes names and int32 numbers', () => {
    expect(probe('http')).toBeUndefined();
    expect(probe('"8080"')).toBeUndefined();
    expect(probe('8080')).toBeUndefined();
  });
  it('json.Unmarshal into int32 fails, with the outer field as context', () => {
    expect(probe('true')).toBe(
      'json: cannot unmarshal bool into Go struct field TCPSocketAction.spec.containers.readinessProbe.ProbeHandler.tcpSocket.port of type int32',
    );
    expect(probe('80.5')).toBe(
      'json: cannot unmarshal number 80.5 into Go struct field TCPSocketAction.spec.containers.readinessProbe.ProbeHandler.tcpSocket.port of type int32',
    );
    expect(probe('[80]')).toMatch(
      /^json: cannot unmarshal array into Go struct field TCPSocketAction\..* of type int32$/,
    );
  });
  it('rollingUpdate maxSurge percentages are strings', () => {
    const deploy = (surge: string) =>
      validateStructure(
        testPack(30),
        parse(`apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {app: d}}
  strategy: {rollingUpdate: {maxSurge: ${surge}}}
  template: {metadata: {labels: {app: d}}, spec: {containers: [{name: a, image: b}]}}
`),
      ).message;
    expect(deploy('25%')).toBeUndefined();
    expect(deploy('{}')).toBe(
      'json: cannot unmarshal object into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32',
    );
  });
});

describe('metav1.Time (time.Parse with RFC3339)', () => {
  it('accepts RFC 3339 times and null', () => {
    for (const t of [
      '2024-02-29T10:00:00Z',
      '2024-01-01T09:30:00+08:00',
      '2024-01-01T09:30:00.123Z',
      '2024-01-01T9:30:00Z',
    ]) {
      expect(rfc3339Error(t)).toBeUndefined();
    }
  });
  it.each([
    ['bad', 'parsing time "bad" as "2006-01-02T15:04:05Z07:00": cannot parse "bad" as "2006"'],
    [
      '2024-1-01T00:00:00Z',
      'parsing time "2024-1-01T00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse "1-01T00:00:00Z" as "01"',
    ],
    ['2024-01-01', 'parsing time "2024-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"'],
    [
      '2024-01-01 00:00:00Z',
      'parsing time "2024-01-01 00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 00:00:00Z" as "T"',
    ],
    [
      '2024-01-01T00:00:00',
      'parsing time "2024-01-01T00:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"',
    ],
    ['2024-13-01T00:00:00Z', 'parsing time "2024-13-01T00:00:00Z": month out of range'],
    ['2023-02-29T00:00:00Z', 'parsing time "2023-02-29T00:00:00Z": day out of range'],
    ['2024-01-01T24:00:00Z', 'parsing time "2024-01-01T24:00:00Z": hour out of range'],
    ['2024-01-01T00:00:00Zjunk', 'parsing time "2024-01-01T00:00:00Zjunk": extra text: "junk"'],
  ])('%s', (value, error) => expect(rfc3339Error(value)).toBe(error));

  it('in metadata.creationTimestamp: strings are parsed, other JSON is a string type error', () => {
    const meta = (ts: string) =>
      validateStructure(
        testPack(35),
        parse(
          `apiVersion: v1\nkind: Pod\nmetadata: {name: p, creationTimestamp: ${ts}}\nspec: {containers: [{name: a, image: b}]}\n`,
        ),
      ).message;
    expect(meta('null')).toBeUndefined(); // kubectl create --dry-run -o yaml writes this
    expect(meta('yesterday')).toBe(
      'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
    );
    expect(meta('5')).toBe(
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string',
    );
  });
});
