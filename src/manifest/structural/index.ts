/** Structural validation: what the apiserver's strict decoder rejects before semantic validation (browser-safe). */
export { type DecoderEra, decoderEra } from './decoder-era.ts';
export { rfc3339Error } from './go-time.ts';
export { quantityError, quantityJsonError } from './quantity.ts';
export {
  type FieldValidation,
  kindStructName,
  renderFieldPath,
  StructuralKindError,
  type StructuralOptions,
  type StructuralResult,
  type StructuralValidator,
  structuralValidator,
  validateStructure,
} from './validate.ts';
