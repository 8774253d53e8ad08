/**
 * The mapping keys of a manifest block with what the schema says about them: for every key of every document,
 * its field path (`spec.containers[].imagePullPolicy`), its type as kubectl explain prints it, and the field's
 * description served by the apiserver of the page's release. The YAML is read by the checker's own parser
 * (src/manifest/parse: go-yaml rules, merge keys, aliases) and the schema walked by the explain lookup
 * (src/manifest/schema/explain.ts), so a key gets the description `kubectl explain` would print for it. Keys the
 * schema does not know (labels, annotations, misspelt fields) get nothing.
 */
import { parseManifests } from '../../manifest/parse/index.ts';
import { ExplainError, explain, type SchemaPack } from '../../manifest/schema/index.ts';
import type { FieldPath } from '../../manifest/types.ts';

export interface KeyDescription {
  /** 0-based line in the block and [start, end) columns of the key as written. */
  line: number;
  start: number;
  end: number;
  /** `spec.containers[].imagePullPolicy` */
  path: string;
  /** `<string>`, `<[]Container>` (kubectl explain's v2 type names) */
  type: string;
  description: string;
}

/** Field names down to a key; array indexes are the schema's `items`, shown as `[]`. */
function describePath(path: FieldPath): { fields: string[]; shown: string } {
  const fields: string[] = [];
  let shown = '';
  for (const segment of path) {
    if (typeof segment === 'number') shown += '[]';
    else {
      fields.push(segment);
      shown += shown === '' ? segment : `.${segment}`;
    }
  }
  return { fields, shown };
}

/** Every key path of a decoded value, parents first (document order of a JSON object is insertion order). */
function keyPaths(value: unknown, prefix: FieldPath = [], out: FieldPath[] = [], depth = 0): FieldPath[] {
  if (depth > 64 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      keyPaths(item, [...prefix, i], out, depth + 1);
    });
    return out;
  }
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, key];
    out.push(path);
    keyPaths(child, path, out, depth + 1);
  }
  return out;
}

type Lookup = (kind: string, apiVersion: string | undefined, fields: string[]) => KeyDescription | undefined;

/** explain() per field path, memoised per pack (a page repeats the same fields block after block). */
const lookups = new WeakMap<SchemaPack, Map<string, Omit<KeyDescription, 'line' | 'start' | 'end'> | null>>();

function lookupIn(pack: SchemaPack): Lookup {
  let memo = lookups.get(pack);
  if (!memo) {
    memo = new Map();
    lookups.set(pack, memo);
  }
  const cache = memo;
  return (kind, apiVersion, fields) => {
    const key = `${apiVersion ?? ''} ${kind} ${fields.join('.')}`;
    let found = cache.get(key);
    if (found === undefined) {
      found = null;
      try {
        const result = explain(pack, [kind, ...fields], apiVersion);
        const description = result.descriptions.find((d) => d.trim() !== '') ?? '';
        if (result.fieldName !== undefined) found = { path: '', type: result.type ?? '', description };
      } catch (error) {
        if (!(error instanceof ExplainError)) throw error;
      }
      cache.set(key, found);
    }
    return found ? { ...found, line: 0, start: 0, end: 0 } : undefined;
  };
}

/** The described keys of a manifest block's text; nothing for text that does not parse into manifests. */
export function describeManifestKeys(code: string, pack: SchemaPack): KeyDescription[] {
  const parsed = parseManifests(code);
  const lookup = lookupIn(pack);
  const described: KeyDescription[] = [];
  const seen = new Set<string>();
  for (const document of parsed.documents) {
    const value = document.value as Record<string, unknown>;
    const kind = typeof value.kind === 'string' ? value.kind : undefined;
    if (!kind) continue;
    const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : undefined;
    for (const path of keyPaths(value)) {
      const { fields, shown } = describePath(path);
      const found = lookup(kind, apiVersion, fields);
      if (!found) continue;
      const span = document.spanOf(path, true);
      // A merged (`<<`) or aliased key lives elsewhere: describe each written key once.
      const at = `${span.start.offset}`;
      if (seen.has(at) || span.start.line !== span.end.line) continue;
      seen.add(at);
      described.push({
        ...found,
        path: shown,
        line: span.start.line - 1,
        start: span.start.col - 1,
        end: span.end.col - 1,
      });
    }
  }
  return described.sort((a, b) => a.line - b.line || a.start - b.start);
}
