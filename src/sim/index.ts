/**
 * The deterministic virtual cluster (see cluster.ts). Pure TypeScript, browser-safe: randomness only from the
 * seeded PRNG, time only from the virtual clock.
 */
export {
  ApiError,
  acceptEverything,
  type FieldErrorLike,
  type PodListener,
  type PodWatchEvent,
  type SimPodCondition,
  type Validator,
  type WatchEventType,
} from './apiserver.ts';
export { ClockError, type TimerHandle, VirtualClock } from './clock.ts';
export {
  Cluster,
  ClusterError,
  type ClusterOptions,
  createCluster,
  DEFAULT_START_TIME,
  type PullOnNodeResult,
  type RuntimeContainerRow,
} from './cluster.ts';
export { type InterpretedCommand, interpretArgv } from './command-script.ts';
export {
  BehaviourError,
  type ContainerBehaviour,
  type ExecEffect,
  exitsAfter,
  longRunning,
  type MainProcess,
  nginxServer,
  oomKilledAfter,
  resolveBehaviour,
  type SigtermResponse,
} from './container-behaviour.ts';
export { EVENT_TTL_SECONDS, type InvolvedObject, type SimEvent } from './events.ts';
export { EXEC_KILLED_EXIT_CODE, ExecError, type ExecOptions, type ExecResult } from './exec.ts';
export type { StoredImage } from './image-store.ts';
export { type BehaviourOverride, Kubelet, type SyncTrace } from './kubelet.ts';
export { type NodeSpec, type NodeTaint, SimNode } from './node.ts';
export type { SimPodStatus } from './pod-status.ts';
export { DEFAULT_RUNTIME_TIMINGS, type RuntimeTimings } from './pod-sync.ts';
export {
  type CatalogImage,
  defaultRegistries,
  RegistryError,
  type RegistrySpec,
  type ResolvedImage,
} from './registry.ts';
export { SIM_GATE_ON_SINCE, type SimGate, type SimGateOverrides } from './release-rules.ts';
export { criPullErrorText, type PullFailure, type RuntimeFlavour } from './runtime-errors.ts';
export { digestFor, SeededRandom } from './seeded-random.ts';
export { NOT_MODELLED_EXIT_CODE, runCommand } from './shell/index.ts';
export type { CommandResult, CommandTarget, ShellContext } from './shell/types.ts';
