/**
 * sigs.k8s.io/yaml Marshal for a JSON value: what `kubectl get -o yaml` prints. The object is JSON-encoded, read back
 * by go-yaml v2 into maps (so keys come out in go-yaml's key order, not the struct's field order) and numbers
 * (integers stay integers), then written by go-yaml v2's encoder. Source: sigs.k8s.io/yaml yaml.go Marshal /
 * JSONToYAML, goyaml.v2 encode.go (stringv, intv, floatv, nilv, mapv), sorter.go, resolve.go, emitterc.go.
 */
import { emitYamlDocument, type YamlNode, type YamlScalar } from './go-yaml-emitter.ts';
import { isBase60Float, resolvePlain } from './go-yaml-resolve.ts';
import { sortYamlKeys } from './go-yaml-sort.ts';

/** A value encoding/json can write (undefined members are left out, like omitted fields). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: unknown };

export class GoYamlError extends TypeError {
  override name = 'GoYamlError';
}

const INT64_LIMIT = 2 ** 63;
const UINT64_LIMIT = 2 ** 64;

/** yaml.Marshal(JSON round trip of value). Throws GoYamlError for what json.Marshal would refuse (NaN, ±Inf). */
export function marshalYaml(value: unknown): string {
  return emitYamlDocument(toNode(value, '$'));
}

function toNode(value: unknown, path: string): YamlNode {
  if (value === null) return plain('null'); // encode.go nilv
  if (typeof value === 'boolean') return plain(value ? 'true' : 'false'); // boolv
  if (typeof value === 'number') return plain(formatNumber(value, path));
  if (typeof value === 'string') return stringScalar(value);
  if (Array.isArray(value)) {
    const items = value.map((item, i) => (item === undefined ? plain('null') : toNode(item, `${path}[${i}]`)));
    return { kind: 'sequence', items };
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined);
    const entries = sortYamlKeys(keys).map(
      (key) => [stringScalar(key), toNode(record[key], `${path}.${key}`)] as const,
    );
    return { kind: 'mapping', entries };
  }
  throw new GoYamlError(`${path}: not a JSON value (${typeof value})`);
}

function plain(text: string): YamlScalar {
  return { kind: 'scalar', value: text, style: 'plain' };
}

// encode.go stringv: a string that would read back as another type (bool, null, number, timestamp, base-60) is
// double-quoted; one with a line feed asks for a literal block; the emitter may still fall back to quoting.
function stringScalar(raw: string): YamlScalar {
  // encoding/json writes invalid UTF-16 (a lone surrogate) as U+FFFD
  const s = raw.toWellFormed();
  if (s.includes('\n')) return { kind: 'scalar', value: s, style: 'literal' };
  const canUsePlain = resolvePlain(s) === 'str' && !isBase60Float(s);
  return { kind: 'scalar', value: s, style: canUsePlain ? 'plain' : 'double' };
}

// JSON numbers come back from go-yaml as int when they fit 64 bits (encode.go intv/uintv), otherwise float64
// (floatv: strconv.FormatFloat(f, 'g', -1, 64)).
function formatNumber(n: number, path: string): string {
  if (!Number.isFinite(n)) throw new GoYamlError(`${path}: json: unsupported value: ${n}`);
  if (Number.isInteger(n) && n >= -INT64_LIMIT && n < UINT64_LIMIT && Math.abs(n) < 1e21) {
    return BigInt(n).toString();
  }
  return formatFloatG(n);
}

/** strconv.FormatFloat(f, 'g', -1, 64): `0.1`, `1234.5`, `1.2345675e+06`, `1e-05`. */
// strconv/ftoa.go %g with the shortest digits: eprec is 6, so an exponent below -4 or from 6 up uses %e (at least
// two exponent digits)
export function formatFloatG(f: number): string {
  if (Object.is(f, -0)) return '-0';
  if (f === 0) return '0';
  const [mantissa, expText] = f.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : `${Math.abs(exp)}`;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${intPart}${frac ? `.${frac}` : ''}`;
}
