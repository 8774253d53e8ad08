/**
 * Defensive reads of decoded JSON. Validation runs after the strict decoder, so wrong types should not reach it;
 * when they do, a value of the wrong type reads as Go's zero value (absent), never as an exception.
 */

export type JsonObject = Record<string, unknown>;

/** A JSON object, or undefined for anything else (null, arrays, scalars). */
export function asObject(v: unknown): JsonObject | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

/** A Go string field: the string, or "" (zero value). */
export function asString(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** A Go *string field: the string, or undefined (nil). */
export function asOptString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A Go integer field: the number, or 0. */
export function asInt(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** A Go *int field: the number, or undefined (nil). */
export function asOptInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A Go *bool field. */
export function asOptBool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/** A Go slice field: the array, or [] (nil). */
export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A map[string]string field: string values only, or undefined (nil) when not an object. */
export function asStringMap(v: unknown): Record<string, string> | undefined {
  const o = asObject(v);
  if (!o) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(o)) if (typeof val === 'string') out[k] = val;
  return out;
}

/** A pointer-to-struct field's value is set (JSON null decodes to nil): `present(o?.field)`. */
export function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A pointer-to-struct field is set, by a key known only at run time (else prefer `present(o?.field)`). */
export function isSet(o: JsonObject | undefined, key: string): boolean {
  if (o === undefined) return false;
  const value = o[key];
  return value !== undefined && value !== null;
}

/** A deep copy of a JSON value (defaulting must not change the caller's object). */
export function cloneJson<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
