/**
 * Release boundaries of the apiserver's validation output, each written by hand from the Go code of both sides
 * of the boundary (pkg/apis/core/validation/validation.go and the feature gates of pkg/features).
 */
import { describe, expect, it } from 'vitest';
import { kubeVersion } from '../../../src/k8s/version/index.ts';
import { fieldErrorString } from '../../../src/manifest/render/index.ts';
import { validateForCreate } from '../../../src/manifest/semantic/index.ts';
import { messages, type PodLike, pod } from './helpers.ts';

const STRICT_ENV =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must " +
  // RegexError ends each example with "', " and joins them with " or ": two spaces before "or"
  "not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is " +
  "'[-._a-zA-Z][-._a-zA-Z0-9]*')";
const RELAXED_ENV = "a valid environment variable name must consist only of printable ASCII characters other than '='";

const withEnv = (name: string) => pod((p) => (p.spec.containers[0].env = [{ name, value: 'x' }]));

describe('environment variable names (RelaxedEnvironmentVariableValidation: beta 1.32, GA 1.34)', () => {
  it('1.31 applies the C-identifier-like regex', () => {
    expect(messages(withEnv('1-bad'), 31)).toEqual([
      `spec.containers[0].env[0].name: Invalid value: "1-bad": ${STRICT_ENV}`,
    ]);
  });
  it('1.32 accepts any printable ASCII but `=`', () => {
    expect(messages(withEnv('1-bad'), 32)).toEqual([]);
    expect(messages(withEnv('a=b'), 32)).toEqual([
      `spec.containers[0].env[0].name: Invalid value: "a=b": ${RELAXED_ENV}`,
    ]);
  });
  it('the gate can be switched on in 1.30/1.31 and off in 1.32/1.33, but not in 1.29 (absent) or 1.34 (locked)', () => {
    const run = (minor: number, relaxed: boolean) =>
      validateForCreate(withEnv('1-bad'), {
        version: kubeVersion(minor),
        relaxedEnvironmentVariableValidation: relaxed,
      }).errors.map(fieldErrorString);
    const strict = [`spec.containers[0].env[0].name: Invalid value: "1-bad": ${STRICT_ENV}`];
    expect(run(29, true)).toEqual(strict);
    expect(run(30, true)).toEqual([]);
    expect(run(33, false)).toEqual(strict);
    expect(run(34, false)).toEqual([]);
  });
  it('an envFrom prefix follows the same rule', () => {
    const p = pod((x) => (x.spec.containers[0].envFrom = [{ prefix: '9_', configMapRef: { name: 'cm' } }]));
    expect(messages(p, 31)).toEqual([`spec.containers[0].envFrom[0].prefix: Invalid value: "9_": ${STRICT_ENV}`]);
    expect(messages(p, 35)).toEqual([]);
  });
});

describe('probes on init containers (sidecars arrived in 1.28)', () => {
  const p = pod(
    (x) =>
      (x.spec.initContainers = [{ name: 'init', image: 'busybox', readinessProbe: { exec: { command: ['true'] } } }]),
  );
  it('1.27 says only "may not be set for init containers"', () => {
    expect(messages(p, 27)).toEqual([
      'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers',
    ]);
  });
  it('1.28 adds "without restartPolicy=Always"', () => {
    expect(messages(p, 28)).toEqual([
      'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
    ]);
  });
  it('a sidecar (restartPolicy Always, 1.29+) may have probes but not a readiness probe? It may: only lifecycle rules differ', () => {
    const sidecar = pod(
      (x) =>
        (x.spec.initContainers = [
          { name: 'side', image: 'busybox', restartPolicy: 'Always', readinessProbe: { exec: { command: ['true'] } } },
        ]),
    );
    expect(messages(sidecar, 29)).toEqual([]);
  });
});

describe("an init container's restartPolicy", () => {
  const withInit = (policy: string) =>
    pod((x) => (x.spec.initContainers = [{ name: 'init', image: 'busybox', restartPolicy: policy }]));
  it('1.28: SidecarContainers is off, the field is dropped before validation', () => {
    expect(messages(withInit('Never'), 28)).toEqual([]);
  });
  it('1.29-1.33: only Always', () => {
    const err = ['spec.initContainers[0].restartPolicy: Unsupported value: "Never": supported values: "Always"'];
    expect(messages(withInit('Never'), 29)).toEqual(err);
    expect(messages(withInit('Never'), 33)).toEqual(err);
  });
  it('1.34: ContainerRestartRules is alpha (off); a non-Always value is dropped before validation', () => {
    expect(messages(withInit('Never'), 34)).toEqual([]);
  });
  it('1.35: ContainerRestartRules beta: Always, OnFailure and Never, in that order', () => {
    expect(messages(withInit('Never'), 35)).toEqual([]);
    expect(messages(withInit('Sometimes'), 35)).toEqual([
      'spec.initContainers[0].restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
  });
});

describe("a regular container's restartPolicy", () => {
  const withPolicy = (c: PodLike) => pod((x) => Object.assign(x.spec.containers[0], c));
  it('1.28-1.33: Forbidden whatever the value', () => {
    const err = ['spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers'];
    expect(messages(withPolicy({ restartPolicy: 'Always' }), 28)).toEqual(err);
    expect(messages(withPolicy({ restartPolicy: 'Never' }), 33)).toEqual(err);
  });
  it('1.27: the field does not exist yet (the strict decoder reports it; validation sees nothing)', () => {
    expect(messages(withPolicy({ restartPolicy: 'Never' }), 27)).toEqual([]);
  });
  it('1.34 gate off: dropped; gate on: validated like 1.35', () => {
    expect(messages(withPolicy({ restartPolicy: 'Sometimes' }), 34)).toEqual([]);
    expect(messages(withPolicy({ restartPolicy: 'Sometimes' }), 34, { ContainerRestartRules: true })).toEqual([
      'spec.containers[0].restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
  });
  it('1.35: restartPolicyRules need the Restart action and exitCodes with In/NotIn', () => {
    const c = {
      restartPolicy: 'Never',
      restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }, { action: 'Stop' }],
    };
    expect(messages(withPolicy(c), 35)).toEqual([
      'spec.containers[0].restartPolicyRules[1].action: Unsupported value: "Stop": supported values: "Restart"',
      'spec.containers[0].restartPolicyRules[1].exitCodes: Required value: must be specified',
    ]);
  });
});

describe('bad values that are not plain strings print as JSON from 1.34', () => {
  it('a typed string goes through %#v before (no HTML escaping) and json.Marshal after (HTML-escaped)', () => {
    const p = pod((x) => (x.spec.restartPolicy = 'a<b'));
    const values = 'supported values: "Always", "OnFailure", "Never"';
    expect(messages(p, 33)).toEqual([`spec.restartPolicy: Unsupported value: "a<b": ${values}`]);
    expect(messages(p, 34)).toEqual([`spec.restartPolicy: Unsupported value: "a\\u003cb": ${values}`]);
  });
  it('a map of labels is map[string]string{...} before and a JSON object after', () => {
    const d = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'api', tier: 'b' } },
          spec: { containers: [{ name: 'c', image: 'nginx' }] },
        },
      },
    };
    const detail = '`selector` does not match template `labels`';
    expect(messages(d, 33)).toEqual([
      `spec.template.metadata.labels: Invalid value: map[string]string{"app":"api", "tier":"b"}: ${detail}`,
    ]);
    expect(messages(d, 34)).toEqual([
      `spec.template.metadata.labels: Invalid value: {"app":"api","tier":"b"}: ${detail}`,
    ]);
  });
});

describe('requests over limits', () => {
  const p = pod((x) => (x.spec.containers[0].resources = { requests: { cpu: '2' }, limits: { cpu: '1500m' } }));
  it('1.26 does not name the limit', () => {
    expect(messages(p, 26)).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit',
    ]);
  });
  it('1.27 names it in canonical form', () => {
    expect(messages(p, 27)).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1500m',
    ]);
  });
});

describe('StatefulSet names are DNS labels from 1.27', () => {
  const sts = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web.v1' },
    spec: {
      serviceName: 'web',
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  };
  const LABEL_REGEX =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and " +
    "end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is " +
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  it('1.26 accepts a subdomain', () => {
    expect(messages(sts, 26)).toEqual([]);
  });
  it('1.27 rejects the dot with the regex message', () => {
    expect(messages(sts, 27)).toEqual([`metadata.name: Invalid value: "web.v1": ${LABEL_REGEX}`]);
  });
  it('later releases say "must not contain dots" (placed at 1.30)', () => {
    expect(messages(sts, 29)).toEqual([`metadata.name: Invalid value: "web.v1": ${LABEL_REGEX}`]);
    expect(messages(sts, 30)).toEqual(['metadata.name: Invalid value: "web.v1": must not contain dots']);
  });
});
