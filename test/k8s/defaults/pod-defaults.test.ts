/**
 * v1 defaulting of a Pod: pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_PodSpec,
 * SetDefaults_Container, SetDefaults_Probe, volume defaults) and defaults_test.go TestPodDefaults.
 */
import { describe, expect, it } from 'vitest';
import { DefaultingInputError, defaultPod } from '../../../src/k8s/defaults/index.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';

const v35 = kubeVersion('1.35');
// biome-ignore lint/suspicious/noExplicitAny: free-form JSON fixtures, read by deep property access
type Obj = Record<string, any>;
const pod = (spec: Obj): Obj => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const spec = (p: Obj, version = v35): Obj => defaultPod<Obj>(p, version).object.spec;

describe('SetDefaults_PodSpec', () => {
  it('fills the pod-level defaults', () => {
    const s = spec(pod({ containers: [{ name: 'c', image: 'nginx' }] }));
    expect(s.dnsPolicy).toBe('ClusterFirst');
    expect(s.restartPolicy).toBe('Always');
    expect(s.securityContext).toEqual({});
    expect(s.terminationGracePeriodSeconds).toBe(30);
    expect(s.schedulerName).toBe('default-scheduler');
    expect(s.enableServiceLinks).toBe(true);
  });

  it('keeps what was written (terminationGracePeriodSeconds 0 is a value, not unset)', () => {
    const s = spec(
      pod({
        restartPolicy: 'Never',
        dnsPolicy: 'Default',
        terminationGracePeriodSeconds: 0,
        enableServiceLinks: false,
        schedulerName: 'mine',
        securityContext: { runAsUser: 1000 },
        containers: [{ name: 'c', image: 'nginx' }],
      }),
    );
    expect(s).toMatchObject({
      restartPolicy: 'Never',
      dnsPolicy: 'Default',
      terminationGracePeriodSeconds: 0,
      enableServiceLinks: false,
      schedulerName: 'mine',
      securityContext: { runAsUser: 1000 },
    });
  });

  it('gives a pod without a spec the zero PodSpec defaults', () => {
    expect(defaultPod<Obj>({ metadata: { name: 'x' } }, v35).object.spec).toMatchObject({ restartPolicy: 'Always' });
  });
});

describe('SetDefaults_Container', () => {
  it('fills imagePullPolicy and the termination message fields on every kind of container', () => {
    const s = spec(
      pod({
        initContainers: [{ name: 'i', image: 'busybox:1.36' }],
        containers: [{ name: 'c', image: 'nginx' }],
        ephemeralContainers: [{ name: 'e', image: 'busybox' }],
      }),
    );
    for (const c of [s.initContainers[0], s.containers[0], s.ephemeralContainers[0]]) {
      expect(c.terminationMessagePath).toBe('/dev/termination-log');
      expect(c.terminationMessagePolicy).toBe('File');
    }
    expect(s.initContainers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(s.containers[0].imagePullPolicy).toBe('Always');
    expect(s.ephemeralContainers[0].imagePullPolicy).toBe('Always');
  });

  it('keeps an explicit policy and records why a default was chosen', () => {
    const result = defaultPod<Obj>(
      pod({
        containers: [
          { name: 'a', image: 'nginx:latest', imagePullPolicy: 'Never' },
          { name: 'b', image: 'nginx' },
          { name: 'c', image: 'NGINX' },
        ],
      }),
      v35,
    );
    expect(result.object.spec.containers[0].imagePullPolicy).toBe('Never');
    expect(result.provenance.find((p) => p.path === 'spec.containers[0].imagePullPolicy')).toBeUndefined();
    expect(result.provenance.find((p) => p.path === 'spec.containers[1].imagePullPolicy')).toEqual({
      path: 'spec.containers[1].imagePullPolicy',
      value: 'Always',
      setBy: 'defaulting',
      citation: 'pkg/apis/core/v1/defaults.go SetDefaults_Container',
      note: 'no tag or digest in "nginx": tag latest',
    });
    const failed = result.provenance.find((p) => p.path === 'spec.containers[2].imagePullPolicy');
    expect(failed?.value).toBe('IfNotPresent');
    expect(failed?.note).toContain('must be lowercase');
  });

  it('an empty image (a template) defaults to IfNotPresent', () => {
    expect(spec(pod({ containers: [{ name: 'c' }] })).containers[0].imagePullPolicy).toBe('IfNotPresent');
  });

  it('defaults port protocols and env fieldRef apiVersions', () => {
    const s = spec(
      pod({
        containers: [
          {
            name: 'c',
            image: 'nginx',
            ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }],
            env: [
              { name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
              { name: 'X', value: '1' },
            ],
          },
        ],
      }),
    );
    expect(s.containers[0].ports).toEqual([
      { containerPort: 80, protocol: 'TCP' },
      { containerPort: 53, protocol: 'UDP' },
    ]);
    expect(s.containers[0].env[0].valueFrom.fieldRef).toEqual({ apiVersion: 'v1', fieldPath: 'metadata.namespace' });
    expect(s.containers[0].env[1]).toEqual({ name: 'X', value: '1' });
  });

  it('defaults probes and httpGet handlers, and the gRPC service', () => {
    const c = spec(
      pod({
        containers: [
          {
            name: 'c',
            image: 'nginx',
            livenessProbe: { httpGet: { port: 80 } },
            readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 },
            startupProbe: { grpc: { port: 9000 } },
            lifecycle: { preStop: { httpGet: { port: 80, path: '/stop' } } },
          },
        ],
      }),
    ).containers[0];
    expect(c.livenessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(c.readinessProbe.periodSeconds).toBe(5);
    expect(c.startupProbe.grpc).toEqual({ port: 9000, service: '' });
    expect(c.lifecycle.preStop.httpGet).toEqual({ port: 80, path: '/stop', scheme: 'HTTP' });
  });
});

describe('resources', () => {
  it('copies missing requests from limits on Pods', () => {
    const c = spec(
      pod({
        initContainers: [{ name: 'i', image: 'busybox', resources: { limits: { memory: '64Mi' } } }],
        containers: [
          { name: 'c', image: 'nginx', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '250m' } } },
        ],
      }),
    );
    expect(c.containers[0].resources).toEqual({
      limits: { cpu: '1', memory: '1Gi' },
      requests: { cpu: '250m', memory: '1Gi' },
    });
    expect(c.initContainers[0].resources.requests).toEqual({ memory: '64Mi' });
  });

  it('rounds up to milli-units and stores canonical strings', () => {
    const result = defaultPod<Obj>(
      pod({
        containers: [
          {
            name: 'c',
            image: 'nginx',
            resources: { limits: { cpu: 0.5, memory: '1024Mi' }, requests: { cpu: '0.0001' } },
          },
        ],
      }),
      v35,
    );
    expect(result.object.spec.containers[0].resources).toEqual({
      limits: { cpu: '500m', memory: '1Gi' },
      requests: { cpu: '1m', memory: '1Gi' },
    });
    const byPath = (p: string) => result.provenance.filter((e) => e.path === p).map((e) => e.setBy);
    expect(byPath('spec.containers[0].resources.requests.cpu')).toEqual(['defaulting']);
    expect(byPath('spec.containers[0].resources.limits.cpu')).toEqual(['serialization']);
    expect(byPath('spec.containers[0].resources.requests.memory')).toEqual(['defaulting', 'serialization']);
  });

  it('rejects quantities the decoder rejects', () => {
    const bad = pod({ containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '1 core' } } }] });
    expect(() => defaultPod<Obj>(bad, v35)).toThrow(DefaultingInputError);
    expect(() => defaultPod<Obj>(bad, v35)).toThrow('spec.containers[0].resources.limits.cpu: quantities must match');
  });
});

describe('volumes', () => {
  it('fills the source defaults', () => {
    const s = spec(
      pod({
        containers: [{ name: 'c', image: 'nginx' }],
        volumes: [
          { name: 'empty' },
          { name: 'secret', secret: { secretName: 's' } },
          { name: 'cm', configMap: { name: 'c', defaultMode: 256 } },
          { name: 'host', hostPath: { path: '/data' } },
          { name: 'dapi', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
          { name: 'proj', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
          { name: 'rbd', rbd: { monitors: ['m'], image: 'i' } },
          {
            name: 'eph',
            ephemeral: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '1Gi' } } } } },
          },
        ],
      }),
    );
    const [empty, secret, cm, host, dapi, proj, rbd, eph] = s.volumes;
    expect(empty).toEqual({ name: 'empty', emptyDir: {} });
    expect(secret.secret.defaultMode).toBe(420);
    expect(cm.configMap.defaultMode).toBe(256);
    expect(host.hostPath).toEqual({ path: '/data', type: '' });
    expect(dapi.downwardAPI.defaultMode).toBe(420);
    expect(dapi.downwardAPI.items[0].fieldRef.apiVersion).toBe('v1');
    expect(proj.projected).toEqual({
      sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }],
      defaultMode: 420,
    });
    expect(rbd.rbd).toMatchObject({ pool: 'rbd', user: 'admin', keyring: '/etc/ceph/keyring' });
    expect(eph.ephemeral.volumeClaimTemplate.spec.volumeMode).toBe('Filesystem');
  });

  it('defaults image volume pull policies only when the ImageVolume gate is on (default from 1.35)', () => {
    const p = pod({
      containers: [{ name: 'c', image: 'nginx' }],
      volumes: [{ name: 'v', image: { reference: 'quay.io/x/y' } }],
    });
    expect(spec(p).volumes[0].image.pullPolicy).toBe('Always');
    expect(spec(p, kubeVersion('1.34')).volumes[0].image.pullPolicy).toBeUndefined();
    expect(defaultPod<Obj>(p, kubeVersion('1.34'), { imageVolume: true }).object.spec.volumes[0].image.pullPolicy).toBe(
      'Always',
    );
  });
});

describe('hostNetwork ports', () => {
  it('copies containerPort to hostPort on Pods in every release', () => {
    for (const v of ['1.27', '1.28']) {
      const s = spec(
        pod({ hostNetwork: true, containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 8080 }] }] }),
        kubeVersion(v),
      );
      expect(s.containers[0].ports[0]).toEqual({ containerPort: 8080, hostPort: 8080, protocol: 'TCP' });
    }
  });
});

describe('the input', () => {
  it('is not modified, and unknown fields are kept', () => {
    const input = pod({ containers: [{ name: 'c', image: 'nginx', futureField: { a: 1 } }], futureSpecField: true });
    const before = JSON.stringify(input);
    const out = defaultPod<Obj>(input, v35).object;
    expect(JSON.stringify(input)).toBe(before);
    expect(out.spec.futureSpecField).toBe(true);
    expect(out.spec.containers[0].futureField).toEqual({ a: 1 });
    expect(out).not.toBe(input);
  });

  it('must have the JSON types the decoder expects', () => {
    expect(() => defaultPod<Obj>('pod', v35)).toThrow(DefaultingInputError);
    expect(() => defaultPod<Obj>(pod({ containers: 'nginx' }), v35)).toThrow('spec.containers: expected a list');
    expect(() => defaultPod<Obj>(pod({ containers: [{ name: 'c', image: 42 }] }), v35)).toThrow(
      'spec.containers[0].image',
    );
    expect(() => defaultPod<Obj>(pod({ containers: ['nginx'] }), v35)).toThrow(
      'spec.containers[0]: expected an object',
    );
  });
});
