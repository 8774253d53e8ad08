/**
 * Mapping keys: go-yaml v2 decodes a key into interface{} (so `on` is the bool true and `1` the int 1), then
 * sigs.k8s.io/yaml turns it into a JSON object key (yaml.go convertToJSONableObject).
 */

import { formatGoFloat, type GoValue, goSyntax } from './go-format.ts';
import type { ResolvedScalar } from './resolve-scalar.ts';

/** A key ready for a JSON object, with the Go value go-yaml held (for its duplicate check and messages). */
export type JsonKey =
  | { ok: true; json: string; go: GoValue; identity: string | undefined }
  | { ok: false; message: string };

/** The Go value of a resolved scalar, as go-yaml holds it inside interface{}. */
export function goValueOf(resolved: ResolvedScalar): GoValue {
  switch (resolved.type) {
    case 'int':
    case 'uint64':
    case 'bigint':
      return { type: resolved.type, value: resolved.exact ?? BigInt(resolved.value) };
    case 'null':
      return { type: 'null' };
    default:
      return resolved as GoValue;
  }
}

// %s of reflect.TypeOf(k); a nil key has no type, which fmt prints as %!s(<nil>).
const GO_TYPE_NAMES: Record<GoValue['type'], string> = {
  null: '%!s(<nil>)',
  bool: 'bool',
  int: 'int',
  uint64: 'uint64',
  bigint: '*big.Int',
  float: 'float64',
  string: 'string',
};

/**
 * Equal identities are the same key in go-yaml's map[interface{}]interface{} (type and value), which is what
 * its strict mode reports as "already set in map". NaN is never equal to itself, so it has no identity.
 */
function identityOf(go: GoValue): string | undefined {
  switch (go.type) {
    case 'null':
      return 'null';
    case 'float':
      return Number.isNaN(go.value) ? undefined : `float:${go.value}`;
    default:
      return `${go.type}:${go.value}`;
  }
}

// yaml.go convertToJSONableObject: string, int, int64, float64 and bool keys become strings; others fail.
export function jsonKeyOf(resolved: ResolvedScalar, valueForMessage: string): JsonKey {
  const go = goValueOf(resolved);
  const identity = identityOf(go);
  switch (go.type) {
    case 'string':
      return { ok: true, json: go.value, go, identity };
    case 'int':
      return { ok: true, json: go.value.toString(), go, identity };
    case 'bool':
      return { ok: true, json: go.value ? 'true' : 'false', go, identity };
    case 'float': {
      // Stolen from go-yaml: strconv.FormatFloat(key, 'g', -1, 32), with .inf/-.inf/.nan spellings.
      const text = formatGoFloat(go.value, 32);
      const json = text === '+Inf' ? '.inf' : text === '-Inf' ? '-.inf' : text === 'NaN' ? '.nan' : text;
      return { ok: true, json, go, identity };
    }
    default: {
      const type = GO_TYPE_NAMES[go.type];
      const message = `unsupported map key of type: ${type}, key: ${goSyntax(go)}, value: ${valueForMessage}`;
      return { ok: false, message };
    }
  }
}
