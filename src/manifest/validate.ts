/**
 * The manifest pipeline, as `kubectl apply -f` and the apiserver would run it for each object of a file:
 * YAML parse with positions -> kind lookup -> strict decoding (structural) -> defaulting and semantic validation.
 * Browser-safe: the caller supplies the compiled schema pack (src/manifest/schema/node loads one in Node).
 */
import type { KubeVersion } from '../k8s/version/index.ts';
import { parseManifestBytes, parseManifests } from './parse/index.ts';
import { type ApiStatus, statusForErrors } from './render/index.ts';
import type { SchemaPack } from './schema/index.ts';
import { isSupportedKind, validateForCreate } from './semantic/index.ts';
import { type FieldValidation, StructuralKindError, validateStructure } from './structural/index.ts';
import type { FieldError, ManifestDocument, SourceError } from './types.ts';

export interface ValidateOptions {
  /** The cluster the manifest is applied to. */
  readonly version: KubeVersion;
  /** The compiled OpenAPI schema pack of the same minor. */
  readonly pack: SchemaPack;
  /** The file name as it appears in messages (`-` for standard input). */
  readonly filename?: string;
  /** kubectl's --validate: Strict (its default since 1.25), Warn or Ignore. */
  readonly fieldValidation?: FieldValidation;
}

/** What happened to one object of the file. */
export interface ObjectOutcome {
  readonly document: ManifestDocument;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** A problem found before the object reaches the apiserver (no apiVersion/kind, a kind the cluster lacks). */
  readonly kindError?: SourceError;
  /** Decode errors (layer 'decode') or validation errors (layer 'validation'), in the apiserver's order. */
  readonly errors: readonly FieldError[];
  /** The Status the apiserver answers with when it rejects the object. */
  readonly status?: ApiStatus;
  /** With fieldValidation=Warn: the warnings the apiserver returns. */
  readonly warnings: readonly string[];
  /** The defaulted object the apiserver would store, when it is accepted. */
  readonly object?: unknown;
  /** False when the kind has only structural checks here (its semantic validation is not modelled). */
  readonly semanticModelled: boolean;
}

export interface ManifestReport {
  readonly filename: string;
  /** YAML problems, and kind problems of every object, with positions. */
  readonly sourceErrors: readonly SourceError[];
  readonly objects: readonly ObjectOutcome[];
  /** True when the file parses and every object would be accepted. */
  readonly valid: boolean;
}

interface TypeMeta {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown; generateName?: unknown };
}

/** Validate every object of a manifest file. Never throws on bad input: problems come back in the report. */
export function validateManifests(input: string | Uint8Array, options: ValidateOptions): ManifestReport {
  const filename = options.filename ?? '-';
  const parsed =
    typeof input === 'string' ? parseManifests(input, { filename }) : parseManifestBytes(input, { filename });
  const objects = parsed.documents.map((d) => validateObject(d, options));
  const kindErrors = objects.flatMap((o) => (o.kindError ? [o.kindError] : []));
  const sourceErrors = [...parsed.errors, ...kindErrors];
  const valid = sourceErrors.length === 0 && objects.every((o) => o.errors.length === 0);
  return { filename, sourceErrors, objects, valid };
}

function validateObject(doc: ManifestDocument, options: ValidateOptions): ObjectOutcome {
  const meta = doc.value as TypeMeta;
  const apiVersion = typeof meta.apiVersion === 'string' ? meta.apiVersion : '';
  const kind = typeof meta.kind === 'string' ? meta.kind : '';
  const rawName = meta.metadata?.name;
  const base = { document: doc, apiVersion, kind, name: typeof rawName === 'string' ? rawName : '', warnings: [] };

  const missing = [apiVersion === '' ? 'apiVersion not set' : '', kind === '' ? 'kind not set' : ''].filter(Boolean);
  if (missing.length > 0) {
    // kubectl's client-side check (cmd/util: ValidateSchema / ParseKindAndVersion) before anything is sent
    const kindError: SourceError = {
      code: 'MISSING_KIND',
      message: `error validating data: [${missing.join(', ')}]`,
      span: doc.span,
    };
    return { ...base, kindError, errors: [], semanticModelled: false };
  }

  let structural: ReturnType<typeof validateStructure>;
  try {
    structural = validateStructure(options.pack, doc.value, { fieldValidation: options.fieldValidation });
  } catch (error) {
    if (!(error instanceof StructuralKindError)) throw error;
    // kubectl's REST mapping fails: no request reaches the apiserver (cli-runtime resource mapper)
    const kindError: SourceError = {
      code: 'UNKNOWN_KIND',
      message: `no matches for kind "${kind}" in version "${apiVersion}" (Kubernetes 1.${options.pack.minor})`,
      span: doc.spanOf(['kind']),
    };
    return { ...base, kindError, errors: [], semanticModelled: false };
  }

  const target = { apiVersion, kind };
  if (structural.errors.length > 0) {
    const status = statusForErrors({ ...target, name: base.name }, structural.errors);
    return { ...base, errors: structural.errors, status, warnings: structural.warnings, semanticModelled: true };
  }
  if (!isSupportedKind(kind)) {
    // Structural checks only: say so rather than pass the object as if the apiserver had checked it.
    return { ...base, errors: [], warnings: structural.warnings, object: doc.value, semanticModelled: false };
  }
  const semantic = validateForCreate(doc.value, { version: options.version });
  const status = statusForErrors({ ...target, name: semantic.name }, semantic.errors);
  return {
    ...base,
    name: semantic.name,
    errors: semantic.errors,
    status,
    warnings: structural.warnings,
    object: semantic.errors.length === 0 ? semantic.object : undefined,
    semanticModelled: true,
  };
}
