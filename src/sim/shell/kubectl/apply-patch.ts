/**
 * What client-side `kubectl apply` makes of a live object: a three-way strategic merge of the last applied
 * configuration (original), the file (modified) and the live object. Fields the file sets replace the live ones,
 * fields the last apply set and the file no longer sets are removed, and everything else (what the apiserver,
 * admission, the scheduler or another writer filled in) stays. Lists of named things merge by their key.
 * Source: staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go CreateThreeWayMergePatch and
 * StrategicMergePatch, with the patchMergeKey tags of staging/src/k8s.io/api/core/v1/types.go.
 */

type Json = unknown;
type JsonObject = Record<string, unknown>;

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** core/v1 `patchStrategy:"merge"` lists and their patchMergeKey. */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  ports: 'containerPort',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  resourceClaims: 'name',
};

function mergeList(field: string, live: Json, modified: Json[], original: Json): Json[] {
  const key = MERGE_KEYS[field];
  if (!key || !modified.every(isObject)) return structuredClone(modified);
  const liveItems = Array.isArray(live) ? live.filter(isObject) : [];
  const originalItems = Array.isArray(original) ? original.filter(isObject) : [];
  const find = (items: JsonObject[], k: unknown) => items.find((i) => i[key] === k);
  const merged: Json[] = modified.map((m) => overlay(find(liveItems, m[key]), m, find(originalItems, m[key])));
  // $setElementOrder: the file's items in its order, then live items the file never set
  for (const l of liveItems) {
    const k = l[key];
    if (!modified.some((m) => (m as JsonObject)[key] === k) && !find(originalItems, k)) merged.push(structuredClone(l));
  }
  return merged;
}

/** The live value with the file's value laid over it (`field` names the list for its merge key). */
export function overlay(live: Json, modified: Json, original: Json, field = ''): Json {
  if (Array.isArray(modified)) return mergeList(field, live, modified, original);
  if (!isObject(modified)) return structuredClone(modified);
  const result: JsonObject = isObject(live) ? structuredClone(live) : {};
  for (const [k, v] of Object.entries(modified)) {
    result[k] = overlay(isObject(live) ? live[k] : undefined, v, isObject(original) ? original[k] : undefined, k);
  }
  // a field the last apply set and the file dropped is deleted
  if (isObject(original)) {
    for (const k of Object.keys(original)) if (!(k in modified)) delete result[k];
  }
  return result;
}

/** The object the apiserver holds after the apply patch (status and server-set metadata untouched). */
export function patchedObject(live: JsonObject, modified: JsonObject, original: JsonObject | undefined): JsonObject {
  const { status: _status, ...rest } = live;
  return overlay(rest, modified, original ?? {}) as JsonObject;
}

/** Deep equality of JSON values (object key order ignored). */
export function sameJson(a: Json, b: Json): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameJson(a[k], b[k]));
  }
  return a === b;
}
