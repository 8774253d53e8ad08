/**
 * Fence attributes: which ones Podbook reads, which blocks they apply to, and the role a block gets from its
 * language and attributes. Expressive Code's own options pass through for the renderer.
 */
import type { ErrorSink } from './errors.ts';
import type { InfoToken } from './info-string.ts';
import { normalizeVersion } from './podbook-settings.ts';
import type { CheckableKind, FenceAttribute } from './types.ts';

export const MANIFEST_LANGS: ReadonlySet<string> = new Set(['yaml', 'yml', 'json']);
export const TRANSCRIPT_LANGS: ReadonlySet<string> = new Set(['console', 'shellsession', 'shell-session']);
/** A ```timeline``` block is a chart the model draws (its role comes from the language alone). */
export const TIMELINE_LANG = 'timeline';

interface AttributeRule {
  form: 'value' | 'flag';
  roles: readonly CheckableKind[];
  what: string;
}

const ALL_ROLES: readonly CheckableKind[] = [
  'manifest',
  'invalid-manifest',
  'expected-errors',
  'transcript',
  'explain',
];

export const PODBOOK_ATTRIBUTES: Readonly<Record<string, AttributeRule>> = {
  file: {
    form: 'value',
    roles: ['manifest', 'invalid-manifest', 'timeline'],
    what: 'names a manifest (yaml, yml or json block) or the manifest a timeline applies',
  },
  expect: { form: 'value', roles: ['manifest', 'invalid-manifest'], what: 'marks a manifest that must be rejected' },
  'errors-for': { form: 'value', roles: ['expected-errors'], what: 'holds the errors of an invalid manifest' },
  explain: { form: 'flag', roles: ['explain'], what: 'marks `kubectl explain` output' },
  generate: { form: 'flag', roles: ['explain'], what: 'asks for generated `kubectl explain` output' },
  k8s: {
    form: 'value',
    roles: ['manifest', 'invalid-manifest', 'transcript', 'explain', 'timeline'],
    what: 'sets the Kubernetes version',
  },
  kubectl: { form: 'value', roles: ['transcript', 'explain'], what: 'sets the kubectl version' },
  scenario: {
    form: 'value',
    roles: ['manifest', 'invalid-manifest', 'transcript', 'timeline'],
    what: 'picks a cluster scenario',
  },
  until: { form: 'value', roles: ['timeline'], what: 'says how long a timeline records (until=6m)' },
  check: { form: 'value', roles: ALL_ROLES, what: 'opts out of checking (`check=skip reason="..."`)' },
  reason: { form: 'value', roles: ALL_ROLES, what: 'says why a block is skipped' },
};

/** Options of Expressive Code (the site's code renderer); any value form is accepted. */
export const EXPRESSIVE_CODE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'title',
  'frame',
  'wrap',
  'preserveIndent',
  'hangingIndent',
  'showLineNumbers',
  'startLineNumber',
  'collapse',
  'collapseStyle',
  'mark',
  'ins',
  'del',
  'useDiffSyntax',
  'lang',
]);

/** The role a block's language and attributes give it (before `check=skip`), or undefined for none. */
export function roleOf(lang: string, attrs: Readonly<Record<string, string | true>>): CheckableKind | undefined {
  if (lang === TIMELINE_LANG) return 'timeline';
  if (attrs['errors-for'] !== undefined) return 'expected-errors';
  if (attrs.explain !== undefined) return 'explain';
  if (MANIFEST_LANGS.has(lang) && (attrs.file !== undefined || attrs.expect !== undefined)) {
    return attrs.expect === 'invalid' ? 'invalid-manifest' : 'manifest';
  }
  if (TRANSCRIPT_LANGS.has(lang)) return 'transcript';
  return undefined;
}

export interface ReadAttributes {
  attributes: FenceAttribute[];
  attrs: Record<string, string | true>;
}

/** Turns info-string tokens into attributes, reporting unknown keys, duplicates and value/flag mix-ups. */
export function readAttributes(tokens: readonly InfoToken[], line: number, sink: ErrorSink): ReadAttributes {
  const attributes: FenceAttribute[] = [];
  const attrs: Record<string, string | true> = {};
  for (const token of tokens) {
    const rule = PODBOOK_ATTRIBUTES[token.key];
    const passthrough = token.form === 'marker' || (!rule && EXPRESSIVE_CODE_ATTRIBUTES.has(token.key));
    if (!rule && !passthrough) {
      const known = Object.keys(PODBOOK_ATTRIBUTES).join(', ');
      sink.error(
        'ATTRIBUTE_UNKNOWN',
        line,
        token.col,
        `unknown fence attribute "${token.key}" (Podbook reads: ${known}; Expressive Code options such as title= pass through)`,
      );
      continue;
    }
    const attribute: FenceAttribute = { key: token.key, value: token.value, line, col: token.col, passthrough };
    if (passthrough || !rule) {
      attributes.push(attribute);
      continue;
    }
    if (rule.form === 'flag' && token.value !== true) {
      // Still set the flag: `explain=yes` clearly means explain, and other attributes depend on the role.
      sink.error('ATTRIBUTE_VALUE', line, token.col, `"${token.key}" is a flag: write it without a value`);
      attribute.value = true;
    }
    if (rule.form === 'value' && (token.value === true || token.value === '')) {
      sink.error('ATTRIBUTE_VALUE', line, token.col, `"${token.key}" needs a value: ${token.key}=...`);
      continue;
    }
    if (attrs[token.key] !== undefined) {
      sink.error('ATTRIBUTE_DUPLICATE', line, token.col, `"${token.key}" is given twice; the last one counts`);
    }
    attributes.push(attribute);
    attrs[token.key] = attribute.value;
  }
  return { attributes, attrs };
}

/** Checks attribute values, and that each one applies to the block's role. */
export function checkAttributes(
  role: CheckableKind | undefined,
  lang: string,
  attributes: readonly FenceAttribute[],
  attrs: Readonly<Record<string, string | true>>,
  sink: ErrorSink,
): void {
  for (const attribute of attributes) {
    if (attribute.passthrough) continue;
    const rule = PODBOOK_ATTRIBUTES[attribute.key];
    if (!rule) continue;
    const { key, line, col } = attribute;
    const value = attribute.value;
    if (!role || !rule.roles.includes(role)) {
      const subject = role ? `a ${role} block` : `a \`${lang || 'plain'}\` block (no checked role)`;
      const hint =
        key === 'file'
          ? ' (a manifest is a yaml, yml or json block; use title= to show a file name)'
          : key === 'scenario' || key === 'k8s' || key === 'kubectl'
            ? ' (transcripts are `console` blocks)'
            : '';
      if (key !== 'check' && key !== 'reason') {
        sink.error(
          'ATTRIBUTE_NOT_APPLICABLE',
          line,
          col,
          `"${key}" ${rule.what}; it has no effect on ${subject}${hint}`,
        );
      }
    }
    if (key === 'expect' && value !== 'invalid') {
      sink.error('ATTRIBUTE_VALUE', line, col, `expect=${String(value)}: the only value is expect=invalid`);
    } else if (key === 'check' && value !== 'skip') {
      sink.error(
        'ATTRIBUTE_VALUE',
        line,
        col,
        `check=${String(value)}: the only value is check=skip (with reason="...")`,
      );
    } else if ((key === 'k8s' || key === 'kubectl') && typeof value === 'string') {
      try {
        normalizeVersion(value);
      } catch (e) {
        sink.error('VERSION_INVALID', line, col, `${key}=${value}: ${(e as Error).message}`);
      }
    } else if (key === 'reason' && attrs.check !== 'skip') {
      sink.error('ATTRIBUTE_NOT_APPLICABLE', line, col, '"reason" explains a `check=skip`; this block is not skipped');
    }
  }
}
