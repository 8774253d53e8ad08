/**
 * kubectl_explain.json: `kubectl explain pod.<path>` text. The adapter resolves the field in the OpenAPI v3 document
 * of the case's era (/work/shared/k8s-openapi, or PODBOOK_OPENAPI_DIR), adds back the enum values and the
 * "Possible enum values" section that a live apiserver serves (the checked-in documents have none; the values and
 * comments below are the core/v1 constants' in types.go), and renders with src/k8s/kubectl/explain.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EnumValueDoc, renderExplain, withEnumSection } from '../../../src/k8s/kubectl/explain.ts';
import { type CaseOutcome, casesOf, defaultCaseName, type VectorAdapter, type VectorCase } from '../adapter.ts';

const here = dirname(fileURLToPath(import.meta.url));
const openapiDir = resolve(here, '../../..', process.env.PODBOOK_OPENAPI_DIR ?? '../shared/k8s-openapi');

interface Schema {
  type?: string;
  description?: string;
  $ref?: string;
  allOf?: Schema[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  properties?: Record<string, Schema>;
}
interface Doc {
  components: { schemas: Record<string, Schema> };
}

// core/v1 types.go: +enum types and their constants' comments (without the constant names), as kube-openapi
// enum.go turns them into `enum` and the "Possible enum values" lines
const ENUMS: Record<string, readonly EnumValueDoc[]> = {
  'Container.imagePullPolicy': [
    {
      value: 'Always',
      comment: 'means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.',
    },
    {
      value: 'Never',
      comment:
        "means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn't present",
    },
    {
      value: 'IfNotPresent',
      comment:
        "means that kubelet pulls if the image isn't present on disk. Container will fail if the image isn't present and the pull fails.",
    },
  ],
  'PodSpec.restartPolicy': [{ value: 'Always' }, { value: 'OnFailure' }, { value: 'Never' }],
};

function load(minor: number): Doc {
  return JSON.parse(readFileSync(join(openapiDir, `1.${minor}`, 'api__v1_openapi.json'), 'utf8')) as Doc;
}

/** Walks pod.<path> through $ref, allOf and array items; returns the owning type name and the field schema. */
function resolveField(doc: Doc, path: string[]): { owner: string; field: Schema } {
  let owner = 'Pod';
  let schema = doc.components.schemas['io.k8s.api.core.v1.Pod']!;
  for (const [i, name] of path.entries()) {
    const field = schema.properties?.[name];
    if (!field) throw new Error(`kubectl_explain.json: no field ${name} in ${owner}`);
    if (i === path.length - 1) return { owner, field };
    const target = field.items ?? field;
    const ref = target.$ref ?? target.allOf?.[0]?.$ref;
    if (!ref) throw new Error(`kubectl_explain.json: ${owner}.${name} is not an object`);
    owner = ref.split('.').pop()!;
    schema = doc.components.schemas[ref.split('/').pop()!]!;
  }
  throw new Error('kubectl_explain.json: empty field path');
}

// plaintext.tmpl "typeGuess", enough for the primitive fields the cases explain
function typeOf(s: Schema): string {
  if (s.items) return `[]${typeOf(s.items)}`;
  if (s.type === 'object') return 'Object';
  return s.type ?? 'Object';
}

/** The release each case is run at: the era its source/kubectlVersions fields name. */
function caseRelease(c: VectorCase): { kubectl: number; api: number; path: string[] } {
  const command = String(c.command);
  const match = /^kubectl explain pod\.(\S+)$/.exec(command);
  if (match) {
    const path = match[1]!.split('.');
    // case 3 names "API 1.29-1.33 description" (the pre-1.34 container restartPolicy text); the others, 1.3x
    const api = /1\.29-1\.33/.test(String(c.kubectlVersions)) ? 33 : 35;
    return { kubectl: api, api, path };
  }
  // the "old, 1.23-1.26" open question: the seed notes' field on a 1.26 cluster with a 1.26 client
  return { kubectl: 26, api: 26, path: ['spec', 'containers', 'imagePullPolicy'] };
}

function explain(c: VectorCase): string {
  const { kubectl, api, path } = caseRelease(c);
  const doc = load(api);
  const { owner, field } = resolveField(doc, path);
  const name = path[path.length - 1]!;
  const enumDocs = ENUMS[`${owner}.${name}`];
  const description = enumDocs ? withEnumSection(field.description ?? '', enumDocs) : (field.description ?? '');
  const values = enumDocs?.map((v) => v.value).sort();
  return renderExplain(
    {
      kind: 'Pod',
      group: '',
      version: 'v1',
      field: name,
      type: typeOf(field),
      ...(values ? { enum: values } : {}),
      description,
    },
    kubectl,
  );
}

export const adapter: VectorAdapter = {
  file: 'kubectl_explain.json',
  versionNote:
    'cases 1-2 at kubectl/apiserver 1.35 ("new template with ENUM block", observed on 1.3x); case 3 at 1.33 (its ' +
    '"API 1.29-1.33 description"); case 4 ("old, 1.23-1.26", expectedStdout null) renders ' +
    'pod.spec.containers.imagePullPolicy at kubectl/apiserver 1.26 and is expected to differ from null',
  cases: casesOf,
  caseName: defaultCaseName,
  run(c: VectorCase): CaseOutcome {
    return { actual: explain(c), expected: c.expectedStdout };
  },
};
