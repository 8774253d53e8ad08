/**
 * `kubectl apply -f FILE` (client-side apply): each object is created when absent (with the last-applied
 * annotation) or patched when present; `pod/x created|configured|unchanged` per object on stdout, the collected
 * errors at the end. Source: staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (*ApplyOptions).applyOneObject.
 */
import { NotModelledError, Terminal } from '../result.ts';
import type { CommandResult } from '../types.ts';
import { patchedObject, sameJson } from './apply-patch.ts';
import { asKubectlError, errorOutput, fromStatus, type KubectlError, withSource } from './errors.ts';
import { flag, type Invocation, parseVerbFlags, unmodelled } from './invocation.ts';
import { LAST_APPLIED_ANNOTATION, withLastApplied } from './last-applied.ts';
import { type FileObject, loadFiles } from './manifest-files.ts';

const APPLY_FLAGS = [
  flag('filename', 'string', 'f'),
  flag('validate', 'string', undefined, 'strict'),
  unmodelled('kustomize', 'string', 'k'),
  unmodelled('recursive', 'bool', 'R'),
  unmodelled('output', 'string', 'o'),
  unmodelled('dry-run', 'string', undefined, 'unchanged'),
  unmodelled('server-side', 'bool'),
  unmodelled('force-conflicts', 'bool'),
  unmodelled('field-manager', 'string'),
  unmodelled('prune', 'bool'),
  unmodelled('prune-allowlist', 'string'),
  unmodelled('prune-whitelist', 'string'),
  unmodelled('applyset', 'string'),
  unmodelled('all', 'bool'),
  unmodelled('selector', 'string', 'l'),
  unmodelled('force', 'bool'),
  unmodelled('grace-period', 'int'),
  unmodelled('timeout', 'duration'),
  unmodelled('wait', 'bool'),
  unmodelled('cascade', 'string', undefined, 'background'),
  unmodelled('overwrite', 'bool'),
  unmodelled('openapi-patch', 'bool'),
  unmodelled('record', 'bool'),
  unmodelled('template', 'string'),
  unmodelled('allow-missing-template-keys', 'bool'),
  unmodelled('show-managed-fields', 'bool'),
];

// apply.go warningNoLastAppliedConfigAnnotation and warningChangesOnDeletingResource
const warnMissingAnnotation = (name: string) =>
  `Warning: resource pods/${name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
const warnDeleting = (name: string) =>
  `Warning: Detected changes to resource ${name} which is currently being deleted.\n`;

export function kubectlApply(inv: Invocation): CommandResult {
  const { flags, args, namespace, namespaceExplicit } = parseVerbFlags(inv, APPLY_FLAGS);
  const validate = flags.string('validate');
  if (validate !== undefined && validate !== 'true' && validate !== 'strict') {
    throw new NotModelledError(`\`kubectl apply --validate=${validate}\``);
  }
  // apply.go validateArgs: positional arguments are a usage error
  if (args.length > 0) {
    return new Terminal()
      .write(`error: Unexpected args: [${args.join(' ')}]\nSee 'kubectl apply -h' for help and examples\n`)
      .result(1);
  }
  const paths = flags.strings('filename');
  if (paths.length === 0) return new Terminal().write('error: must specify one of -f and -k\n').result(1);
  const loaded = loadFiles(inv.ctx, paths, { namespace, namespaceExplicit });
  if (!loaded.ok) return new Terminal().write(loaded.stderr).result(1);
  // apply.go (*ApplyOptions).Run: `no objects passed to apply`
  if (loaded.objects.length === 0) return new Terminal().write('error: no objects passed to apply\n').result(1);

  const term = new Terminal();
  const errors: KubectlError[] = [];
  for (const item of loaded.objects) {
    const error = applyOne(inv, item, term);
    if (error) errors.push(error);
  }
  term.write(errorOutput(errors));
  return term.result(errors.length > 0 ? 1 : 0);
}

function applyOne(inv: Invocation, item: FileObject, term: Terminal): KubectlError | undefined {
  const cluster = inv.ctx.cluster;
  const live = cluster.api.peekPod(item.name, item.namespace);
  if (item.status) {
    const rejected = fromStatus(item.status);
    return live ? rejected : withSource(rejected, 'creating', item.source);
  }
  const sent = withLastApplied(item.object);
  if (!live) {
    try {
      cluster.apply(sent, { namespace: item.namespace });
    } catch (error) {
      return withSource(asKubectlError(error), 'creating', item.source);
    }
    term.write(`pod/${item.name} created\n`);
    return undefined;
  }
  const liveAnnotations = (live.metadata.annotations ?? {}) as Record<string, string>;
  const lastApplied = liveAnnotations[LAST_APPLIED_ANNOTATION];
  if (lastApplied === undefined) term.write(warnMissingAnnotation(item.name));
  const liveObject = live as unknown as Record<string, unknown>;
  const desired = patchedObject(liveObject, sent, parseOriginal(lastApplied));
  let action: 'configured' | 'unchanged' = 'unchanged';
  // patcher.go: an empty three-way patch (`{}`) is not sent, and kubectl says `unchanged`
  if (!sameJson(desired.metadata, liveObject.metadata) || !sameJson(desired.spec, liveObject.spec)) {
    try {
      action =
        cluster.apply(desired, { namespace: item.namespace }).action === 'unchanged' ? 'unchanged' : 'configured';
    } catch (error) {
      return asKubectlError(error);
    }
  }
  // apply.go WarnIfDeleting after the patch
  if (live.metadata.deletionTimestamp !== undefined) term.write(warnDeleting(item.name));
  term.write(`pod/${item.name} ${action}\n`);
  return undefined;
}

function parseOriginal(annotation: string | undefined): Record<string, unknown> | undefined {
  if (annotation === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(annotation);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
