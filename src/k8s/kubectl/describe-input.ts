/**
 * Reading a pod for `kubectl describe`: typed access to the JSON fields the describer prints (absent and null read
 * as Go's zero value; a wrong JSON type is an error, as the decoder would refuse it), and Go's string ordering.
 */

export class DescribePodError extends Error {
  override name = 'DescribePodError';
}

export type JsonRecord = Record<string, unknown>;

function where(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function kind(value: unknown): string {
  return Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value;
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object field, or undefined when absent or null (a nil pointer). */
export function objectAt(parent: JsonRecord | undefined, key: string, path: string): JsonRecord | undefined {
  const value = parent?.[key];
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new DescribePodError(`${where(path, key)}: expected an object, got ${kind(value)}`);
  return value;
}

/** A list of objects; [] when absent or null. */
export function objectsAt(parent: JsonRecord | undefined, key: string, path: string): JsonRecord[] {
  const value = parent?.[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every(isRecord)) {
    throw new DescribePodError(`${where(path, key)}: expected a list of objects`);
  }
  return value;
}

/** A string field; '' when absent or null. */
export function textAt(parent: JsonRecord | undefined, key: string, path: string): string {
  const value = parent?.[key];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string')
    throw new DescribePodError(`${where(path, key)}: expected a string, got ${kind(value)}`);
  return value;
}

/** An integer field; undefined when absent or null (callers decide between nil and 0). */
export function intAt(parent: JsonRecord | undefined, key: string, path: string): number | undefined {
  const value = parent?.[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new DescribePodError(`${where(path, key)}: expected an integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A boolean field; undefined when absent or null. */
export function boolAt(parent: JsonRecord | undefined, key: string, path: string): boolean | undefined {
  const value = parent?.[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean')
    throw new DescribePodError(`${where(path, key)}: expected a boolean, got ${kind(value)}`);
  return value;
}

/** A time field in virtual-clock seconds; undefined when absent or null (Go's zero time). */
export function timeAt(parent: JsonRecord | undefined, key: string, path: string): number | undefined {
  const value = parent?.[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DescribePodError(`${where(path, key)}: expected seconds on the virtual clock, got ${kind(value)}`);
  }
  return value;
}

/** A list of strings; [] when absent or null. */
export function stringsAt(parent: JsonRecord | undefined, key: string, path: string): string[] {
  const value = parent?.[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) {
    throw new DescribePodError(`${where(path, key)}: expected a list of strings`);
  }
  return value;
}

/** A map[string]string (labels, annotations, nodeSelector); {} when absent or null. */
export function stringMapAt(parent: JsonRecord | undefined, key: string, path: string): Record<string, string> {
  const value = objectAt(parent, key, path) ?? {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string')
      throw new DescribePodError(`${where(path, key)}[${JSON.stringify(k)}]: expected a string`);
  }
  return value as Record<string, string>;
}

/** Go's string comparison (bytes of UTF-8, which is code point order), for sort.Strings. */
export function goStringLess(a: string, b: string): boolean {
  const x = Array.from(a, (ch) => ch.codePointAt(0)!);
  const y = Array.from(b, (ch) => ch.codePointAt(0)!);
  for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]!;
  return x.length < y.length;
}

/** sort.Strings: distinct strings, so the order is fully determined. */
export function sortGoStrings(values: Iterable<string>): string[] {
  return [...values].sort((a, b) => (goStringLess(a, b) ? -1 : goStringLess(b, a) ? 1 : 0));
}

/** Number of bytes in the UTF-8 encoding (Go's len of a string). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * s[:n] on Go's UTF-8 bytes. A character cut in the middle leaves invalid bytes that a terminal shows as U+FFFD;
 * the model writes one U+FFFD for them.
 */
export function utf8Prefix(s: string, n: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (bytes + size > n) return bytes < n ? `${out}\ufffd` : out;
    bytes += size;
    out += ch;
  }
  return out;
}
