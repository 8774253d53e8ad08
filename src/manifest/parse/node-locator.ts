/**
 * Finding the YAML node behind a FieldPath of the decoded value, for spanOf. Nothing is precomputed: each
 * mapping gets a key index the first time a path goes through it, built with the decoder's rules (a repeated
 * key's last occurrence wins, `<<` merges are followed, aliases lead to their anchored node).
 */

import { type Alias, isAlias, isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { FieldPath } from '../types.ts';
import { isMergeKey, scalarText } from './decode-value.ts';
import { jsonKeyOf } from './map-key.ts';
import { resolveScalar } from './resolve-scalar.ts';

interface Entry {
  key: Node | null;
  value: Node | null;
}

/** [start, end) offsets relative to the document's chunk. */
export type OffsetRange = readonly [start: number, end: number];

export class NodeLocator {
  readonly #root: Node | null;
  readonly #aliasTargets: ReadonlyMap<Alias, Node>;
  readonly #source: string;
  readonly #indexes = new WeakMap<YAMLMap, Map<string, Entry>>();

  constructor(root: Node | null, aliasTargets: ReadonlyMap<Alias, Node>, source: string) {
    this.#root = root;
    this.#aliasTargets = aliasTargets;
    this.#source = source;
  }

  #deref(node: Node | null): Node | null {
    let current = node;
    for (let hops = 0; current && isAlias(current) && hops < 100; hops++)
      current = this.#aliasTargets.get(current) ?? null;
    return current;
  }

  #jsonKey(node: Node | null): string | undefined {
    const key = this.#deref(node);
    if (key === null) return undefined;
    if (!isScalar(key)) return undefined;
    try {
      const json = jsonKeyOf(resolveScalar(scalarText(key), key.type === 'PLAIN', key.tag), '');
      return json.ok ? json.json : undefined;
    } catch {
      return undefined;
    }
  }

  #index(map: YAMLMap, visiting = new Set<YAMLMap>()): Map<string, Entry> {
    const cached = this.#indexes.get(map);
    if (cached) return cached;
    const index = new Map<string, Entry>();
    visiting.add(map);
    for (const pair of map.items) {
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      if (isMergeKey(keyNode)) {
        const merged = this.#deref(valueNode);
        const sources = merged && isSeq(merged) ? [...(merged.items as (Node | null)[])].reverse() : [valueNode];
        for (const source of sources) {
          const target = this.#deref(source);
          if (target && isMap(target) && !visiting.has(target)) {
            for (const [key, entry] of this.#index(target, visiting)) index.set(key, entry);
          }
        }
        continue;
      }
      const key = this.#jsonKey(keyNode);
      if (key !== undefined) index.set(key, { key: keyNode, value: valueNode });
    }
    visiting.delete(map);
    this.#indexes.set(map, index);
    return index;
  }

  #range(node: Node | null | undefined, fallback: OffsetRange): OffsetRange {
    const range = node?.range;
    if (!range) return fallback;
    let end = range[1];
    while (end > range[0] && /\s/.test(this.#source[end - 1] ?? '')) end--;
    return [range[0], end];
  }

  /** The range of the node at `path` (its key's when `key`), or of the deepest existing ancestor. */
  locate(path: FieldPath, key: boolean): OffsetRange {
    let node = this.#root;
    let range = this.#range(node, [0, 0]);
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const container = this.#deref(node);
      let next: Entry | undefined;
      if (container && isMap(container) && typeof segment === 'string') {
        next = this.#index(container).get(segment);
      } else if (container && isSeq(container) && typeof segment === 'number') {
        const item = container.items[segment] as Node | null | undefined;
        if (item !== undefined) next = { key: null, value: item };
      }
      if (!next) return range;
      const last = i === path.length - 1;
      if (last && key && next.key) return this.#range(next.key, range);
      node = next.value ?? next.key;
      range = this.#range(node, range);
    }
    return range;
  }
}
