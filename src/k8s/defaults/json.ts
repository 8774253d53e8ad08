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

/** Thrown inside copyJson when a value is not JSON; cloneJson then finds its path for the message. */
const NOT_JSON: unique symbol = Symbol('not JSON');

/** A deep copy of a JSON-like value; anything that is not JSON (functions, class instances) is an error. */
export function cloneJson<T>(value: T, path = ''): T {
  try {
    // for-in lists exactly the own keys unless Object.prototype has enumerable properties of its own
    return (Object.keys(Object.prototype).length === 0 ? copyJson(value) : copyJsonByKeys(value)) as T;
  } catch (error) {
    if (error !== NOT_JSON) throw error;
    // Only now is the path of the offending value worth building.
    return cloneJsonWithPaths(value, path);
  }
}

/** The copy itself: no paths, no per-key allocations beyond the copy. */
function copyJson(value: unknown): unknown {
  if (typeof value !== 'object') return copyScalar(value);
  if (value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson);
  if (Object.getPrototypeOf(value) !== Object.prototype) throw NOT_JSON;
  const out: JsonObject = {};
  const source = value as JsonObject;
  for (const key in source) out[key] = copyJson(source[key]);
  return out;
}

/** copyJson for a polluted Object.prototype: only own keys. */
function copyJsonByKeys(value: unknown): unknown {
  if (typeof value !== 'object') return copyScalar(value);
  if (value === null) return value;
  if (Array.isArray(value)) return value.map(copyJsonByKeys);
  if (Object.getPrototypeOf(value) !== Object.prototype) throw NOT_JSON;
  const out: JsonObject = {};
  const source = value as JsonObject;
  for (const key of Object.keys(source)) out[key] = copyJsonByKeys(source[key]);
  return out;
}

function copyScalar(value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === undefined) {
    return value;
  }
  throw NOT_JSON;
}

/** The same copy, tracking paths for the error message (only run for input that is not JSON). */
function cloneJsonWithPaths<T>(value: T, path: string): T {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value === undefined) return value;
  if (Array.isArray(value)) return value.map((item, i) => cloneJsonWithPaths(item, `${path}[${i}]`)) as T;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value as JsonObject)) {
      out[key] = cloneJsonWithPaths(item, String(childPath(path, key)));
    }
    return out as T;
  }
  throw new DefaultingInputError(`${path || 'object'}: not a JSON value (${describe(value)})`);
}

/**
 * A field path built step by step while defaulting walks an object, in the `kubectl explain` style
 * (`spec.containers[0].imagePullPolicy`). Defaulting extends a path at every field it visits but reads one only
 * for an error message or a provenance entry, so a step is a small node and its text is made (once) when read.
 */
export class ChildPath {
  readonly base: PathLike;
  readonly key: string | number;
  private text: string | undefined;

  constructor(base: PathLike, key: string | number) {
    this.base = base;
    this.key = key;
  }

  toString(): string {
    if (this.text === undefined) this.text = renderChildPath(String(this.base), this.key);
    return this.text;
  }
}

/** A path as text, or one still being built. Template literals and String() render either. */
export type PathLike = string | ChildPath;

/** `spec.containers` + `0` -> `spec.containers[0]`; keys that are not identifiers are bracketed. */
export function childPath(base: PathLike, key: string | number): ChildPath {
  return new ChildPath(base, key);
}

function renderChildPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (isIdentifier(key)) return base ? `${base}.${key}` : key;
  return `${base}[${JSON.stringify(key)}]`;
}

/** /^[A-Za-z_$][A-Za-z0-9_$]*$/ without a regex (paths are built for every visited field). */
function isIdentifier(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
    if (!letter && (i === 0 || c < 48 || c > 57)) return false;
  }
  return true;
}

/** The object at `parent[key]`, or undefined when absent/null; any other type is an input error. */
export function objectField(parent: JsonObject, key: string, path: PathLike): JsonObject | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    throw new DefaultingInputError(`${childPath(path, key)}: expected an object, got ${describe(value)}`);
  }
  return value;
}

/** The list at `parent[key]`, or undefined when absent/null; any other type is an input error. */
export function arrayField(parent: JsonObject, key: string, path: PathLike): unknown[] | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    throw new DefaultingInputError(`${childPath(path, key)}: expected a list, got ${describe(value)}`);
  }
  return value;
}

const NO_ITEMS: readonly [JsonObject, ChildPath][] = Object.freeze([]);

/** The objects of the list at `parent[key]` with their paths (each element must be an object). */
export function objectItems(parent: JsonObject, key: string, path: PathLike): readonly [JsonObject, ChildPath][] {
  const list = arrayField(parent, key, path);
  if (list === undefined || list.length === 0) return NO_ITEMS;
  const listPath = childPath(path, key);
  const out: [JsonObject, ChildPath][] = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const itemPath = childPath(listPath, i);
    if (!isObject(item)) throw new DefaultingInputError(`${itemPath}: expected an object, got ${describe(item)}`);
    out.push([item, itemPath]);
  }
  return out;
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
