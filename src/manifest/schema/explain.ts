/**
 * The data `kubectl explain <resource>[.field…]` prints, looked up in a pack: it follows
 * staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl (templates "output", "fieldList",
 * "fieldDetail", "description", "typeGuess", "extractEnum"), with the enums a live apiserver would serve added
 * from enums.ts. The text renderer (src/k8s/kubectl/explain.ts) does the wrapping and layout.
 */
import { openAPIEnumsDefault } from '../../k8s/kubectl/explain.ts';
import { enumFor, servedDescription } from './enums.ts';
import type { DefinitionSchema, KindRef, SchemaNode, SchemaPack } from './model.ts';
import { RESOURCE_NAMES } from './resource-names.ts';
import { explainTypeName, legacyExplainTypeName } from './type-names.ts';

export class ExplainError extends Error {
  override name = 'ExplainError';
}

export interface ExplainField {
  name: string;
  /** kubectl explain v2 type, with its angle brackets: `<string>`, `<[]Container>`, `<map[string]string>`. */
  type: string;
  /** kubectl explain before v2 (≤1.26): `<string>`, `<Object>`, `<[]Object>`. */
  legacyType: string;
  /** Listed in the parent's `required` (printed ` -required-`). */
  required: boolean;
  /** The property's description as served (with its "Possible enum values" paragraph); '' when it has none. */
  description: string;
  /** Served enum values in served order, when the field has a served enum. */
  enum?: string[];
}

export interface ExplainResult {
  /** `''` for the core group (plaintext.tmpl prints GROUP only when non-empty). */
  group: string;
  kind: string;
  version: string;
  /** The field path after the resource (`['spec', 'containers', 'imagePullPolicy']`), `[]` for the kind. */
  fieldPath: string[];
  /** The last element of fieldPath (FIELD: <name> <type>); undefined when explaining the kind itself. */
  fieldName?: string;
  type?: string;
  legacyType?: string;
  /**
   * The pieces template "description" concatenates for DESCRIPTION, in order (each followed by a newline): the
   * property's own description (with its enum paragraph), then that of the definition it refers to, and so on.
   */
  descriptions: string[];
  /** descriptions joined with newlines. */
  description: string;
  /** ENUM block values, served order. */
  enum?: string[];
  /** FIELDS, sorted by name as the template's `range` over a map prints them. */
  fields: ExplainField[];
}

function findKind(pack: SchemaPack, resource: string, apiVersion?: string): KindRef {
  const wanted = resource.toLowerCase();
  const matches = pack.kinds.filter((k) => {
    if (apiVersion !== undefined && apiVersion !== (k.group ? `${k.group}/${k.version}` : k.version)) return false;
    const names = RESOURCE_NAMES[k.kind];
    return (
      k.kind.toLowerCase() === wanted ||
      k.resource === wanted ||
      names?.plural === wanted ||
      (names?.short?.includes(wanted) ?? false)
    );
  });
  // Prefer a kind the documents serve (one with a resource path), then the documents' order (core group first).
  const kind = matches.find((k) => k.resource !== undefined) ?? matches[0];
  if (!kind) throw new ExplainError(`error: the server doesn't have a resource type "${resource}"`);
  return kind;
}

type Props = Record<string, SchemaNode & { description?: string }>;

/** A definition's own schema seen as a node: what the template's resolveRef returns for it. */
function definitionNode(pack: SchemaPack, name: string): DefinitionSchema | undefined {
  return pack.definitions[name];
}

interface Located {
  /** The schema of the final field (a property), or of the kind's definition. */
  node: SchemaNode & { description?: string };
  /** The definition holding the final property (for its `required` and enum lookups). */
  owner?: string;
  isProperty: boolean;
}

/** Template "output": follow the field path through properties, array items and map values. */
function locate(pack: SchemaPack, kind: KindRef, fieldPath: readonly string[]): Located {
  let current: SchemaNode & { description?: string } = { ref: kind.definition };
  let owner: string | undefined;
  for (const name of fieldPath) {
    let next: (SchemaNode & { description?: string }) | undefined;
    let holder: string | undefined;
    const seen = new Set<SchemaNode>();
    let probe: SchemaNode | undefined = current;
    while (probe && !next && !seen.has(probe)) {
      seen.add(probe);
      const def = probe.ref ? definitionNode(pack, probe.ref) : undefined;
      const resolved: SchemaNode & { properties?: Props } = def ?? probe;
      const prop = resolved.properties?.[name];
      if (prop) {
        next = prop;
        holder = probe.ref;
      } else probe = resolved.items ?? resolved.additionalProperties;
    }
    if (!next) throw new ExplainError(`error: field "${name}" does not exist`);
    current = next;
    owner = holder;
  }
  const located: Located = { node: current, isProperty: fieldPath.length > 0 };
  if (owner !== undefined) located.owner = owner;
  return located;
}

/** Template "description": the node's description, then those of what it refers to, its items and map values. */
function descriptionsOf(pack: SchemaPack, node: SchemaNode & { description?: string }, out: string[], depth = 0): void {
  if (depth > 8) return;
  // `or (resolveRef $ref) schema`: a bare $ref (1.23 documents) replaces the property by its definition
  const resolved: SchemaNode & { description?: string } =
    node.ref && !node.viaAllOf ? (definitionNode(pack, node.ref) ?? node) : node;
  if (resolved.description) out.push(resolved.description);
  if (resolved === node && node.ref && node.viaAllOf) {
    descriptionsOf(pack, { ref: node.ref }, out, depth + 1);
  }
  if (resolved.items) descriptionsOf(pack, resolved.items, out, depth + 1);
  if (resolved.additionalProperties) descriptionsOf(pack, resolved.additionalProperties, out, depth + 1);
}

/** Template "fieldList" at level 1: the properties of what the node resolves to, through items and map values. */
function fieldsOf(pack: SchemaPack, node: SchemaNode, minor: number): ExplainField[] {
  const seen = new Set<string>();
  let probe: SchemaNode | undefined = node;
  while (probe) {
    if (probe.ref) {
      if (seen.has(probe.ref)) return [];
      seen.add(probe.ref);
      const def = definitionNode(pack, probe.ref);
      if (!def) return [];
      if (def.properties) {
        const required = new Set(def.required ?? []);
        const owner = probe.ref;
        return Object.keys(def.properties)
          .sort()
          .map((name) => {
            const prop = (def.properties as Props)[name] as SchemaNode & { description?: string };
            const resolvedEnum = servedEnum(owner, name, minor);
            const field: ExplainField = {
              name,
              type: `<${explainTypeName(pack, prop)}>`,
              legacyType: `<${legacyExplainTypeName(pack, prop)}>`,
              required: required.has(name),
              description: servedDescription(prop.description, resolvedEnum),
            };
            if (resolvedEnum?.servedValues) field.enum = [...resolvedEnum.servedValues];
            return field;
          });
      }
      probe = def.items ?? def.additionalProperties;
    } else {
      probe = probe.items ?? probe.additionalProperties;
    }
  }
  return [];
}

/**
 * Explains `pod`, `pod.spec.containers.imagePullPolicy`, or (resource, fieldPath) given apart.
 * `apiVersion` plays kubectl's --api-version (`apps/v1`).
 */
/** The enum an apiserver of that release serves: none in 1.23, where OpenAPIEnums is off by default. */
function servedEnum(owner: string, field: string, minor: number) {
  return openAPIEnumsDefault(minor) ? enumFor(owner, field, minor) : undefined;
}

export function explain(pack: SchemaPack, path: string | readonly string[], apiVersion?: string): ExplainResult {
  const parts = typeof path === 'string' ? path.split('.').filter((p) => p !== '') : [...path];
  const [resource, ...fieldPath] = parts;
  if (!resource) throw new ExplainError('error: you must specify the type of resource to explain');
  const kind = findKind(pack, resource, apiVersion);
  const located = locate(pack, kind, fieldPath);
  const fieldName = fieldPath[fieldPath.length - 1];
  const resolvedEnum =
    located.isProperty && located.owner && fieldName ? servedEnum(located.owner, fieldName, pack.minor) : undefined;

  const node = located.isProperty
    ? { ...located.node, description: servedDescription(located.node.description, resolvedEnum) }
    : (definitionNode(pack, kind.definition) ?? located.node);
  const descriptions: string[] = [];
  descriptionsOf(pack, node, descriptions);

  const result: ExplainResult = {
    group: kind.group,
    kind: kind.kind,
    version: kind.version,
    fieldPath,
    descriptions,
    description: descriptions.join('\n'),
    fields: fieldsOf(pack, located.isProperty ? located.node : { ref: kind.definition }, pack.minor),
  };
  if (located.isProperty && fieldName) {
    result.fieldName = fieldName;
    result.type = `<${explainTypeName(pack, located.node)}>`;
    result.legacyType = `<${legacyExplainTypeName(pack, located.node)}>`;
    if (resolvedEnum?.servedValues) result.enum = [...resolvedEnum.servedValues];
  }
  return result;
}
