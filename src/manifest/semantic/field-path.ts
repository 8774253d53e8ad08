/**
 * A field path built the way apimachinery's field.Path is (Child/Index/Key), so that it renders exactly as the
 * apiserver prints it (`spec.containers[0].resources.limits[cpu]`) and also yields the JSON path of the node
 * (`['spec','containers',0,'resources','limits','cpu']`) that source positions are looked up by.
 */
import type { FieldPath, PathSegment } from '../types.ts';

type Segment =
  | { readonly kind: 'child'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'key'; readonly key: string };

export class Path {
  private readonly segments: readonly Segment[];

  private constructor(segments: readonly Segment[]) {
    this.segments = segments;
  }

  /** field.NewPath(name, more...) */
  static root(name: string, ...more: string[]): Path {
    return new Path([{ kind: 'child', name }, ...more.map((m) => ({ kind: 'child' as const, name: m }))]);
  }

  child(name: string, ...more: string[]): Path {
    return new Path([
      ...this.segments,
      { kind: 'child', name },
      ...more.map((m) => ({ kind: 'child' as const, name: m })),
    ]);
  }

  index(index: number): Path {
    return new Path([...this.segments, { kind: 'index', index }]);
  }

  key(key: string): Path {
    return new Path([...this.segments, { kind: 'key', key }]);
  }

  // staging/src/k8s.io/apimachinery/pkg/util/validation/field/path.go (*Path).String
  toString(): string {
    let out = '';
    this.segments.forEach((s, i) => {
      if (s.kind === 'child' && s.name.length > 0) {
        if (i > 0) out += '.';
        out += s.name;
      } else if (s.kind === 'child') {
        out += '[]';
      } else if (s.kind === 'index') {
        out += `[${s.index}]`;
      } else {
        out += `[${s.key}]`;
      }
    });
    return out;
  }

  /** The JSON path of the node; a dotted child name (`ordinals.start`) is split into its parts. */
  toFieldPath(): FieldPath {
    const out: PathSegment[] = [];
    for (const s of this.segments) {
      if (s.kind === 'child') {
        if (s.name.length > 0) out.push(...s.name.split('.'));
      } else if (s.kind === 'index') out.push(s.index);
      else out.push(s.key);
    }
    return out;
  }
}
