/**
 * A composed YAML document to the JSON value Kubernetes' decoder produces from it: go-yaml v2 decodes into
 * interface{} (decode.go), then sigs.k8s.io/yaml converts the result to JSON (yaml.go yamlToJSONTarget).
 * Values follow kubectl's non-strict decode (a repeated key keeps its last value); the strict decoder's
 * complaint about a repeated key is reported as a YAML_DUPLICATE_KEY problem alongside.
 */

import { type Alias, type Document, isAlias, isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { PathSegment } from '../types.ts';
import { formatGoFloat, goSyntax } from './go-format.ts';
import { goValueOf, type JsonKey, jsonKeyOf } from './map-key.ts';
import { type Problem, ProblemFound } from './problem.ts';
import { MERGE_TAG, type ResolvedScalar, resolveScalar, TagResolveError } from './resolve-scalar.ts';
import type { ChunkLineOf } from './tab-problem.ts';

export interface DecodeLimits {
  maxDepth: number;
  maxAliases: number;
}

export interface DecodedDocument {
  value: unknown;
  /** Exact values of integers a JS number cannot hold, keyed by pathKey(path). */
  exactIntegers: Map<string, bigint>;
  /** The anchored node each alias stood for when it was decoded. */
  aliasTargets: Map<Alias, Node>;
  /** Problems that do not stop the document (repeated keys). Offsets are chunk-relative. */
  problems: Problem[];
  /** The problem that makes Kubernetes reject the document, if any. */
  fatal: Problem | undefined;
}

/** The key of a path in DecodedDocument.exactIntegers. */
export function pathKey(path: readonly PathSegment[]): string {
  return JSON.stringify(path);
}

/** A scalar's text as written (after quoting and folding), whatever a `%YAML` directive made yaml resolve. */
export function scalarText(node: Scalar): string {
  return node.source ?? String(node.value ?? '');
}

// decode.go isMerge: a "<<" key that is plain and untagged, or tagged !!merge.
export function isMergeKey(key: unknown): boolean {
  if (!isScalar(key) || scalarText(key) !== '<<') return false;
  return key.tag === MERGE_TAG || (key.type === 'PLAIN' && (key.tag === undefined || key.tag === '!'));
}

// decode.go allowedAliasRatio: 99% of decodes may come from aliases up to 400,000 decodes, sliding to 10%
// at 4,000,000.
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99;
  if (decodeCount >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000);
}

type Range = readonly [number, number, ...number[]];

function rangeOf(node: { range?: Range | null } | null | undefined, fallback = 0): [number, number] {
  const range = node?.range;
  return range ? [range[0], range[1]] : [fallback, fallback];
}

function setProperty(target: Record<string, unknown>, key: string, value: unknown): void {
  // A "__proto__" key must become an own property, as JSON.parse makes it.
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

const hasOwn = (target: object, key: string) => Object.hasOwn(target, key);

/** The start of the next token after `offset`: where libyaml marks an empty scalar (parserc.go). */
function nextTokenOffset(source: string, offset: number): number {
  const m = /(?:[ \t\r\n]|#[^\n]*)*/y;
  m.lastIndex = offset;
  m.exec(source);
  return m.lastIndex;
}

class DocumentDecoder {
  readonly #limits: DecodeLimits;
  readonly #source: string;
  readonly #lineOf: ChunkLineOf;
  readonly #anchors = new Map<string, Node>();
  readonly #expanding = new Set<Alias>();
  readonly #path: PathSegment[] = [];
  readonly exactIntegers = new Map<string, bigint>();
  readonly aliasTargets = new Map<Alias, Node>();
  readonly problems: Problem[] = [];
  // decode.go (*decoder): decodeCount, aliasCount, aliasDepth; the document node counts once.
  #decodeCount = 1;
  #aliasCount = 0;
  #aliasDepth = 0;
  #outermostAlias: Alias | undefined;

  constructor(limits: DecodeLimits, source: string, lineOf: ChunkLineOf) {
    this.#limits = limits;
    this.#source = source;
    this.#lineOf = lineOf;
  }

  #fail(code: Problem['code'], message: string, node: { range?: Range | null } | null | undefined): never {
    const [start, end] = rangeOf(node);
    throw new ProblemFound({ code, message, start, end });
  }

  // decode.go (*decoder).unmarshal: count every decode and stop a document made mostly of alias expansions.
  #count(): void {
    this.#decodeCount++;
    if (this.#aliasDepth > 0) this.#aliasCount++;
    const excessive =
      this.#aliasCount > 100 &&
      this.#decodeCount > 1000 &&
      this.#aliasCount / this.#decodeCount > allowedAliasRatio(this.#decodeCount);
    if (excessive) this.#fail('YAML_ALIAS_LIMIT', 'document contains excessive aliasing', this.#outermostAlias);
    if (this.#aliasCount > this.#limits.maxAliases) {
      const message = `aliases expand to more than ${this.#limits.maxAliases} nodes`;
      this.#fail('YAML_ALIAS_LIMIT', message, this.#outermostAlias);
    }
  }

  #register(node: Node): void {
    // Anchors are bound in document order, as go-yaml's parser binds them; an expansion binds nothing new.
    if (node.anchor && this.#aliasDepth === 0) this.#anchors.set(node.anchor, node);
  }

  #target(alias: Alias): Node {
    const target = this.#anchors.get(alias.source);
    // decode.go (*parser).alias
    if (!target) this.#fail('YAML_SYNTAX', `unknown anchor '${alias.source}' referenced`, alias);
    this.aliasTargets.set(alias, target);
    return target;
  }

  // decode.go (*decoder).alias
  #expand<T>(alias: Alias, decodeTarget: (target: Node) => T): T {
    const target = this.#target(alias);
    if (this.#expanding.has(alias)) {
      this.#fail('YAML_ALIAS_LIMIT', `anchor '${alias.source}' value contains itself`, alias);
    }
    this.#expanding.add(alias);
    this.#aliasDepth++;
    this.#outermostAlias ??= alias;
    try {
      return decodeTarget(target);
    } finally {
      this.#aliasDepth--;
      this.#expanding.delete(alias);
      if (this.#aliasDepth === 0) this.#outermostAlias = undefined;
    }
  }

  decode(node: Node | null | undefined, depth: number): unknown {
    this.#count();
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return this.#expand(node, (target) => this.decode(target, depth));
    this.#register(node);
    if (isScalar(node)) return this.#scalarValue(node);
    if (depth > this.#limits.maxDepth) {
      this.#fail('YAML_TOO_DEEP', `mappings and sequences nest deeper than ${this.#limits.maxDepth} levels`, node);
    }
    if (isMap(node)) return this.#mapping(node, depth, {}, false);
    if (isSeq(node)) {
      const items = node.items as (Node | null)[];
      const out: unknown[] = new Array(items.length);
      for (let i = 0; i < items.length; i++) {
        this.#path.push(i);
        out[i] = this.decode(items[i], depth + 1);
        this.#path.pop();
      }
      return out;
    }
    return null;
  }

  #resolve(node: Scalar): ResolvedScalar {
    try {
      return resolveScalar(scalarText(node), node.type === 'PLAIN', node.tag);
    } catch (error) {
      if (error instanceof TagResolveError) this.#fail('YAML_SYNTAX', error.message, node);
      throw error;
    }
  }

  #scalarValue(node: Scalar): unknown {
    const resolved = this.#resolve(node);
    if (resolved.type === 'float' && !Number.isFinite(resolved.value)) {
      // encoding/json UnsupportedValueError: JSON has no Inf or NaN, so sigs.k8s.io/yaml fails the document.
      const shown = formatGoFloat(resolved.value, 64);
      this.#fail('YAML_SYNTAX', `json: unsupported value: ${shown} (${node.source} has no JSON form)`, node);
    }
    if ((resolved.type === 'int' || resolved.type === 'uint64' || resolved.type === 'bigint') && resolved.exact) {
      this.exactIntegers.set(pathKey(this.#path), resolved.exact);
    }
    return resolved.value;
  }

  /** The JSON object key of a mapping key node (yaml.go convertToJSONableObject). */
  #jsonKey(keyNode: Node | null, valueNode: Node | null): JsonKey {
    this.#count();
    if (keyNode === null) return jsonKeyOf({ type: 'null', value: null }, this.#goValueText(valueNode));
    const node = isAlias(keyNode) ? this.#target(keyNode) : keyNode;
    if (!isAlias(keyNode)) this.#register(keyNode);
    if (isScalar(node)) return jsonKeyOf(this.#resolve(node), this.#goValueText(valueNode));
    // decode.go (*decoder).mapping: a map or slice cannot be a Go map key.
    const shown = isMap(node) ? 'map[interface {}]interface {}{…}' : '[]interface {}{…}';
    return this.#fail('YAML_SYNTAX', `invalid map key: ${shown}`, keyNode);
  }

  /** %+#v of a value for sigs.k8s.io/yaml's "unsupported map key" message (scalars only; others abridged). */
  #goValueText(node: Node | null): string {
    const target = node && isAlias(node) ? this.#anchors.get(node.source) : node;
    if (!target) return '<nil>';
    if (isScalar(target)) {
      try {
        return goSyntax(goValueOf(resolveScalar(scalarText(target), target.type === 'PLAIN', target.tag)));
      } catch {
        return String(target.value);
      }
    }
    return isMap(target) ? 'map[interface {}]interface {}{…}' : '[]interface {}{…}';
  }

  /**
   * decode.go (*decoder).mapping into `out`. `merged` is true when `out` belongs to an enclosing mapping
   * (a `<<` merge), whose keys a merged mapping may overwrite.
   */
  #mapping(node: YAMLMap, depth: number, out: Record<string, unknown>, merged: boolean): Record<string, unknown> {
    // Keys this mapping set itself; needed only once keys can also come from elsewhere (merges).
    let ownKeys: Set<string> | undefined = merged ? new Set() : undefined;
    // The first key node of each JSON key, built at the first repeat (rare) for its message.
    let firstKeys: Map<string, JsonKey> | undefined;
    const items = node.items;
    for (let i = 0; i < items.length; i++) {
      const pair = items[i];
      if (!pair) continue;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      if (isMergeKey(keyNode)) {
        ownKeys ??= new Set(Object.keys(out));
        this.#merge(valueNode, depth, out);
        continue;
      }
      const key = this.#jsonKey(keyNode, valueNode);
      if (!key.ok) this.#fail('YAML_SYNTAX', key.message, keyNode ?? node);
      const repeated = ownKeys ? ownKeys.has(key.json) : hasOwn(out, key.json);
      // An expansion repeats what its anchor's own decoding already reported.
      if (repeated && this.#aliasDepth === 0) {
        firstKeys ??= this.#firstKeys(node, i);
        this.#reportRepeatedKey(firstKeys.get(key.json), key, keyNode, valueNode);
      }
      if (firstKeys && !firstKeys.has(key.json)) firstKeys.set(key.json, key);
      ownKeys?.add(key.json);
      this.#path.push(key.json);
      const value = this.decode(valueNode, depth + 1);
      this.#path.pop();
      setProperty(out, key.json, value);
    }
    return out;
  }

  // decode.go (*decoder).merge: a mapping, an alias of one, or a sequence of those (later ones first, so
  // that earlier ones win); merged keys overwrite what is already there, as SetMapIndex does.
  #merge(valueNode: Node | null, depth: number, out: Record<string, unknown>): void {
    const wantMap = () =>
      this.#fail('YAML_SYNTAX', 'map merge requires map or sequence of maps as the value', valueNode);
    const mergeOne = (item: Node | null) => {
      if (item && isAlias(item)) {
        if (!isMap(this.#target(item))) wantMap();
        this.#count();
        this.#expand(item, (target) => {
          this.#count();
          return this.#mapping(target as YAMLMap, depth, out, true);
        });
      } else if (item && isMap(item)) {
        this.#count();
        this.#register(item);
        this.#mapping(item, depth, out, true);
      } else wantMap();
    };
    if (valueNode && isSeq(valueNode)) {
      this.#register(valueNode);
      const items = valueNode.items as (Node | null)[];
      // go-yaml bound these anchors in document order while parsing; decoding goes backwards.
      if (this.#aliasDepth === 0) for (const item of items) if (item && !isAlias(item)) this.#registerTree(item);
      for (let i = items.length - 1; i >= 0; i--) mergeOne(items[i] ?? null);
    } else mergeOne(valueNode);
  }

  #registerTree(node: Node): void {
    this.#register(node);
    if (isMap(node)) {
      for (const pair of node.items) {
        for (const child of [pair.key, pair.value] as (Node | null)[]) {
          if (child && !isAlias(child)) this.#registerTree(child);
        }
      }
    } else if (isSeq(node)) {
      for (const child of node.items as (Node | null)[]) if (child && !isAlias(child)) this.#registerTree(child);
    }
  }

  /**
   * decode.go (*decoder).setMapIndex in strict mode: `line N: key K already set in map`, N being the line of
   * the value (an empty value is marked where the next token starts). Keys that differ in YAML but meet in
   * JSON (`1` and "1") are reported too: sigs.k8s.io/yaml would keep one of the two at random.
   */
  #reportRepeatedKey(
    first: JsonKey | undefined,
    key: JsonKey & { ok: true },
    keyNode: Node | null,
    valueNode: Node | null,
  ): void {
    const [start, end] = rangeOf(keyNode ?? valueNode);
    let message: string;
    if (!first?.ok || (first.identity !== undefined && first.identity === key.identity)) {
      const empty =
        isScalar(valueNode) &&
        valueNode.type === 'PLAIN' &&
        valueNode.source === '' &&
        !valueNode.tag &&
        !valueNode.anchor;
      const [valueStart] = rangeOf(valueNode, end);
      const markAt = empty ? nextTokenOffset(this.#source, valueStart) : valueStart;
      message = `line ${this.#lineOf(markAt)}: key ${goSyntax(key.go)} already set in map`;
    } else {
      message =
        `key ${JSON.stringify(key.json)} already set in map: the YAML keys ${goSyntax(first.go)} and ` +
        `${goSyntax(key.go)} are both ${JSON.stringify(key.json)} in JSON, and kubectl keeps either one`;
    }
    this.problems.push({ code: 'YAML_DUPLICATE_KEY', message, start, end });
  }

  /** The first occurrence of each JSON key among a mapping's first `count` pairs. */
  #firstKeys(node: YAMLMap, count: number): Map<string, JsonKey> {
    const first = new Map<string, JsonKey>();
    for (let i = 0; i < count; i++) {
      const pair = node.items[i];
      if (!pair || isMergeKey(pair.key)) continue;
      const key = this.#peekKey(pair.key as Node | null);
      if (key?.ok && !first.has(key.json)) first.set(key.json, key);
    }
    return first;
  }

  /** A key's JSON form without counting or binding anything (for messages). */
  #peekKey(keyNode: Node | null): JsonKey | undefined {
    const node = keyNode && isAlias(keyNode) ? this.#anchors.get(keyNode.source) : keyNode;
    if (node === null) return jsonKeyOf({ type: 'null', value: null }, '');
    if (!node || !isScalar(node)) return undefined;
    try {
      return jsonKeyOf(resolveScalar(scalarText(node), node.type === 'PLAIN', node.tag), '');
    } catch {
      return undefined;
    }
  }
}

/** Decodes a composed document; `source` is the chunk text its offsets refer to. */
export function decodeDocument(
  yamlDoc: Document.Parsed,
  limits: DecodeLimits,
  source: string,
  lineOf: ChunkLineOf,
): DecodedDocument {
  const decoder = new DocumentDecoder(limits, source, lineOf);
  let value: unknown = null;
  let fatal: Problem | undefined;
  try {
    value = decoder.decode(yamlDoc.contents as Node | null, 1);
  } catch (error) {
    if (!(error instanceof ProblemFound)) throw error;
    fatal = error.problem;
  }
  return {
    value,
    exactIntegers: decoder.exactIntegers,
    aliasTargets: decoder.aliasTargets,
    problems: decoder.problems,
    fatal,
  };
}
