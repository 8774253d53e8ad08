/**
 * `kubectl describe pod[s] [NAME...]`: the whole describe text of each pod (src/k8s describe-pod, kubectl
 * release) with its events, several separated by a blank line; a NAME that is not found is tried as a prefix
 * (`kubectl describe pods nginx` describes nginx-5). Source: staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go
 * (*DescribeOptions).Run and DescribeMatchingResources.
 */
import type { Pod } from '../../../k8s/api/types.ts';
import { describePod } from '../../../k8s/kubectl/describe-pod.ts';
import { Terminal } from '../result.ts';
import type { CommandResult } from '../types.ts';
import { errorOutput, type KubectlError, statusError } from './errors.ts';
import { flag, type Invocation, parseVerbFlags, unmodelled } from './invocation.ts';
import { KUBECTL_SINCE } from './releases.ts';
import { isKubectlError, podSelection } from './resources.ts';

const DESCRIBE_FLAGS = [
  flag('all-namespaces', 'bool', 'A'),
  flag('show-events', 'bool'),
  flag('chunk-size', 'int'),
  unmodelled('selector', 'string', 'l'),
  unmodelled('filename', 'string', 'f'),
  unmodelled('kustomize', 'string', 'k'),
  unmodelled('recursive', 'bool', 'R'),
];

export function kubectlDescribe(inv: Invocation): CommandResult {
  const { flags, args, namespace } = parseVerbFlags(inv, DESCRIBE_FLAGS);
  const term = new Terminal();
  if (args.length === 0) {
    // describe.go ToOptions
    return term
      .write(
        'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      )
      .result(1);
  }
  const selection = podSelection(args);
  if (isKubectlError(selection)) return term.write(errorOutput([selection])).result(1);
  const cluster = inv.ctx.cluster;
  const allNamespaces = flags.bool('all-namespaces');

  const pods: Pod[] = [];
  const errors: KubectlError[] = [];
  if (selection.all) {
    pods.push(...cluster.listPods(allNamespaces ? undefined : namespace));
  } else {
    for (const name of selection.names) {
      const pod = cluster.getPod(name, namespace);
      if (pod) pods.push(pod);
      else errors.push(statusError('NotFound', `pods "${name}" not found`));
    }
  }
  const explicitEvents = flags.has('show-events');
  const many = pods.length > 1 || errors.length > 0;
  // PR #137145 (after 1.35): several objects are described without events unless --show-events is given
  const defaultEvents = !(many && inv.ctx.kubectlMinor >= KUBECTL_SINCE.describeManyWithoutEvents);
  const showEvents = explicitEvents ? flags.bool('show-events') : defaultEvents;
  const describe = (pod: Pod) =>
    describePod(pod, {
      kubectlMinor: inv.ctx.kubectlMinor,
      now: cluster.now(),
      events: showEvents ? cluster.eventsFor(pod) : [],
      showEvents,
    });

  // describe.go Run: a single TYPE NAME that is not found falls back to a prefix search
  if (errors.length > 0 && !selection.all && selection.separateType && selection.names.length === 1) {
    const prefix = selection.names[0]!;
    const matching = cluster.listPods(namespace).filter((p) => (p.metadata.name ?? '').startsWith(prefix));
    if (matching.length === 0) return term.write(errorOutput(errors)).result(1);
    for (const pod of matching) term.write(`${describe(pod)}\n`);
    return term.result(0);
  }
  pods.forEach((pod, i) => {
    term.write(i === 0 ? describe(pod) : `\n\n${describe(pod)}`);
  });
  if (pods.length === 0 && errors.length === 0) {
    term.write(allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
  }
  term.write(errorOutput(errors));
  return term.result(errors.length > 0 ? 1 : 0);
}
