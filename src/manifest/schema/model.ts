/**
 * The compact schema model a pack compiles to: plain JSON data (no Maps, no classes), so that a compiled pack can be
 * cached as one JSON file and shipped to the browser. It keeps exactly what structural validation and
 * `kubectl explain` need from the OpenAPI v3 documents: definitions, their properties, descriptions, `required`,
 * and the group/version/kind and resource names that select a definition.
 */

/** Bumped whenever the compiled shape changes, so that stale cached packs are never read. */
export const PACK_FORMAT = 2;

/** The three documents a pack is made of, as the Kubernetes repository names them (api/openapi-spec/v3/). */
export const PACK_FILES = [
  'api__v1_openapi.json',
  'apis__apps__v1_openapi.json',
  'apis__batch__v1_openapi.json',
] as const;
export type PackFile = (typeof PACK_FILES)[number];

/**
 * One schema position: a reference to a definition, an array, a map, or a primitive.
 * `{}` (no ref, no type) accepts any JSON value.
 */
export interface SchemaNode {
  /** Full definition name, e.g. `io.k8s.api.core.v1.PodSpec` (from `$ref` or a one-element `allOf`). */
  ref?: string;
  /**
   * The reference was written `allOf: [{$ref}]` (documents from 1.24 on) rather than a bare `$ref` (1.23).
   * kubectl explain prints the property's own description only in the first case.
   */
  viaAllOf?: true;
  /** The OpenAPI `type`: `object`, `array`, `string`, `integer`, `number`, `boolean`. */
  type?: string;
  /** The OpenAPI `format`: `int32`, `int64`, `byte`, `date-time`, `int-or-string`, `double`. */
  format?: string;
  /** Element schema of an array. */
  items?: SchemaNode;
  /** Value schema of a map (`type: object` with `additionalProperties`). */
  additionalProperties?: SchemaNode;
  /** `x-kubernetes-preserve-unknown-fields: true`. */
  preserveUnknownFields?: true;
}

/** A property of a definition, with its own description (kubectl explain prints it). */
export interface PropertySchema extends SchemaNode {
  description?: string;
}

export interface DefinitionSchema extends SchemaNode {
  description?: string;
  /** Properties in document order (the documents list them sorted by name). */
  properties?: Record<string, PropertySchema>;
  required?: string[];
}

export interface GroupVersionKind {
  /** `""` for the core group. */
  group: string;
  version: string;
  kind: string;
}

export interface KindRef extends GroupVersionKind {
  /** The definition that describes objects of this kind. */
  definition: string;
  /** Plural resource name from the documents' paths (`pods`), when the documents serve the kind. */
  resource?: string;
}

export interface SchemaPack {
  format: number;
  /** Kubernetes 1.<minor> */
  minor: number;
  definitions: Record<string, DefinitionSchema>;
  kinds: KindRef[];
}

/** The short name of a definition: `io.k8s.api.core.v1.PodSpec` -> `PodSpec`. */
export function shortName(definition: string): string {
  const dot = definition.lastIndexOf('.');
  return dot < 0 ? definition : definition.slice(dot + 1);
}
