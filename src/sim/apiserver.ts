/**
 * The apiserver's Pod store: create (through src/k8s/defaults createPod: defaulting, admission,
 * PrepareForCreate), apply, graceful delete, the scheduler's binding, the kubelet's status writes, and a watch
 * stream. Every write gets the next resourceVersion (one counter for all objects, like etcd's revision).
 * Validation is injected (src/manifest provides it); by default everything is accepted.
 */
import type { Pod, PodCondition } from '../k8s/api/types.ts';
import {
  AdmissionForbiddenError,
  createPod,
  DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS,
  DefaultingInputError,
  defaultPod,
  NamespaceMismatchError,
} from '../k8s/defaults/index.ts';
import type { KubeVersion } from '../k8s/version/index.ts';
import type { VirtualClock } from './clock.ts';
import type { SeededRandom } from './seeded-random.ts';

/** A validation error as src/manifest reports it (only these fields are read here). */
export interface FieldErrorLike {
  readonly type?: string;
  readonly field?: string;
  readonly detail?: string;
  readonly [key: string]: unknown;
}

/** The injected validator: the errors for an object as submitted, at a release. */
export type Validator = (obj: unknown, version: KubeVersion) => readonly FieldErrorLike[];

export const acceptEverything: Validator = () => [];

/** HTTP-status-like failures the front end turns into `Error from server (...)` lines. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly reason: 'NotFound' | 'AlreadyExists' | 'Invalid' | 'BadRequest' | 'Forbidden';
  readonly details: readonly FieldErrorLike[];
  constructor(reason: ApiError['reason'], message: string, details: readonly FieldErrorLike[] = []) {
    super(message);
    this.reason = reason;
    this.details = details;
  }
}

/** A pod condition with the timestamps the API carries. */
export interface SimPodCondition extends PodCondition {
  lastProbeTime?: number | null;
  lastTransitionTime?: number;
  observedGeneration?: number;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface PodWatchEvent {
  readonly type: WatchEventType;
  /** a copy of the object after the change (before removal for DELETED) */
  readonly pod: Pod;
  readonly time: number;
  /** the change touched more than the status (spec, labels, annotations, deletion): what a kubelet acts on */
  readonly semantic: boolean;
}

export type PodListener = (e: PodWatchEvent) => void;

const key = (namespace: string, name: string) => `${namespace}/${name}`;

export class ApiServer {
  private readonly clock: VirtualClock;
  private readonly rng: SeededRandom;
  readonly version: KubeVersion;
  private readonly validate: Validator;
  private revision = 0;
  private readonly pods = new Map<string, Pod>();
  private readonly listeners: PodListener[] = [];
  /** the simulation's own components: they get the live object, read-only, without a copy */
  private readonly internalListeners: PodListener[] = [];
  /** the JSON of each pod's last status write, to skip writes that change nothing */
  private readonly statusText = new Map<string, string>();

  constructor(clock: VirtualClock, version: KubeVersion, rng: SeededRandom, validate: Validator = acceptEverything) {
    this.clock = clock;
    this.version = version;
    this.rng = rng;
    this.validate = validate;
  }

  /** The next resourceVersion (shared with events). */
  nextResourceVersion(): string {
    this.revision++;
    return String(this.revision);
  }

  subscribe(listener: PodListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** @internal the scheduler's and kubelets' informers: the live object, not to be modified */
  subscribeInternal(listener: PodListener): void {
    this.internalListeners.push(listener);
  }

  // ------------------------------------------------------------------ reads

  getPod(name: string, namespace = 'default'): Pod | undefined {
    const pod = this.pods.get(key(namespace, name));
    return pod && structuredClone(pod);
  }

  /** The stored object itself (read-only use by the simulation). */
  peekPod(name: string, namespace = 'default'): Pod | undefined {
    return this.pods.get(key(namespace, name));
  }

  peekPodByUid(uid: string): Pod | undefined {
    for (const p of this.pods.values()) if (p.metadata.uid === uid) return p;
    return undefined;
  }

  /** Pods sorted by namespace, then name (the apiserver's list order). */
  listPods(namespace?: string): Pod[] {
    return [...this.pods.values()]
      .filter((p) => namespace === undefined || p.metadata.namespace === namespace)
      .sort((a, b) =>
        compare(key(a.metadata.namespace!, a.metadata.name!), key(b.metadata.namespace!, b.metadata.name!)),
      )
      .map((p) => structuredClone(p));
  }

  // ------------------------------------------------------------------ writes by users

  /** POST a Pod. */
  create(obj: unknown, namespace = 'default'): Pod {
    this.checkKind(obj);
    this.checkValid(obj);
    const now = this.clock.now();
    let pod: Pod;
    try {
      pod = createPod<Pod & Record<string, unknown>>(obj, this.version, {
        namespace,
        now: Math.floor(now),
        uid: this.rng.uuid(),
        randomSuffix: () => this.rng.nameSuffix(),
      }).object;
    } catch (err) {
      if (err instanceof AdmissionForbiddenError) throw new ApiError('Forbidden', err.message);
      if (err instanceof NamespaceMismatchError || err instanceof DefaultingInputError) {
        throw new ApiError('BadRequest', err.message);
      }
      throw err;
    }
    const name = pod.metadata.name;
    if (!name)
      throw new ApiError(
        'Invalid',
        'Pod "" is invalid: metadata.name: Required value: name or generateName is required',
      );
    const existing = this.pods.get(key(pod.metadata.namespace!, name));
    if (existing) {
      const why = existing.metadata.deletionTimestamp !== undefined ? 'object is being deleted: ' : '';
      throw new ApiError('AlreadyExists', `${why}pods "${name}" already exists`);
    }
    pod.metadata.resourceVersion = this.nextResourceVersion();
    this.pods.set(key(pod.metadata.namespace!, name), pod);
    this.emit('ADDED', pod, true);
    return structuredClone(pod);
  }

  /**
   * `kubectl apply` as the server sees it: create when absent; otherwise the fields the manifest sets replace
   * the stored ones. A pod allows only a few spec changes (images, activeDeadlineSeconds, added tolerations);
   * anything else is refused like pod validation refuses it.
   */
  apply(obj: unknown, namespace = 'default'): { action: 'created' | 'configured' | 'unchanged'; pod: Pod } {
    this.checkKind(obj);
    const meta = (obj as { metadata?: { name?: unknown; namespace?: unknown } }).metadata ?? {};
    const ns = typeof meta.namespace === 'string' ? meta.namespace : namespace;
    const name = typeof meta.name === 'string' ? meta.name : undefined;
    const stored = name === undefined ? undefined : this.pods.get(key(ns, name));
    if (!stored) return { action: 'created', pod: this.create(obj, ns) };
    this.checkValid(obj);
    // The apiserver defaults an update's object before comparing it with the stored one, so fields the manifest
    // leaves to defaulting (a port's protocol, imagePullPolicy, ...) do not count as changes.
    // staging/src/k8s.io/apiserver/pkg/endpoints/handlers/update.go (decode with defaulting) + pod strategy ValidateUpdate
    const desired = defaultPod(obj, this.version, { provenance: false }).object as unknown as Pod;
    const changed = mergeAllowedChanges(stored, desired);
    if (!changed) return { action: 'unchanged', pod: structuredClone(stored) };
    stored.metadata.resourceVersion = this.nextResourceVersion();
    const generation = stored.metadata.generation;
    if (typeof generation === 'number' && changed === 'spec') stored.metadata.generation = generation + 1;
    this.emit('MODIFIED', stored, true);
    return { action: 'configured', pod: structuredClone(stored) };
  }

  /**
   * DELETE with graceful termination: a pod on a node gets deletionTimestamp = now + grace and is removed by its
   * kubelet once the containers stopped; a pod that never reached a node, a finished pod, or grace 0 goes at once.
   */
  delete(name: string, namespace = 'default', options: { gracePeriodSeconds?: number } = {}): Pod {
    const pod = this.pods.get(key(namespace, name));
    if (!pod) throw new ApiError('NotFound', `pods "${name}" not found`);
    const spec = pod.spec as { terminationGracePeriodSeconds?: number };
    let grace =
      options.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
    if (!Number.isInteger(grace) || grace < 0) throw new ApiError('BadRequest', `invalid grace period ${grace}`);
    // pkg/registry/core/pod/strategy.go (podStrategy).CheckGracefulDelete: an unscheduled or terminal pod gets
    // period 0, and the generic store deletes a period-0 object at once (kubectl itself turns a plain
    // --grace-period=0 into 1 unless --force).
    const phase = pod.status?.phase;
    if (!pod.spec.nodeName || phase === 'Succeeded' || phase === 'Failed') grace = 0;
    if (grace === 0) {
      this.remove(pod);
      return structuredClone(pod);
    }
    // staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go BeforeDelete: deletionTimestamp = now + grace;
    // a second delete only shortens it.
    const now = Math.floor(this.clock.now());
    const current = pod.metadata.deletionTimestamp;
    if (current === undefined || now + grace < current) {
      pod.metadata.deletionTimestamp = now + grace;
      pod.metadata.deletionGracePeriodSeconds = grace;
      pod.metadata.resourceVersion = this.nextResourceVersion();
      this.emit('MODIFIED', pod, true);
    }
    return structuredClone(pod);
  }

  // ------------------------------------------------------------------ writes by components

  /** pods/binding: spec.nodeName and PodScheduled=True. */
  // pkg/registry/core/pod/storage/storage.go (*BindingREST).setPodHostAndAnnotations
  bind(uid: string, nodeName: string): void {
    const pod = this.peekPodByUid(uid);
    if (!pod || pod.spec.nodeName) return;
    pod.spec.nodeName = nodeName;
    pod.status ??= {};
    pod.status.conditions ??= [];
    const conditions = pod.status.conditions as SimPodCondition[];
    const condition: SimPodCondition = {
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: Math.floor(this.clock.now()),
    };
    const i = conditions.findIndex((c) => c.type === 'PodScheduled');
    if (i >= 0) conditions[i] = condition;
    else conditions.push(condition);
    pod.metadata.resourceVersion = this.nextResourceVersion();
    this.emit('MODIFIED', pod, true);
  }

  /** The scheduler could not place the pod: PodScheduled=False/Unschedulable. */
  markUnschedulable(uid: string, message: string): void {
    const pod = this.peekPodByUid(uid);
    if (!pod) return;
    pod.status ??= {};
    pod.status.conditions ??= [];
    const conditions = pod.status.conditions as SimPodCondition[];
    const existing = conditions.find((c) => c.type === 'PodScheduled');
    if (existing && existing.status === 'False' && existing.message === message) return;
    const condition: SimPodCondition = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: Math.floor(this.clock.now()),
      reason: 'Unschedulable',
      message,
    };
    if (existing) conditions[conditions.indexOf(existing)] = condition;
    else conditions.push(condition);
    pod.metadata.resourceVersion = this.nextResourceVersion();
    this.emit('MODIFIED', pod, false);
  }

  /** The kubelet's status update (PATCH pods/status). Ignored for a pod that is gone or was re-created. */
  updateStatus(uid: string, status: NonNullable<Pod['status']>): boolean {
    const pod = this.peekPodByUid(uid);
    if (!pod) return false;
    const text = JSON.stringify(status);
    if (this.statusText.get(uid) === text) return false;
    this.statusText.set(uid, text);
    pod.status = status; // the kubelet hands over a fresh object and never changes it afterwards
    pod.metadata.resourceVersion = this.nextResourceVersion();
    this.emit('MODIFIED', pod, false);
    return true;
  }

  /** The kubelet's final delete (grace 0, UID precondition) once the pod's containers are gone. */
  finalizeDeletion(uid: string): void {
    const pod = this.peekPodByUid(uid);
    if (pod && pod.metadata.deletionTimestamp !== undefined) this.remove(pod);
  }

  // ------------------------------------------------------------------ helpers

  private remove(pod: Pod): void {
    this.pods.delete(key(pod.metadata.namespace!, pod.metadata.name!));
    this.statusText.delete(pod.metadata.uid ?? '');
    pod.metadata.resourceVersion = this.nextResourceVersion();
    this.emit('DELETED', pod, true);
  }

  private emit(type: WatchEventType, pod: Pod, semantic: boolean): void {
    const time = this.clock.now();
    for (const l of this.internalListeners) l({ type, pod, time, semantic });
    if (this.listeners.length === 0) return;
    const event: PodWatchEvent = { type, pod: structuredClone(pod), time, semantic };
    for (const l of [...this.listeners]) l(event);
  }

  private checkKind(obj: unknown): void {
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      throw new ApiError('BadRequest', 'the object to create must be a JSON object');
    }
    const { kind, apiVersion } = obj as { kind?: unknown; apiVersion?: unknown };
    if (kind !== undefined && kind !== 'Pod') {
      throw new ApiError('BadRequest', `the virtual cluster serves Pods only, not ${String(kind)}`);
    }
    if (apiVersion !== undefined && apiVersion !== 'v1') {
      throw new ApiError('BadRequest', `no matches for kind "Pod" in version "${String(apiVersion)}"`);
    }
  }

  private checkValid(obj: unknown): void {
    const errors = this.validate(obj, this.version);
    if (errors.length > 0) {
      const name = (obj as { metadata?: { name?: string } }).metadata?.name ?? '';
      const text = errors.map((e) => [e.field, e.detail].filter(Boolean).join(': ')).join(', ');
      throw new ApiError('Invalid', `Pod "${name}" is invalid: ${text}`, errors);
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const MUTABLE_SPEC_FIELDS = new Set(['containers', 'initContainers', 'activeDeadlineSeconds', 'tolerations']);

/**
 * Applies the manifest's values onto the stored pod where a pod may change (labels, annotations, container
 * images, activeDeadlineSeconds, tolerations); throws the validation error for any other spec change.
 * Returns what changed, or undefined.
 */
// pkg/apis/core/validation/validation.go ValidatePodUpdate (the spec-immutability check)
function mergeAllowedChanges(stored: Pod, desired: Pod): 'spec' | 'metadata' | undefined {
  let changed: 'spec' | 'metadata' | undefined;
  const name = stored.metadata.name!;
  const forbidden = (field: string) =>
    new ApiError(
      'Invalid',
      `Pod "${name}" is invalid: spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\`, \`spec.initContainers[*].image\`, \`spec.activeDeadlineSeconds\`, \`spec.tolerations\` (only additions to existing tolerations) or \`spec.terminationGracePeriodSeconds\` (allow it to be set to 1 if it was previously negative)`,
      [{ type: 'FieldValueForbidden', field: `spec.${field}` }],
    );
  for (const field of ['labels', 'annotations'] as const) {
    const want = desired.metadata?.[field];
    if (want !== undefined && JSON.stringify(want) !== JSON.stringify(stored.metadata[field] ?? {})) {
      stored.metadata[field] = structuredClone(want);
      changed ??= 'metadata';
    }
  }
  const spec = desired.spec ?? ({} as Pod['spec']);
  for (const [field, value] of Object.entries(spec)) {
    if (MUTABLE_SPEC_FIELDS.has(field)) continue;
    const current = (stored.spec as Record<string, unknown>)[field];
    if (current !== undefined && JSON.stringify(current) !== JSON.stringify(value)) throw forbidden(field);
    if (current === undefined && value !== undefined) throw forbidden(field);
  }
  for (const list of ['containers', 'initContainers'] as const) {
    const want = spec[list] ?? [];
    const have = stored.spec[list] ?? [];
    if (want.length !== have.length && !(list === 'initContainers' && spec[list] === undefined)) throw forbidden(list);
    for (const w of want) {
      const h = have.find((c) => c.name === w.name);
      if (!h) throw forbidden(list);
      for (const [field, value] of Object.entries(w)) {
        if (field === 'image') {
          if (value !== h.image) {
            h.image = value as string;
            changed = 'spec';
          }
          continue;
        }
        if (h[field] !== undefined && JSON.stringify(h[field]) !== JSON.stringify(value)) throw forbidden(list);
      }
    }
  }
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== stored.spec.activeDeadlineSeconds) {
    stored.spec.activeDeadlineSeconds = spec.activeDeadlineSeconds;
    changed = 'spec';
  }
  return changed;
}

/** Conditions of a stored pod, typed with their timestamps. */
export function podConditions(pod: Pod): SimPodCondition[] {
  return (pod.status?.conditions ?? []) as SimPodCondition[];
}
