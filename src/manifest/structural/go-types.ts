/**
 * The Go facts that the OpenAPI documents lose and the decoder's messages show: the Go type of a field when it is a
 * named type (`of type v1.PullPolicy`, not `string`), and which properties are promoted from an embedded struct.
 * Read from staging/src/k8s.io/api/{core,apps,batch}/v1/types.go and apimachinery meta/v1/types.go; a field that is
 * not listed has the type its OpenAPI schema implies (string, int32, int64, bool, []T, map[string]T, v1.<Struct>).
 * Keys are `<Definition short name>.<json name>`; pointers are not written because reflect reports the element
 * type once encoding/json has allocated the pointer.
 */

/** Named non-struct Go types of fields (Definition.field -> reflect.Type.String()). */
export const NAMED_FIELD_TYPES: Readonly<Record<string, string>> = {
  // core/v1 Container (EphemeralContainer shares these through EphemeralContainerCommon)
  'Container.imagePullPolicy': 'v1.PullPolicy',
  'Container.terminationMessagePolicy': 'v1.TerminationMessagePolicy',
  'Container.restartPolicy': 'v1.ContainerRestartPolicy',
  'ContainerPort.protocol': 'v1.Protocol',
  'ContainerResizePolicy.resourceName': 'v1.ResourceName',
  'ContainerResizePolicy.restartPolicy': 'v1.ResourceResizeRestartPolicy',
  'ContainerRestartRule.action': 'v1.ContainerRestartRuleAction',
  'ContainerRestartRuleOnExitCodes.operator': 'v1.ContainerRestartRuleOnExitCodesOperator',
  'ResourceRequirements.limits': 'v1.ResourceList',
  'ResourceRequirements.requests': 'v1.ResourceList',
  'VolumeResourceRequirements.limits': 'v1.ResourceList',
  'VolumeResourceRequirements.requests': 'v1.ResourceList',
  'VolumeMount.mountPropagation': 'v1.MountPropagationMode',
  'VolumeMount.recursiveReadOnly': 'v1.RecursiveReadOnlyMode',
  'SecurityContext.procMount': 'v1.ProcMountType',
  'Capabilities.add': '[]v1.Capability',
  'Capabilities.drop': '[]v1.Capability',
  'SeccompProfile.type': 'v1.SeccompProfileType',
  'AppArmorProfile.type': 'v1.AppArmorProfileType',
  'HTTPGetAction.scheme': 'v1.URIScheme',
  'Lifecycle.stopSignal': 'v1.Signal',
  // core/v1 PodSpec and what hangs off it
  'PodSpec.restartPolicy': 'v1.RestartPolicy',
  'PodSpec.dnsPolicy': 'v1.DNSPolicy',
  'PodSpec.preemptionPolicy': 'v1.PreemptionPolicy',
  'PodSpec.overhead': 'v1.ResourceList',
  'PodSecurityContext.fsGroupChangePolicy': 'v1.PodFSGroupChangePolicy',
  'PodSecurityContext.supplementalGroupsPolicy': 'v1.SupplementalGroupsPolicy',
  'PodSecurityContext.seLinuxChangePolicy': 'v1.PodSELinuxChangePolicy',
  'PodOS.name': 'v1.OSName',
  'PodReadinessGate.conditionType': 'v1.PodConditionType',
  'Toleration.operator': 'v1.TolerationOperator',
  'Toleration.effect': 'v1.TaintEffect',
  'NodeSelectorRequirement.operator': 'v1.NodeSelectorOperator',
  'TopologySpreadConstraint.whenUnsatisfiable': 'v1.UnsatisfiableConstraintAction',
  'TopologySpreadConstraint.nodeAffinityPolicy': 'v1.NodeInclusionPolicy',
  'TopologySpreadConstraint.nodeTaintsPolicy': 'v1.NodeInclusionPolicy',
  'EmptyDirVolumeSource.medium': 'v1.StorageMedium',
  'HostPathVolumeSource.type': 'v1.HostPathType',
  'ImageVolumeSource.pullPolicy': 'v1.PullPolicy',
  'AzureDiskVolumeSource.cachingMode': 'v1.AzureDataDiskCachingMode',
  'AzureDiskVolumeSource.kind': 'v1.AzureDataDiskKind',
  'PersistentVolumeClaimSpec.accessModes': '[]v1.PersistentVolumeAccessMode',
  'PersistentVolumeClaimSpec.volumeMode': 'v1.PersistentVolumeMode',
  // core/v1 status (rarely written by hand, but decoded all the same)
  'PodStatus.phase': 'v1.PodPhase',
  'PodStatus.qosClass': 'v1.PodQOSClass',
  'PodStatus.resize': 'v1.PodResizeStatus',
  'PodCondition.type': 'v1.PodConditionType',
  'PodCondition.status': 'v1.ConditionStatus',
  'ContainerStatus.allocatedResources': 'v1.ResourceList',
  // meta/v1
  'ObjectMeta.uid': 'types.UID',
  'OwnerReference.uid': 'types.UID',
  'ManagedFieldsEntry.operation': 'v1.ManagedFieldsOperationType',
  'LabelSelectorRequirement.operator': 'v1.LabelSelectorOperator',
  // apps/v1
  'DeploymentStrategy.type': 'v1.DeploymentStrategyType',
  'DeploymentCondition.type': 'v1.DeploymentConditionType',
  'DeploymentCondition.status': 'v1.ConditionStatus',
  'ReplicaSetCondition.type': 'v1.ReplicaSetConditionType',
  'ReplicaSetCondition.status': 'v1.ConditionStatus',
  'StatefulSetSpec.podManagementPolicy': 'v1.PodManagementPolicyType',
  'StatefulSetUpdateStrategy.type': 'v1.StatefulSetUpdateStrategyType',
  'StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': 'v1.PersistentVolumeClaimRetentionPolicyType',
  'StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': 'v1.PersistentVolumeClaimRetentionPolicyType',
  'StatefulSetCondition.type': 'v1.StatefulSetConditionType',
  'StatefulSetCondition.status': 'v1.ConditionStatus',
  'DaemonSetUpdateStrategy.type': 'v1.DaemonSetUpdateStrategyType',
  'DaemonSetCondition.type': 'v1.DaemonSetConditionType',
  'DaemonSetCondition.status': 'v1.ConditionStatus',
  // batch/v1
  'JobSpec.completionMode': 'v1.CompletionMode',
  'JobSpec.podReplacementPolicy': 'v1.PodReplacementPolicy',
  'PodFailurePolicyRule.action': 'v1.PodFailurePolicyAction',
  'PodFailurePolicyOnExitCodesRequirement.operator': 'v1.PodFailurePolicyOnExitCodesOperator',
  'PodFailurePolicyOnPodConditionsPattern.type': 'v1.PodConditionType',
  'PodFailurePolicyOnPodConditionsPattern.status': 'v1.ConditionStatus',
  'JobCondition.type': 'v1.JobConditionType',
  'JobCondition.status': 'v1.ConditionStatus',
  'CronJobSpec.concurrencyPolicy': 'v1.ConcurrencyPolicy',
};

/** Definitions whose Go struct embeds another whose fields it promotes (`json:",inline"`). */
interface Embedding {
  /** Go field name of the embedded struct, as Go 1.24+ encoding/json puts it into the error path. */
  readonly goName: string;
  /** The promoted properties; `all` with `except` when the embedded struct carries everything but a few. */
  readonly fields: readonly string[] | { readonly allExcept: readonly string[] };
}

const LOCAL_OBJECT_REFERENCE: Embedding = { goName: 'LocalObjectReference', fields: ['name'] };

export const EMBEDDED_FIELDS: Readonly<Record<string, Embedding>> = {
  Probe: { goName: 'ProbeHandler', fields: ['exec', 'httpGet', 'tcpSocket', 'grpc'] },
  Volume: { goName: 'VolumeSource', fields: { allExcept: ['name'] } },
  EphemeralContainer: { goName: 'EphemeralContainerCommon', fields: { allExcept: ['targetContainerName'] } },
  PersistentVolumeSpec: {
    goName: 'PersistentVolumeSource',
    fields: [
      'gcePersistentDisk',
      'awsElasticBlockStore',
      'hostPath',
      'glusterfs',
      'nfs',
      'rbd',
      'iscsi',
      'cinder',
      'cephfs',
      'fc',
      'flocker',
      'flexVolume',
      'azureFile',
      'vsphereVolume',
      'quobyte',
      'azureDisk',
      'photonPersistentDisk',
      'portworxVolume',
      'scaleIO',
      'local',
      'storageos',
      'csi',
    ],
  },
  ConfigMapKeySelector: LOCAL_OBJECT_REFERENCE,
  SecretKeySelector: LOCAL_OBJECT_REFERENCE,
  ConfigMapEnvSource: LOCAL_OBJECT_REFERENCE,
  SecretEnvSource: LOCAL_OBJECT_REFERENCE,
  ConfigMapVolumeSource: LOCAL_OBJECT_REFERENCE,
  ConfigMapProjection: LOCAL_OBJECT_REFERENCE,
  SecretProjection: LOCAL_OBJECT_REFERENCE,
};

/** Top-level kinds embed metav1.TypeMeta, which promotes `kind` and `apiVersion`. */
export const TYPE_META: Embedding = { goName: 'TypeMeta', fields: ['kind', 'apiVersion'] };

/** The embedded struct a property is promoted from, if any. */
export function embeddedIn(definitionShortName: string, property: string, isKind: boolean): string | undefined {
  const e = EMBEDDED_FIELDS[definitionShortName];
  if (e) {
    const promoted = Array.isArray(e.fields)
      ? (e.fields as readonly string[]).includes(property)
      : !(e.fields as { allExcept: readonly string[] }).allExcept.includes(property);
    if (promoted) return e.goName;
  }
  if (isKind && (TYPE_META.fields as readonly string[]).includes(property)) return TYPE_META.goName;
  return undefined;
}

/** The named Go type of a property, looking through EphemeralContainer to Container. */
export function namedFieldType(definitionShortName: string, property: string): string | undefined {
  return (
    NAMED_FIELD_TYPES[`${definitionShortName}.${property}`] ??
    (definitionShortName === 'EphemeralContainer' ? NAMED_FIELD_TYPES[`Container.${property}`] : undefined)
  );
}

/**
 * Definitions whose Go types implement json.Unmarshaler, so the decoder hands them raw bytes instead of checking
 * JSON types itself (their errors read differently and stop the decode at once).
 */
export const UNMARSHALER_DEFINITIONS: Readonly<Record<string, 'quantity' | 'int-or-string' | 'time' | 'any'>> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'int-or-string',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'time',
  // MicroTime parses RFC3339Micro; only events carry it, so its text is accepted as is (see the report).
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'any',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': 'any',
  'io.k8s.apimachinery.pkg.runtime.RawExtension': 'any',
};

/** `io.k8s.api.core.v1.PodSpec` -> `v1.PodSpec` (reflect prints the Go package name, the path's last element). */
export function goTypeOfDefinition(definition: string): string {
  const parts = definition.split('.');
  const name = parts[parts.length - 1] ?? definition;
  const pkg = parts[parts.length - 2];
  return pkg ? `${pkg}.${name}` : name;
}
