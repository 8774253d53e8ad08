/** Test helper: reads into a decoded manifest value without casting to any. */
import type { PathSegment } from '../../../src/manifest/types.ts';

/** The value at `path` inside `value`, or undefined where the path leaves objects and arrays. */
export function valueAt(value: unknown, ...path: PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}
