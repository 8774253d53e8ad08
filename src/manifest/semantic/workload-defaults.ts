/**
 * The workload-level defaults of apps/v1 and batch/v1 (pkg/apis/apps/v1/defaults.go,
 * pkg/apis/batch/v1/defaults.go), applied in place to a copy. Pod templates are defaulted by src/k8s/defaults.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import { asObject, isSet, type JsonObject, present } from './json-access.ts';

function ensureObject(parent: JsonObject, key: string): JsonObject {
  const existing = asObject(parent[key]);
  if (existing) return existing;
  const created: JsonObject = {};
  parent[key] = created;
  return created;
}

function setDefault(o: JsonObject, key: string, value: unknown): void {
  if (!isSet(o, key) || o[key] === '') o[key] = value;
}

// pkg/apis/apps/v1/defaults.go SetDefaults_Deployment
function defaultDeployment(spec: JsonObject): void {
  setDefault(spec, 'replicas', 1);
  const strategy = ensureObject(spec, 'strategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = ensureObject(strategy, 'rollingUpdate');
    setDefault(ru, 'maxUnavailable', '25%');
    setDefault(ru, 'maxSurge', '25%');
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
}

// pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet
function defaultStatefulSet(spec: JsonObject, v: KubeVersion): void {
  setDefault(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = ensureObject(spec, 'updateStrategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') setDefault(ensureObject(strategy, 'rollingUpdate'), 'partition', 0);
  if (v.minor >= 27) {
    const retention = ensureObject(spec, 'persistentVolumeClaimRetentionPolicy');
    setDefault(retention, 'whenDeleted', 'Retain');
    setDefault(retention, 'whenScaled', 'Retain');
  }
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'revisionHistoryLimit', 10);
}

// pkg/apis/apps/v1/defaults.go SetDefaults_DaemonSet
function defaultDaemonSet(spec: JsonObject): void {
  const strategy = ensureObject(spec, 'updateStrategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = ensureObject(strategy, 'rollingUpdate');
    setDefault(ru, 'maxUnavailable', 1);
    setDefault(ru, 'maxSurge', 0);
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
}

// pkg/apis/batch/v1/defaults.go SetDefaults_Job
function defaultJob(job: JsonObject, spec: JsonObject): void {
  if (!present(spec?.completions) && !present(spec?.parallelism)) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, 'parallelism', 1);
  setDefault(spec, 'backoffLimit', present(spec?.backoffLimitPerIndex) ? 2147483647 : 6);
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  const templateLabels = asObject(asObject(asObject(spec.template)?.metadata)?.labels);
  const meta = ensureObject(job, 'metadata');
  if (templateLabels && Object.keys(asObject(meta.labels) ?? {}).length === 0) meta.labels = { ...templateLabels };
}

// pkg/apis/batch/v1/defaults.go SetDefaults_CronJob
function defaultCronJob(spec: JsonObject): void {
  setDefault(spec, 'concurrencyPolicy', 'Allow');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'successfulJobsHistoryLimit', 3);
  setDefault(spec, 'failedJobsHistoryLimit', 1);
}

/** Workload-level defaults by kind (Pods have none here). */
export function applyWorkloadDefaults(obj: JsonObject, kind: string, v: KubeVersion): void {
  const spec = ensureObject(obj, 'spec');
  if (kind === 'Deployment') defaultDeployment(spec);
  else if (kind === 'ReplicaSet') setDefault(spec, 'replicas', 1);
  else if (kind === 'StatefulSet') defaultStatefulSet(spec, v);
  else if (kind === 'DaemonSet') defaultDaemonSet(spec);
  else if (kind === 'Job') defaultJob(obj, spec);
  else if (kind === 'CronJob') defaultCronJob(spec);
}
