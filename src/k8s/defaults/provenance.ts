/**
 * Provenance: for every field the apiserver filled in, changed or removed, which stage did it and which
 * Kubernetes function it follows. The site shows this next to `kubectl get pod -o yaml` output.
 */
import { cloneJson, type JsonObject, type PathLike } from './json.ts';

/** The stage of the create request (or the serializer) that produced a field. */
export type SetBy =
  /** v1 defaulting functions (pkg/apis/core/v1/defaults.go, declarative +default markers) */
  | 'defaulting'
  /** v1 <-> internal conversion (pkg/apis/core/v1/conversion.go) */
  | 'conversion'
  /** JSON encoding: Quantity canonical strings, non-omitempty structs such as `resources: {}` */
  | 'serialization'
  /** decoding: a field this release does not know is not stored */
  | 'decoding'
  | 'admission:ServiceAccount'
  | 'admission:DefaultTolerationSeconds'
  | 'admission:Priority'
  | 'admission:AlwaysPullImages'
  /** generic registry before create: namespace from the request, generateName */
  | 'registry:BeforeCreate'
  /** pod strategy PrepareForCreate: status, generation, scheduling-gated condition */
  | 'registry:PrepareForCreate'
  /** PrepareForCreate's DropDisabledPodFields: fields of disabled feature gates are cleared */
  | 'registry:DropDisabledPodFields';

export interface FieldProvenance {
  /** `spec.containers[0].imagePullPolicy` */
  readonly path: string;
  /** The value set (a copy); undefined when the field was removed. */
  readonly value: unknown;
  readonly setBy: SetBy;
  /** Kubernetes file and function, e.g. `pkg/apis/core/v1/defaults.go SetDefaults_Container`. */
  readonly citation: string;
  /** The field was removed, not set. */
  readonly removed?: true;
  /** A short why, when the rule is conditional (release, feature gate). */
  readonly note?: string;
}

/** A defaulted object with the list of what was filled in, in the order the apiserver did it. */
export interface Defaulted<T> {
  readonly object: T;
  readonly provenance: readonly FieldProvenance[];
}

/**
 * Collects provenance while a stage mutates an object. A log made with `recording` false only applies the
 * changes: validation needs the defaulted object, not the story of how it came about (the site does).
 */
export class ProvenanceLog {
  readonly entries: FieldProvenance[] = [];
  readonly recording: boolean;

  constructor(recording = true) {
    this.recording = recording;
  }

  /** Sets `target[key] = value` and records it. */
  set(target: JsonObject, key: string, value: unknown, path: PathLike, setBy: SetBy, citation: string, note?: string) {
    target[key] = value;
    if (this.recording) this.record(path, value, setBy, citation, note);
  }

  /** Appends `value` to `list` and records it at `path` (the new element's path). */
  append(list: unknown[], value: unknown, path: PathLike, setBy: SetBy, citation: string, note?: string) {
    list.push(value);
    if (this.recording) this.record(path, value, setBy, citation, note);
  }

  /** Deletes `target[key]` (when present) and records it. */
  remove(target: JsonObject, key: string, path: PathLike, setBy: SetBy, citation: string, note?: string) {
    if (!(key in target)) return;
    delete target[key];
    if (this.recording) {
      const entry = { path: String(path), value: undefined, setBy, citation, removed: true as const };
      this.entries.push({ ...entry, ...(note ? { note } : {}) });
    }
  }

  private record(path: PathLike, value: unknown, setBy: SetBy, citation: string, note: string | undefined) {
    this.entries.push({ path: String(path), value: cloneJson(value), setBy, citation, ...(note ? { note } : {}) });
  }
}

/** The provenance entries for one path (a field can be touched by several stages). */
export function provenanceFor(provenance: readonly FieldProvenance[], path: string): FieldProvenance[] {
  return provenance.filter((p) => p.path === path);
}
