/**
 * kubectl_explain.json: `kubectl explain pod.<path>` text, through src/manifest/explain.ts as `podbook explain`
 * runs it: the field is looked up in the OpenAPI v3 documents of the case's era (PODBOOK_OPENAPI_DIR, else
 * ../shared/k8s-openapi), the apiserver adds the enum values and "Possible enum values" text the checked-in
 * documents lack (src/manifest/schema/enums.ts), and the kubectl release picks the layout (src/k8s/kubectl/explain.ts).
 */
import { explainText } from '../../../src/manifest/explain.ts';
import { testPack } from '../../manifest/schema/pack-fixture.ts';
import { type CaseOutcome, casesOf, defaultCaseName, type VectorAdapter, type VectorCase } from '../adapter.ts';

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
  return explainText(testPack(api), `pod.${path.join('.')}`, { kubectlMinor: kubectl });
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
