/**
 * Admission plugins on pod create: plugin/pkg/admission/{serviceaccount, defaulttolerationseconds, priority,
 * alwayspullimages}/admission.go.
 */
import { describe, expect, it } from 'vitest';
import { AdmissionForbiddenError, type CreatePodOptions, createPod } from '../../../src/k8s/defaults/index.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';

const v35 = kubeVersion('1.35');
// biome-ignore lint/suspicious/noExplicitAny: free-form JSON fixtures, read by deep property access
type Obj = Record<string, any>;
const pod = (spec: Obj, metadata: Obj = { name: 'web' }): Obj => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec });
const nginx = (extra: Obj = {}): Obj => ({ name: 'c', image: 'nginx:1.25', ...extra });
const run = (p: Obj, options: CreatePodOptions = {}): Obj =>
  createPod<Obj>(p, v35, { randomSuffix: () => 'b7x2q', ...options }).object;

const TOKEN_MOUNT = {
  name: 'kube-api-access-b7x2q',
  readOnly: true,
  mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
};

describe('ServiceAccount', () => {
  it('uses the default account and mounts the token volume in init and regular containers', () => {
    const spec = run(
      pod({
        initContainers: [nginx({ name: 'i' })],
        containers: [nginx()],
        ephemeralContainers: [nginx({ name: 'e' })],
      }),
    ).spec;
    expect(spec.serviceAccountName).toBe('default');
    expect(spec.serviceAccount).toBe('default');
    expect(spec.initContainers[0].volumeMounts).toEqual([TOKEN_MOUNT]);
    expect(spec.containers[0].volumeMounts).toEqual([TOKEN_MOUNT]);
    expect(spec.ephemeralContainers[0].volumeMounts).toBeUndefined();
    expect(spec.volumes).toEqual([
      {
        name: 'kube-api-access-b7x2q',
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            {
              downwardAPI: {
                items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
              },
            },
          ],
          defaultMode: 420,
        },
      },
    ]);
  });

  it('takes the deprecated serviceAccount field when serviceAccountName is empty', () => {
    expect(run(pod({ serviceAccount: 'builder', containers: [nginx()] })).spec.serviceAccountName).toBe('builder');
    const both = run(pod({ serviceAccount: 'old', serviceAccountName: 'new', containers: [nginx()] })).spec;
    expect([both.serviceAccountName, both.serviceAccount]).toEqual(['new', 'new']);
  });

  it('does not mount over an existing mount at the token path, nor add a second token volume', () => {
    const own = { name: 'mine', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };
    const spec = run(
      pod({
        containers: [nginx({ volumeMounts: [own] }), nginx({ name: 'd' })],
        volumes: [{ name: 'kube-api-access-abcde', projected: { sources: [] } }],
      }),
    ).spec;
    expect(spec.containers[0].volumeMounts).toEqual([own]);
    expect(spec.containers[1].volumeMounts).toEqual([{ ...TOKEN_MOUNT, name: 'kube-api-access-abcde' }]);
    expect(spec.volumes).toHaveLength(1);
  });

  it('mounts nothing when the pod (or else the account) opts out', () => {
    const optedOut = run(pod({ automountServiceAccountToken: false, containers: [nginx()] })).spec;
    expect(optedOut.volumes).toBeUndefined();
    expect(optedOut.containers[0].volumeMounts).toBeUndefined();
    const accounts = [{ name: 'quiet', automountServiceAccountToken: false, imagePullSecrets: [{ name: 'regcred' }] }];
    const quiet = run(pod({ serviceAccountName: 'quiet', containers: [nginx()] }), { serviceAccounts: accounts }).spec;
    expect(quiet.volumes).toBeUndefined();
    expect(quiet.imagePullSecrets).toEqual([{ name: 'regcred' }]);
    const podWins = run(
      pod({ serviceAccountName: 'quiet', automountServiceAccountToken: true, containers: [nginx()] }),
      {
        serviceAccounts: accounts,
      },
    ).spec;
    expect(podWins.volumes).toHaveLength(1);
  });

  it('refuses a pod whose account does not exist', () => {
    const p = pod({ serviceAccountName: 'ghost', containers: [nginx()] });
    const options = { serviceAccounts: [{ name: 'default' }], namespace: 'team' };
    expect(() => run(p, options)).toThrow(AdmissionForbiddenError);
    expect(() => run(p, options)).toThrow(
      'pods "web" is forbidden: error looking up service account team/ghost: serviceaccount "ghost" not found',
    );
  });

  it('leaves mirror pods alone', () => {
    const mirror = run(
      pod({ containers: [nginx()] }, { name: 'static-web-node1', annotations: { 'kubernetes.io/config.mirror': 'x' } }),
    );
    expect(mirror.spec.serviceAccountName).toBeUndefined();
    expect(mirror.spec.volumes).toBeUndefined();
  });
});

describe('DefaultTolerationSeconds', () => {
  it('adds both NoExecute tolerations for 300s', () => {
    expect(run(pod({ containers: [nginx()] })).spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });

  it('adds only what is not already tolerated (an empty key or effect matches)', () => {
    const own = {
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 60,
    };
    expect(run(pod({ tolerations: [own], containers: [nginx()] })).spec.tolerations).toEqual([
      own,
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    const everything = { operator: 'Exists' };
    expect(run(pod({ tolerations: [everything], containers: [nginx()] })).spec.tolerations).toEqual([everything]);
    const noSchedule = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' };
    expect(run(pod({ tolerations: [noSchedule], containers: [nginx()] })).spec.tolerations).toHaveLength(3);
  });

  it('uses the apiserver flags', () => {
    const t = run(pod({ containers: [nginx()] }), {
      defaultNotReadyTolerationSeconds: 30,
      defaultUnreachableTolerationSeconds: 60,
    });
    expect(t.spec.tolerations.map((x: Obj) => x.tolerationSeconds)).toEqual([30, 60]);
  });
});

describe('Priority', () => {
  it('is 0 with PreemptLowerPriority when there is no class and no global default', () => {
    const spec = run(pod({ containers: [nginx()] })).spec;
    expect([spec.priority, spec.preemptionPolicy, spec.priorityClassName]).toEqual([
      0,
      'PreemptLowerPriority',
      undefined,
    ]);
  });

  it('takes the global default class with the lowest value', () => {
    const classes = [
      { name: 'b', value: 500, globalDefault: true },
      { name: 'a', value: 100, globalDefault: true, preemptionPolicy: 'Never' as const },
    ];
    const spec = run(pod({ containers: [nginx()] }), { priorityClasses: classes }).spec;
    expect([spec.priorityClassName, spec.priority, spec.preemptionPolicy]).toEqual(['a', 100, 'Never']);
  });

  it('resolves a named class, including the system ones', () => {
    expect(run(pod({ priorityClassName: 'system-node-critical', containers: [nginx()] })).spec.priority).toBe(
      2000001000,
    );
    expect(run(pod({ priorityClassName: 'system-cluster-critical', containers: [nginx()] })).spec.priority).toBe(
      2000000000,
    );
  });

  it('refuses unknown classes and a written priority that differs', () => {
    expect(() => run(pod({ priorityClassName: 'gold', containers: [nginx()] }))).toThrow(
      'pods "web" is forbidden: no PriorityClass with name gold was found',
    );
    expect(() => run(pod({ priority: 10, containers: [nginx()] }))).toThrow(
      'pods "web" is forbidden: the integer value of priority (10) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    );
    expect(run(pod({ priority: 0, containers: [nginx()] })).spec.priority).toBe(0);
  });
});

describe('AlwaysPullImages (opt-in)', () => {
  it('is off by default', () => {
    expect(run(pod({ containers: [nginx({ imagePullPolicy: 'Never' })] })).spec.containers[0].imagePullPolicy).toBe(
      'Never',
    );
  });
  it('forces Always on every container when enabled', () => {
    const result = createPod<Obj>(
      pod({
        initContainers: [nginx({ name: 'i', imagePullPolicy: 'IfNotPresent' })],
        containers: [nginx({ imagePullPolicy: 'Never' })],
      }),
      v35,
      { admissionPlugins: { AlwaysPullImages: true } },
    );
    const spec = (result.object as Obj).spec;
    expect([spec.initContainers[0].imagePullPolicy, spec.containers[0].imagePullPolicy]).toEqual(['Always', 'Always']);
    expect(result.provenance.filter((p) => p.setBy === 'admission:AlwaysPullImages').map((p) => p.path)).toEqual([
      'spec.initContainers[0].imagePullPolicy',
      'spec.containers[0].imagePullPolicy',
    ]);
  });
});

describe('plugins can be turned off', () => {
  it('leaves the fields alone', () => {
    const spec = run(pod({ containers: [nginx()] }), {
      admissionPlugins: { ServiceAccount: false, Priority: false, DefaultTolerationSeconds: false },
    }).spec;
    expect([spec.serviceAccountName, spec.priority, spec.tolerations, spec.volumes]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
