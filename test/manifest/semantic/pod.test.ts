/**
 * Pod validation on create (pkg/apis/core/validation/validation.go ValidatePodCreate). Expected messages are
 * written from the Go code: field.Error rendering, the order errors are appended in, and the release switches.
 */
import { describe, expect, it } from 'vitest';
import { kubeVersion } from '../../../src/k8s/version/index.ts';
import { validateForCreate } from '../../../src/manifest/semantic/index.ts';
import { messages, pod } from './helpers.ts';

const RESTART_VALUES = 'supported values: "Always", "OnFailure", "Never"';
const PULL_VALUES = 'supported values: "Always", "IfNotPresent", "Never"';

describe('the seed manifest (pod-policies-notes)', () => {
  it('a misspelt restartPolicy `Onfailure` lists the values in code order', () => {
    expect(messages(pod((p) => (p.spec.restartPolicy = 'Onfailure')))).toEqual([
      `spec.restartPolicy: Unsupported value: "Onfailure": ${RESTART_VALUES}`,
    ]);
  });
  it('a misspelt imagePullPolicy `Nerser` lists the values sorted', () => {
    expect(messages(pod((p) => (p.spec.containers[0].imagePullPolicy = 'Nerser')))).toEqual([
      `spec.containers[0].imagePullPolicy: Unsupported value: "Nerser": ${PULL_VALUES}`,
    ]);
  });
  it('`containers:` written as a map (a decode error first) does not crash validation: it reads as no containers', () => {
    const seed = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'nginx-5', namespace: 'default', labels: { app: 'nginx', linux: 'ubuntu' } },
      spec: {
        nodeName: 'k8s-node2.guoguo.com',
        containers: {
          name: 'nginx',
          ports: [{ containerPort: 80 }],
          image: 'images.guoguo.com/apps/ubuntu-nginx:1.20.1',
        },
      },
    };
    expect(messages(seed)).toEqual(['spec.containers: Required value']);
  });
  it('the corrected seed manifest (restartPolicy Never, imagePullPolicy Never) is valid', () => {
    const fixed = pod((p) => {
      p.metadata = { name: 'nginx-5', namespace: 'default', labels: { app: 'nginx', linux: 'ubuntu' } };
      p.spec = {
        restartPolicy: 'Never',
        containers: [
          {
            name: 'nginx',
            imagePullPolicy: 'Never',
            ports: [{ containerPort: 80 }],
            image: 'images.guoguo.com/apps/ubuntu-nginx:1.24.0',
          },
        ],
      };
    });
    expect(messages(fixed)).toEqual([]);
  });
});

describe('error order follows the Go appends', () => {
  it('metadata, then volumes, containers (name, image, policy...), init containers, then pod-level fields', () => {
    const p = pod((x) => {
      x.metadata.name = 'Bad_Name';
      x.spec.restartPolicy = 'Sometimes';
      x.spec.dnsPolicy = 'Cluster';
      x.spec.volumes = [{ name: 'Vol', emptyDir: {} }];
      x.spec.containers = [{ image: '', imagePullPolicy: 'Nerver' }];
      x.spec.initContainers = [{ name: 'init', image: 'busybox', readinessProbe: { exec: { command: ['true'] } } }];
    });
    expect(messages(p, 33)).toEqual([
      expect.stringMatching(/^metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/),
      expect.stringMatching(/^spec\.volumes\[0\]\.name: Invalid value: "Vol": a lowercase RFC 1123 label/),
      'spec.containers[0].name: Required value',
      'spec.containers[0].image: Required value',
      `spec.containers[0].imagePullPolicy: Unsupported value: "Nerver": ${PULL_VALUES}`,
      'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      `spec.restartPolicy: Unsupported value: "Sometimes": ${RESTART_VALUES}`,
      'spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ]);
  });
  it('a duplicate name is reported after the container checks, a host-port conflict after all containers', () => {
    const p = pod((x) => {
      x.spec.containers = [
        { name: 'a', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080 }] },
        { name: 'a', image: 'nginx', ports: [{ containerPort: 81, hostPort: 8080 }], imagePullPolicy: 'x' },
      ];
    });
    expect(messages(p)).toEqual([
      `spec.containers[1].imagePullPolicy: Unsupported value: "x": ${PULL_VALUES}`,
      'spec.containers[1].name: Duplicate value: "a"',
      'spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"',
    ]);
  });
  it('init containers clash with regular container names', () => {
    const p = pod((x) => (x.spec.initContainers = [{ name: 'nginx', image: 'busybox' }]));
    expect(messages(p)).toEqual(['spec.initContainers[0].name: Duplicate value: "nginx"']);
  });
});

describe('defaulted fields never report Required', () => {
  it('a minimal pod is valid: restartPolicy, dnsPolicy, terminationMessagePolicy, pullPolicy, protocol are defaulted', () => {
    expect(messages(pod((p) => (p.spec.containers[0].ports = [{ containerPort: 80 }])))).toEqual([]);
  });
  it('a probe gets its thresholds defaulted, so only the handler is checked', () => {
    expect(messages(pod((p) => (p.spec.containers[0].livenessProbe = { periodSeconds: 5 })))).toEqual([
      'spec.containers[0].livenessProbe: Required value: must specify a handler type',
    ]);
  });
  it('the namespace comes from the request, a generateName becomes the name', () => {
    const r = validateForCreate(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { generateName: 'web-' },
        spec: { containers: [{ name: 'a', image: 'x' }] },
      },
      { version: kubeVersion(35), namespace: 'team-a' },
    );
    expect(r.errors).toEqual([]);
    expect(r.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect((r.object as { metadata: { namespace: string } }).metadata.namespace).toBe('team-a');
  });
});

describe('containers', () => {
  it('names: missing, too long, with dots', () => {
    const p = pod((x) => {
      x.spec.containers = [{ image: 'a' }, { name: 'c'.repeat(64), image: 'a' }, { name: 'a.b', image: 'a' }];
    });
    expect(messages(p)).toEqual([
      'spec.containers[0].name: Required value',
      `spec.containers[1].name: Invalid value: "${'c'.repeat(64)}": must be no more than 63 characters`,
      'spec.containers[2].name: Invalid value: "a.b": must not contain dots',
    ]);
  });
  it('a Pod image may not have surrounding whitespace (checked after the spec)', () => {
    const p = pod((x) => {
      x.spec.containers[0].image = ' nginx ';
      x.spec.restartPolicy = 'x';
    });
    expect(messages(p)).toEqual([
      `spec.restartPolicy: Unsupported value: "x": ${RESTART_VALUES}`,
      'spec.containers[0].image: Invalid value: " nginx ": must not have leading or trailing whitespace',
    ]);
  });
  it('ports: zero, out of range, protocol (sorted set), duplicate names', () => {
    const p = pod((x) => {
      x.spec.containers[0].ports = [
        { containerPort: 0, name: 'http' },
        { containerPort: 70000, hostPort: -1, protocol: 'HTTP', name: 'http' },
      ];
    });
    expect(messages(p)).toEqual([
      'spec.containers[0].ports[0].containerPort: Required value',
      'spec.containers[0].ports[1].name: Duplicate value: "http"',
      'spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[1].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });
  it('with hostNetwork a Pod hostPort must equal containerPort (0 is defaulted to it)', () => {
    const p = pod((x) => {
      x.spec.hostNetwork = true;
      x.spec.containers[0].ports = [{ containerPort: 80 }, { containerPort: 81, hostPort: 82 }];
    });
    expect(messages(p)).toEqual([
      'spec.containers[0].ports[1].hostPort: Invalid value: 82: must match `containerPort` when `hostNetwork` is true',
    ]);
  });
  it('terminationMessagePolicy lists File, FallbackToLogsOnError in code order', () => {
    expect(messages(pod((x) => (x.spec.containers[0].terminationMessagePolicy = 'Always')))).toEqual([
      'spec.containers[0].terminationMessagePolicy: Unsupported value: "Always": supported values: "File", "FallbackToLogsOnError"',
    ]);
  });
  it('volume mounts: unknown volume, duplicate path, backsteps in subPath (reported at the list path)', () => {
    const p = pod((x) => {
      x.spec.volumes = [{ name: 'data', emptyDir: {} }];
      x.spec.containers[0].volumeMounts = [
        { name: 'nope', mountPath: '/data' },
        { name: 'data', mountPath: '/data', subPath: '../etc' },
      ];
    });
    expect(messages(p)).toEqual([
      'spec.containers[0].volumeMounts[0].name: Not found: "nope"',
      'spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique',
      'spec.containers[0].volumeMounts.subPath: Invalid value: "../etc": must not contain \'..\'',
    ]);
  });
  it('volumes: two sources, a missing secret name, a bad file mode', () => {
    const p = pod((x) => {
      x.spec.volumes = [
        { name: 'a', emptyDir: {}, hostPath: { path: '/x' } },
        { name: 'b', secret: { defaultMode: 1000 } },
      ];
    });
    expect(messages(p)).toEqual([
      'spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type',
      'spec.volumes[1].secret.secretName: Required value',
      'spec.volumes[1].secret.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive',
    ]);
  });
});

describe('probes and lifecycle', () => {
  it('more than one handler: the later ones are Forbidden', () => {
    const p = pod(
      (x) =>
        (x.spec.containers[0].livenessProbe = {
          exec: { command: ['true'] },
          httpGet: { port: 80 },
          tcpSocket: { port: 80 },
        }),
    );
    expect(messages(p)).toEqual([
      'spec.containers[0].livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type',
      'spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
    ]);
  });
  it('liveness and startup need successThreshold 1; readiness forbids terminationGracePeriodSeconds', () => {
    const p = pod((x) => {
      x.spec.containers[0].livenessProbe = {
        tcpSocket: { port: 'http' },
        successThreshold: 2,
        initialDelaySeconds: -1,
      };
      x.spec.containers[0].readinessProbe = { exec: { command: [] }, terminationGracePeriodSeconds: 10 };
    });
    expect(messages(p)).toEqual([
      'spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0',
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      'spec.containers[0].readinessProbe.exec.command: Required value',
      'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes',
    ]);
  });
  it('port names in handlers follow IsValidPortName, numbers IsValidPortNum', () => {
    const p = pod((x) => (x.spec.containers[0].startupProbe = { httpGet: { port: 'HTTP', path: '/' } }));
    expect(messages(p)).toEqual([
      'spec.containers[0].startupProbe.httpGet.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.containers[0].startupProbe.httpGet.port: Invalid value: "HTTP": must contain at least one letter (a-z)',
    ]);
  });
});

describe('pod-level fields', () => {
  it('activeDeadlineSeconds, hostname, subdomain, nodeSelector, serviceAccountName, nodeName, priorityClassName', () => {
    const p = pod((x) => {
      x.spec.activeDeadlineSeconds = 0;
      x.spec.hostname = 'My_Host';
      x.spec.nodeSelector = { disktype: 'ssd drive' };
      x.spec.nodeName = 'Node_1';
    });
    const got = messages(p);
    expect(got.map((m) => m.slice(0, m.indexOf(':')))).toEqual([
      'spec.nodeSelector',
      'spec.nodeName',
      'spec.activeDeadlineSeconds',
      'spec.hostname',
    ]);
    expect(got[2]).toBe('spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive');
  });
  it('tolerations: operator rules and effects in code order', () => {
    const p = pod((x) => {
      x.spec.tolerations = [
        { operator: 'Equal', value: 'x' },
        { key: 'k', operator: 'Exists', value: 'v', effect: 'NoRun' },
      ];
    });
    expect(messages(p)).toEqual([
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      'spec.tolerations[1].operator: Invalid value: "v": value must be empty when `operator` is \'Exists\'',
      'spec.tolerations[1].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });
  it('ephemeral containers cannot be set on create', () => {
    const p = pod((x) => (x.spec.ephemeralContainers = [{ name: 'debug', image: 'busybox' }]));
    expect(messages(p)).toEqual(['spec.ephemeralContainers: Forbidden: cannot be set on create']);
  });
  it('labels and annotations of the metadata', () => {
    const p = pod((x) => {
      x.metadata.labels = { 'app/x/y': 'ok', tier: '-bad' };
      x.metadata.annotations = { 'controller.kubernetes.io/pod-deletion-cost': 'lots' };
    });
    expect(messages(p)).toEqual([
      expect.stringMatching(/^metadata\.labels: Invalid value: "app\/x\/y": a qualified name must consist/),
      expect.stringMatching(/^metadata\.labels: Invalid value: "-bad": a valid label must be an empty string/),
      'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "lots": must be a 32bit integer',
    ]);
  });
});

describe('resources', () => {
  it('a request above its limit names the limit from 1.27, in canonical quantity form', () => {
    const p = pod((x) => (x.spec.containers[0].resources = { limits: { cpu: '0.5' }, requests: { cpu: '1' } }));
    expect(messages(p, 27)).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
    ]);
    expect(messages(p, 26)).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit',
    ]);
  });
  it('unknown resource names: qualified-name, standard-resource and container-resource checks', () => {
    const p = pod((x) => (x.spec.containers[0].resources = { limits: { cpus: '1', pods: '1' } }));
    expect(messages(p)).toEqual([
      'spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource for containers',
      'spec.containers[0].resources.limits[pods]: Invalid value: "pods": must be a standard resource for containers',
      'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource for containers',
      'spec.containers[0].resources.requests[pods]: Invalid value: "pods": must be a standard resource for containers',
    ]);
  });
  it('extended resources are whole numbers and need requests equal to limits', () => {
    const p = pod(
      (x) =>
        (x.spec.containers[0].resources = {
          limits: { 'nvidia.com/gpu': '1' },
          requests: { 'nvidia.com/gpu': '500m' },
        }),
    );
    expect(messages(p)).toEqual([
      'spec.containers[0].resources.requests[nvidia.com/gpu]: Invalid value: 500m: must be an integer',
      'spec.containers[0].resources.requests: Invalid value: "500m": must be equal to nvidia.com/gpu limit of 1',
    ]);
  });
});
