/**
 * Plain JSON-like objects: cloning, typed access with input checks, and field paths in the `kubectl explain`
 * style (`spec.containers[0].imagePullPolicy`). The defaulting functions copy their input once and then work on
 * the copy; fields they do not know are carried over untouched.
 */

export type JsonObject = Record<string, unknown>;

/** Input that the apiserver's decoder would have rejected (wrong JSON type where an object or list belongs). */
export class DefaultingInputError extends Error {
  override name = 'DefaultingInputError';
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of a JSON-like value; anything that is not JSON (functions, class instances) is an error. */
export function cloneJson<T>(value: T, path = ''): T {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value === undefined) return value;
  if (Array.isArray(value)) return value.map((item, i) => cloneJson(item, `${path}[${i}]`)) as T;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value as JsonObject)) out[key] = cloneJson(item, childPath(path, key));
    return out as T;
  }
  throw new DefaultingInputError(`${path || 'object'}: not a JSON value (${describe(value)})`);
}

/** `spec.containers` + `0` -> `spec.containers[0]`; keys that are not identifiers are bracketed. */
export function childPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return base ? `${base}.${key}` : key;
  return `${base}[${JSON.stringify(key)}]`;
}

/** The object at `parent[key]`, or undefined when absent/null; any other type is an input error. */
export function objectField(parent: JsonObject, key: string, path: string): JsonObject | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    throw new DefaultingInputError(`${childPath(path, key)}: expected an object, got ${describe(value)}`);
  }
  return value;
}

/** The list at `parent[key]`, or undefined when absent/null; any other type is an input error. */
export function arrayField(parent: JsonObject, key: string, path: string): unknown[] | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    throw new DefaultingInputError(`${childPath(path, key)}: expected a list, got ${describe(value)}`);
  }
  return value;
}

/** The objects of the list at `parent[key]` with their paths (each element must be an object). */
export function objectItems(parent: JsonObject, key: string, path: string): [JsonObject, string][] {
  const list = arrayField(parent, key, path) ?? [];
  const listPath = childPath(path, key);
  return list.map((item, i) => {
    const itemPath = childPath(listPath, i);
    if (!isObject(item)) throw new DefaultingInputError(`${itemPath}: expected an object, got ${describe(item)}`);
    return [item, itemPath];
  });
}

/** Go's zero-value test for a string field decoded from JSON: absent, null and '' are all "unset". */
export function isUnsetString(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Go's zero-value test for an integer field: absent, null and 0 are all "unset". */
export function isUnsetNumber(value: unknown): boolean {
  return value === undefined || value === null || value === 0;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value) ?? String(value)}`;
}
