/**
 * The `kubectl.kubernetes.io/last-applied-configuration` annotation client-side `kubectl apply` (and
 * `kubectl create --save-config`) writes: the object as sent, without the annotation itself, encoded by the
 * unstructured JSON scheme (encoding/json with sorted keys, followed by json.Encoder's newline). An object without
 * annotations gets `"annotations":{}` in it, as kubectl sets the (emptied) map before encoding.
 */
import { goJsonMarshal } from './go-json.ts';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The annotation value for an object (its annotations map as it will be sent, minus this annotation). */
// staging/src/k8s.io/kubectl/pkg/util/apply.go GetModifiedConfiguration(obj, annotate=false, UnstructuredJSONScheme)
export function lastAppliedConfiguration(object: JsonObject): string {
  const copy = structuredClone(object);
  const metadata = isObject(copy.metadata) ? copy.metadata : {};
  copy.metadata = metadata;
  const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
  delete annotations[LAST_APPLIED_ANNOTATION];
  metadata.annotations = annotations;
  // unstructuredJSONScheme doEncode: json.NewEncoder(w).Encode -> a trailing newline
  return `${goJsonMarshal(copy)}\n`;
}

/** A copy of the object carrying the annotation, as `kubectl apply` creates it. */
// apply.go applyOneObject -> util.CreateApplyAnnotation(info.Object, unstructured.UnstructuredJSONScheme)
export function withLastApplied(object: JsonObject): JsonObject {
  const value = lastAppliedConfiguration(object);
  const copy = structuredClone(object);
  const metadata = isObject(copy.metadata) ? copy.metadata : {};
  copy.metadata = metadata;
  const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
  annotations[LAST_APPLIED_ANNOTATION] = value;
  metadata.annotations = annotations;
  return copy;
}
