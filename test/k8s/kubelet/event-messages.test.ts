/**
 * Kubelet event texts per release. Expected strings are copied from the Go format strings in
 * kuberuntime_container.go (startContainer, killContainer), kuberuntime_manager.go (computePodActions,
 * doBackOff) and image_manager.go, at the releases named in each test; real transcripts agree (e.g. v1.30.0:
 * `Successfully pulled image "registry.k8s.io/busybox" in 1.08s (1.08s including waiting). Image size: 1144547 bytes.`).
 */
import { describe, expect, it } from 'vitest';
import {
  backOffPullingImageEvent,
  crashLoopBackOffEvent,
  createdContainerEvent,
  EventMessageError,
  failedToPullImageEvent,
  formatPod,
  imageAlreadyPresentEvent,
  imageNeverPullEvent,
  killingContainerEvent,
  pulledImageEvent,
  pullingImageEvent,
  startContainerFailedEvent,
  startedContainerEvent,
} from '../../../src/k8s/kubelet/event-messages.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';

const pod = { name: 'crash-demo', namespace: 'default', uid: 'df1ce90b-6e4d-4d76-ad95-c59fb1395d84' };

describe('Created and Started', () => {
  it.each([
    ['1.23', 'Created container app'],
    ['1.32', 'Created container app'],
    ['1.33', 'Created container: app'],
    ['1.34', 'Created container: app'],
    ['1.35', 'Container created'],
  ])('Created at %s: %s', (v, message) => {
    expect(createdContainerEvent(kubeVersion(v), 'app')).toEqual({ type: 'Normal', reason: 'Created', message });
  });

  it.each([
    ['1.23', 'Started container app'],
    ['1.33', 'Started container app'],
    ['1.34', 'Started container app'],
    ['1.35', 'Container started'],
  ])('Started at %s: %s', (v, message) => {
    expect(startedContainerEvent(kubeVersion(v), 'app')).toEqual({ type: 'Normal', reason: 'Started', message });
  });

  it('startContainer failures are Warning Failed "Error: <reason>"', () => {
    expect(startContainerFailedEvent('ErrImagePull')).toEqual({
      type: 'Warning',
      reason: 'Failed',
      message: 'Error: ErrImagePull',
    });
    expect(() => startContainerFailedEvent('')).toThrow(EventMessageError);
  });
});

describe('Killing', () => {
  it('defaults to "Stopping container <name>"', () => {
    expect(killingContainerEvent('web')).toEqual({
      type: 'Normal',
      reason: 'Killing',
      message: 'Stopping container web',
    });
  });

  it('names the probe and says whether a restart follows', () => {
    expect(killingContainerEvent('liveness', { kind: 'livenessProbe', willRestart: true }).message).toBe(
      'Container liveness failed liveness probe, will be restarted',
    );
    expect(killingContainerEvent('app', { kind: 'livenessProbe', willRestart: false }).message).toBe(
      'Container app failed liveness probe',
    );
    expect(killingContainerEvent('app', { kind: 'startupProbe', willRestart: true }).message).toBe(
      'Container app failed startup probe, will be restarted',
    );
  });

  it('a changed definition is always restarted; other causes keep their upstream text', () => {
    expect(killingContainerEvent('app', { kind: 'definitionChanged' }).message).toBe(
      'Container app definition changed, will be restarted',
    );
    expect(killingContainerEvent('app', { kind: 'unknownState' }).message).toBe(
      'Container is in "unknown" state, try killing it before restart',
    );
    expect(killingContainerEvent('app', { kind: 'postStartHookFailed' }).message).toBe('FailedPostStartHook');
  });
});

describe('BackOff (crash loop)', () => {
  it('formats the pod as name_namespace(uid)', () => {
    expect(formatPod(pod)).toBe('crash-demo_default(df1ce90b-6e4d-4d76-ad95-c59fb1395d84)');
  });

  it('is bare up to 1.25 and names container and pod from 1.26', () => {
    expect(crashLoopBackOffEvent(kubeVersion('1.25'), 'app', pod)).toEqual({
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container',
    });
    expect(crashLoopBackOffEvent(kubeVersion('1.26'), 'app', pod).message).toBe(
      'Back-off restarting failed container app in pod crash-demo_default(df1ce90b-6e4d-4d76-ad95-c59fb1395d84)',
    );
  });
});

describe('image events', () => {
  const timing = { pullSeconds: 0.503, totalSeconds: 0.505, sizeBytes: 1144547 };

  it('Pulling, Failed, BackOff, ErrImageNeverPull', () => {
    expect(pullingImageEvent('nginx')).toEqual({ type: 'Normal', reason: 'Pulling', message: 'Pulling image "nginx"' });
    expect(failedToPullImageEvent('rediss', 'not found')).toEqual({
      type: 'Warning',
      reason: 'Failed',
      message: 'Failed to pull image "rediss": not found',
    });
    expect(backOffPullingImageEvent('rediss')).toEqual({
      type: 'Normal',
      reason: 'BackOff',
      message: 'Back-off pulling image "rediss"',
    });
    expect(imageNeverPullEvent('nginx:1.23.1')).toEqual({
      type: 'Warning',
      reason: 'ErrImageNeverPull',
      message: 'Container image "nginx:1.23.1" is not present with pull policy of Never',
    });
  });

  it('Pulled adds the image size from 1.30', () => {
    expect(pulledImageEvent(kubeVersion('1.29'), 'registry.k8s.io/busybox', timing).message).toBe(
      'Successfully pulled image "registry.k8s.io/busybox" in 503ms (505ms including waiting)',
    );
    expect(pulledImageEvent(kubeVersion('1.30'), 'registry.k8s.io/busybox', timing)).toEqual({
      type: 'Normal',
      reason: 'Pulled',
      message:
        'Successfully pulled image "registry.k8s.io/busybox" in 503ms (505ms including waiting). Image size: 1144547 bytes.',
    });
  });

  it('Pulled truncates durations to milliseconds', () => {
    expect(
      pulledImageEvent(kubeVersion('1.35'), 'busybox', {
        pullSeconds: 1.6619,
        totalSeconds: 1.6619,
        sizeBytes: 4269694,
      }).message,
    ).toBe('Successfully pulled image "busybox" in 1.661s (1.661s including waiting). Image size: 4269694 bytes.');
  });

  it('already present, with the KEP-2535 suffix when the pull manager verified access', () => {
    expect(imageAlreadyPresentEvent('nginx', false).message).toBe('Container image "nginx" already present on machine');
    expect(imageAlreadyPresentEvent('curlimages/curl:8.21.0', true).message).toBe(
      'Container image "curlimages/curl:8.21.0" already present on machine and can be accessed by the pod',
    );
  });

  it('rejects bad timings', () => {
    expect(() =>
      pulledImageEvent(kubeVersion('1.35'), 'x', { pullSeconds: -1, totalSeconds: 0, sizeBytes: 0 }),
    ).toThrow(EventMessageError);
    expect(() =>
      pulledImageEvent(kubeVersion('1.35'), 'x', { pullSeconds: 1, totalSeconds: 1, sizeBytes: 1.5 }),
    ).toThrow(EventMessageError);
  });
});
