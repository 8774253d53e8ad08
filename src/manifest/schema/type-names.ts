/** The type names `kubectl explain` prints for a schema position, in its two generations. */
import type { SchemaNode, SchemaPack } from './model.ts';

/**
 * kubectl explain v2 (OpenAPI v3, the default from kubectl 1.27): staging/src/k8s.io/kubectl/pkg/explain/v2/
 * templates/plaintext.tmpl, template "typeGuess". Arrays `[]X`, maps `map[string]X`, references to object (or
 * untyped) definitions by their short name (`PodSpec`, `IntOrString`, `Quantity`), references to primitive
 * definitions by their type (`Time` is `string`), other objects `Object`, primitives by their OpenAPI type.
 */
export function explainTypeName(pack: SchemaPack, node: SchemaNode): string {
  if (node.items) return `[]${explainTypeName(pack, node.items)}`;
  if (node.additionalProperties) return `map[string]${explainTypeName(pack, node.additionalProperties)}`;
  if (node.ref) {
    const target = pack.definitions[node.ref];
    if (!target?.type || target.type === 'object') {
      const last = node.ref.split('.').pop();
      return last || 'Object';
    }
    return target.type;
  }
  if (node.type === 'object') return 'Object';
  return node.type || 'Object';
}

/**
 * kubectl explain before v2 (OpenAPI v2 models, kubectl up to 1.26): staging/src/k8s.io/kubectl/pkg/explain/
 * typename.go (typeName visitor): kinds print `Object`, arrays `[]X`, maps `map[string]X`, primitives their type.
 * In the v2 documents IntOrString and Quantity are `type: string`, so they print `string`.
 */
export function legacyExplainTypeName(pack: SchemaPack, node: SchemaNode): string {
  if (node.items) return `[]${legacyExplainTypeName(pack, node.items)}`;
  if (node.additionalProperties) return `map[string]${legacyExplainTypeName(pack, node.additionalProperties)}`;
  if (node.ref) {
    const target = pack.definitions[node.ref];
    if (!target) return 'Object';
    if (target.properties || target.type === 'object') return 'Object';
    return target.type ?? 'string';
  }
  if (node.type === 'object' || !node.type) return 'Object';
  return node.type;
}
