/**
 * Structural validation: what the apiserver's decoder rejects before defaulting and semantic validation.
 *
 * The apiserver decodes the body with sigs.k8s.io/json UnmarshalStrict (apimachinery
 * runtime/serializer/json/json.go (*Serializer).unmarshal). Its result is, in this order of precedence:
 * a custom UnmarshalJSON error (Quantity, IntOrString, Time), which stops the decode; else the first JSON type error;
 * else, with fieldValidation=Strict, every unknown field joined by runtime.NewStrictDecodingError
 * (`strict decoding error: unknown field "a", unknown field "b"`; at most 100, duplicates dropped:
 * kubernetes_patch.go saveStrictError).
 */
import { type KindRef, type SchemaPack, shortName } from '../schema/model.ts';
import type { FieldError, FieldPath, PathSegment } from '../types.ts';
import { Checker, type Finding } from './check.ts';
import { compilePlan, type DecodePlan } from './plan.ts';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface StructuralOptions {
  /**
   * The request's fieldValidation. kubectl (1.25+) sends Strict unless told `--validate=warn|ignore|false`; a raw API
   * request without the parameter gets the server's default, Warn. Default here: Strict (what kubectl does).
   */
  fieldValidation?: FieldValidation;
  /** Overrides the ServerSideFieldValidation feature gate (default: on from 1.25; when off, unknown fields are dropped). */
  serverSideFieldValidation?: boolean;
  /**
   * The order in which the apiserver meets object keys. kubectl sends the JSON encoding of the decoded YAML map,
   * whose keys Go's encoding/json sorts: `sorted` (default). `document` keeps the manifest's order (a raw JSON body).
   */
  keyOrder?: 'sorted' | 'document';
}

export interface StructuralResult {
  /** What the apiserver rejects the object with, in its order; empty when the object decodes. */
  errors: FieldError[];
  /**
   * The decoder's error text, as the apiserver prints it after `<Kind> in version "<version>" cannot be handled as a
   * <Kind>: ` (apiserver handlers transformDecodeError).
   */
  message?: string;
  /** With fieldValidation=Warn: the warnings the apiserver returns instead of failing (`unknown field "spec.image"`). */
  warnings: string[];
  /** Every decode problem found, also those the apiserver does not report because another one takes precedence. */
  findings: FieldError[];
  /**
   * Properties the OpenAPI schema marks `required` that are missing or null. The apiserver does not reject these
   * while decoding; its semantic validation reports most of them as `Required value` (layer 'validation').
   */
  required: FieldError[];
}

export interface StructuralValidator {
  readonly minor: number;
  readonly kind: KindRef;
  validate(value: unknown, options?: StructuralOptions): StructuralResult;
}

export class StructuralKindError extends Error {
  override name = 'StructuralKindError';
}

/** A field.Path rendering: `spec.containers[0].image`, map keys as `metadata.labels[app]`. */
export function renderFieldPath(path: FieldPath, mapKeys?: readonly boolean[]): string {
  let out = '';
  path.forEach((seg, i) => {
    if (typeof seg === 'number' || mapKeys?.[i]) out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  });
  return out;
}

/** Depth-first order of the paths when every object's keys are sorted (Go sorts map keys by byte value). */
function comparePaths(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as PathSegment;
    const y = b[i] as PathSegment;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

function toFieldError(f: Finding): FieldError {
  const field = renderFieldPath(f.path, f.mapKeys);
  if (f.kind === 'required') return { code: 'FieldValueRequired', path: f.path, field, layer: 'validation' };
  const error: FieldError = {
    code: f.kind === 'strict' ? 'UNKNOWN_FIELD' : 'TYPE_MISMATCH',
    path: f.path,
    field,
    detail: f.message,
    layer: 'decode',
  };
  if (f.kind !== 'strict' && f.value !== undefined) error.badValue = f.value;
  return error;
}

const MAX_STRICT_ERRORS = 100;

function assemble(plan: DecodePlan, all: Finding[], options: StructuralOptions): StructuralResult {
  if (options.keyOrder !== 'document') all.sort((a, b) => comparePaths(a.path, b.path));
  const serverSide = options.serverSideFieldValidation ?? plan.era.serverSideFieldValidation;
  const validation: FieldValidation = serverSide ? (options.fieldValidation ?? 'Strict') : 'Ignore';

  const decode = all.filter((f) => f.kind !== 'required');
  const result: StructuralResult = {
    errors: [],
    warnings: [],
    findings: decode.map(toFieldError),
    required: all.filter((f) => f.kind === 'required').map(toFieldError),
  };
  const stopper = decode.find((f) => f.kind === 'fatal') ?? decode.find((f) => f.kind === 'type');
  if (stopper) {
    result.errors = [toFieldError(stopper)];
    result.message = stopper.message;
    return result;
  }
  // sigs.k8s.io/json saveStrictError: de-duplicated by message, at most 100
  const seen = new Set<string>();
  const strict = decode.filter((f) => {
    if (f.kind !== 'strict' || seen.has(f.message) || seen.size >= MAX_STRICT_ERRORS) return false;
    seen.add(f.message);
    return true;
  });
  if (strict.length === 0 || validation === 'Ignore') return result;
  if (validation === 'Warn') {
    // apiserver handlers addStrictDecodingWarnings: one warning per strict error
    result.warnings = strict.map((f) => f.message);
    return result;
  }
  result.errors = strict.map(toFieldError);
  // apimachinery runtime (*strictDecodingError).Error
  result.message = `strict decoding error: ${strict.map((f) => f.message).join(', ')}`;
  return result;
}

/** The result of every clean object: shared and frozen, so a clean validation allocates nothing. */
const CLEAN: StructuralResult = Object.freeze({
  errors: Object.freeze([]) as unknown as FieldError[],
  warnings: Object.freeze([]) as unknown as string[],
  findings: Object.freeze([]) as unknown as FieldError[],
  required: Object.freeze([]) as unknown as FieldError[],
});

class PlanValidator implements StructuralValidator {
  private readonly plan: DecodePlan;
  private readonly checker: Checker;
  constructor(plan: DecodePlan) {
    this.plan = plan;
    this.checker = new Checker(plan.era.strictErrorPaths);
  }
  get minor() {
    return this.plan.minor;
  }
  get kind() {
    return this.plan.kind;
  }
  validate(value: unknown, options: StructuralOptions = {}): StructuralResult {
    const checker = this.checker;
    checker.reset();
    checker.visit(this.plan.root, value);
    const findings = checker.findings;
    checker.findings = null;
    if (findings === null) return CLEAN;
    return assemble(this.plan, findings, options);
  }
}

const validators = new WeakMap<SchemaPack, Map<string, StructuralValidator>>();

/** Splits `apps/v1` into group and version (`v1` is the core group). */
function groupVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** The validator for one kind of a pack, compiled on first use and cached for the pack's lifetime. */
export function structuralValidator(pack: SchemaPack, apiVersion: string, kind: string): StructuralValidator {
  let byKind = validators.get(pack);
  if (!byKind) {
    byKind = new Map();
    validators.set(pack, byKind);
  }
  const key = `${apiVersion}/${kind}`;
  const known = byKind.get(key);
  if (known) return known;
  const { group, version } = groupVersion(apiVersion);
  const ref = pack.kinds.find((k) => k.group === group && k.version === version && k.kind === kind);
  if (!ref) {
    throw new StructuralKindError(
      `no schema for apiVersion "${apiVersion}", kind "${kind}" in Kubernetes 1.${pack.minor} ` +
        `(the pack has ${pack.kinds.filter((k) => k.kind === kind).length} other versions of ${kind})`,
    );
  }
  const validator = new PlanValidator(compilePlan(pack, ref));
  byKind.set(key, validator);
  return validator;
}

/** Validates a decoded manifest by its own apiVersion and kind. */
export function validateStructure(pack: SchemaPack, value: unknown, options: StructuralOptions = {}): StructuralResult {
  const obj = value as { apiVersion?: unknown; kind?: unknown } | null;
  if (typeof obj !== 'object' || obj === null || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') {
    throw new StructuralKindError('the object has no string apiVersion and kind to pick a schema by');
  }
  return structuralValidator(pack, obj.apiVersion, obj.kind).validate(value, options);
}

/** The Go struct name the decoder's messages use for a kind (`Pod`), for renderers. */
export function kindStructName(ref: KindRef): string {
  return shortName(ref.definition);
}
