/**
 * `kubectl get pods [NAME...] [-o wide|yaml|name] [-n NS] [-A]`: the table the apiserver renders (src/k8s
 * print-pod, server release), `-o yaml` of one object or of a List, `No resources found in <ns> namespace.` for an
 * empty table, NotFound errors after the rows. Source: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go
 * (*GetOptions).Run and printGeneric.
 */
import type { Pod } from '../../../k8s/api/types.ts';
import { renderGetYaml, toWireObject } from '../../../k8s/kubectl/get-yaml.ts';
import { renderGetPods } from '../../../k8s/kubectl/print-pod.ts';
import { marshalYaml } from '../../../k8s/util/go-yaml.ts';
import { NotModelledError, Terminal } from '../result.ts';
import type { CommandResult } from '../types.ts';
import { errorOutput, type KubectlError, plainError, statusError } from './errors.ts';
import { flag, type Invocation, parseVerbFlags, unmodelled } from './invocation.ts';
import { KUBECTL_SINCE } from './releases.ts';
import { isKubectlError, podSelection } from './resources.ts';

const GET_FLAGS = [
  flag('output', 'string', 'o'),
  flag('all-namespaces', 'bool', 'A'),
  flag('no-headers', 'bool'),
  flag('ignore-not-found', 'bool'),
  flag('show-managed-fields', 'bool'),
  flag('chunk-size', 'int'),
  unmodelled('watch', 'bool', 'w'),
  unmodelled('watch-only', 'bool'),
  unmodelled('output-watch-events', 'bool'),
  unmodelled('selector', 'string', 'l'),
  unmodelled('field-selector', 'string'),
  unmodelled('label-columns', 'string', 'L'),
  unmodelled('show-labels', 'bool'),
  unmodelled('show-kind', 'bool'),
  unmodelled('sort-by', 'string'),
  unmodelled('filename', 'string', 'f'),
  unmodelled('kustomize', 'string', 'k'),
  unmodelled('recursive', 'bool', 'R'),
  unmodelled('raw', 'string'),
  unmodelled('server-print', 'bool'),
  unmodelled('subresource', 'string'),
  unmodelled('template', 'string'),
  unmodelled('allow-missing-template-keys', 'bool'),
];

/** -o values kubectl accepts that the virtual cluster does not print. */
const UNMODELLED_OUTPUTS =
  /^(json|jsonpath|jsonpath-file|jsonpath-as-json|go-template|go-template-file|template|templatefile|custom-columns|custom-columns-file)(=|$)/;

export function kubectlGet(inv: Invocation): CommandResult {
  const { flags, args, namespace } = parseVerbFlags(inv, GET_FLAGS);
  const output = flags.string('output') ?? '';
  if (UNMODELLED_OUTPUTS.test(output)) throw new NotModelledError(`\`kubectl get -o ${output}\``);
  if (!['', 'wide', 'yaml', 'name'].includes(output)) throw new NotModelledError(`the output format "${output}"`);
  const allNamespaces = flags.bool('all-namespaces');
  const term = new Terminal();
  if (args.length === 0) {
    // get.go Run: no resource type
    return term
      .write(
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
          'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
          "See 'kubectl get -h' for help and examples\n",
      )
      .result(1);
  }
  const selection = podSelection(args);
  if (isKubectlError(selection)) return term.write(errorOutput([selection])).result(1);

  const cluster = inv.ctx.cluster;
  const pods: Pod[] = [];
  const errors: KubectlError[] = [];
  if (selection.all) {
    pods.push(...cluster.listPods(allNamespaces ? undefined : namespace));
  } else {
    // builder.go: names cannot be combined with --all-namespaces
    if (allNamespaces)
      return term
        .write(errorOutput([plainError('a resource cannot be retrieved by name across all namespaces')]))
        .result(1);
    for (const name of selection.names) {
      const pod = cluster.getPod(name, namespace);
      if (pod) pods.push(pod);
      else if (!flags.bool('ignore-not-found')) errors.push(statusError('NotFound', `pods "${name}" not found`));
    }
  }

  if (output === 'yaml') {
    // printGeneric: one named object prints as itself, anything else as a List
    const single = !selection.all && selection.names.length === 1;
    const options = { showManagedFields: flags.bool('show-managed-fields') };
    if (single && pods.length === 1) term.write(renderGetYaml(pods[0], options));
    else if (!(single && pods.length === 0)) term.write(listYaml(pods, options, inv.ctx.kubectlMinor));
  } else if (output === 'name') {
    for (const pod of pods) term.write(`pod/${pod.metadata.name}\n`);
  } else {
    const table = renderGetPods(pods, {
      minor: cluster.version.minor,
      now: cluster.now(),
      wide: output === 'wide',
      noHeaders: flags.bool('no-headers'),
      withNamespace: allNamespaces,
    });
    term.write(table);
    if (table === '' && errors.length === 0 && !flags.bool('ignore-not-found')) {
      term.write(allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
    }
  }
  term.write(errorOutput(errors));
  return term.result(errors.length > 0 ? 1 : 0);
}

// get.go printGeneric: a v1 List whose metadata carries only the (empty) resourceVersion, and `selfLink: ""` in
// the releases before the RemoveSelfLink cleanup
function listYaml(pods: readonly Pod[], options: { showManagedFields: boolean }, kubectlMinor: number): string {
  const metadata: Record<string, string> = { resourceVersion: '' };
  if (kubectlMinor < KUBECTL_SINCE.listWithoutSelfLink) metadata.selfLink = '';
  const list = {
    apiVersion: 'v1',
    items: pods.map((p) => toWireObject(p, options)),
    kind: 'List',
    metadata,
  };
  return marshalYaml(list);
}
