/**
 * A field path built the way apimachinery's field.Path is (Child/Index/Key), so that it renders exactly as the
 * apiserver prints it (`spec.containers[0].resources.limits[cpu]`) and also yields the JSON path of the node
 * (`['spec','containers',0,'resources','limits','cpu']`) that source positions are looked up by.
 * Validation builds a path for every node it visits but renders one only when it reports an error, so a step
 * is one small node pointing at its parent (as field.Path is) and rendering walks the chain.
 */
import type { FieldPath, PathSegment } from '../types.ts';

const CHILD = 0;
const INDEX = 1;
const KEY = 2;
type Kind = typeof CHILD | typeof INDEX | typeof KEY;

export class Path {
  private readonly parent: Path | undefined;
  private readonly kind: Kind;
  /** The child name, the index or the key. */
  private readonly step: string | number;

  private constructor(parent: Path | undefined, kind: Kind, step: string | number) {
    this.parent = parent;
    this.kind = kind;
    this.step = step;
  }

  /** field.NewPath(name, more...); up to three names (no rest parameter: paths are made for every node). */
  static root(name: string, second?: string, third?: string): Path {
    return new Path(undefined, CHILD, name).more(second, third);
  }

  /** (*Path).Child(name, more...), up to three names. */
  child(name: string, second?: string, third?: string): Path {
    return new Path(this, CHILD, name).more(second, third);
  }

  private more(second: string | undefined, third: string | undefined): Path {
    if (second === undefined) return this;
    const path = new Path(this, CHILD, second);
    return third === undefined ? path : new Path(path, CHILD, third);
  }

  index(index: number): Path {
    return new Path(this, INDEX, index);
  }

  key(key: string): Path {
    return new Path(this, KEY, key);
  }

  /** The steps from the root. */
  private steps(): Path[] {
    const out: Path[] = [];
    for (let p: Path | undefined = this; p !== undefined; p = p.parent) out.push(p);
    return out.reverse();
  }

  // staging/src/k8s.io/apimachinery/pkg/util/validation/field/path.go (*Path).String
  toString(): string {
    let out = '';
    this.steps().forEach((s, i) => {
      if (s.kind === CHILD && (s.step as string).length > 0) {
        if (i > 0) out += '.';
        out += s.step;
      } else if (s.kind === CHILD) {
        out += '[]';
      } else {
        out += `[${s.step}]`;
      }
    });
    return out;
  }

  /** The JSON path of the node; a dotted child name (`ordinals.start`) is split into its parts. */
  toFieldPath(): FieldPath {
    const out: PathSegment[] = [];
    for (const s of this.steps()) {
      if (s.kind === CHILD) {
        const name = s.step as string;
        if (name.length > 0) out.push(...name.split('.'));
      } else out.push(s.step);
    }
    return out;
  }
}
