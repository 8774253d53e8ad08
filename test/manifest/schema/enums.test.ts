/** Expected orders written by hand from validation.go / types.go (see the citations in enums.ts). */
import { describe, expect, it } from 'vitest';
import { ENUM_FIELDS, enumFor, servedDescription } from '../../../src/manifest/schema/enums.ts';
import { testPack } from './pack-fixture.ts';

const CORE = 'io.k8s.api.core.v1';

describe('validation order (Unsupported value: supported values …)', () => {
  it.each([
    [`${CORE}.PodSpec`, 'restartPolicy', ['Always', 'OnFailure', 'Never']], // code-order slice
    [`${CORE}.PodSpec`, 'dnsPolicy', ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']],
    [`${CORE}.Container`, 'imagePullPolicy', ['Always', 'IfNotPresent', 'Never']], // sorted set
    [`${CORE}.EphemeralContainer`, 'imagePullPolicy', ['Always', 'IfNotPresent', 'Never']],
    [`${CORE}.Container`, 'terminationMessagePolicy', ['File', 'FallbackToLogsOnError']],
    [`${CORE}.ContainerPort`, 'protocol', ['SCTP', 'TCP', 'UDP']], // sorted set
    [`${CORE}.PodSpec`, 'preemptionPolicy', ['PreemptLowerPriority', 'Never']],
    ['io.k8s.api.apps.v1.DeploymentStrategy', 'type', ['Recreate', 'RollingUpdate']],
    ['io.k8s.api.batch.v1.JobSpec', 'completionMode', ['NonIndexed', 'Indexed']],
    ['io.k8s.api.batch.v1.CronJobSpec', 'concurrencyPolicy', ['Allow', 'Forbid', 'Replace']],
  ])('%s.%s', (definition, property, order) => {
    expect(enumFor(definition, property, 35)?.validationOrder).toEqual(order);
    expect(enumFor(definition, property, 23)?.validationOrder).toEqual(order);
  });

  it('podFailurePolicy action gains FailIndex in 1.28 (sorted set) and does not exist before 1.25', () => {
    const rule = 'io.k8s.api.batch.v1.PodFailurePolicyRule';
    expect(enumFor(rule, 'action', 24)).toBeUndefined();
    expect(enumFor(rule, 'action', 27)?.validationOrder).toEqual(['Count', 'FailJob', 'Ignore']);
    expect(enumFor(rule, 'action', 28)?.validationOrder).toEqual(['Count', 'FailIndex', 'FailJob', 'Ignore']);
  });

  it('container restartPolicy: none before 1.28, "Always" for init containers 1.28–1.33', () => {
    expect(enumFor(`${CORE}.Container`, 'restartPolicy', 27)).toBeUndefined();
    expect(enumFor(`${CORE}.Container`, 'restartPolicy', 28)?.validationOrder).toEqual(['Always']);
    expect(enumFor(`${CORE}.Container`, 'restartPolicy', 33)?.validationOrder).toEqual(['Always']);
    expect(enumFor(`${CORE}.Container`, 'restartPolicy', 34)?.validationOrder).toBeNull();
  });
});

describe('served enums (kube-openapi: sorted values, "Possible enum values" text)', () => {
  it('sorts the served values, whatever the declaration order', () => {
    expect(enumFor(`${CORE}.PodSpec`, 'restartPolicy', 35)?.servedValues).toEqual(['Always', 'Never', 'OnFailure']);
    expect(enumFor(`${CORE}.PodSpec`, 'dnsPolicy', 35)?.servedValues).toEqual([
      'ClusterFirst',
      'ClusterFirstWithHostNet',
      'Default',
      'None',
    ]);
    expect(enumFor(`${CORE}.ContainerPort`, 'protocol', 30)?.servedValues).toEqual(['SCTP', 'TCP', 'UDP']);
  });

  it('has no served enum for container restartPolicy (not a +enum type)', () => {
    expect(enumFor(`${CORE}.Container`, 'restartPolicy', 30)?.servedValues).toBeNull();
  });

  it('appends the paragraph a live apiserver serves for pod restartPolicy (constants without comments)', () => {
    const base = testPack(35).definitions[`${CORE}.PodSpec`]?.properties?.restartPolicy?.description;
    expect(servedDescription(base, enumFor(`${CORE}.PodSpec`, 'restartPolicy', 35))).toBe(
      'Restart policy for all containers within the pod. One of Always, OnFailure, Never. In some contexts, only a ' +
        'subset of those values may be permitted. Default to Always. More info: ' +
        'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy\n\n' +
        'Possible enum values:\n - `"Always"`\n - `"Never"`\n - `"OnFailure"`',
    );
  });

  it('puts each constant comment, minus the constant name, after its value (imagePullPolicy)', () => {
    expect(enumFor(`${CORE}.Container`, 'imagePullPolicy', 35)?.servedLines).toEqual([
      ' - `"Always"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.',
      ' - `"IfNotPresent"` means that kubelet pulls if the image isn\'t present on disk. Container will fail if the image isn\'t present and the pull fails.',
      ' - `"Never"` means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn\'t present',
    ]);
  });

  it('does not append twice to a description that already has the paragraph (a live cluster dump)', () => {
    const served = 'x\n\nPossible enum values:\n - `"A"`';
    expect(servedDescription(served, enumFor(`${CORE}.PodSpec`, 'restartPolicy', 35))).toBe(served);
  });

  it('every table field exists in the packs of the releases it claims', () => {
    for (const field of ENUM_FIELDS) {
      for (const variant of field.variants) {
        for (const minor of [variant.since, variant.until ?? 35]) {
          for (const def of field.definitions) {
            expect(
              Object.keys(testPack(minor).definitions[def]?.properties ?? {}),
              `${def}.${field.property} in 1.${minor}`,
            ).toContain(field.property);
          }
        }
      }
    }
  });
});
