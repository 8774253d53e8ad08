/**
 * EnsureImageExists. Expected calls, events and messages are read from pkg/kubelet/images/image_manager.go at
 * each boundary release (1.27/1.28 evalCRIPullErr and applyDefaultImageTag, 1.29/1.30 image size, 1.31/1.32
 * imagePullPrecheck and the back-off message, 1.33+ KEP-2535) and from image_manager_test.go rows
 * (e.g. the SignatureValidationFailed back-off message).
 */
import { describe, expect, it } from 'vitest';
import type { PullPolicy } from '../../../src/k8s/api/types.ts';
import { ManualClock } from '../../../src/k8s/kubelet/backoff.ts';
import { nextSyncAfterBackOff } from '../../../src/k8s/kubelet/crash-loop.ts';
import {
  type EnsureImageInput,
  ensureImageExists,
  IMAGE_PULL_BACKOFF_INITIAL_SECONDS,
  IMAGE_PULL_BACKOFF_MAX_SECONDS,
  ImagePullBackOff,
  ImagePullInputError,
  imagePullBackOffKey,
  type PullOutcome,
  registryUnavailableError,
  signatureValidationFailedError,
} from '../../../src/k8s/kubelet/image-pull.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';

const ok: PullOutcome = { ok: true, pullSeconds: 1.462, totalSeconds: 2.5, sizeBytes: 1234 };
const notFound =
  'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:9.99": not found';

function setup(start = 0) {
  const clock = new ManualClock(start);
  return { clock, state: new ImagePullBackOff(clock) };
}

function run(
  version: string,
  input: Partial<EnsureImageInput> & { pullPolicy: PullPolicy },
  state = setup().state,
  gates: Parameters<typeof kubeVersion>[1] = {},
) {
  return ensureImageExists(
    { version: kubeVersion(version, gates), podUID: 'uid-1', image: 'nginx', imagePresent: false, ...input },
    state,
  );
}

describe('pull policy decision', () => {
  it('IfNotPresent with the image present: one lookup, "already present", no pull (gate off)', () => {
    const r = run('1.34', { pullPolicy: 'IfNotPresent', imagePresent: true });
    expect(r.ok).toBe(true);
    expect(r.runtimeCalls).toEqual(['GetImageRef']);
    expect(r.events).toEqual([
      { type: 'Normal', reason: 'Pulled', message: 'Container image "nginx" already present on machine' },
    ]);
    expect(r.failedEvent).toBeUndefined();
  });

  it('1.35 defaults (KubeletEnsureSecretPulledImages on): verified access adds "and can be accessed by the pod"', () => {
    const r = run('1.35', { pullPolicy: 'IfNotPresent', imagePresent: true });
    expect(r.events.map((e) => e.message)).toEqual([
      'Container image "nginx" already present on machine and can be accessed by the pod',
    ]);
  });

  it('KEP-2535: unverified credentials pull under IfNotPresent and fail like an absent image under Never', () => {
    const pulled = run('1.35', {
      pullPolicy: 'IfNotPresent',
      imagePresent: true,
      pullCredentialsVerified: false,
      pull: ok,
    });
    expect(pulled.runtimeCalls).toEqual(['GetImageRef', 'PullImage', 'GetImageSize']);
    expect(pulled.events.map((e) => e.reason)).toEqual(['Pulling', 'Pulled']);
    const never = run('1.35', { pullPolicy: 'Never', imagePresent: true, pullCredentialsVerified: false });
    expect(never.error).toBe('ErrImageNeverPull');
    expect(never.message).toBe('Container image "nginx" is not present with pull policy of Never');
  });

  it('the gate is alpha in 1.33: off by default, and cannot be set before 1.33', () => {
    const off = run('1.33', { pullPolicy: 'IfNotPresent', imagePresent: true, pullCredentialsVerified: false });
    expect(off.runtimeCalls).toEqual(['GetImageRef']);
    const on = run(
      '1.33',
      { pullPolicy: 'IfNotPresent', imagePresent: true, pullCredentialsVerified: false, pull: ok },
      undefined,
      {
        KubeletEnsureSecretPulledImages: true,
      },
    );
    expect(on.runtimeCalls).toContain('PullImage');
    expect(() =>
      run('1.32', { pullPolicy: 'Always', pull: ok }, undefined, { KubeletEnsureSecretPulledImages: true }),
    ).toThrow(/does not exist in Kubernetes 1.32/);
  });

  it('Always: looks the image up first up to 1.31, not from 1.32 (imagePullPrecheck)', () => {
    expect(run('1.31', { pullPolicy: 'Always', imagePresent: true, pull: ok }).runtimeCalls).toEqual([
      'GetImageRef',
      'PullImage',
      'GetImageSize',
    ]);
    expect(run('1.32', { pullPolicy: 'Always', imagePresent: true, pull: ok }).runtimeCalls).toEqual([
      'PullImage',
      'GetImageSize',
    ]);
  });

  it('Never with the image absent: ErrImageNeverPull, waiting and Error event, no pull', () => {
    const r = run('1.24', { pullPolicy: 'Never', image: 'nginx:1.23.1' });
    expect(r.runtimeCalls).toEqual(['GetImageRef']);
    expect(r.events).toEqual([
      {
        type: 'Warning',
        reason: 'ErrImageNeverPull',
        message: 'Container image "nginx:1.23.1" is not present with pull policy of Never',
      },
    ]);
    expect(r.waiting).toEqual({ reason: 'ErrImageNeverPull', message: r.events[0]?.message });
    expect(r.failedEvent).toEqual({ type: 'Warning', reason: 'Failed', message: 'Error: ErrImageNeverPull' });
  });
});

describe('lookup and name failures', () => {
  it('inspect errors quote the image up to 1.31 and the empty ref from 1.32', () => {
    const old = run('1.31', { pullPolicy: 'IfNotPresent', inspectError: 'unknown inspectError' });
    expect(old.error).toBe('ImageInspectError');
    expect(old.events).toEqual([
      { type: 'Warning', reason: 'InspectFailed', message: 'Failed to inspect image "nginx": unknown inspectError' },
    ]);
    expect(run('1.32', { pullPolicy: 'Never', inspectError: 'boom' }).message).toBe('Failed to inspect image "": boom');
  });

  it('an invalid name makes no runtime call; the wording changed in 1.28', () => {
    const old = run('1.27', { pullPolicy: 'Always', image: 'FAILED_IMAGE' });
    expect(old.runtimeCalls).toEqual([]);
    expect(old.error).toBe('InvalidImageName');
    expect(old.message).toBe(
      'Failed to apply default image tag "FAILED_IMAGE": couldn\'t parse image reference "FAILED_IMAGE": invalid reference format: repository name must be lowercase',
    );
    expect(old.events[0]).toEqual({ type: 'Warning', reason: 'InspectFailed', message: old.message });
    expect(run('1.35', { pullPolicy: 'Always', image: 'FAILED_IMAGE' }).message).toBe(
      'Failed to apply default image tag "FAILED_IMAGE": couldn\'t parse image name "FAILED_IMAGE": invalid reference format: repository name (library/FAILED_IMAGE) must be lowercase',
    );
  });

  it('appends :latest for the runtime, but events keep the image as written', () => {
    const r = run('1.35', { pullPolicy: 'Always', image: 'busybox', pull: ok });
    expect(r.imageSpec).toBe('busybox:latest');
    expect(r.events[0]?.message).toBe('Pulling image "busybox"');
    const digest = `busybox@sha256:${'a'.repeat(64)}`;
    expect(run('1.35', { pullPolicy: 'Always', image: digest, pull: ok }).imageSpec).toBe(digest);
  });
});

describe('pulling', () => {
  it('a successful pull: Pulling then Pulled, size from 1.30', () => {
    const r29 = run('1.29', { pullPolicy: 'IfNotPresent', pull: ok });
    expect(r29.runtimeCalls).toEqual(['GetImageRef', 'PullImage']);
    expect(r29.events).toEqual([
      { type: 'Normal', reason: 'Pulling', message: 'Pulling image "nginx"' },
      {
        type: 'Normal',
        reason: 'Pulled',
        message: 'Successfully pulled image "nginx" in 1.462s (2.5s including waiting)',
      },
    ]);
    const r30 = run('1.30', { pullPolicy: 'IfNotPresent', pull: ok });
    expect(r30.runtimeCalls).toEqual(['GetImageRef', 'PullImage', 'GetImageSize']);
    expect(r30.events[1]?.message).toBe(
      'Successfully pulled image "nginx" in 1.462s (2.5s including waiting). Image size: 1234 bytes.',
    );
    expect([r30.startedPulling, r30.finishedPulling]).toEqual([true, true]);
  });

  it('a failed pull: Warning Failed with the runtime text, ErrImagePull with that message', () => {
    const r = run('1.35', { pullPolicy: 'IfNotPresent', pull: { ok: false, error: notFound } });
    expect(r.events).toEqual([
      { type: 'Normal', reason: 'Pulling', message: 'Pulling image "nginx"' },
      { type: 'Warning', reason: 'Failed', message: `Failed to pull image "nginx": ${notFound}` },
    ]);
    expect(r.waiting).toEqual({ reason: 'ErrImagePull', message: notFound });
    expect(r.failedEvent?.message).toBe('Error: ErrImagePull');
    expect([r.startedPulling, r.finishedPulling]).toEqual([true, false]);
  });

  it('RegistryUnavailable and SignatureValidationFailed get their own reason from 1.28', () => {
    const unavailable = {
      ok: false,
      error: registryUnavailableError('pinging container registry localhost:5000'),
    } as const;
    const r28 = run('1.28', { pullPolicy: 'Always', image: 'localhost:5000/foo', pull: unavailable });
    expect(r28.error).toBe('RegistryUnavailable');
    expect(r28.message).toBe(
      'image pull failed for localhost:5000/foo because the registry is unavailable: pinging container registry localhost:5000',
    );
    expect(r28.failedEvent?.message).toBe('Error: RegistryUnavailable');
    const r27 = run('1.27', { pullPolicy: 'Always', image: 'localhost:5000/foo', pull: unavailable });
    expect(r27.error).toBe('ErrImagePull');
    expect(r27.message).toBe('RegistryUnavailable: pinging container registry localhost:5000');
    const sig = run('1.35', {
      pullPolicy: 'IfNotPresent',
      image: 'typo_image',
      pull: { ok: false, error: signatureValidationFailedError() },
    });
    expect(sig.error).toBe('SignatureValidationFailed');
    expect(sig.message).toBe('image pull failed for typo_image because the signature validation failed');
  });
});

describe('pull back-off', () => {
  it('uses 10s doubling to 300s, keyed by pod UID and image', () => {
    expect([IMAGE_PULL_BACKOFF_INITIAL_SECONDS, IMAGE_PULL_BACKOFF_MAX_SECONDS]).toEqual([10, 300]);
    expect(imagePullBackOffKey('uid-1', 'nginx:9.99')).toBe('uid-1_nginx:9.99');
  });

  it('fails, backs off for 10s, pulls again, backs off for 20s (1.35 message carries the last error)', () => {
    const { clock, state } = setup();
    const fail = { ok: false, error: notFound } as const;
    const at = (t: number) => {
      clock.set(t);
      return run('1.35', { pullPolicy: 'IfNotPresent', pull: fail }, state);
    };
    expect(at(0).error).toBe('ErrImagePull');
    const waiting = at(5);
    expect(waiting.error).toBe('ImagePullBackOff');
    expect(waiting.runtimeCalls).toEqual(['GetImageRef']);
    expect(waiting.events).toEqual([{ type: 'Normal', reason: 'BackOff', message: 'Back-off pulling image "nginx"' }]);
    expect(waiting.message).toBe(`Back-off pulling image "nginx": ErrImagePull: ${notFound}`);
    expect(waiting.failedEvent?.message).toBe('Error: ImagePullBackOff');
    expect(at(10).error).toBe('ErrImagePull'); // 10s since the failure: not < 10s
    expect(at(29).error).toBe('ImagePullBackOff');
    expect(at(30).error).toBe('ErrImagePull');
    expect(state.backOff.get('uid-1_nginx')).toBe(40);
  });

  it('up to 1.31 the back-off message is the event text alone', () => {
    const { clock, state } = setup();
    run('1.31', { pullPolicy: 'IfNotPresent', pull: { ok: false, error: notFound } }, state);
    clock.set(1);
    expect(run('1.31', { pullPolicy: 'IfNotPresent' }, state).message).toBe('Back-off pulling image "nginx"');
  });

  it('keeps the SignatureValidationFailed text during back-off (image_manager_test.go)', () => {
    const { clock, state } = setup();
    const pull = { ok: false, error: signatureValidationFailedError() } as const;
    run('1.35', { pullPolicy: 'IfNotPresent', image: 'typo_image', pull }, state);
    clock.set(1);
    expect(run('1.35', { pullPolicy: 'IfNotPresent', image: 'typo_image', pull }, state).message).toBe(
      'Back-off pulling image "typo_image": SignatureValidationFailed: image pull failed for typo_image because the signature validation failed',
    );
  });

  it('another pod is not held back, and 600s without failures start over at 10s', () => {
    const { clock, state } = setup();
    const fail = { ok: false, error: notFound } as const;
    run('1.35', { pullPolicy: 'Always', pull: fail }, state);
    clock.set(1);
    expect(run('1.35', { pullPolicy: 'Always', podUID: 'uid-2', pull: fail }, state).error).toBe('ErrImagePull');
    clock.set(601);
    expect(run('1.35', { pullPolicy: 'Always', pull: fail }, state).error).toBe('ErrImagePull');
    expect(state.backOff.get('uid-1_nginx')).toBe(10);
  });

  it('a successful pull garbage-collects entries older than 2*max', () => {
    const { clock, state } = setup();
    run('1.35', { pullPolicy: 'Always', pull: { ok: false, error: notFound } }, state);
    clock.set(700);
    run('1.35', { pullPolicy: 'Always', image: 'busybox', pull: ok }, state);
    expect(state.backOff.keys()).toEqual([]);
  });
});

describe('input checks', () => {
  it('needs the pull outcome when it pulls', () => {
    expect(() => run('1.35', { pullPolicy: 'Always' })).toThrow(ImagePullInputError);
    expect(() => run('1.35', { pullPolicy: 'Always', pull: { ok: false, error: '' } })).toThrow(ImagePullInputError);
  });

  it('rejects an undefaulted policy and a missing pod UID', () => {
    expect(() => run('1.35', { pullPolicy: '' as PullPolicy })).toThrow(/pullPolicy must be/);
    expect(() => run('1.35', { pullPolicy: 'Never', podUID: '' })).toThrow(/podUID/);
  });
});

describe('retry cadence with the pod worker (10s retries, jitter 0)', () => {
  it('pulls at 0, 10, 30 and 70s: four pulls in ~90s, as transcript 07 (v1.30.0) shows "Pulling (x4 over 93s)"', () => {
    const { clock, state } = setup();
    const pulls: number[] = [];
    const backOffs: number[] = [];
    for (let t = 0; t <= 90; t = nextSyncAfterBackOff(kubeVersion('1.30'), t)) {
      clock.set(t);
      const r = run('1.30', { pullPolicy: 'Always', image: 'rediss', pull: { ok: false, error: notFound } }, state);
      (r.error === 'ImagePullBackOff' ? backOffs : pulls).push(t);
    }
    expect(pulls).toEqual([0, 10, 30, 70]);
    expect(backOffs).toEqual([20, 40, 50, 60, 80, 90]);
  });
});
