/**
 * Defaulting refuses input the decoder would have rejected (a list written as a map, a number for a string).
 * The structural stage reports those first; here the offending field is dropped and defaulting retried, so
 * the semantic stage still sees a defaulted object and does not report `Required value` for defaulted fields.
 */
import { DefaultingInputError } from '../../k8s/defaults/index.ts';
import { cloneJson } from './json-access.ts';

/** Fields dropped at most per object; far more than a hand-written manifest has wrong. */
const MAX_DROPS = 64;

const PATH_PREFIX = /^((?:[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\]|\.)+): /;
const PATH_STEP = /([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\./gy;

/** The steps of a `spec.containers[0]["a.b"]` path (the format src/k8s/defaults puts in its messages). */
export function parseDefaultingPath(text: string): (string | number)[] | undefined {
  const steps: (string | number)[] = [];
  PATH_STEP.lastIndex = 0;
  let consumed = 0;
  for (let m = PATH_STEP.exec(text); m !== null && m[0] !== ''; m = PATH_STEP.exec(text)) {
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else if (m[3] !== undefined) steps.push(JSON.parse(m[3]) as string);
    consumed = PATH_STEP.lastIndex;
  }
  return consumed === text.length && steps.length > 0 ? steps : undefined;
}

/** Removes the field at `steps` from `root` in place; false when the path does not lead anywhere. */
function dropAt(root: unknown, steps: readonly (string | number)[]): boolean {
  let parent: unknown = root;
  for (const step of steps.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return false;
    parent = (parent as Record<string | number, unknown>)[step];
  }
  const last = steps[steps.length - 1];
  if (last === undefined || typeof parent !== 'object' || parent === null) return false;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (last >= parent.length) return false;
    parent[last] = {};
    return true;
  }
  if (!Object.hasOwn(parent, last)) return false;
  delete (parent as Record<string | number, unknown>)[last];
  return true;
}

/**
 * `defaulter(input)`, retried with each field defaulting calls mistyped removed (a list element becomes `{}`
 * so later indexes keep their paths). Throws the DefaultingInputError when the field cannot be located.
 */
export function defaultDroppingMistypedFields<T>(input: unknown, defaulter: (value: unknown) => T): T {
  let current = input;
  for (let attempt = 0; ; attempt++) {
    try {
      return defaulter(current);
    } catch (error) {
      if (!(error instanceof DefaultingInputError) || attempt >= MAX_DROPS) throw error;
      const path = PATH_PREFIX.exec(error.message)?.[1];
      const steps = path === undefined ? undefined : parseDefaultingPath(path);
      const copy = cloneJson(current);
      if (steps === undefined || !dropAt(copy, steps)) throw error;
      current = copy;
    }
  }
}
