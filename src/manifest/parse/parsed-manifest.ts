/** A decoded document with lazy source positions: spans are computed only when someone asks for one. */

import type { FieldPath, ManifestDocument, SourceSpan } from '../types.ts';
import { pathKey } from './decode-value.ts';
import type { LineIndex } from './line-index.ts';
import type { NodeLocator } from './node-locator.ts';

export interface ParsedManifestInit {
  index: number;
  value: unknown;
  filename: string | undefined;
  lines: LineIndex;
  /** Where the document's chunk starts in the file (locator offsets are chunk-relative). */
  chunkStart: number;
  /** The document's own [start, end) in the chunk. */
  range: readonly [number, number];
  locator: NodeLocator;
  exactIntegers: ReadonlyMap<string, bigint>;
}

export class ParsedManifest implements ManifestDocument {
  readonly index: number;
  readonly value: unknown;
  /** The file name given to parseManifests, if any. */
  readonly filename: string | undefined;
  readonly #init: ParsedManifestInit;
  #span: SourceSpan | undefined;

  constructor(init: ParsedManifestInit) {
    this.index = init.index;
    this.value = init.value;
    this.filename = init.filename;
    this.#init = init;
  }

  get span(): SourceSpan {
    const { lines, chunkStart, range } = this.#init;
    this.#span ??= lines.span(chunkStart + range[0], chunkStart + range[1]);
    return this.#span;
  }

  spanOf(path: FieldPath, key = false): SourceSpan {
    const { lines, chunkStart, locator } = this.#init;
    const [start, end] = locator.locate(path, key);
    return lines.span(chunkStart + start, chunkStart + end);
  }

  /**
   * The exact value of the integer at `path` when the JS number in `value` cannot hold it (beyond ±(2^53−1)),
   * else undefined. Kubernetes keeps such integers exact up to int64 (uint64 and larger go-yaml integers are
   * exact in the JSON kubectl builds, then read back as float64 by unstructured decoding).
   */
  exactInteger(path: FieldPath): bigint | undefined {
    return this.#init.exactIntegers.get(pathKey(path));
  }
}
