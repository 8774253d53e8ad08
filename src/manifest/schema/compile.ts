/**
 * Compiles parsed OpenAPI v3 documents (the ones Kubernetes checks in under api/openapi-spec/v3/) into a
 * SchemaPack. Pure and browser-safe: it takes already-parsed JSON values and returns plain data.
 */
import { SchemaPackError } from './errors.ts';
import {
  type DefinitionSchema,
  type GroupVersionKind,
  type KindRef,
  PACK_FORMAT,
  type PropertySchema,
  type SchemaNode,
  type SchemaPack,
} from './model.ts';

type Json = Record<string, unknown>;

const REF_PREFIX = '#/components/schemas/';

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refName(ref: unknown, where: string): string {
  if (typeof ref !== 'string' || !ref.startsWith(REF_PREFIX)) {
    throw new SchemaPackError(`${where}: unsupported $ref ${JSON.stringify(ref)} (expected "${REF_PREFIX}<name>")`);
  }
  return ref.slice(REF_PREFIX.length);
}

/** One schema position. Recognises `$ref`, a one-element `allOf: [{$ref}]` (v3 documents from 1.24 on), arrays and maps. */
function compileNode(schema: Json, where: string): SchemaNode {
  const node: SchemaNode = {};
  if (schema.$ref !== undefined) {
    node.ref = refName(schema.$ref, where);
  } else if (Array.isArray(schema.allOf) && schema.allOf.length === 1 && isObject(schema.allOf[0])) {
    node.ref = refName(schema.allOf[0].$ref, where);
    node.viaAllOf = true;
  } else {
    if (typeof schema.type === 'string') node.type = schema.type;
    if (typeof schema.format === 'string') node.format = schema.format;
    if (isObject(schema.items)) node.items = compileNode(schema.items, `${where}.items`);
    if (isObject(schema.additionalProperties)) {
      node.additionalProperties = compileNode(schema.additionalProperties, `${where}.additionalProperties`);
    }
    if (schema.properties !== undefined) {
      // Built-in Kubernetes documents never inline object properties; say so rather than mis-compile.
      throw new SchemaPackError(`${where}: inline "properties" are not supported (only named definitions)`);
    }
  }
  if (schema['x-kubernetes-preserve-unknown-fields'] === true) node.preserveUnknownFields = true;
  return node;
}

function compileDefinition(name: string, schema: Json): DefinitionSchema {
  const def: DefinitionSchema = {};
  if (typeof schema.description === 'string') def.description = schema.description;
  if (typeof schema.type === 'string') def.type = schema.type;
  if (typeof schema.format === 'string') def.format = schema.format;
  if (isObject(schema.additionalProperties)) {
    def.additionalProperties = compileNode(schema.additionalProperties, `${name}.additionalProperties`);
  }
  if (isObject(schema.items)) def.items = compileNode(schema.items, `${name}.items`);
  if (schema['x-kubernetes-preserve-unknown-fields'] === true) def.preserveUnknownFields = true;
  if (isObject(schema.properties)) {
    const properties: Record<string, PropertySchema> = {};
    for (const [prop, propSchema] of Object.entries(schema.properties)) {
      if (!isObject(propSchema)) throw new SchemaPackError(`${name}.${prop}: property schema is not an object`);
      const compiled: PropertySchema = compileNode(propSchema, `${name}.${prop}`);
      if (typeof propSchema.description === 'string') compiled.description = propSchema.description;
      properties[prop] = compiled;
    }
    def.properties = properties;
  }
  if (Array.isArray(schema.required) && schema.required.length > 0) {
    def.required = schema.required.filter((r): r is string => typeof r === 'string');
  }
  return def;
}

function gvkList(value: unknown): GroupVersionKind[] {
  if (!Array.isArray(value)) return [];
  const out: GroupVersionKind[] = [];
  for (const g of value) {
    if (isObject(g) && typeof g.kind === 'string' && typeof g.version === 'string') {
      out.push({ group: typeof g.group === 'string' ? g.group : '', version: g.version, kind: g.kind });
    }
  }
  return out;
}

const gvkKey = (g: GroupVersionKind) => `${g.group}/${g.version}/${g.kind}`;

/**
 * Plural resource names from the documents' paths: `/api/v1/namespaces/{namespace}/pods` and
 * `/apis/apps/v1/deployments/{name}` carry the kind in `x-kubernetes-group-version-kind` (the same lookup
 * kubectl explain's plaintext.tmpl does, in reverse). Watch paths and subresources are skipped.
 */
function resourceNames(paths: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!isObject(paths)) return out;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const segments = path.split('/').filter(Boolean);
    // /api/<version>/... or /apis/<group>/<version>/...
    let rest = segments[0] === 'api' ? segments.slice(2) : segments[0] === 'apis' ? segments.slice(3) : [];
    if (rest[0] === 'watch') continue;
    if (rest[0] === 'namespaces' && rest[1] === '{namespace}') rest = rest.slice(2);
    const resource = rest[0];
    if (!resource || resource.includes('{') || rest.length > 2 || (rest.length === 2 && rest[1] !== '{name}')) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method];
      if (!isObject(op)) continue;
      const [gvk] = gvkList([op['x-kubernetes-group-version-kind']]);
      if (gvk && !out.has(gvkKey(gvk))) out.set(gvkKey(gvk), resource);
    }
  }
  return out;
}

/**
 * Compiles the documents of one minor. Definitions shared by several documents (ObjectMeta, …) are taken from the
 * first document that has them; the documents are generated from one source tree, so the copies are identical.
 */
export function compilePack(minor: number, documents: readonly unknown[]): SchemaPack {
  const definitions: Record<string, DefinitionSchema> = {};
  const kinds: KindRef[] = [];
  const seenKinds = new Set<string>();
  documents.forEach((doc, index) => {
    const where = `OpenAPI document #${index + 1} for 1.${minor}`;
    if (!isObject(doc) || typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) {
      throw new SchemaPackError(`${where}: not an OpenAPI v3 document (no "openapi": "3.x" field)`);
    }
    const schemas = isObject(doc.components) ? doc.components.schemas : undefined;
    if (!isObject(schemas)) throw new SchemaPackError(`${where}: no components.schemas`);
    const resources = resourceNames(doc.paths);
    for (const [name, schema] of Object.entries(schemas)) {
      if (!isObject(schema)) throw new SchemaPackError(`${where}: definition ${name} is not an object`);
      if (definitions[name] === undefined) definitions[name] = compileDefinition(name, schema);
      for (const gvk of gvkList(schema['x-kubernetes-group-version-kind'])) {
        const key = gvkKey(gvk);
        if (seenKinds.has(key)) continue;
        seenKinds.add(key);
        const ref: KindRef = { ...gvk, definition: name };
        const resource = resources.get(key);
        if (resource !== undefined) ref.resource = resource;
        kinds.push(ref);
      }
    }
  });
  return { format: PACK_FORMAT, minor, definitions, kinds };
}

/** Checks that a value read back from a cache is a pack of the expected format and minor. */
export function isSchemaPack(value: unknown, minor: number): value is SchemaPack {
  return (
    isObject(value) &&
    value.format === PACK_FORMAT &&
    value.minor === minor &&
    isObject(value.definitions) &&
    Array.isArray(value.kinds)
  );
}
