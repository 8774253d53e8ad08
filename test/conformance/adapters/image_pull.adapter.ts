/**
 * image_pull.json: kubelet EnsureImageExists. Two kinds of cases:
 * - `expectedPerCall`: rows of upstream image_manager_test.go (noFGPullerTestCases / ensureSecretImagesTestCases)
 *   replayed with that test's harness (pullerTestEnv + TestParallelPuller): image back-off 1s doubling to 60s,
 *   fake clock stepped 1s before each call, fake runtime that fails PullImage with `pullerErr` and GetImageRef with
 *   `inspectErr`, mock pull manager that allows everything unless `pullManagerAllowed` lists the pod's secret.
 * - `expected`: derived decisions, with `<image>`, `<pullDuration>`, `<totalDuration>`, `<bytes>` placeholders.
 */

import type { PullPolicy } from '../../../src/k8s/api/types.ts';
import { ManualClock } from '../../../src/k8s/kubelet/backoff.ts';
import type { KubeletEventText } from '../../../src/k8s/kubelet/event-messages.ts';
import { ensureImageExists, ImagePullBackOff, type PullOutcome } from '../../../src/k8s/kubelet/image-pull.ts';
import { type FeatureGate, kubeVersion } from '../../../src/k8s/version/index.ts';
import { type CaseOutcome, casesOf, defaultCaseName, type VectorAdapter, type VectorCase } from '../adapter.ts';

interface SecretRef {
  namespace: string;
  name: string;
  uid: string;
}

interface HarnessInput {
  image: string;
  pullPolicy: PullPolicy;
  imagePresentOnNode: boolean | null;
  pullerErr: string | null;
  inspectErr: string | null;
  qps: number;
  burst: number;
  featureGates?: FeatureGate[];
  pullSecrets?: SecretRef[];
  pullManagerAllowed?: Record<string, SecretRef[]>;
}

interface PerCall {
  runtimeCalls: string[] | null;
  err: string | null;
  recordsStartedPulling: boolean;
  recordsFinishedPulling: boolean;
  eventReasons: string[];
  msgContains: string;
}

const HARNESS_POD_UID = 'bar'; // TestParallelPuller's pod

// mockImagePullManager.MustAttemptImagePull: no config allows all; else a pod secret must match an allowed one.
function credentialsVerified(input: HarnessInput): boolean {
  if (!input.pullManagerAllowed) return true;
  const allowed = input.pullManagerAllowed[input.image] ?? [];
  return (input.pullSecrets ?? []).some((s) =>
    allowed.some((a) => a.namespace === s.namespace && a.name === s.name && a.uid === s.uid),
  );
}

function runHarness(c: VectorCase): CaseOutcome {
  const input = c.input as HarnessInput;
  const expected = c.expectedPerCall as PerCall[];
  if (input.qps > 0 && input.burst === 0) {
    throw new Error('pull QPS throttling (throttleImagePulling) is not modelled');
  }
  const overrides: Partial<Record<FeatureGate, boolean>> = {};
  for (const gate of input.featureGates ?? []) overrides[gate] = true;
  const version = kubeVersion('1.35', overrides);
  const clock = new ManualClock(0);
  const state = new ImagePullBackOff(clock, { initial: 1, max: 60 }); // flowcontrol.NewBackOff(time.Second, time.Minute)
  const pull: PullOutcome =
    input.pullerErr === null ? { ok: true, pullSeconds: 0, sizeBytes: 0 } : { ok: false, error: input.pullerErr };

  const actual = expected.map((row) => {
    clock.step(1);
    const r = ensureImageExists(
      {
        version,
        podUID: HARNESS_POD_UID,
        image: input.image,
        pullPolicy: input.pullPolicy,
        imagePresent: input.imagePresentOnNode === true,
        inspectError: input.inspectErr ?? undefined,
        pullCredentialsVerified: credentialsVerified(input),
        pull,
      },
      state,
    );
    return {
      runtimeCalls: r.runtimeCalls.length > 0 ? r.runtimeCalls : null, // Go's nil slice
      err: r.error ?? null,
      // mockPodPullingTimeRecorder counts a finish only after a start in the same call
      recordsStartedPulling: r.startedPulling,
      recordsFinishedPulling: r.startedPulling && r.finishedPulling,
      eventReasons: r.events.map((e) => e.reason),
      msgContains: r.message.includes(row.msgContains) ? row.msgContains : r.message, // assert.Contains
    };
  });
  return { actual, expected };
}

// Derived cases: distinctive values swapped for the file's placeholders.
const IMAGE = 'registry.example/podbook/placeholder:v1';
const PULL_SECONDS = 1.234;
const TOTAL_SECONDS = 5.678;
const SIZE_BYTES = 98765432;

function placeholders(text: string): string {
  return text
    .replaceAll(IMAGE, '<image>')
    .replaceAll('1.234s', '<pullDuration>')
    .replaceAll('5.678s', '<totalDuration>')
    .replaceAll(String(SIZE_BYTES), '<bytes>');
}

function eventShape(e: KubeletEventText) {
  return { type: e.type, reason: e.reason, message: placeholders(e.message) };
}

function runDecision(c: VectorCase): CaseOutcome {
  const input = c.input as { pullPolicy: PullPolicy; imagePresentOnNode: boolean };
  const expected = c.expected as Record<string, unknown>;
  const version = kubeVersion('1.35', { KubeletEnsureSecretPulledImages: false });
  const r = ensureImageExists(
    {
      version,
      podUID: 'pod-uid',
      image: IMAGE,
      pullPolicy: input.pullPolicy,
      imagePresent: input.imagePresentOnNode,
      pull: { ok: true, pullSeconds: PULL_SECONDS, totalSeconds: TOTAL_SECONDS, sizeBytes: SIZE_BYTES },
    },
    new ImagePullBackOff(new ManualClock(0)),
  );
  const actual: Record<string, unknown> = {
    pull: r.runtimeCalls.includes('PullImage'),
    getImageRefCalled: r.runtimeCalls.includes('GetImageRef'),
  };
  if ('events' in expected) actual.events = r.events.map(eventShape);
  if ('event' in expected)
    actual.event = r.events.length === 1 ? eventShape(r.events[0] as KubeletEventText) : r.events.map(eventShape);
  if (r.error !== undefined) actual.error = r.error;
  return { actual, expected };
}

export const adapter: VectorAdapter = {
  file: 'image_pull.json',
  versionNote:
    'Kubernetes 1.35: the upstream rows come from the v1.34/1.35-era image_manager_test.go (pull manager present), ' +
    "run with each row's featureGates over the 1.35 defaults; the derived 'KubeletEnsureSecretPulledImages disabled' " +
    'rows run at 1.35 with that gate off',
  cases: casesOf,
  caseName: defaultCaseName,
  run(c) {
    if (Array.isArray(c.expectedPerCall)) return runHarness(c);
    if (c.expected && typeof c.expected === 'object') return runDecision(c);
    throw new Error('image_pull.json case has neither expectedPerCall nor expected');
  },
};
