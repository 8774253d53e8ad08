/** A schema document or pack that cannot be used: malformed, missing, or failing its digest check. */
export class SchemaPackError extends Error {
  override name = 'SchemaPackError';
}
