/**
 * `-f FILE` for apply, create and delete: the file from the page (ShellContext.files), run through the manifest
 * pipeline, and each object with the namespace kubectl gives it. Whatever stops kubectl before it sends anything
 * (a missing path, YAML errors, objects without apiVersion/kind, kinds the cluster lacks) ends the command here
 * with kubectl's text (ShellContext.readManifest).
 */
import type { ApiStatus } from '../../../manifest/render/api-status.ts';
import { goQuote } from '../../../manifest/semantic/go-quote.ts';
import { NotModelledError } from '../result.ts';
import type { ShellContext } from '../types.ts';

/** One object of a file, ready to send. */
export interface FileObject {
  /** the -f argument as typed (kubectl's info.Source) */
  readonly source: string;
  readonly name: string;
  readonly namespace: string;
  /** the object as written, with metadata.namespace set as kubectl sets it before sending */
  readonly object: Record<string, unknown>;
  /** the apiserver's answer when it rejects the object (src/manifest) */
  readonly status?: ApiStatus;
}

export type LoadedFiles =
  | { readonly ok: true; readonly objects: readonly FileObject[] }
  | { readonly ok: false; readonly stderr: string };

export interface LoadOptions {
  readonly namespace: string;
  readonly namespaceExplicit: boolean;
}

function fileText(ctx: ShellContext, path: string): string | undefined {
  return ctx.files.get(path) ?? (path.startsWith('./') ? ctx.files.get(path.slice(2)) : undefined);
}

/** Reads and checks every -f file, in order; nothing is sent when any of them fails. */
// staging/src/k8s.io/cli-runtime/pkg/resource/builder.go FilenameParam + visitor.go (FileVisitor, StreamVisitor)
export function loadFiles(ctx: ShellContext, paths: readonly string[], options: LoadOptions): LoadedFiles {
  const objects: FileObject[] = [];
  for (const path of paths) {
    if (path === '-') throw new NotModelledError('reading manifests from standard input (-f -)');
    if (/^https?:\/\//.test(path)) throw new NotModelledError('reading manifests from a URL');
    const text = fileText(ctx, path);
    // builder.go FilenameParam: os.Stat fails -> `the path %q does not exist`
    if (text === undefined) return { ok: false, stderr: `error: the path ${goQuote(path)} does not exist\n` };
    const file = ctx.readManifest(text, path);
    if (file.stderr !== undefined) return { ok: false, stderr: file.stderr };
    for (const outcome of file.objects) {
      const written = outcome.value as Record<string, unknown>;
      if (outcome.apiVersion !== 'v1' || outcome.kind !== 'Pod') {
        throw new NotModelledError(`a ${outcome.kind} object (the virtual cluster serves Pods only)`);
      }
      const metadata = (written.metadata ?? {}) as Record<string, unknown>;
      if (typeof metadata.name !== 'string' || metadata.name === '') {
        throw new NotModelledError('an object without metadata.name (generateName)');
      }
      const own = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : undefined;
      // visitor.go SetNamespace / RequireNamespace: an explicit --namespace must match the object's
      if (own !== undefined && options.namespaceExplicit && own !== options.namespace) {
        return {
          ok: false,
          stderr: `error: the namespace from the provided object ${goQuote(own)} does not match the namespace ${goQuote(options.namespace)}. You must pass '--namespace=${own}' to perform this operation.\n`,
        };
      }
      const namespace = own ?? options.namespace;
      const object = structuredClone(written);
      object.metadata = { ...metadata, namespace };
      objects.push({
        source: path,
        name: metadata.name,
        namespace,
        object,
        ...(outcome.status ? { status: outcome.status } : {}),
      });
    }
  }
  return { ok: true, objects };
}
