/**
 * Resource arguments (`pods`, `pod nginx-5`, `po/nginx-5`) as cli-runtime's builder reads them
 * (staging/src/k8s.io/cli-runtime/pkg/resource/builder.go ResourceTypeOrNameArgs). The virtual cluster serves
 * Pods only: a built-in type it does not serve is "not modelled"; a name no cluster knows is kubectl's
 * `the server doesn't have a resource type` error.
 */
import { NotModelledError } from '../result.ts';
import { type KubectlError, plainError } from './errors.ts';

/** Names kubectl resolves to pods (plural, singular, short name; case-insensitively). */
const POD_NAMES = new Set(['pods', 'pod', 'po', 'pods.v1', 'pod.v1', 'pods.v1.', 'pod.v1.']);

/** Built-in resource types of 1.23..1.35 (plural, singular and short names) that the virtual cluster does not serve. */
const OTHER_BUILTIN_TYPES = new Set(
  [
    'all',
    'bindings binding',
    'componentstatuses componentstatus cs',
    'configmaps configmap cm',
    'endpoints endpoint ep',
    'events event ev',
    'limitranges limitrange limits',
    'namespaces namespace ns',
    'nodes node no',
    'persistentvolumeclaims persistentvolumeclaim pvc',
    'persistentvolumes persistentvolume pv',
    'podtemplates podtemplate',
    'replicationcontrollers replicationcontroller rc',
    'resourcequotas resourcequota quota',
    'secrets secret',
    'serviceaccounts serviceaccount sa',
    'services service svc',
    'mutatingwebhookconfigurations validatingwebhookconfigurations',
    'customresourcedefinitions customresourcedefinition crd crds',
    'apiservices apiservice',
    'controllerrevisions controllerrevision',
    'daemonsets daemonset ds',
    'deployments deployment deploy',
    'replicasets replicaset rs',
    'statefulsets statefulset sts',
    'tokenreviews selfsubjectaccessreviews subjectaccessreviews localsubjectaccessreviews',
    'horizontalpodautoscalers horizontalpodautoscaler hpa',
    'cronjobs cronjob cj',
    'jobs job',
    'certificatesigningrequests certificatesigningrequest csr',
    'leases lease',
    'endpointslices endpointslice',
    'flowschemas prioritylevelconfigurations',
    'ingressclasses ingressclass',
    'ingresses ingress ing',
    'networkpolicies networkpolicy netpol',
    'runtimeclasses runtimeclass',
    'poddisruptionbudgets poddisruptionbudget pdb',
    'clusterrolebindings clusterrolebinding clusterroles clusterrole rolebindings rolebinding roles role',
    'priorityclasses priorityclass pc',
    'csidrivers csidriver csinodes csinode csistoragecapacities storageclasses storageclass sc',
    'volumeattachments volumeattachment',
  ]
    .join(' ')
    .split(' '),
);

/** The pods a command names, or all pods of the namespace. */
export type PodSelection =
  | { readonly all: true }
  | {
      readonly all: false;
      readonly names: readonly string[];
      /** given as TYPE NAME... (true) or TYPE/NAME... (false): describe's prefix search needs TYPE NAME */
      readonly separateType: boolean;
    };

function checkType(raw: string): KubectlError | undefined {
  const type = raw.toLowerCase();
  if (POD_NAMES.has(type)) return undefined;
  if (type.includes(',')) throw new NotModelledError(`several resource types in one argument (${raw})`);
  if (OTHER_BUILTIN_TYPES.has(type) || OTHER_BUILTIN_TYPES.has(type.split('.')[0]!)) {
    throw new NotModelledError(`the resource type "${raw}" (the virtual cluster serves Pods only)`);
  }
  // cli-runtime builder mappingFor -> meta.NoResourceMatchError, printed by kubectl as this
  return plainError(`the server doesn't have a resource type "${raw}"`);
}

/** Reads `TYPE [NAME...]` or `TYPE/NAME...`; returns the selection or the error kubectl stops with. */
export function podSelection(args: readonly string[]): PodSelection | KubectlError {
  if (args.length === 0) throw new Error('podSelection needs at least one argument');
  if (args[0]!.includes('/')) {
    const names: string[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash < 0) throw new NotModelledError('mixing TYPE/NAME and TYPE NAME arguments');
      const error = checkType(arg.slice(0, slash));
      if (error) return error;
      names.push(arg.slice(slash + 1));
    }
    return { all: false, names, separateType: false };
  }
  const error = checkType(args[0]!);
  if (error) return error;
  const names = args.slice(1);
  if (names.some((n) => n.includes('/'))) throw new NotModelledError('mixing TYPE NAME and TYPE/NAME arguments');
  return names.length === 0 ? { all: true } : { all: false, names, separateType: true };
}

export function isKubectlError(value: PodSelection | KubectlError): value is KubectlError {
  return 'kind' in value;
}
