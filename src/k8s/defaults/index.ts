export { AdmissionForbiddenError } from './admission/admission-error.ts';
export {
  DEFAULT_TOLERATION_SECONDS,
  NOT_READY_TOLERATION_FLAG,
  TAINT_NODE_NOT_READY,
  TAINT_NODE_UNREACHABLE,
  UNREACHABLE_TOLERATION_FLAG,
} from './admission/default-toleration-seconds.ts';
export { type PriorityClassInfo, SYSTEM_PRIORITY_CLASSES } from './admission/priority.ts';
export {
  DEFAULT_API_TOKEN_MOUNT_PATH,
  DEFAULT_SERVICE_ACCOUNT_NAME,
  SERVICE_ACCOUNT_VOLUME_PREFIX,
  type ServiceAccountInfo,
  tokenVolumeSource,
  WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS,
} from './admission/service-account.ts';
export { TERMINATION_MESSAGE_PATH_DEFAULT } from './container-defaults.ts';
export { imageVolumeDefault, podLevelResourcesEnabled } from './context.ts';
export {
  type AdmissionPlugin,
  type CreatePodOptions,
  createPod,
  DEFAULT_ADMISSION_PLUGINS,
  NamespaceMismatchError,
} from './create-pod.ts';
export { FIELDS_SET_AFTER_CREATE, type LaterField } from './field-owners.ts';
export { DefaultingInputError } from './json.ts';
export { generateName, RANDOM_ALPHANUMS, seededRandomSuffix } from './name-generator.ts';
export { aggregateContainerResources } from './pod-level-resources.ts';
export { DEFAULT_SCHEDULER_NAME, DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS } from './pod-spec-defaults.ts';
export { type Defaulted, type FieldProvenance, provenanceFor, type SetBy } from './provenance.ts';
export { computePodQOS, type PodQOSClass, QOS_CITATION } from './qos.ts';
export {
  addQuantities,
  canonicalQuantity,
  compareQuantities,
  formatQuantity,
  parseQuantity,
  parseQuantityOrError,
  type Quantity,
  QuantityParseError,
  roundUp,
} from './quantity.ts';
export { type DefaultingOptions, defaultPod, defaultPodTemplateSpec } from './set-object-defaults.ts';
export { DEFAULT_FILE_MODE, DEFAULT_TOKEN_EXPIRATION_SECONDS } from './volume-defaults.ts';
