/**
 * A pod create request end to end: defaulting, conversion, admission, pod strategy PrepareForCreate
 * (pkg/registry/core/pod/strategy.go) and DropDisabledPodFields (pkg/api/pod/util.go).
 */
import { describe, expect, it } from 'vitest';
import {
  type CreatePodOptions,
  createPod,
  FIELDS_SET_AFTER_CREATE,
  NamespaceMismatchError,
  seededRandomSuffix,
} from '../../../src/k8s/defaults/index.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';

// biome-ignore lint/suspicious/noExplicitAny: free-form JSON fixtures, read by deep property access
type Obj = Record<string, any>;
const v35 = kubeVersion('1.35');
const pod = (spec: Obj, metadata: Obj = { name: 'web' }): Obj => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec });
const nginx = (extra: Obj = {}): Obj => ({ name: 'c', image: 'nginx:1.25', ...extra });
const create = (p: Obj, version = v35, options: CreatePodOptions = {}) =>
  createPod<Obj>(p, version, { randomSuffix: () => 'q2w4z', ...options });

describe('the nginx-5 pod of the seed notes (a 1.26 cluster, kubectl get pod nginx-5 -o yaml)', () => {
  // The manifest, from the kubectl.kubernetes.io/last-applied-configuration annotation shown there.
  const manifest = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels: { app: 'nginx', linux: 'ubuntu' }, name: 'nginx-5', namespace: 'default' },
    spec: {
      containers: [
        { image: 'images.guoguo.com/apps/ubuntu-nginx:1.22.1', name: 'nginx', ports: [{ containerPort: 80 }] },
      ],
      nodeName: 'k8s-node2.guoguo.com',
    },
  };
  const result = createPod<Obj>(manifest, kubeVersion('1.26'), { randomSuffix: () => 'cfg9z' });

  it('has every non-generated field of the printed spec, and nothing else', () => {
    // Transcribed from the notes (keys re-ordered does not matter); uid, timestamps, resourceVersion, IPs,
    // the CNI annotations and the running status are generated later.
    expect(result.object.spec).toEqual({
      containers: [
        {
          image: 'images.guoguo.com/apps/ubuntu-nginx:1.22.1',
          imagePullPolicy: 'IfNotPresent',
          name: 'nginx',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [
            {
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
              name: 'kube-api-access-cfg9z',
              readOnly: true,
            },
          ],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      nodeName: 'k8s-node2.guoguo.com',
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
      volumes: [
        {
          name: 'kube-api-access-cfg9z',
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
              {
                downwardAPI: {
                  items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
                },
              },
            ],
          },
        },
      ],
    });
  });

  it('has the printed metadata and qosClass', () => {
    expect(result.object.metadata).toEqual({
      labels: { app: 'nginx', linux: 'ubuntu' },
      name: 'nginx-5',
      namespace: 'default',
    });
    expect(result.object.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('says who set each field', () => {
    const setBy = Object.fromEntries(result.provenance.map((p) => [p.path, p.setBy]));
    expect(setBy).toEqual({
      'spec.enableServiceLinks': 'defaulting',
      'spec.dnsPolicy': 'defaulting',
      'spec.restartPolicy': 'defaulting',
      'spec.securityContext': 'defaulting',
      'spec.terminationGracePeriodSeconds': 'defaulting',
      'spec.schedulerName': 'defaulting',
      'spec.containers[0].imagePullPolicy': 'defaulting',
      'spec.containers[0].terminationMessagePath': 'defaulting',
      'spec.containers[0].terminationMessagePolicy': 'defaulting',
      'spec.containers[0].ports[0].protocol': 'defaulting',
      'spec.serviceAccountName': 'admission:ServiceAccount',
      'spec.containers[0].volumeMounts[0]': 'admission:ServiceAccount',
      'spec.volumes[0]': 'admission:ServiceAccount',
      'spec.priority': 'admission:Priority',
      'spec.preemptionPolicy': 'admission:Priority',
      'spec.tolerations[0]': 'admission:DefaultTolerationSeconds',
      'spec.tolerations[1]': 'admission:DefaultTolerationSeconds',
      'status.phase': 'registry:PrepareForCreate',
      'status.qosClass': 'registry:PrepareForCreate',
      'spec.serviceAccount': 'conversion',
      'spec.containers[0].resources': 'serialization',
    });
    for (const p of result.provenance) expect(p.citation).toMatch(/^(pkg|plugin|staging)\/\S+\.go /);
  });

  it('leaves the scheduler and kubelet fields to them', () => {
    expect(FIELDS_SET_AFTER_CREATE.map((f) => f.path)).toContain('spec.nodeName');
    expect(result.provenance.some((p) => p.path.startsWith('status.conditions'))).toBe(false);
  });
});

describe('determinism', () => {
  it('the same input and generator give the same pod', () => {
    const a = createPod<Obj>(pod({ containers: [nginx()] }), v35, { randomSuffix: seededRandomSuffix(7) });
    const b = createPod<Obj>(pod({ containers: [nginx()] }), v35, { randomSuffix: seededRandomSuffix(7) });
    expect(a).toEqual(b);
    expect(a.object.spec.volumes[0].name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('without a generator the seeded default is used', () => {
    expect(createPod<Obj>(pod({ containers: [nginx()] }), v35).object.spec.volumes[0].name).toBe(
      createPod<Obj>(pod({ containers: [nginx()] }), v35).object.spec.volumes[0].name,
    );
  });

  it('does not modify the input', () => {
    const input = pod({ containers: [nginx()] });
    const before = JSON.stringify(input);
    create(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('metadata', () => {
  it('takes the namespace of the request, and refuses a different one', () => {
    expect(create(pod({ containers: [nginx()] }), v35, { namespace: 'team' }).object.metadata.namespace).toBe('team');
    expect(() =>
      create(pod({ containers: [nginx()] }, { name: 'x', namespace: 'a' }), v35, { namespace: 'b' }),
    ).toThrow(NamespaceMismatchError);
  });

  it('generates a name from generateName (cut to 58 characters)', () => {
    expect(create(pod({ containers: [nginx()] }, { generateName: 'job-' })).object.metadata.name).toBe('job-q2w4z');
    const long = 'x'.repeat(70);
    expect(create(pod({ containers: [nginx()] }, { generateName: long })).object.metadata.name).toBe(
      `${'x'.repeat(58)}q2w4z`,
    );
  });

  it('sets creationTimestamp and uid only when given', () => {
    const plain = create(pod({ containers: [nginx()] })).object.metadata;
    expect([plain.creationTimestamp, plain.uid]).toEqual([undefined, undefined]);
    const filled = create(pod({ containers: [nginx()] }), v35, { now: 1234, uid: 'u-1' }).object.metadata;
    expect([filled.creationTimestamp, filled.uid]).toEqual([1234, 'u-1']);
  });

  it('has generation 1 from 1.33 (PR #130181), none before', () => {
    expect(create(pod({ containers: [nginx()] }), kubeVersion('1.32')).object.metadata.generation).toBeUndefined();
    expect(create(pod({ containers: [nginx()] }), kubeVersion('1.33')).object.metadata.generation).toBe(1);
  });
});

describe('status at create', () => {
  it('discards a written status', () => {
    const written = { ...pod({ containers: [nginx()] }), status: { phase: 'Running', podIP: '10.0.0.1' } };
    const result = create(written);
    expect(result.object.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(result.provenance.find((p) => p.path === 'status.podIP')).toMatchObject({ removed: true });
  });

  it('computes the QoS class after admission', () => {
    const guaranteed = pod({ containers: [nginx({ resources: { limits: { cpu: '1', memory: '1Gi' } } })] });
    expect(create(guaranteed).object.status.qosClass).toBe('Guaranteed');
  });
});

describe('scheduling gates', () => {
  const gated = pod({ schedulingGates: [{ name: 'example.com/wait' }], containers: [nginx()] });
  it('add a PodScheduled=False SchedulingGated condition from 1.27', () => {
    const out = create(gated, kubeVersion('1.27'), { now: 50 }).object;
    expect(out.spec.schedulingGates).toEqual([{ name: 'example.com/wait' }]);
    expect(out.status.conditions).toEqual([
      {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null,
        lastTransitionTime: 50,
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
      },
    ]);
  });
  it('are dropped in 1.26 (PodSchedulingReadiness alpha, off) and unknown before', () => {
    const v126 = create(gated, kubeVersion('1.26'));
    expect(v126.object.spec.schedulingGates).toBeUndefined();
    expect(v126.provenance.find((p) => p.path === 'spec.schedulingGates')?.setBy).toBe(
      'registry:DropDisabledPodFields',
    );
    const v125 = create(gated, kubeVersion('1.25'));
    expect(v125.provenance.find((p) => p.path === 'spec.schedulingGates')?.setBy).toBe('decoding');
    expect(v126.object.status.conditions).toBeUndefined();
  });
});

describe('container restartPolicy (sidecars, KEP-753) and restartPolicyRules (KEP-5307)', () => {
  const sidecar = pod({
    initContainers: [nginx({ name: 'proxy', restartPolicy: 'Always' })],
    containers: [
      nginx({
        restartPolicy: 'Never',
        restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }],
      }),
    ],
  });
  const at = (v: string, overrides = {}) => create(sidecar, kubeVersion(v, overrides)).object.spec;

  it('1.27: the fields do not exist yet', () => {
    const spec = at('1.27');
    expect(spec.initContainers[0].restartPolicy).toBeUndefined();
    expect(spec.containers[0].restartPolicy).toBeUndefined();
  });
  it('1.28: the sidecar field is dropped while SidecarContainers is off, kept when it is on', () => {
    expect(at('1.28').initContainers[0].restartPolicy).toBeUndefined();
    expect(at('1.28', { SidecarContainers: true }).initContainers[0].restartPolicy).toBe('Always');
    // On regular containers the field exists from 1.28; validation (not dropping) rejects it until 1.34.
    expect(at('1.28').containers[0].restartPolicy).toBe('Never');
    expect(at('1.28').containers[0].restartPolicyRules).toBeUndefined();
  });
  it('1.34: ContainerRestartRules is off, so container rules are dropped and sidecars kept', () => {
    const spec = at('1.34');
    expect(spec.initContainers[0].restartPolicy).toBe('Always');
    expect(spec.containers[0].restartPolicy).toBeUndefined();
    expect(spec.containers[0].restartPolicyRules).toBeUndefined();
    expect(at('1.34', { ContainerRestartRules: true }).containers[0].restartPolicy).toBe('Never');
  });
  it('1.35: everything is kept', () => {
    const spec = at('1.35');
    expect(spec.containers[0].restartPolicy).toBe('Never');
    expect(spec.containers[0].restartPolicyRules).toHaveLength(1);
  });
  it('1.34 with the gate off drops a non-Always init container policy too', () => {
    const init = pod({ initContainers: [nginx({ name: 'i', restartPolicy: 'OnFailure' })], containers: [nginx()] });
    expect(create(init, kubeVersion('1.34')).object.spec.initContainers[0].restartPolicy).toBeUndefined();
  });
});

describe('pod-level resources', () => {
  const withPodResources = pod({ resources: { limits: { cpu: '1', memory: '1Gi' } }, containers: [nginx()] });
  it('are dropped while PodLevelResources is off (1.32, 1.33) and kept from 1.34', () => {
    expect(create(withPodResources, kubeVersion('1.33')).object.spec.resources).toBeUndefined();
    const kept = create(withPodResources, kubeVersion('1.34')).object;
    expect(kept.spec.resources).toEqual({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } });
    expect(kept.status.qosClass).toBe('Guaranteed');
  });
});
