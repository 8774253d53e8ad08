/**
 * ResourceList fields (requests, limits, overhead): rounded up to milli-units by defaulting and stored in the
 * Quantity canonical form. Provenance says which of the two changed the written value.
 */
import type { DefaultingContext } from './context.ts';
import { childPath, DefaultingInputError, type JsonObject, objectField, type PathLike } from './json.ts';
import { formatQuantity, parseQuantityOrError, type Quantity, roundUp } from './quantity.ts';

const MILLI_SCALE = -3;

/** The quantity written at `path`, or an input error (the decoder would reject the request). */
export function quantityAt(value: unknown, path: PathLike): Quantity {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new DefaultingInputError(`${path}: a quantity must be a string or a number, got ${JSON.stringify(value)}`);
  }
  const parsed = parseQuantityOrError(value);
  if (typeof parsed === 'string') throw new DefaultingInputError(`${path}: ${parsed}`);
  return parsed;
}

/** Every quantity of the map at `parent[key]`, parsed (empty when absent). */
export function resourceMap(parent: JsonObject | undefined, key: string, path: PathLike): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  const list = parent ? objectField(parent, key, path) : undefined;
  if (!list) return out;
  const listPath = childPath(path, key);
  for (const name of Object.keys(list)) out.set(name, quantityAt(list[name], childPath(listPath, name)));
  return out;
}

// pkg/apis/core/v1/defaults.go SetDefaults_ResourceList (RoundUp to milli) + Quantity.String() on encode
export function defaultResourceList(parent: JsonObject, key: string, path: PathLike, ctx: DefaultingContext): void {
  const list = objectField(parent, key, path);
  if (!list) return;
  const listPath = childPath(path, key);
  for (const name of Object.keys(list)) {
    const written = list[name];
    const itemPath = childPath(listPath, name);
    const parsed = quantityAt(written, itemPath);
    const rounded = roundUp(parsed, MILLI_SCALE);
    const text = formatQuantity(rounded);
    if (text === written) continue;
    if (rounded !== parsed) {
      ctx.log.set(list, name, text, itemPath, 'defaulting', 'pkg/apis/core/v1/defaults.go SetDefaults_ResourceList');
    } else {
      ctx.log.set(
        list,
        name,
        text,
        itemPath,
        'serialization',
        'staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (Quantity).String',
        'stored in canonical form',
      );
    }
  }
}
