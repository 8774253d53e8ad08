/**
 * Fields of a pod that appear in `kubectl get pod -o yaml` but are not set by the create request: the
 * scheduler and the kubelet fill them later. createPod never sets these; the list lets the site say who does.
 */
export interface LaterField {
  readonly path: string;
  /** What ends up there, when it is one thing. */
  readonly value?: string;
  readonly setBy: string;
  readonly citation: string;
}

export const FIELDS_SET_AFTER_CREATE: readonly LaterField[] = [
  {
    path: 'spec.nodeName',
    value: 'chosen node',
    setBy: 'scheduler (binding)',
    citation: 'pkg/registry/core/pod/storage/storage.go (*BindingREST).Create',
  },
  {
    path: 'status.conditions[type=PodScheduled]',
    setBy: 'scheduler binding / kubelet',
    citation: 'pkg/registry/core/pod/storage/storage.go (*BindingREST).Create',
  },
  {
    path: 'status.hostIP/podIP/startTime/containerStatuses/conditions',
    setBy: 'kubelet (generateAPIPodStatus)',
    citation: 'pkg/kubelet/kubelet_pods.go (*Kubelet).generateAPIPodStatus',
  },
  {
    path: 'metadata.resourceVersion',
    setBy: 'etcd storage',
    citation: 'staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go (*store).Create',
  },
];
