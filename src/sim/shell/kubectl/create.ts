/**
 * `kubectl create -f FILE`: POST every object of the files, `pod/x created` for each, the errors at the end
 * (`Error from server (AlreadyExists): error when creating "f": pods "x" already exists`).
 * Source: staging/src/k8s.io/kubectl/pkg/cmd/create/create.go (*CreateOptions).RunCreate.
 */
import { NotModelledError, Terminal } from '../result.ts';
import type { CommandResult } from '../types.ts';
import { asKubectlError, errorOutput, fromStatus, type KubectlError, withSource } from './errors.ts';
import { flag, type Invocation, parseVerbFlags, unmodelled } from './invocation.ts';
import { withLastApplied } from './last-applied.ts';
import { loadFiles } from './manifest-files.ts';

const CREATE_FLAGS = [
  flag('filename', 'string', 'f'),
  flag('save-config', 'bool'),
  flag('validate', 'string', undefined, 'strict'),
  unmodelled('kustomize', 'string', 'k'),
  unmodelled('recursive', 'bool', 'R'),
  unmodelled('output', 'string', 'o'),
  unmodelled('dry-run', 'string', undefined, 'unchanged'),
  unmodelled('edit', 'bool'),
  unmodelled('field-manager', 'string'),
  unmodelled('raw', 'string'),
  unmodelled('record', 'bool'),
  unmodelled('selector', 'string', 'l'),
  unmodelled('template', 'string'),
  unmodelled('allow-missing-template-keys', 'bool'),
  unmodelled('show-managed-fields', 'bool'),
  unmodelled('windows-line-endings', 'bool'),
];

export function kubectlCreate(inv: Invocation): CommandResult {
  const { flags, args, namespace, namespaceExplicit } = parseVerbFlags(inv, CREATE_FLAGS);
  const validate = flags.string('validate');
  if (validate !== undefined && validate !== 'true' && validate !== 'strict') {
    throw new NotModelledError(`\`kubectl create --validate=${validate}\``);
  }
  if (args.length > 0) throw new NotModelledError(`\`kubectl create ${args[0]}\` (generators)`);
  const paths = flags.strings('filename');
  // create.go: without -f, `Error: must specify one of -f and -k` and the command's help text
  if (paths.length === 0) throw new NotModelledError('`kubectl create` without -f (its help text)');
  const loaded = loadFiles(inv.ctx, paths, { namespace, namespaceExplicit });
  if (!loaded.ok) return new Terminal().write(loaded.stderr).result(1);
  if (loaded.objects.length === 0) return new Terminal().write('error: no objects passed to create\n').result(1);

  const term = new Terminal();
  const errors: KubectlError[] = [];
  for (const item of loaded.objects) {
    if (item.status) {
      errors.push(withSource(fromStatus(item.status), 'creating', item.source));
      continue;
    }
    // util.CreateOrUpdateAnnotation(--save-config, ...): the annotation only with --save-config
    const sent = flags.bool('save-config') ? withLastApplied(item.object) : item.object;
    try {
      inv.ctx.cluster.create(sent, { namespace: item.namespace });
      term.write(`pod/${item.name} created\n`);
    } catch (error) {
      errors.push(withSource(asKubectlError(error), 'creating', item.source));
    }
  }
  term.write(errorOutput(errors));
  return term.result(errors.length > 0 ? 1 : 0);
}
