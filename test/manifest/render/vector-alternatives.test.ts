/**
 * The `alternative_outputs` of /work/shared/vectors/invalid-pods.json: what other releases or invocations print
 * for the same manifest. Expected texts are copied from the vector file; the client-side schema validation of
 * old kubectl (`error validating data: ValidationError(...)`) is not modelled.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubeVersion } from '../../../src/k8s/version/index.ts';
import { parseManifests } from '../../../src/manifest/parse/index.ts';
import { kubectlErrorOutput, type RejectedObject, statusForErrors } from '../../../src/manifest/render/index.ts';
import { validateForCreate } from '../../../src/manifest/semantic/index.ts';
import { type FieldValidation, validateStructure } from '../../../src/manifest/structural/index.ts';
import type { FieldError } from '../../../src/manifest/types.ts';
import { testPack } from '../schema/pack-fixture.ts';

const vectorsDir = resolve(import.meta.dirname, '../../..', process.env.PODBOOK_VECTORS_DIR ?? '../shared/vectors');
const vectors = JSON.parse(readFileSync(resolve(vectorsDir, 'invalid-pods.json'), 'utf8')).vectors as {
  id: string;
  manifest_yaml: string;
  alternative_outputs?: Record<string, string>;
}[];

function vector(name: string) {
  const found = vectors.find((v) => v.id === name);
  if (!found) throw new Error(`no vector ${name}`);
  return found;
}

function alternative(name: string, labelStart: string): string {
  const alts = vector(name).alternative_outputs ?? {};
  const key = Object.keys(alts).find((k) => k.startsWith(labelStart));
  if (key === undefined) throw new Error(`no alternative "${labelStart}..." in ${name}`);
  return alts[key] as string;
}

/** One object through decode, defaulting and validation at a release, as a rejected create of `source`. */
function reject(name: string, minor: number, fieldValidation: FieldValidation, source: string): RejectedObject {
  const value = parseManifests(vector(name).manifest_yaml).documents[0]?.value as {
    apiVersion: string;
    kind: string;
    metadata: { name: string };
  };
  let errors: FieldError[] = validateStructure(testPack(minor), value, { fieldValidation }).errors;
  let objectName = value.metadata.name;
  if (errors.length === 0) {
    const semantic = validateForCreate(value, { version: kubeVersion(minor) });
    errors = semantic.errors;
    objectName = semantic.name;
  }
  const status = statusForErrors({ apiVersion: value.apiVersion, kind: value.kind, name: objectName }, errors);
  if (!status) throw new Error(`${name} was accepted at 1.${minor}`);
  return { source, status };
}

describe('alternative outputs of invalid-pods.json', () => {
  it('doc-spec-nested-under-metadata with kubectl >= 1.25 strict field validation', () => {
    const out = kubectlErrorOutput([reject('doc-spec-nested-under-metadata', 33, 'Strict', 'pod.yaml')]);
    expect(out).toBe(`${alternative('doc-spec-nested-under-metadata', 'kubectl>=1.25')}\n`);
  });
  it('doc-container-name-camelcase in a file with another rejected object', () => {
    const out = kubectlErrorOutput([
      reject('doc-container-name-camelcase', 33, 'Strict', 'FILE'),
      reject('env-name-with-equals', 33, 'Strict', 'FILE'),
    ]);
    expect(out.split('\n')[0]).toBe(alternative('doc-container-name-camelcase', 'multi-object'));
  });
  it('env-name-with-equals on a server with strict env names (1.31)', () => {
    const out = kubectlErrorOutput([reject('env-name-with-equals', 31, 'Strict', 'pod.yaml')]);
    expect(out).toBe(`${alternative('env-name-with-equals', 'strict env-name')}\n`);
  });
});
