/**
 * invalid-pods.json: manifests the apiserver rejects, with the error list, the API Status message and what
 * `kubectl create -f pod.yaml` prints. Each case runs the whole create path: YAML parse (src/manifest/parse),
 * strict decoding (src/manifest/structural, with the schema pack of the release), defaulting and create-time
 * preparation (src/k8s/defaults via src/manifest/semantic), semantic validation (src/manifest/semantic), and the
 * renderings (src/manifest/render), all through src/manifest/validate.ts as `podbook validate` runs them.
 */
import { kubeVersion } from '../../../src/k8s/version/index.ts';
import { fieldErrorString, renderReportKubectl } from '../../../src/manifest/render/index.ts';
import type { FieldValidation } from '../../../src/manifest/structural/index.ts';
import { validateManifests } from '../../../src/manifest/validate.ts';
import { testPack } from '../../manifest/schema/pack-fixture.ts';
import { type CaseOutcome, casesOf, defaultCaseName, type VectorAdapter, type VectorCase } from '../adapter.ts';

/** The vectors were derived from validation.go @000f2605, a 1.32/1.33-era master (see the file's `sources`). */
const MINOR = 33;
/** The file name the vectors' kubectl outputs use for `-f`. */
const FILE = 'pod.yaml';

interface Rendered {
  errors: string[];
  api_status_message: string;
  kubectl_output: string;
}

/** The request's fieldValidation: Strict (kubectl's default since 1.25) unless the case was run with --validate=false. */
function fieldValidationOf(c: VectorCase): FieldValidation {
  return /--validate=false/.test(`${c.source ?? ''}`) ? 'Ignore' : 'Strict';
}

function runCreate(yamlText: string, fieldValidation: FieldValidation): Rendered {
  const report = validateManifests(yamlText, {
    version: kubeVersion(`1.${MINOR}`),
    pack: testPack(MINOR),
    filename: FILE,
    fieldValidation,
  });
  const [object, ...rest] = report.objects;
  if (!object || rest.length > 0 || report.sourceErrors.length > 0) {
    throw new Error(`expected one object, got ${report.objects.length} and ${report.sourceErrors.length} YAML errors`);
  }
  const status = object.status;
  if (!status) return { errors: [], api_status_message: '', kubectl_output: '' };
  const decodeFailed = status.reason === 'BadRequest';
  return {
    // the vectors list a decode failure as its one Status message
    errors: decodeFailed ? [status.message] : object.errors.map(fieldErrorString),
    api_status_message: status.message,
    // kubectl's stderr ends in a newline; the vectors leave it out
    kubectl_output: renderReportKubectl(report).replace(/\n$/, ''),
  };
}

export const adapter: VectorAdapter = {
  file: 'invalid-pods.json',
  versionNote:
    `every case at 1.${MINOR}: the vectors were derived from validation.go @000f2605 (a 1.32/1.33-era master); ` +
    'at 1.35 init-container-restartpolicy-never differs (ContainerRestartRules allows Never on init containers); ' +
    'doc-spec-nested-under-metadata runs with fieldValidation=Ignore, as its source (kubectl --validate=false) says',
  cases: casesOf,
  caseName: defaultCaseName,
  run(c: VectorCase): CaseOutcome {
    const actual = runCreate(String(c.manifest_yaml), fieldValidationOf(c));
    const expected: Rendered = {
      errors: c.expected_errors as string[],
      api_status_message: c.api_status_message as string,
      kubectl_output: c.kubectl_output as string,
    };
    return { actual, expected };
  },
};
