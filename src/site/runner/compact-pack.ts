/**
 * The schema pack the browser fetches: the compiled pack (src/manifest/schema) without descriptions, which only
 * `kubectl explain` prints. Validation reads definitions, properties, types, `required` and kinds, so a compact
 * pack validates exactly as the full one does (test/site/runner/compact-pack.test.ts), at about a quarter of the
 * bytes. `kubectl explain` in the runner fetches the whole pack instead (checks/explain.ts).
 */
import { isSchemaPack, type SchemaNode, type SchemaPack } from '../../manifest/schema/index.ts';

function node<T extends SchemaNode & { description?: string }>(n: T): T {
  const { description: _description, ...rest } = n;
  const out = { ...rest } as T;
  if (n.items) out.items = node(n.items);
  if (n.additionalProperties) out.additionalProperties = node(n.additionalProperties);
  return out;
}

export function compactPack(pack: SchemaPack): SchemaPack {
  const definitions: SchemaPack['definitions'] = {};
  for (const [name, def] of Object.entries(pack.definitions)) {
    const compact = node(def);
    if (def.properties) {
      compact.properties = Object.fromEntries(Object.entries(def.properties).map(([k, p]) => [k, node(p)]));
    }
    definitions[name] = compact;
  }
  return { format: pack.format, minor: pack.minor, definitions, kinds: pack.kinds.map((k) => ({ ...k })) };
}

/** A fetched value checked to be a pack of the minor asked for. */
export function readPack(value: unknown, minor: number): SchemaPack {
  if (!isSchemaPack(value, minor))
    throw new Error(`the schema file of Kubernetes 1.${minor} is not a schema pack of that release`);
  return value;
}
