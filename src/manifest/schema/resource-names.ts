/**
 * Names kubectl accepts for a kind. Plurals come from the documents' paths when they carry
 * `x-kubernetes-group-version-kind` (1.24 on); the 1.23 documents do not, so the common kinds are listed here.
 * Short names are discovery data, not OpenAPI: pkg/registry/<group>/<resource>/storage ShortNames().
 */
export const RESOURCE_NAMES: Readonly<Record<string, { plural: string; short?: readonly string[] }>> = {
  Pod: { plural: 'pods', short: ['po'] },
  Deployment: { plural: 'deployments', short: ['deploy'] },
  ReplicaSet: { plural: 'replicasets', short: ['rs'] },
  StatefulSet: { plural: 'statefulsets', short: ['sts'] },
  DaemonSet: { plural: 'daemonsets', short: ['ds'] },
  ControllerRevision: { plural: 'controllerrevisions' },
  Job: { plural: 'jobs' },
  CronJob: { plural: 'cronjobs', short: ['cj'] },
  Service: { plural: 'services', short: ['svc'] },
  ConfigMap: { plural: 'configmaps', short: ['cm'] },
  Secret: { plural: 'secrets' },
  Namespace: { plural: 'namespaces', short: ['ns'] },
  Node: { plural: 'nodes', short: ['no'] },
  PersistentVolumeClaim: { plural: 'persistentvolumeclaims', short: ['pvc'] },
  PersistentVolume: { plural: 'persistentvolumes', short: ['pv'] },
  ServiceAccount: { plural: 'serviceaccounts', short: ['sa'] },
  Event: { plural: 'events', short: ['ev'] },
  ReplicationController: { plural: 'replicationcontrollers', short: ['rc'] },
  Endpoints: { plural: 'endpoints', short: ['ep'] },
  LimitRange: { plural: 'limitranges', short: ['limits'] },
  ResourceQuota: { plural: 'resourcequotas', short: ['quota'] },
  PodTemplate: { plural: 'podtemplates' },
};
