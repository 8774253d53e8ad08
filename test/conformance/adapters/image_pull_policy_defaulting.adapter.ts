/**
 * image_pull_policy_defaulting.json: ParseImageName (pkg/util/parsers TestParseImageName), the imagePullPolicy
 * default of SetDefaults_Container, and the kubelet's applyDefaultImageTag outcome.
 */
import { effectivePullPolicy } from '../../../src/k8s/image/default-pull-policy.ts';
import { applyDefaultImageTag, defaultImageTagFailure, parseImageName } from '../../../src/k8s/image/reference.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';
import { casesOf, defaultCaseName, type VectorAdapter, type VectorCase } from '../adapter.ts';

// Every case is read from ~v1.35 code (parsers_test.go at a ~v1.35 commit) or derived with the v0.5+ wording.
const VERSION = kubeVersion('1.35');

interface Input {
  image: string;
  imagePullPolicy?: string;
}

function runParse(c: VectorCase) {
  const input = c.input as Input;
  const expected = c.expected as Record<string, unknown>;
  const parsed = parseImageName(input.image, VERSION);
  const actual: Record<string, unknown> = parsed.ok
    ? { repo: parsed.repo, tag: parsed.tag, digest: parsed.digest }
    : { repo: '', tag: '', digest: '' };
  // The upstream test checks that the error contains a substring.
  if ('errorContains' in expected) {
    const wanted = String(expected.errorContains);
    actual.errorContains =
      !parsed.ok && parsed.error.includes(wanted) ? wanted : parsed.ok ? '(no error)' : parsed.error;
  }
  return { actual, expected };
}

function runPolicy(c: VectorCase) {
  const input = c.input as Input;
  return { actual: { imagePullPolicy: effectivePullPolicy(input, VERSION) }, expected: c.expected };
}

function runPolicyAndKubelet(c: VectorCase) {
  const input = c.input as Input;
  const parsed = parseImageName(input.image, VERSION);
  const tagged = applyDefaultImageTag(input.image, VERSION);
  const failure = tagged.ok ? undefined : defaultImageTagFailure(input.image, tagged.error);
  const actual = {
    parse: parsed.ok
      ? { repo: parsed.repo, tag: parsed.tag, digest: parsed.digest, error: null }
      : { repo: '', tag: '', digest: '', error: parsed.error },
    imagePullPolicy: effectivePullPolicy(input, VERSION),
    kubeletImageRefAfterDefaultTag: tagged.ok ? tagged.image : null,
    kubeletWaitingReasonIfParseFails: failure ? failure.reason : null,
    kubeletEventIfParseFails: failure ? failure.event : null,
  };
  return { actual, expected: c.expected };
}

export const adapter: VectorAdapter = {
  file: 'image_pull_policy_defaulting.json',
  versionNote:
    '1.35: sources are parsers_test.go at a ~v1.35 commit and cases derived with distribution/reference v0.5+',
  cases: casesOf,
  caseName: (c, i) =>
    `${defaultCaseName(c, i)} ${(c.function as string) ?? ''} ${JSON.stringify((c.input as Input).image)}`,
  run(c) {
    switch (c.function) {
      case 'ParseImageName':
        return runParse(c);
      case 'SetDefaults_Container.imagePullPolicy':
        return runPolicy(c);
      case 'SetDefaults_Container.imagePullPolicy + kubelet applyDefaultImageTag':
        return runPolicyAndKubelet(c);
      default:
        throw new Error(`unknown function ${String(c.function)}`);
    }
  },
};
