/**
 * Walks a decoded manifest through a decode plan the way the apiserver's strict JSON decoder walks the request body
 * (vendor/sigs.k8s.io/json/internal/golang/encoding/json decode.go (*decodeState).object/array/literalStore),
 * recording what it would complain about. The walk allocates only when it finds something.
 */
import type { PathSegment } from '../types.ts';
import { goQuote, jsonNumberText } from './go-text.ts';
import { rfc3339Error } from './go-time.ts';
import { type DecodeField, type DecodeNode, NodeKind } from './plan.ts';
import { quantityJsonError } from './quantity.ts';

/**
 * How the decoder treats a problem. `fatal`: returned by a custom UnmarshalJSON, it stops the decode at once.
 * `type`: an UnmarshalTypeError, saved while decoding goes on; the first one is reported. `strict`: an unknown field,
 * collected; reported only when nothing else went wrong. `required`: OpenAPI `required`, for semantic validation.
 */
export type FindingKind = 'fatal' | 'type' | 'strict' | 'required';

export interface Finding {
  kind: FindingKind;
  path: PathSegment[];
  /** Which segments of `path` are map keys (rendered `[key]` in a field path). */
  mapKeys: boolean[];
  message: string;
  value?: unknown;
}

/** JSON kind names as encoding/json's UnmarshalTypeError.Value spells them. */
function jsonKind(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return Array.isArray(value) ? 'array' : 'object';
  }
}

/**
 * Whether visiting `value` at `n` certainly finds nothing: null, or a scalar of the node's own type. Most leaves are,
 * and for them the walk skips keeping its path and error context (which only a finding reads).
 */
function quietLeaf(n: DecodeNode, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (n.kind) {
    case NodeKind.String:
      return typeof value === 'string';
    case NodeKind.Bool:
      return typeof value === 'boolean';
    case NodeKind.Int:
      return typeof value === 'number' && Number.isInteger(value) && value >= n.min && value <= n.max;
    case NodeKind.IntOrString:
      return typeof value === 'string';
    case NodeKind.Any:
      return true;
    default:
      return false;
  }
}

export class Checker {
  readonly path: PathSegment[] = [];
  readonly mapKeys: boolean[] = [];
  /** encoding/json's errorContext.FieldStack: JSON names of struct fields (no indices, no map keys). */
  readonly goStack: string[] = [];
  /** encoding/json's errorContext.Struct: the struct holding the field being decoded. */
  structName = '';
  findings: Finding[] | null = null;

  private readonly strictErrorPaths: boolean;

  constructor(strictErrorPaths: boolean) {
    this.strictErrorPaths = strictErrorPaths;
  }

  /** Ready for the next object (a checker is reused, so a validation allocates only for what it finds). */
  reset(): void {
    this.path.length = 0;
    this.mapKeys.length = 0;
    this.goStack.length = 0;
    this.structName = '';
    this.findings = null;
  }

  private add(kind: FindingKind, extra: PathSegment | undefined, message: string, value?: unknown): void {
    const path = this.path.slice();
    const mapKeys = this.mapKeys.slice();
    if (extra !== undefined) {
      path.push(extra);
      mapKeys.push(false);
    }
    const finding: Finding = { kind, path, mapKeys, message };
    if (value !== undefined) finding.value = value;
    if (this.findings) this.findings.push(finding);
    else this.findings = [finding];
  }

  /** An UnmarshalTypeError with the error context encoding/json's addErrorContext gives it. */
  private typeError(kind: 'type' | 'fatal', jsonValue: string, goType: string, value: unknown): void {
    const where =
      this.structName !== '' || this.goStack.length > 0
        ? `Go struct field ${this.structName}.${this.goStack.join('.')}`
        : 'Go value';
    this.add(kind, undefined, `json: cannot unmarshal ${jsonValue} into ${where} of type ${goType}`, value);
  }

  /** The JSON path sigs.k8s.io/json puts in strict errors: `spec.containers[0].image`. */
  private strictPath(key: string): string {
    if (!this.strictErrorPaths) return key;
    let out = '';
    for (const seg of this.path) {
      out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
    }
    return out === '' ? key : `${out}.${key}`;
  }

  visit(n: DecodeNode, value: unknown): void {
    if (value === null || value === undefined) return; // null leaves any Go value alone (or nils it): never an error
    switch (n.kind) {
      case NodeKind.Struct:
        if (typeof value !== 'object' || Array.isArray(value)) this.typeError('type', jsonKind(value), n.goType, value);
        else this.visitStruct(n, value as Record<string, unknown>);
        return;
      case NodeKind.Map:
        if (typeof value !== 'object' || Array.isArray(value)) this.typeError('type', jsonKind(value), n.goType, value);
        else this.visitMap(n, value as Record<string, unknown>);
        return;
      case NodeKind.Array:
        if (!Array.isArray(value)) this.typeError('type', jsonKind(value), n.goType, value);
        else this.visitArray(n, value);
        return;
      case NodeKind.String:
        if (typeof value !== 'string') this.typeError('type', jsonKind(value), n.goType, value);
        return;
      case NodeKind.Int:
        if (typeof value !== 'number') this.typeError('type', jsonKind(value), n.goType, value);
        else if (!Number.isInteger(value) || value < n.min || value > n.max) {
          // literalStore: strconv.ParseInt fails or the value overflows the field's type
          this.typeError('type', `number ${jsonNumberText(value)}`, n.goType, value);
        }
        return;
      case NodeKind.Float:
        if (typeof value !== 'number') this.typeError('type', jsonKind(value), n.goType, value);
        else if (n.goType === 'float32' && Math.abs(value) > 3.4028234663852886e38) {
          this.typeError('type', `number ${jsonNumberText(value)}`, n.goType, value);
        }
        return;
      case NodeKind.Bool:
        if (typeof value !== 'boolean') this.typeError('type', jsonKind(value), n.goType, value);
        return;
      case NodeKind.Quantity: {
        // apimachinery resource (*Quantity).UnmarshalJSON: its ParseQuantity error ends the decode as is
        const message = quantityJsonError(value);
        if (message !== undefined) this.add('fatal', undefined, message, value);
        return;
      }
      case NodeKind.IntOrString:
        // apimachinery intstr (*IntOrString).UnmarshalJSON: strings pass; anything else is json.Unmarshal'd into an
        // int32, whose UnmarshalTypeError gets the outer decoder's error context and ends the decode
        if (typeof value === 'string') return;
        if (typeof value !== 'number') this.typeError('fatal', jsonKind(value), 'int32', value);
        else if (!Number.isInteger(value) || value < -2147483648 || value > 2147483647) {
          this.typeError('fatal', `number ${jsonNumberText(value)}`, 'int32', value);
        }
        return;
      case NodeKind.Time: {
        // apimachinery meta/v1 (*Time).UnmarshalJSON: json.Unmarshal into a string, then time.Parse(RFC3339)
        if (typeof value !== 'string') {
          this.typeError('fatal', jsonKind(value), 'string', value);
          return;
        }
        const message = rfc3339Error(value);
        if (message !== undefined) this.add('fatal', undefined, message, value);
        return;
      }
      default:
        return;
    }
  }

  private visitStruct(n: DecodeNode, obj: Record<string, unknown>): void {
    const fields = n.fields as Map<string, DecodeField>;
    const outer = this.structName;
    for (const key in obj) {
      const field = fields.get(key);
      if (field === undefined) {
        // decode.go object(): a key with no (case-sensitive) field is a strict error; its value is skipped
        if (!n.preserveUnknown) this.add('strict', key, `unknown field ${goQuote(this.strictPath(key))}`);
        continue;
      }
      const value = obj[key];
      if (quietLeaf(field.node, value)) continue;
      this.path.push(key);
      this.mapKeys.push(false);
      this.goStack.push(field.goName);
      this.structName = n.structName;
      this.visit(field.node, value);
      this.structName = outer;
      this.goStack.pop();
      this.mapKeys.pop();
      this.path.pop();
    }
    const required = n.required;
    if (required !== null) {
      for (let i = 0; i < required.length; i++) {
        const name = required[i] as string;
        const v = obj[name];
        if (v === undefined || v === null) this.add('required', name, 'Required value');
      }
    }
  }

  private visitMap(n: DecodeNode, obj: Record<string, unknown>): void {
    const elem = n.elem as DecodeNode;
    for (const key in obj) {
      if (quietLeaf(elem, obj[key])) continue;
      this.path.push(key);
      this.mapKeys.push(true);
      this.visit(elem, obj[key]);
      this.mapKeys.pop();
      this.path.pop();
    }
  }

  private visitArray(n: DecodeNode, items: unknown[]): void {
    const elem = n.elem as DecodeNode;
    for (let i = 0; i < items.length; i++) {
      if (quietLeaf(elem, items[i])) continue;
      this.path.push(i);
      this.mapKeys.push(false);
      this.visit(elem, items[i]);
      this.mapKeys.pop();
      this.path.pop();
    }
  }
}
