/**
 * src/manifest/semantic: the apiserver's create-time validation of Pods and of the pod templates of apps/v1
 * and batch/v1 workloads, with messages exactly as the selected Kubernetes release prints them.
 */
export type { GoValue, ValidationFieldError } from './field-error.ts';
export { Path } from './field-path.ts';
export { goIsPrint, goQuote, utf8Length } from './go-quote.ts';
export { goJsonMarshal, goJsonString } from './go-value.ts';
export {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidLabelValue,
  isValidPortName,
} from './name-rules.ts';
export { type PodValidationOptions, podValidationOptions, type SemanticOptions } from './options.ts';
export { DEFAULT_UID, prepareForValidation, supportedKinds } from './prepare-object.ts';
export { isSupportedKind, type SemanticResult, validateDefaulted, validateForCreate } from './validate-create.ts';
