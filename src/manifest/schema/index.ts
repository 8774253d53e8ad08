/** Schema packs: compiled OpenAPI v3 documents per Kubernetes minor (browser-safe; the Node loader is in ./node/). */
export { compilePack, isSchemaPack } from './compile.ts';
export {
  ENUM_FIELDS,
  type EnumField,
  type EnumValue,
  type EnumVariant,
  enumFor,
  type ResolvedEnum,
  servedDescription,
} from './enums.ts';
export { SchemaPackError } from './errors.ts';
export { ExplainError, type ExplainField, type ExplainResult, explain } from './explain.ts';
export {
  type DefinitionSchema,
  type GroupVersionKind,
  type KindRef,
  PACK_FILES,
  PACK_FORMAT,
  type PackFile,
  type PropertySchema,
  type SchemaNode,
  type SchemaPack,
  shortName,
} from './model.ts';
export { RESOURCE_NAMES } from './resource-names.ts';
export { explainTypeName, legacyExplainTypeName } from './type-names.ts';
