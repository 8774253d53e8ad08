/**
 * Every place where the apiserver's validation output differs between the releases the model supports
 * (1.23–1.35). Each rule names the change it follows; callers never compare minors themselves.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';

/**
 * RelaxedEnvironmentVariableValidation (KEP-4369): alpha 1.30, beta (on) 1.32, GA 1.34. The gate is not in the
 * shared FeatureGate table, so it is modelled here; `override` is the caller's explicit gate setting.
 */
// pkg/api/pod/util.go useRelaxedEnvironmentVariableValidation -> opts.AllowRelaxedEnvironmentVariableValidation
export function relaxedEnvVarNames(v: KubeVersion, override?: boolean): boolean {
  if (override !== undefined && v.minor >= 30 && v.minor < 34) return override;
  return v.minor >= 32;
}

/** Bad values that are not plain strings or integers print as JSON from 1.34 (kubernetes#132314), `%#v` before. */
// staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go (*Error).ErrorBody
export function valueRendering(v: KubeVersion): 'go-syntax' | 'json' {
  return v.minor >= 34 ? 'json' : 'go-syntax';
}

/**
 * field.TooLong's detail: `must have at most N bytes` until TooLong and TooLongMaxLength were merged
 * (kubernetes#128553, Nov 2024), `may not be more than N bytes` after it. Placed at 1.33 (see report).
 */
// staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go TooLong
export function tooLongDetail(maxLength: number, v: KubeVersion): string {
  return v.minor >= 33 ? `may not be more than ${maxLength} bytes` : `must have at most ${maxLength} bytes`;
}

/** Requests over limits name the limit value from 1.27 (kubernetes#112925). */
// pkg/apis/core/validation/validation.go validateResourceRequirements
export function requestOverLimitDetail(relation: 'less' | 'equal', resource: string, limit: string, v: KubeVersion) {
  const base =
    relation === 'less' ? `must be less than or equal to ${resource} limit` : `must be equal to ${resource} limit`;
  return v.minor >= 27 ? `${base} of ${limit}` : base;
}

/**
 * Lifecycle and probes on a (non-sidecar) init container. Sidecars arrived in 1.28 (kubernetes#116429 and
 * #119168) and the message grew "without restartPolicy=Always"; earlier releases said only
 * "may not be set for init containers" (wording taken from the vector notes, not re-read in source).
 */
// pkg/apis/core/validation/validation.go validateInitContainers
export function initContainerForbiddenDetail(v: KubeVersion): string {
  return v.minor >= 28
    ? 'may not be set for init containers without restartPolicy=Always'
    : 'may not be set for init containers';
}

/** Container.restartPolicy exists from 1.28 (earlier the strict decoder rejects it as an unknown field). */
export function containerRestartPolicyFieldExists(v: KubeVersion): boolean {
  return v.minor >= 28;
}

/**
 * An init container's restartPolicy survives PrepareForCreate only with SidecarContainers on; with the gate off
 * (1.28 default) dropDisabledPodFields clears it before validation.
 */
// pkg/api/pod/util.go dropDisabledFields (SidecarContainers)
export function initContainerRestartPolicyKept(v: KubeVersion): boolean {
  return containerRestartPolicyFieldExists(v) && v.gates.SidecarContainers;
}

/** ContainerRestartRules (KEP-5307, alpha 1.34, beta 1.35): per-container restartPolicy and restartPolicyRules. */
// pkg/api/pod/util.go GetValidationOptionsFromPodSpecAndMeta AllowContainerRestartPolicyRules
export function containerRestartRulesAllowed(v: KubeVersion): boolean {
  return v.minor >= 34 && v.gates.ContainerRestartRules;
}

/**
 * Container.resizePolicy is dropped before validation while InPlacePodVerticalScaling is off (before 1.33);
 * from 1.33 AllowSidecarResizePolicy follows the same gate.
 */
// pkg/api/pod/util.go dropDisabledFields (InPlacePodVerticalScaling)
export function resizePolicyKept(v: KubeVersion): boolean {
  return v.minor >= 33;
}

/** The lifecycle `sleep` handler (PodLifecycleSleepAction, beta on 1.30) and its zero value (beta on 1.33). */
export function sleepActionKept(v: KubeVersion): boolean {
  return v.minor >= 30;
}
export function sleepZeroAllowed(v: KubeVersion): boolean {
  return v.minor >= 33;
}

/** StatefulSet names are DNS labels from 1.27 (kubernetes#114172); DNS subdomains before. */
// pkg/apis/apps/validation/validation.go ValidateStatefulSetName
export function statefulSetNameIsLabel(v: KubeVersion): boolean {
  return v.minor >= 27;
}

/**
 * StatefulSet persistentVolumeClaimRetentionPolicy (StatefulSetAutoDeletePVC) and ordinals (StatefulSetStartOrdinal)
 * went beta (on) in 1.27; with the gates off the strategy drops them before validation.
 */
// pkg/registry/apps/statefulset/strategy.go dropStatefulSetDisabledFields
export function statefulSetBetaFieldsKept(v: KubeVersion): boolean {
  return v.minor >= 27;
}

/**
 * IsDNS1123Label names the dots of a dotted name ("must not contain dots") instead of printing the regex message.
 * Releases up to 1.22 print the regex (kubernetes#104195 shows it); 1.35 prints the dots (kai-scheduler#1729).
 * The release in between was not found in source; placed at 1.30 (see report).
 */
// staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go IsDNS1123Label
export function dnsLabelSaysDots(v: KubeVersion): boolean {
  return v.minor >= 30;
}
