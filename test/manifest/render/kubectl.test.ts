/**
 * The apiserver's Status (staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go NewInvalid,
 * apiserver handlers/rest.go transformDecodeError) and kubectl's printing of it
 * (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go checkErr, MultilineError, StandardErrorMessage,
 * MultipleErrors, AddSourceToErr). Expected texts written from that code.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeStatus,
  invalidStatus,
  kubectlErrorOutput,
  qualifiedKind,
  statusForErrors,
} from '../../../src/manifest/render/index.ts';
import { fieldError } from './fixtures.ts';

const pod = { apiVersion: 'v1', kind: 'Pod', name: 'nginx-5' };
const imageRequired = fieldError('FieldValueRequired', ['spec', 'containers', 0, 'image'], 'spec.containers[0].image');
const onfailure = fieldError('FieldValueNotSupported', ['spec', 'restartPolicy'], 'spec.restartPolicy', {
  badValue: 'Onfailure',
  detail: 'supported values: "Always", "OnFailure", "Never"',
});
const unknownImage = fieldError('UNKNOWN_FIELD', ['spec', 'image'], 'spec.image', {
  layer: 'decode',
  detail: 'unknown field "spec.image"',
});

describe('apiserver Status', () => {
  it('qualified kinds: core kinds bare, others with their group', () => {
    expect(qualifiedKind('v1', 'Pod')).toBe('Pod');
    expect(qualifiedKind('apps/v1', 'Deployment')).toBe('Deployment.apps');
    expect(qualifiedKind('batch/v1', 'CronJob')).toBe('CronJob.batch');
  });
  it('422 with the aggregate message and one cause per error', () => {
    const s = invalidStatus(pod, [imageRequired, onfailure]);
    expect(s.code).toBe(422);
    expect(s.reason).toBe('Invalid');
    expect(s.message).toBe(
      'Pod "nginx-5" is invalid: [spec.containers[0].image: Required value, spec.restartPolicy: Unsupported value: ' +
        '"Onfailure": supported values: "Always", "OnFailure", "Never"]',
    );
    expect(s.details?.causes).toEqual([
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' },
      {
        reason: 'FieldValueNotSupported',
        message: 'Unsupported value: "Onfailure": supported values: "Always", "OnFailure", "Never"',
        field: 'spec.restartPolicy',
      },
    ]);
  });
  it('repeated errors appear once in the message but every time in the causes', () => {
    const s = invalidStatus(pod, [imageRequired, imageRequired]);
    expect(s.message).toBe('Pod "nginx-5" is invalid: spec.containers[0].image: Required value');
    expect(s.details?.causes).toHaveLength(2);
  });
  it('a Deployment is Deployment.apps in the message, Deployment in the details', () => {
    const s = invalidStatus({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, [imageRequired]);
    expect(s.message).toBe('Deployment.apps "web" is invalid: spec.containers[0].image: Required value');
    expect(s.details?.kind).toBe('Deployment');
    expect(s.details?.group).toBe('apps');
  });
  it('decode errors win: 400 with the strict decoding list', () => {
    const s = statusForErrors(pod, [unknownImage, imageRequired]);
    expect(s?.code).toBe(400);
    expect(s?.message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.image"',
    );
  });
  it('several unknown fields are joined with ", "', () => {
    const other = fieldError('UNKNOWN_FIELD', ['spec', 'containers', 0, 'imagePullPolicey'], '', {
      layer: 'decode',
      detail: 'unknown field "spec.containers[0].imagePullPolicey"',
    });
    expect(statusForErrors(pod, [unknownImage, other])?.message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.image", ' +
        'unknown field "spec.containers[0].imagePullPolicey"',
    );
  });
  it('no errors, no status', () => {
    expect(statusForErrors(pod, [])).toBeUndefined();
  });
});

describe('kubectl create/apply', () => {
  it('one error: on the same line', () => {
    const out = kubectlErrorOutput([{ source: 'pod.yaml', status: invalidStatus(pod, [imageRequired]) }]);
    expect(out).toBe('The Pod "nginx-5" is invalid: spec.containers[0].image: Required value\n');
  });
  it('several errors: the prefix alone on a line (with its trailing space), then `* ` lines', () => {
    const out = kubectlErrorOutput([{ source: 'pod.yaml', status: invalidStatus(pod, [imageRequired, onfailure]) }]);
    expect(out).toBe(
      'The Pod "nginx-5" is invalid: \n' +
        '* spec.containers[0].image: Required value\n' +
        '* spec.restartPolicy: Unsupported value: "Onfailure": supported values: "Always", "OnFailure", "Never"\n',
    );
  });
  it('repeated causes are printed once (statusCausesToAggrError)', () => {
    const out = kubectlErrorOutput([{ source: 'p.yaml', status: invalidStatus(pod, [imageRequired, imageRequired]) }]);
    expect(out).toBe('The Pod "nginx-5" is invalid: spec.containers[0].image: Required value\n');
  });
  it('no causes: just the head', () => {
    expect(kubectlErrorOutput([{ source: 'p.yaml', status: invalidStatus(pod, []) }])).toBe(
      'The Pod "nginx-5" is invalid\n',
    );
  });
  it('a Deployment uses the bare kind', () => {
    const status = invalidStatus({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, [imageRequired]);
    expect(kubectlErrorOutput([{ source: 'd.yaml', status }])).toBe(
      'The Deployment "web" is invalid: spec.containers[0].image: Required value\n',
    );
  });
  it('a decode error: Error from server (BadRequest) with the file', () => {
    const status = decodeStatus(pod, 'strict decoding error: unknown field "spec.image"');
    expect(kubectlErrorOutput([{ source: 'nginx.yaml', status }])).toBe(
      'Error from server (BadRequest): error when creating "nginx.yaml": Pod in version "v1" cannot be handled as ' +
        'a Pod: strict decoding error: unknown field "spec.image"\n',
    );
  });
  it('several rejected objects: one StandardErrorMessage line each, Invalid ones included', () => {
    const out = kubectlErrorOutput([
      { source: 'all.yaml', status: invalidStatus(pod, [imageRequired, onfailure]) },
      { source: 'all.yaml', status: decodeStatus({ apiVersion: 'v1', kind: 'Pod' }, 'strict decoding error: x') },
    ]);
    expect(out).toBe(
      'Error from server (Invalid): error when creating "all.yaml": Pod "nginx-5" is invalid: ' +
        '[spec.containers[0].image: Required value, spec.restartPolicy: Unsupported value: "Onfailure": ' +
        'supported values: "Always", "OnFailure", "Never"]\n' +
        'Error from server (BadRequest): error when creating "all.yaml": Pod in version "v1" cannot be handled ' +
        'as a Pod: strict decoding error: x\n',
    );
  });
  it('file names are quoted with %q', () => {
    const status = decodeStatus(pod, 'e');
    expect(kubectlErrorOutput([{ source: 'dir/my "pod".yaml', status }])).toBe(
      'Error from server (BadRequest): error when creating "dir/my \\"pod\\".yaml": Pod in version "v1" cannot be ' +
        'handled as a Pod: e\n',
    );
  });
});
