/**
 * A vector adapter turns one shared vector file's cases into calls on the model. The field names of the vector
 * files follow the Go code they come from; adapters translate them, they never change a case.
 */
export type VectorCase = Record<string, unknown>;

export interface CaseOutcome {
  /** What the model produced, in the shape of the case's expected value. */
  actual: unknown;
  /** The case's expected value (copied from the case, never computed). */
  expected: unknown;
}

export interface VectorAdapter {
  /** The vector file this adapter runs, e.g. `image_pull.json`. */
  readonly file: string;
  /** Which Kubernetes version(s) the cases run at, and why (the vector README asks adapters to say so). */
  readonly versionNote: string;
  /** The list of cases in the parsed file (a bare array, or an object's `cases` / `vectors` key). */
  cases(doc: unknown): VectorCase[];
  /** A stable name for a case: its own name or id when it has one, else its index. */
  caseName(c: VectorCase, index: number): string;
  run(c: VectorCase): CaseOutcome;
}

/** The array of cases in a vector file, per the vectors README. */
export function casesOf(doc: unknown): VectorCase[] {
  if (Array.isArray(doc)) return doc as VectorCase[];
  if (doc && typeof doc === 'object') {
    const o = doc as Record<string, unknown>;
    if (Array.isArray(o.cases)) return o.cases as VectorCase[];
    if (Array.isArray(o.vectors)) return o.vectors as VectorCase[];
  }
  throw new Error('a vector file must be an array or an object with a "cases" or "vectors" array');
}

/** `name`, `id` or `command` of a case, with its index so duplicates stay distinct. */
export function defaultCaseName(c: VectorCase, index: number): string {
  const label = c.name ?? c.id ?? c.command;
  return typeof label === 'string' ? `#${index} ${label}` : `#${index}`;
}
