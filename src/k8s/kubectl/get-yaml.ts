/**
 * `kubectl get pod NAME -o yaml`: the object as the API server returns it, serialized the way kubectl's YAML printer
 * does (JSON, then go-yaml v2: keys in go-yaml order, `"True"` / `"116336"` / timestamps quoted, `|` blocks for
 * multi-line strings such as last-applied-configuration, long scalars folded at column 80, sequences at the
 * parent key's indent). The same output in every kubectl release 1.23..1.35.
 * Model objects carry times as virtual-clock seconds; metav1.Time fields become RFC 3339 text here.
 */
import { formatRFC3339 } from '../util/go-time.ts';
import { marshalYaml } from '../util/go-yaml.ts';

export class GetYamlError extends Error {
  override name = 'GetYamlError';
}

/**
 * Object keys whose number values are metav1.Time (serialized as RFC 3339 in UTC, whole seconds):
 * ObjectMeta creationTimestamp/deletionTimestamp, PodStatus startTime, PodCondition lastProbeTime /
 * lastTransitionTime, ContainerState running/terminated startedAt and finishedAt, and the same names in other core
 * objects (node heartbeats, event first/last timestamps, job times). `time` only inside metadata.managedFields.
 */
export const METAV1_TIME_KEYS: ReadonlySet<string> = new Set([
  'creationTimestamp',
  'deletionTimestamp',
  'startTime',
  'lastProbeTime',
  'lastTransitionTime',
  'startedAt',
  'finishedAt',
  'lastHeartbeatTime',
  'firstTimestamp',
  'lastTimestamp',
  'completionTime',
  'lastScheduleTime',
  'lastSuccessfulTime',
]);

export interface GetYamlOptions {
  /** `--show-managed-fields`; by default kubectl get drops metadata.managedFields (kubectl 1.21+). */
  readonly showManagedFields?: boolean;
}

/** The object as JSON would carry it: virtual-clock times as RFC 3339, undefined members left out. */
// staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/time.go (Time).MarshalJSON
export function toWireObject(object: unknown, options: GetYamlOptions = {}): unknown {
  return wire(object, '', false, options.showManagedFields === true);
}

function wire(value: unknown, path: string, inManagedFields: boolean, keepManagedFields: boolean): unknown {
  if (Array.isArray(value))
    return value.map((item, i) => wire(item, `${path}[${i}]`, inManagedFields, keepManagedFields));
  if (value === null || typeof value !== 'object') return value;
  if (Object.getPrototypeOf(value) !== Object.prototype) {
    throw new GetYamlError(`${path || 'object'}: not a plain JSON object`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === undefined) continue;
    const childPath = path ? `${path}.${key}` : key;
    // staging/src/k8s.io/cli-runtime/pkg/genericclioptions/json_yaml_flags.go (*JSONYamlPrintFlags).ToPrinter:
    // OmitManagedFieldsPrinter unless --show-managed-fields
    if (childPath === 'metadata.managedFields' && !keepManagedFields) continue;
    const isTime = METAV1_TIME_KEYS.has(key) || (inManagedFields && key === 'time');
    if (isTime && typeof item === 'number') {
      out[key] = formatRFC3339(item);
      continue;
    }
    out[key] = wire(item, childPath, inManagedFields || childPath === 'metadata.managedFields', keepManagedFields);
  }
  return out;
}

/** The text of `kubectl get <one object> -o yaml`. */
// staging/src/k8s.io/cli-runtime/pkg/printers/yaml.go (*YAMLPrinter).PrintObj: sigs.k8s.io/yaml Marshal
export function renderGetYaml(object: unknown, options: GetYamlOptions = {}): string {
  return marshalYaml(toWireObject(object, options));
}

/**
 * A YAML printer kept across objects, like kubectl's: every object after the first is preceded by `---`
 * (`kubectl get -o yaml --watch`, or several resources named on one command line).
 */
// staging/src/k8s.io/cli-runtime/pkg/printers/yaml.go (*YAMLPrinter).PrintObj: printCount > 1 writes "---\n"
export class YamlPrinter {
  private printed = 0;
  private readonly options: GetYamlOptions;

  constructor(options: GetYamlOptions = {}) {
    this.options = options;
  }

  print(object: unknown): string {
    this.printed++;
    return (this.printed > 1 ? '---\n' : '') + renderGetYaml(object, this.options);
  }
}
