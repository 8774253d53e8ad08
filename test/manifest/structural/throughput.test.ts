/**
 * Throughput on a generated set of 10,000 Pods (deterministic). Logs Pods/s; fails only on a gross regression, so
 * that a slow CI machine does not turn it red.
 */
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../../src/manifest/structural/plan.ts';
import { structuralValidator } from '../../../src/manifest/structural/validate.ts';
import { testPack } from '../schema/pack-fixture.ts';

/** A small linear congruential generator: the same Pods on every run. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generatePods(n: number): unknown[] {
  const rnd = lcg(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const pods: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const containers = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, c) => ({
      name: `c${c}`,
      image: pick(['nginx:1.25', 'busybox:1.36', 'registry.example.com/app:v2']),
      imagePullPolicy: pick(['Always', 'IfNotPresent', 'Never']),
      command: ['sh', '-c', 'sleep 3600'],
      ports: [{ containerPort: 8000 + c, protocol: 'TCP', name: `p${c}` }],
      env: [
        { name: 'MODE', value: 'prod' },
        { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      ],
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: 1, memory: '256Mi' } },
      readinessProbe: { httpGet: { path: '/healthz', port: 8000 + c }, periodSeconds: 10 },
      livenessProbe: { tcpSocket: { port: 'p0' }, initialDelaySeconds: 5 },
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
    }));
    pods.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `pod-${i}`, namespace: 'default', labels: { app: `app-${i % 50}`, tier: 'web' } },
      spec: {
        restartPolicy: pick(['Always', 'OnFailure', 'Never']),
        containers,
        volumes: [{ name: 'data', emptyDir: { sizeLimit: '1Gi' } }],
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        terminationGracePeriodSeconds: 30,
      },
    });
  }
  return pods;
}

describe('structural validation throughput', () => {
  const pack = testPack(35);
  const pods = generatePods(10_000);

  it('compiles a plan once per (minor, kind) in a few milliseconds', () => {
    const start = performance.now();
    const ref = pack.kinds.find((k) => k.kind === 'Pod');
    if (!ref) throw new Error('no Pod kind');
    compilePlan(pack, ref);
    const ms = performance.now() - start;
    console.info(`Pod plan compile (1.35): ${ms.toFixed(2)} ms`);
    expect(ms).toBeLessThan(500);
  });

  it('validates 10,000 Pods', () => {
    const validator = structuralValidator(pack, 'v1', 'Pod');
    for (const pod of pods.slice(0, 200)) validator.validate(pod); // warm up the JIT
    const start = performance.now();
    let problems = 0;
    for (const pod of pods) problems += validator.validate(pod).findings.length;
    const ms = performance.now() - start;
    console.info(
      `structural validation: ${pods.length} Pods in ${ms.toFixed(1)} ms = ${Math.round(pods.length / (ms / 1000))} Pods/s`,
    );
    expect(problems).toBe(0);
    expect(ms).toBeLessThan(5000);
  });
});
