/**
 * A decode plan: the schema of one kind in one minor, compiled into a graph of small node objects that the checker
 * walks without allocating. Built once per (pack, group/version/kind) and cached.
 */
import { SchemaPackError } from '../schema/errors.ts';
import { type DefinitionSchema, type KindRef, type SchemaNode, type SchemaPack, shortName } from '../schema/model.ts';
import { type DecoderEra, decoderEra } from './decoder-era.ts';
import { embeddedIn, goTypeOfDefinition, namedFieldType, UNMARSHALER_DEFINITIONS } from './go-types.ts';

/** What the decoder does with a value at a node (one Go kind, or a type with its own UnmarshalJSON). */
export const NodeKind = {
  Struct: 1,
  Map: 2,
  Array: 3,
  String: 4,
  Int: 5,
  Float: 6,
  Bool: 7,
  Quantity: 8,
  IntOrString: 9,
  Time: 10,
  Any: 11,
} as const;
export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

export interface DecodeField {
  /** JSON name. */
  readonly name: string;
  /** What encoding/json pushes on its error field stack: the name, or `Embedded.name` from Go 1.24's decoder on. */
  readonly goName: string;
  readonly node: DecodeNode;
}

/** Every node has every property (a single hidden class keeps the walk fast). */
export interface DecodeNode {
  kind: NodeKind;
  /** reflect.Type.String() of the Go value at this node: `int32`, `[]v1.Container`, `v1.PullPolicy`. */
  goType: string;
  /** Struct: the Go type name that "Go struct field <Struct>.<path>" prints. */
  structName: string;
  fields: Map<string, DecodeField> | null;
  required: readonly string[] | null;
  preserveUnknown: boolean;
  /** Array and Map: the element node. */
  elem: DecodeNode | null;
  /** Int: the range of the Go integer type. */
  min: number;
  max: number;
}

function node(kind: NodeKind, goType: string): DecodeNode {
  return {
    kind,
    goType,
    structName: '',
    fields: null,
    required: null,
    preserveUnknown: false,
    elem: null,
    min: 0,
    max: 0,
  };
}

function intNode(goType: string, bits: 32 | 64): DecodeNode {
  const n = node(NodeKind.Int, goType);
  n.min = bits === 32 ? -2147483648 : -(2 ** 63);
  // 2^63 - 1 is not a double: the largest double below 2^63 (2^63 - 1024) is the last in range.
  n.max = bits === 32 ? 2147483647 : 2 ** 63 - 1024;
  return n;
}

export interface DecodePlan {
  readonly minor: number;
  readonly kind: KindRef;
  readonly era: DecoderEra;
  readonly root: DecodeNode;
}

class PlanBuilder {
  private readonly structs = new Map<string, DecodeNode>();
  private readonly pack: SchemaPack;
  private readonly era: DecoderEra;
  private readonly kindDefinition: string;

  constructor(pack: SchemaPack, era: DecoderEra, kindDefinition: string) {
    this.pack = pack;
    this.era = era;
    this.kindDefinition = kindDefinition;
  }

  definition(name: string): DefinitionSchema {
    const def = this.pack.definitions[name];
    if (!def) throw new SchemaPackError(`schema pack 1.${this.pack.minor} has no definition ${name}`);
    return def;
  }

  ref(name: string): DecodeNode {
    const special = UNMARSHALER_DEFINITIONS[name];
    if (special === 'quantity') return node(NodeKind.Quantity, 'resource.Quantity');
    if (special === 'int-or-string') return node(NodeKind.IntOrString, 'intstr.IntOrString');
    if (special === 'time') return node(NodeKind.Time, goTypeOfDefinition(name));
    if (special === 'any') return node(NodeKind.Any, goTypeOfDefinition(name));
    const def = this.definition(name);
    if (def.properties || (def.type === 'object' && !def.additionalProperties)) return this.struct(name, def);
    return this.schema(def, goTypeOfDefinition(name));
  }

  struct(name: string, def: DefinitionSchema): DecodeNode {
    const known = this.structs.get(name);
    if (known) return known;
    const short = shortName(name);
    const n = node(NodeKind.Struct, goTypeOfDefinition(name));
    this.structs.set(name, n); // before the fields: definitions may refer to themselves
    n.structName = short;
    n.preserveUnknown = def.preserveUnknownFields === true;
    n.required = def.required && def.required.length > 0 ? def.required : null;
    const fields = new Map<string, DecodeField>();
    for (const [prop, schema] of Object.entries(def.properties ?? {})) {
      const embedded = this.era.embeddedFieldNames ? embeddedIn(short, prop, name === this.kindDefinition) : undefined;
      fields.set(prop, {
        name: prop,
        goName: embedded ? `${embedded}.${prop}` : prop,
        node: this.schema(schema, namedFieldType(short, prop)),
      });
    }
    n.fields = fields;
    return n;
  }

  /** A schema position; `named` is the Go type of the field when it is a named type. */
  schema(schema: SchemaNode, named?: string): DecodeNode {
    if (schema.ref) return this.ref(schema.ref);
    switch (schema.type) {
      case 'array': {
        const elem = this.schema(schema.items ?? {}, named?.startsWith('[]') ? named.slice(2) : undefined);
        const n = node(NodeKind.Array, named ?? `[]${elem.goType}`);
        n.elem = elem;
        return n;
      }
      case 'object': {
        if (!schema.additionalProperties) return node(NodeKind.Any, 'map[string]interface {}');
        const elem = this.schema(schema.additionalProperties);
        const n = node(NodeKind.Map, named ?? `map[string]${elem.goType}`);
        n.elem = elem;
        return n;
      }
      case 'string':
        return node(NodeKind.String, named ?? (schema.format === 'byte' ? '[]uint8' : 'string'));
      case 'integer':
        return schema.format === 'int32' ? intNode(named ?? 'int32', 32) : intNode(named ?? 'int64', 64);
      case 'number':
        return node(NodeKind.Float, named ?? (schema.format === 'float' ? 'float32' : 'float64'));
      case 'boolean':
        return node(NodeKind.Bool, named ?? 'bool');
      default:
        return node(NodeKind.Any, 'interface {}');
    }
  }
}

/** Compiles the plan for one kind of a pack. */
export function compilePlan(pack: SchemaPack, kind: KindRef): DecodePlan {
  const era = decoderEra(pack.minor);
  const builder = new PlanBuilder(pack, era, kind.definition);
  return { minor: pack.minor, kind, era, root: builder.ref(kind.definition) };
}
