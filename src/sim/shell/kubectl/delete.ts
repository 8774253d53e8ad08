/**
 * `kubectl delete pod NAME...` and `kubectl delete -f FILE`: DELETE each object (graceful by default), print
 * `pod "x" deleted` (`... deleted from default namespace` from kubectl 1.34), then wait until the objects are
 * gone, which advances the virtual clock through the pods' graceful termination.
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go Complete, Validate, DeleteResult, PrintObj.
 */
import { ApiError } from '../../apiserver.ts';
import { NotModelledError, notModelledLine, Terminal } from '../result.ts';
import type { CommandResult } from '../types.ts';
import { asKubectlError, errorOutput, type KubectlError, plainError, withSource } from './errors.ts';
import { flag, type Invocation, parseVerbFlags, unmodelled } from './invocation.ts';
import { loadFiles } from './manifest-files.ts';
import { KUBECTL_SINCE } from './releases.ts';
import { isKubectlError, podSelection } from './resources.ts';
import { DEFAULT_WAIT_CAP_SECONDS, type DeletedObject, waitUntilDeleted } from './wait-deleted.ts';

const DELETE_FLAGS = [
  flag('filename', 'string', 'f'),
  flag('grace-period', 'int'),
  flag('force', 'bool'),
  flag('now', 'bool'),
  flag('wait', 'bool'),
  flag('timeout', 'duration'),
  flag('ignore-not-found', 'bool'),
  flag('output', 'string', 'o'),
  unmodelled('all', 'bool'),
  unmodelled('all-namespaces', 'bool', 'A'),
  unmodelled('selector', 'string', 'l'),
  unmodelled('field-selector', 'string'),
  unmodelled('cascade', 'string', undefined, 'background'),
  unmodelled('dry-run', 'string', undefined, 'unchanged'),
  unmodelled('kustomize', 'string', 'k'),
  unmodelled('recursive', 'bool', 'R'),
  unmodelled('raw', 'string'),
  unmodelled('interactive', 'bool', 'i'),
];

interface Target {
  readonly name: string;
  readonly namespace: string;
  /** the -f file, '' for names typed on the command line */
  readonly source: string;
}

// delete.go PrintObj: `<kind> "<name>" <operation>`; kubectl 1.34+ names the namespace (#126619)
function deletedLine(name: string, namespace: string, force: boolean, kubectlMinor: number): string {
  const operation = force ? 'force deleted' : 'deleted';
  const where = kubectlMinor >= KUBECTL_SINCE.deleteNamespaceSuffix ? ` from ${namespace} namespace` : '';
  return `pod "${name}" ${operation}${where}\n`;
}

export function kubectlDelete(inv: Invocation): CommandResult {
  const { flags, args, namespace, namespaceExplicit } = parseVerbFlags(inv, DELETE_FLAGS);
  const output = flags.string('output');
  // delete.go Validate
  if (output !== undefined && output !== '' && output !== 'name') {
    return new Terminal().write(`error: unexpected -o output mode: ${output}. We only support '-o name'\n`).result(1);
  }
  // delete.go Complete: --now is --grace-period=1; a bare --grace-period=0 becomes 1 unless --force
  let grace = flags.int('grace-period') ?? -1;
  const force = flags.bool('force');
  if (flags.bool('now')) {
    if (grace !== -1)
      return new Terminal().write('error: --now and --grace-period cannot be specified together\n').result(1);
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const term = new Terminal();
  if (grace === 0 && force) {
    const prefix = inv.ctx.kubectlMinor >= KUBECTL_SINCE.warningPrinter ? 'Warning' : 'warning';
    term.write(
      `${prefix}: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n`,
    );
  } else if (grace > 0 && force) {
    return term.write('error: --force and --grace-period greater than 0 cannot be specified together\n').result(1);
  }

  const targets = resolveTargets(inv, flags.strings('filename'), args, namespace, namespaceExplicit, term);
  if ('result' in targets) return targets.result;
  if (targets.list.length === 0) return term.write('No resources found\n').result(0);

  const errors: KubectlError[] = [];
  const deleted: DeletedObject[] = [];
  for (const t of targets.list) {
    try {
      const pod = inv.ctx.cluster.delete('pod', t.name, {
        namespace: t.namespace,
        ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      });
      term.write(
        output === 'name' ? `pod/${t.name}\n` : deletedLine(t.name, t.namespace, grace === 0, inv.ctx.kubectlMinor),
      );
      deleted.push({ name: t.name, namespace: t.namespace, uid: pod.metadata.uid ?? '' });
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'NotFound' && flags.bool('ignore-not-found')) continue;
      errors.push(withSource(asKubectlError(error), 'deleting', t.source));
    }
  }
  if (errors.length > 0) return term.write(errorOutput(errors)).result(1);
  if (!flags.bool('wait', true) || deleted.length === 0) return term.result(0);

  const timeout = flags.duration('timeout') ?? 0;
  const outcome = waitUntilDeleted(inv.ctx.cluster, deleted, timeout > 0 ? timeout : DEFAULT_WAIT_CAP_SECONDS);
  if (outcome.done) return term.result(0);
  if (timeout > 0) {
    // cmd/wait: the condition was not met before --timeout
    return term
      .write(errorOutput([plainError(`timed out waiting for the condition on pods/${outcome.pending.name}`)]))
      .result(1);
  }
  return term
    .write(
      notModelledLine(`a wait longer than ${DEFAULT_WAIT_CAP_SECONDS}s for pods/${outcome.pending.name} to go away`),
    )
    .result(127);
}

function resolveTargets(
  inv: Invocation,
  paths: readonly string[],
  args: readonly string[],
  namespace: string,
  namespaceExplicit: boolean,
  term: Terminal,
): { list: Target[] } | { result: CommandResult } {
  if (paths.length > 0) {
    if (args.length > 0) throw new NotModelledError('`kubectl delete -f` with resource arguments');
    const loaded = loadFiles(inv.ctx, paths, { namespace, namespaceExplicit });
    if (!loaded.ok) return { result: term.write(loaded.stderr).result(1) };
    return { list: loaded.objects.map((o) => ({ name: o.name, namespace: o.namespace, source: o.source })) };
  }
  if (args.length === 0) {
    // builder.go: no arguments and no files
    return {
      result: term
        .write(
          "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
        )
        .result(1),
    };
  }
  const selection = podSelection(args);
  if (isKubectlError(selection)) return { result: term.write(errorOutput([selection])).result(1) };
  // builder.go (delete requires names unless --all or a selector)
  if (selection.all) {
    return { result: term.write('error: resource(s) were provided, but no name was specified\n').result(1) };
  }
  return { list: selection.names.map((name) => ({ name, namespace, source: '' })) };
}
