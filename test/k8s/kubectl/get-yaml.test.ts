import { describe, expect, it } from 'vitest';
import { GetYamlError, renderGetYaml, toWireObject, YamlPrinter } from '../../../src/k8s/kubectl/get-yaml.ts';
import { unixSeconds } from '../../../src/k8s/util/go-time.ts';
import { KUBECTL_GET_OUTPUT_AS_PRINTED } from '../../manifest/parse/fixtures/seed-manifests.ts';

// The seed's `kubectl get pods nginx-5 -o yaml` (/work/shared/seed/pod-policies-notes.zh-CN.txt, a real cluster,
// Calico CNI, containerd), with the author's `#` comment lines removed. Everything else is byte for byte.
const SEED_NGINX_5_YAML = KUBECTL_GET_OUTPUT_AS_PRINTED;

const LAST_APPLIED =
  '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"nginx","linux":"ubuntu"},' +
  '"name":"nginx-5","namespace":"default"},"spec":{"containers":[{"image":"images.guoguo.com/apps/ubuntu-nginx:1.22.1",' +
  '"name":"nginx","ports":[{"containerPort":80}]}],"nodeName":"k8s-node2.guoguo.com"}}\n';

const created = unixSeconds(2023, 8, 9, 2, 35, 8);
const ready = unixSeconds(2023, 8, 9, 2, 38, 19);

// The same pod as a model object: fields in Go struct order (not sorted), times in virtual-clock seconds.
function nginx5(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'nginx-5',
      namespace: 'default',
      uid: 'c3082ae6-0952-44e0-bfb9-f89b9fa3013a',
      resourceVersion: '116336',
      creationTimestamp: created,
      labels: { linux: 'ubuntu', app: 'nginx' },
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': LAST_APPLIED,
        'cni.projectcalico.org/podIPs': '192.28.252.231/32',
        'cni.projectcalico.org/podIP': '192.28.252.231/32',
        'cni.projectcalico.org/containerID': 'a0d92f4cecd6d9987c4e3b89f35b16780d4dca64fd8922f2f95bb3ed420eead0',
      },
    },
    spec: {
      volumes: [
        {
          name: 'kube-api-access-cfg9z',
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
      ],
      containers: [
        {
          name: 'nginx',
          image: 'images.guoguo.com/apps/ubuntu-nginx:1.22.1',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          volumeMounts: [
            {
              name: 'kube-api-access-cfg9z',
              readOnly: true,
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
            },
          ],
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      serviceAccount: 'default',
      nodeName: 'k8s-node2.guoguo.com',
      securityContext: {},
      schedulerName: 'default-scheduler',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
    },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: created },
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: ready },
        { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: ready },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: created },
      ],
      hostIP: '172.17.8.12',
      podIP: '192.28.252.231',
      podIPs: [{ ip: '192.28.252.231' }],
      startTime: created,
      containerStatuses: [
        {
          name: 'nginx',
          state: { running: { startedAt: ready } },
          lastState: {},
          ready: true,
          restartCount: 0,
          image: 'images.guoguo.com/apps/ubuntu-nginx:1.22.1',
          imageID:
            'images.guoguo.com/apps/ubuntu-nginx@sha256:5d90159fb7d3c4076eabbe2fefe74dafe262e5a16d40a64fd685dbb4f14926d9',
          containerID: 'containerd://0c57c25f874d8dc4810c5f45604c0926e285111adc9674473304f041a0684f6e',
          started: true,
        },
      ],
      qosClass: 'BestEffort',
    },
  };
}

describe('renderGetYaml: the seed pod', () => {
  it('matches the real `kubectl get pods nginx-5 -o yaml` byte for byte', () => {
    expect(renderGetYaml(nginx5())).toBe(SEED_NGINX_5_YAML);
  });
  it('does not change its input', () => {
    const pod = nginx5();
    renderGetYaml(pod);
    expect(pod).toEqual(nginx5());
  });
});

describe('renderGetYaml: object handling', () => {
  it('drops metadata.managedFields unless --show-managed-fields', () => {
    const pod = {
      metadata: {
        name: 'p',
        managedFields: [{ manager: 'kubectl', operation: 'Update', time: created, fieldsType: 'FieldsV1' }],
      },
    };
    expect(renderGetYaml(pod)).toBe('metadata:\n  name: p\n');
    expect(renderGetYaml(pod, { showManagedFields: true })).toBe(
      'metadata:\n  managedFields:\n  - fieldsType: FieldsV1\n    manager: kubectl\n    operation: Update\n' +
        '    time: "2023-08-09T02:35:08Z"\n  name: p\n',
    );
  });
  it('leaves out undefined members and keeps null ones', () => {
    expect(renderGetYaml({ a: undefined, b: null })).toBe('b: null\n');
  });
  it('converts only number values of metav1.Time fields', () => {
    expect(toWireObject({ metadata: { creationTimestamp: 0 }, spec: { startTime: 'x' } })).toEqual({
      metadata: { creationTimestamp: '1970-01-01T00:00:00Z' },
      spec: { startTime: 'x' },
    });
    // `time` is a metav1.Time only inside managedFields
    expect(toWireObject({ spec: { time: 5 } })).toEqual({ spec: { time: 5 } });
  });
  it('rejects what json.Marshal cannot encode', () => {
    expect(() => renderGetYaml({ a: Number.NaN })).toThrow(/unsupported value/);
    expect(() => renderGetYaml({ a: new Map() })).toThrow(GetYamlError);
  });
});

describe('YamlPrinter', () => {
  it('separates objects after the first with ---', () => {
    const printer = new YamlPrinter();
    expect(printer.print({ a: 'b' })).toBe('a: b\n');
    expect(printer.print({ c: 'd' })).toBe('---\nc: d\n');
  });
});
