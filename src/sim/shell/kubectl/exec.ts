/**
 * `kubectl exec [-i] [-t] [-c C] POD [--] COMMAND...`: the deprecated form without `--` (a warning up to kubectl
 * 1.30, an error from 1.31), the pod and container checks, an interactive shell opening a session, and a command
 * whose non-zero status kubectl reports as `command terminated with exit code N`.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go (*ExecOptions).Complete, Validate and Run;
 * staging/src/k8s.io/kubectl/pkg/cmd/util/podcmd/podcmd.go FindOrDefaultContainerByName; client-go
 * tools/remotecommand (CodeExitError "command terminated with exit code %d").
 */
import type { Pod } from '../../../k8s/api/types.ts';
import { SHELLS } from '../../container-behaviour.ts';
import { runList, runningContainer } from '../container-commands.ts';
import { NotModelledError, notModelledLine, Terminal } from '../result.ts';
import { openSession, shellFlavour } from '../sessions.ts';
import type { CommandResult } from '../types.ts';
import { type ListItem, shellList } from '../words.ts';
import { errorOutput, plainError, statusError } from './errors.ts';
import { flag, type Invocation, parseVerbFlags, unmodelled } from './invocation.ts';
import { KUBECTL_SINCE } from './releases.ts';

const EXEC_FLAGS = [
  flag('container', 'string', 'c'),
  flag('stdin', 'bool', 'i'),
  flag('tty', 'bool', 't'),
  flag('quiet', 'bool', 'q'),
  flag('pod-running-timeout', 'duration'),
  unmodelled('filename', 'string', 'f'),
];

const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** `command terminated with exit code N` for a non-zero status (remotecommand CodeExitError). */
export function terminatedLine(status: number): string {
  return status === 0 ? '' : `command terminated with exit code ${status}\n`;
}

export function kubectlExec(inv: Invocation): CommandResult {
  const { flags, args, argsLenAtDash, namespace } = parseVerbFlags(inv, EXEC_FLAGS);
  const quiet = flags.bool('quiet');
  const term = new Terminal();
  const fail = (message: string) => term.write(errorOutput([plainError(message)])).result(1);

  // exec.go Complete
  const resource = args.length > 0 && argsLenAtDash !== 0 ? args[0] : undefined;
  let command: readonly string[] = [];
  if (argsLenAtDash > -1) {
    command = args.slice(argsLenAtDash);
  } else if (args.length > 1) {
    if (inv.ctx.kubectlMinor >= KUBECTL_SINCE.execWithoutDashRemoved) {
      return fail(
        "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
      );
    }
    if (!quiet) {
      term.write(
        'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n',
      );
    }
    command = args.slice(1);
  }
  // exec.go Validate
  if (resource === undefined) return fail('pod, type/name or --filename must be specified');
  if (command.length === 0) return fail('you must specify at least one command for the container');

  const podName = podNameOf(resource);
  const pod = inv.ctx.cluster.getPod(podName, namespace);
  if (!pod) return term.write(errorOutput([statusError('NotFound', `pods "${podName}" not found`)])).result(1);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    return fail(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  let container = flags.string('container');
  if (container === undefined) {
    container = defaultContainer(pod, quiet, term);
  } else if (![...pod.spec.containers, ...(pod.spec.initContainers ?? [])].some((c) => c.name === container)) {
    // the apiserver's pods/exec validation
    return term
      .write(errorOutput([statusError('BadRequest', `container ${container} is not valid for pod ${podName}`)]))
      .result(1);
  }
  // pkg/registry/core/pod/strategy.go streamLocation: the apiserver needs the pod's node
  if (!pod.spec.nodeName) {
    return term
      .write(errorOutput([statusError('BadRequest', `pod ${podName} does not have a host assigned`)]))
      .result(1);
  }
  const rec = runningContainer(inv.ctx.cluster, pod, container);
  // the kubelet's streaming server answers for a container that is not running
  if (!rec) return fail(`unable to upgrade connection: container not found ("${container}")`);

  const interactive = flags.bool('stdin');
  const program = command[0]!;
  const isShell = SHELLS.includes(program);
  const scriptAt = command.indexOf('-c');
  if (isShell && scriptAt < 0) {
    if (!interactive) return term.result(0); // a shell reading an empty stdin ends at once
    openSession(inv.ctx.cluster, namespace, podName, container, {
      shell: shellFlavour(program),
      containerId: rec.id,
      tty: flags.bool('tty'),
    });
    return term.result(0, { openedSession: { pod: podName, container, namespace } });
  }
  let items: readonly ListItem[];
  if (isShell) {
    const script = command[scriptAt + 1];
    if (script === undefined) return term.write(`${program}: -c: option requires an argument\n`).result(2);
    const list = shellList(script);
    if ('unsupported' in list) throw new NotModelledError(`${list.unsupported} in a container shell script`);
    items = list.items;
  } else {
    items = [{ words: command, after: ';' }];
  }
  const outcome = runList(inv.ctx.cluster, pod, rec, items);
  if (outcome.kind === 'notModelled') return term.write(notModelledLine(outcome.thing)).result(127);
  term.write(outcome.stdout);
  // PID 1 going away kills a shell that still has commands to run; a command run directly returns first
  const killed = outcome.mainProcessExitsAt !== undefined && isShell && !outcome.stoppedByLast;
  if (killed) {
    inv.ctx.cluster.advanceTo(Math.max(inv.ctx.cluster.now(), outcome.mainProcessExitsAt!));
    return term.write(terminatedLine(137)).result(137);
  }
  const status = outcome.exited ?? outcome.status;
  return term.write(terminatedLine(status)).result(status);
}

/** `pod/NAME` or `NAME`; other TYPE/NAME forms pick a pod of a workload, which is not modelled. */
function podNameOf(resource: string): string {
  const slash = resource.indexOf('/');
  if (slash < 0) return resource;
  const type = resource.slice(0, slash).toLowerCase();
  if (!['pod', 'pods', 'po'].includes(type))
    throw new NotModelledError(`\`kubectl exec ${resource}\` (a pod chosen from a ${type})`);
  return resource.slice(slash + 1);
}

// podcmd.go FindOrDefaultContainerByName: the annotated default, else the first container, with a note when
// the pod has other containers
function defaultContainer(pod: Pod, quiet: boolean, term: Terminal): string {
  const annotations = (pod.metadata.annotations ?? {}) as Record<string, string>;
  const annotated = annotations[DEFAULT_CONTAINER_ANNOTATION];
  const all = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  if (annotated && all.some((c) => c.name === annotated)) return annotated;
  const first = pod.spec.containers[0]!.name;
  const ephemeral = (pod.spec.ephemeralContainers ?? []) as { name: string }[];
  const init = pod.spec.initContainers ?? [];
  if (!quiet && (pod.spec.containers.length > 1 || init.length > 0 || ephemeral.length > 0)) {
    const names = [
      ...pod.spec.containers.map((c) => c.name),
      ...ephemeral.map((c) => `${c.name} (ephem)`),
      ...init.map((c) => `${c.name} (init)`),
    ];
    term.write(`Defaulted container "${first}" out of: ${names.join(', ')}\n`);
  }
  return first;
}
