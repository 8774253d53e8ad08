/**
 * The values `kubectl describe` shows for environment variables that come from the pod (fieldRef) or from the
 * container's resources (resourceFieldRef). kubectl resolves only the pod's name and namespace itself; anything
 * else prints as empty, e.g. `POD_IP:   (v1:status.podIP)`.
 * Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go EnvValueRetriever;
 * staging/src/k8s.io/kubectl/pkg/util/fieldpath/fieldpath.go ExtractFieldPathAsString;
 * staging/src/k8s.io/kubectl/pkg/util/resource/resource.go ExtractContainerResourceValue.
 */
import { compareQuantities, parseQuantity, type Quantity, roundUp } from '../defaults/quantity.ts';
import { DescribePodError, type JsonRecord, objectAt, textAt } from './describe-input.ts';

/**
 * describe.go EnvValueRetriever: the value of a fieldRef for this pod, '' when kubectl cannot resolve it.
 * kubectl's scheme has no field-label conversions for v1 Pod, so scheme.ConvertFieldLabel falls back to
 * runtime.DefaultMetaV1FieldSelectorConversion, which knows only metadata.name and metadata.namespace; every other
 * path (labels, annotations, uid, spec.nodeName, status.podIP, ...) is an error and prints as ''.
 */
// staging/src/k8s.io/apimachinery/pkg/runtime/scheme.go (*Scheme).ConvertFieldLabel,
// DefaultMetaV1FieldSelectorConversion; fieldpath.go ExtractFieldPathAsString
export function fieldRefValue(pod: JsonRecord, fieldRef: JsonRecord): string {
  if (textAt(fieldRef, 'apiVersion', 'fieldRef') !== 'v1') return ''; // no Pod kind in another group/version
  const metadata = objectAt(pod, 'metadata', '') ?? {};
  switch (textAt(fieldRef, 'fieldPath', 'fieldRef')) {
    case 'metadata.name':
      return textAt(metadata, 'name', 'metadata');
    case 'metadata.namespace':
      return textAt(metadata, 'namespace', 'metadata');
    default:
      return '';
  }
}

const ZERO: Quantity = { mantissa: 0n, exponent: 0, format: 'DecimalSI' };

// a missing quantity reads as zero (ResourceList.Cpu() and friends return an empty Quantity)
function quantityAt(parent: JsonRecord | undefined, key: string, path: string): Quantity {
  const raw = parent?.[key];
  if (raw === undefined || raw === null) return ZERO;
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    throw new DescribePodError(`${path}.${key}: expected a quantity, got ${typeof raw}`);
  }
  return parseQuantity(raw);
}

// Quantity.MilliValue / Value: rounded up (away from zero) to milli-units / whole units
function scaledValue(q: Quantity, scale: number): number {
  const rounded = roundUp(q, scale);
  return Number(rounded.mantissa * 10n ** BigInt(rounded.exponent - scale));
}

/**
 * resource.go ExtractContainerResourceValue for limits/requests of cpu, memory, ephemeral-storage and hugepages:
 * ceil(value / divisor) in milli-units for cpu and in units otherwise; undefined for anything else (an error).
 */
export function resourceFieldRefValue(container: JsonRecord, ref: JsonRecord, path: string): string | undefined {
  const resource = textAt(ref, 'resource', path);
  // an unset (zero) divisor means 1
  let divisor = quantityAt(ref, 'divisor', path);
  if (compareQuantities(divisor, ZERO) === 0) divisor = parseQuantity('1');
  const [kind, name] = resource.split(/\.(.*)/s) as [string, string | undefined];
  if ((kind !== 'limits' && kind !== 'requests') || name === undefined) return undefined;
  const list = objectAt(objectAt(container, 'resources', 'container'), kind, 'container.resources');
  const listPath = `container.resources.${kind}`;
  // convertResourceCPUToString: milli-units; the others (memory, ephemeral-storage, hugepages-*): whole units
  const scale = name === 'cpu' ? -3 : 0;
  if (name !== 'cpu' && name !== 'memory' && name !== 'ephemeral-storage' && !name.startsWith('hugepages-')) {
    return undefined;
  }
  const value = scaledValue(quantityAt(list, name, listPath), scale) / scaledValue(divisor, scale);
  return String(Math.ceil(value));
}
