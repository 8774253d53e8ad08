/**
 * PodValidationOptions as the apiserver derives them on create (pkg/api/pod/util.go
 * GetValidationOptionsFromPodSpecAndMeta with no old object), from one KubeVersion.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import { containerRestartRulesAllowed, relaxedEnvVarNames, resizePolicyKept } from './version-rules.ts';

export interface PodValidationOptions {
  readonly version: KubeVersion;
  /** The object validated is a Pod, not a template inside a workload (ValidatePodCreate vs templates). */
  readonly resourceIsPod: boolean;
  readonly allowRelaxedEnvironmentVariableValidation: boolean;
  readonly allowContainerRestartPolicyRules: boolean;
  readonly allowSidecarResizePolicy: boolean;
}

export interface SemanticOptions {
  version: KubeVersion;
  /** The request namespace BeforeCreate fills in when metadata.namespace is empty (kubectl's default). */
  namespace?: string;
  /** RelaxedEnvironmentVariableValidation, which the shared gate table does not carry (1.30–1.33 only). */
  relaxedEnvironmentVariableValidation?: boolean;
  /** The uid the apiserver assigns on create; Jobs put it in their generated selector. */
  uid?: string;
}

export function podValidationOptions(opts: SemanticOptions, resourceIsPod: boolean): PodValidationOptions {
  const v = opts.version;
  return {
    version: v,
    resourceIsPod,
    allowRelaxedEnvironmentVariableValidation: relaxedEnvVarNames(v, opts.relaxedEnvironmentVariableValidation),
    allowContainerRestartPolicyRules: containerRestartRulesAllowed(v),
    allowSidecarResizePolicy: resizePolicyKept(v),
  };
}
