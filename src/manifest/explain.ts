/**
 * `kubectl explain <resource.field...>` as a kubectl of one release prints it against an apiserver of another:
 * the apiserver decides what is served (the schema of its release, enum values and their "Possible enum values"
 * text), the client decides the layout (src/k8s/kubectl/explain.ts).
 */
import { type ExplainFieldInput, renderExplain } from '../k8s/kubectl/explain.ts';
import { explain, type SchemaPack } from './schema/index.ts';

export interface ExplainOptions {
  /** The kubectl release (1.23..1.35); default: the apiserver's (the pack's) release. */
  readonly kubectlMinor?: number;
  /** `--api-version`, e.g. `apps/v1`. */
  readonly apiVersion?: string;
}

/** The text kubectl prints on stdout. Throws ExplainError (from the schema lookup) with kubectl's message. */
export function explainText(pack: SchemaPack, path: string, options: ExplainOptions = {}): string {
  const kubectlMinor = options.kubectlMinor ?? pack.minor;
  const found = explain(pack, path, options.apiVersion);
  // Before the v3 template (kubectl <= 1.26) types print in the OpenAPI v2 style: <Object>, <[]Object>.
  const legacy = kubectlMinor < 27;
  const input: ExplainFieldInput = {
    kind: found.kind,
    group: found.group,
    version: found.version,
    field: found.fieldName ?? '',
    type: (legacy ? found.legacyType : found.type) ?? '<Object>',
    description: found.descriptions,
    ...(found.enum ? { enum: found.enum } : {}),
    ...(found.fields.length > 0 ? { fields: found.fields.map(toSubField) } : {}),
  };
  return renderExplain(input, kubectlMinor);

  function toSubField(f: (typeof found.fields)[number]) {
    return {
      name: f.name,
      type: legacy ? f.legacyType : f.type,
      required: f.required,
      description: f.description,
      ...(f.enum ? { enum: f.enum } : {}),
    };
  }
}
