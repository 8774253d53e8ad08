/** Options of parseManifests and their defaults. */

export interface ParseOptions {
  /** The file name, kept on each document for messages (`kubectl` prints it in `error parsing <file>`). */
  filename?: string;
  /** Largest input accepted, in UTF-8 bytes. */
  maxBytes?: number;
  /** Deepest nesting of mappings and sequences accepted (the root mapping is depth 1). */
  maxDepth?: number;
  /** Most nodes a document may decode through aliases (on top of go-yaml's alias-ratio rule). */
  maxAliases?: number;
}

export interface ResolvedParseOptions {
  filename: string | undefined;
  maxBytes: number;
  maxDepth: number;
  maxAliases: number;
}

// staging/src/k8s.io/apiserver/pkg/server/config.go NewConfig: MaxRequestBodyBytes int64(3 * 1024 * 1024),
// the largest request body the apiserver decodes (handlers/rest.go limitedReadBody).
export const DEFAULT_MAX_BYTES = 3 * 1024 * 1024;

// go-yaml v2 stops at 10000 levels ("exceeded max depth of 10000"), but yaml's composer recurses and overflows
// the JavaScript stack near 800 levels (less on small stacks); no real manifest comes close to 256.
export const DEFAULT_MAX_DEPTH = 256;

// go-yaml's ratio rule already stops billion-laughs documents after about a thousand decodes; this absolute
// cap bounds the work for large documents, where the rule allows up to ~400,000 alias-driven decodes.
export const DEFAULT_MAX_ALIASES = 100_000;

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

export function resolveParseOptions(options: ParseOptions | undefined): ResolvedParseOptions {
  return {
    filename: options?.filename,
    maxBytes: positiveOr(options?.maxBytes, DEFAULT_MAX_BYTES),
    maxDepth: positiveOr(options?.maxDepth, DEFAULT_MAX_DEPTH),
    maxAliases: positiveOr(options?.maxAliases, DEFAULT_MAX_ALIASES),
  };
}
