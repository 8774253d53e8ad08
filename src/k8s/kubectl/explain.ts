/**
 * `kubectl explain <resource>.<path>` text for one field, in the layout of the kubectl release that prints it:
 * - kubectl <= 1.26: the OpenAPI v2 model printer (staging/src/k8s.io/kubectl/pkg/explain model_printer.go,
 *   fields_printer.go, formatter.go; wrap 80 with a 5-space description indent, i.e. 75 columns);
 * - kubectl 1.27+: the OpenAPI v3 template (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl,
 *   funcs.go: go-wordwrap at 76 columns, sprig-style indent 4), default since KEP-3515 went beta in 1.27;
 * - kubectl 1.30+: the same template with the `ENUM:` block (PR #123023, CHANGELOG v1.30.0-alpha.2).
 * Pure: the caller resolves the schema (type string, served enum values, description) from the OpenAPI documents.
 */
import { parseMinor } from '../version/index.ts';

export class ExplainError extends Error {
  override name = 'ExplainError';
}

/** One entry of a FIELDS list (object fields). */
export interface ExplainSubField {
  readonly name: string;
  /** the type as kubectl shows it, with or without the angle brackets: `string`, `[]Container`, `Object` */
  readonly type: string;
  readonly required?: boolean;
  /** served enum values (kubectl 1.30+ prints up to four on an `enum:` line) */
  readonly enum?: readonly string[];
  readonly description?: string;
}

export interface ExplainFieldInput {
  readonly kind: string;
  /** API group, '' for the core group */
  readonly group: string;
  readonly version: string;
  /** the last path element, e.g. `imagePullPolicy` */
  readonly field: string;
  /** the type as kubectl shows it (`string`, `integer`, `Object`, `[]Object`, `map[string]string`, `Probe`...) */
  readonly type: string;
  /** enum values in the order the apiserver serves them (only kubectl 1.30+ prints them, in the ENUM block) */
  readonly enum?: readonly string[];
  /**
   * The served description. Several descriptions (the field's, then its referenced type's, as the printers collect
   * them through $ref/items) may be given in order; empty ones are kept for the old printer's blank-line rule.
   */
  readonly description: string | readonly string[];
  /** for object fields: the FIELDS list (old printer: RESOURCE layout) */
  readonly fields?: readonly ExplainSubField[];
}

/** Which printer a kubectl release uses. */
export type ExplainLayout = 'openapi-v2' | 'template' | 'template-enum';

export const TEMPLATE_LAYOUT_SINCE = 27; // KEP-3515 beta: OpenAPI v3 explain on by default
export const ENUM_BLOCK_SINCE = 30; // PR #123023 "Show enum values in kubectl explain", v1.30.0-alpha.2

export function explainLayout(kubectlMinor: number): ExplainLayout {
  const minor = parseMinor(kubectlMinor);
  if (minor < TEMPLATE_LAYOUT_SINCE) return 'openapi-v2';
  return minor < ENUM_BLOCK_SINCE ? 'template' : 'template-enum';
}

/** The full `kubectl explain` stdout for one field, as kubectl 1.<kubectlMinor> prints it. */
export function renderExplain(input: ExplainFieldInput, kubectlMinor: number): string {
  const layout = explainLayout(kubectlMinor);
  return layout === 'openapi-v2'
    ? renderLegacyExplain(input)
    : renderTemplateExplain(input, layout === 'template-enum');
}

function bareType(type: string): string {
  const t = type.startsWith('<') && type.endsWith('>') ? type.slice(1, -1) : type;
  if (t.length === 0 || t.includes('<') || t.includes('>')) throw new ExplainError(`not a type name: "${type}"`);
  return t;
}

function descriptionList(d: string | readonly string[]): readonly string[] {
  return typeof d === 'string' ? [d] : d;
}

function checkInput(input: ExplainFieldInput): void {
  for (const key of ['kind', 'version', 'field'] as const) {
    if (typeof input[key] !== 'string' || input[key].length === 0) throw new ExplainError(`explain input needs ${key}`);
  }
  if (typeof input.group !== 'string') throw new ExplainError('explain input needs group ("" for the core group)');
}

// ---------------------------------------------------------------------------------------------------------------
// Go's unicode.IsSpace (Latin-1 set plus the White_Space property), used by go-wordwrap and strings.Fields.

const GO_SPACES = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

function isGoSpace(ch: string): boolean {
  return GO_SPACES.has(ch.codePointAt(0)!);
}

/**
 * github.com/mitchellh/go-wordwrap v1.0.1 WrapString (vendored by kubernetes): breaks at white space so lines stay
 * within `lim` characters (runes), keeps existing line breaks, never breaks a word; no-break space is not a space.
 */
// vendor/github.com/mitchellh/go-wordwrap/wordwrap.go WrapString
export function goWordWrap(s: string, lim: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen <= lim) out += space;
      } else {
        out += space + word;
      }
      space = '';
      spaceLen = 0;
      word = '';
      wordLen = 0;
      out += ch;
      current = 0;
    } else if (isGoSpace(ch) && ch !== '\u00a0') {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) out += space;
  } else {
    out += space + word;
  }
  return out;
}

// explain/v2/funcs.go "indent": the pad before the text and after every line break (blank lines get the pad too)
function indentLines(amount: number, text: string): string {
  const pad = ' '.repeat(amount);
  return pad + text.replaceAll('\n', `\n${pad}`);
}

// ---------------------------------------------------------------------------------------------------------------
// kubectl 1.27+: explain/v2/templates/plaintext.tmpl

/** The OpenAPI v3 template output (`withEnum`: the 1.30+ template that prints ENUM and `enum:` lines). */
export function renderTemplateExplain(input: ExplainFieldInput, withEnum: boolean): string {
  checkInput(input);
  // plaintext.tmpl: GROUP (non-core only), KIND, VERSION, blank line
  let out = input.group ? `GROUP:      ${input.group}\n` : '';
  out += `KIND:       ${input.kind}\nVERSION:    ${input.version}\n\n`;
  out += `FIELD: ${input.field} <${bareType(input.type)}>\n`;
  // plaintext.tmpl "output" (1.30+): extractEnum in its long view, then "\n" and "\n" (two blank lines without enum);
  // before 1.30 the FIELD line was followed by a single "\n"
  out += withEnum ? `${longEnum(input.enum)}\n\n` : '\n';
  // plaintext.tmpl "output" (FieldPath empty): DESCRIPTION, every collected description followed by "\n",
  // or <empty>, then `wrap 76 | indent 4` and "\n"
  const collected = descriptionList(input.description)
    .filter((d) => d.length > 0)
    .map((d) => `${d}\n`)
    .join('');
  out += `DESCRIPTION:\n${indentLines(4, goWordWrap(collected || '<empty>', 76))}\n`;
  if (input.fields && input.fields.length > 0) {
    out += 'FIELDS:\n';
    for (const f of sortedFields(input.fields)) out += templateFieldDetail(f, withEnum);
  }
  // plaintext.tmpl: the final "\n"
  return `${out}\n`;
}

function checkEnum(values: readonly string[]): void {
  for (const v of values) {
    if (typeof v !== 'string') throw new ExplainError(`enum values must be strings, got ${JSON.stringify(v)}`);
  }
}

// plaintext.tmpl "extractEnum": an empty string prints as `""`
function enumText(value: string): string {
  return value === '' ? '""' : value;
}

// plaintext.tmpl "extractEnum" (isLongView true, no limit): "ENUM:" and "\n    <value>" per value
function longEnum(values: readonly string[] | undefined): string {
  if (!values || values.length === 0) return '';
  checkEnum(values);
  return `ENUM:${values.map((v) => `\n    ${enumText(v)}`).join('')}`;
}

// plaintext.tmpl "extractEnum" (isLongView false, limit 4): "\n", the indent, "enum: " and a comma list
function shortEnum(values: readonly string[] | undefined, indentAmount: number): string {
  if (!values || values.length === 0) return '';
  checkEnum(values);
  let text = `\n${' '.repeat(indentAmount)}enum: `;
  for (let i = 0; i < values.length; i++) {
    if (i >= 4) {
      text += ', ....';
      break;
    }
    text += (i > 0 ? ', ' : '') + enumText(values[i]!);
  }
  return text;
}

// Go templates range over a map in sorted key order; proto Kind.Keys() sorts too (byte order)
function sortedFields(fields: readonly ExplainSubField[]): ExplainSubField[] {
  return [...fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// plaintext.tmpl "fieldDetail" at level 1 (indent 2): name, TAB, <type>, -required-, enum line, description
function templateFieldDetail(f: ExplainSubField, withEnum: boolean): string {
  const indentAmount = 2;
  let text = `${' '.repeat(indentAmount)}${f.name}\t<${bareType(f.type)}>`;
  if (f.required) text += ' -required-';
  if (withEnum) text += shortEnum(f.enum, indentAmount);
  text += '\n';
  text += `${indentLines(indentAmount + 2, goWordWrap(f.description || '<no description>', 78 - indentAmount))}\n`;
  return `${text}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// kubectl <= 1.26: explain/model_printer.go + formatter.go (Formatter{Wrap: 80}, description indent 5)

const LEGACY_WRAP = 80;
const LEGACY_DESCRIPTION_INDENT = 5;
const LEGACY_FIELD_INDENT = 3;
const LEGACY_FIELD_DESCRIPTION_INDENT = 2;

function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

// Go strings.Fields / strings.TrimSpace over unicode.IsSpace
function goFields(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of text) {
    if (isGoSpace(ch)) {
      if (word) out.push(word);
      word = '';
    } else {
      word += ch;
    }
  }
  if (word) out.push(word);
  return out;
}

function goTrimSpace(text: string): string {
  const chars = [...text];
  let a = 0;
  let b = chars.length;
  while (a < b && isGoSpace(chars[a]!)) a++;
  while (b > a && isGoSpace(chars[b - 1]!)) b--;
  return chars.slice(a, b).join('');
}

// formatter.go bullet: Go RE2 \d is ASCII digits and \s is [\t\n\f\r ]
const BULLET = /^(\d+\.?|-|\*)[\t\n\f\r ]/;

/**
 * explain/formatter.go wrapString (kubectl 1.19+, PR #91801): re-flows words into lines of at most `wrap` bytes,
 * keeping a break after a line ending in ':', before bullets ('- ', '* ', '1. '), around 4-space-indented lines
 * (kept verbatim) and at blank lines after the first line.
 */
export function legacyWrapString(text: string, wrap: number): string[] {
  const wrapped: string[] = [];
  let words: string[] = [];
  let lastWord = '';
  const flush = () => {
    if (words.length > 0) {
      lastWord = '';
      wrapped.push(words.join(' '));
      words = [];
    }
  };
  // formatter.go (line).Add: a word fits if the joined line stays within wrap, and always fits an empty line
  const add = (word: string): boolean => {
    if (words.length === 0 || utf8Length([...words, word].join(' ')) <= wrap) {
      words.push(word);
      return true;
    }
    return false;
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('    ')) {
      flush();
      wrapped.push(line);
      continue;
    }
    if (wrapped.length > 0 && goTrimSpace(line).length === 0) {
      flush();
      wrapped.push('');
      continue;
    }
    // formatter.go shouldStartNewLine
    const trimmed = goTrimSpace(line);
    if (lastWord.endsWith(':') || trimmed.length === 0 || BULLET.test(trimmed)) flush();
    for (const word of goFields(line)) {
      lastWord = word;
      if (!add(word)) {
        flush();
        add(word);
      }
    }
  }
  flush();
  return wrapped;
}

// formatter.go (Formatter).Write: empty lines are not indented
function legacyLines(lines: readonly string[], indent: number): string {
  return lines.map((l) => (l === '' ? '\n' : `${' '.repeat(indent)}${l}\n`)).join('');
}

// formatter.go (Formatter).WriteWrapped at an indent (wrap width shrinks by the indent)
function legacyWrapped(text: string, indent: number): string {
  return legacyLines(legacyWrapString(text, LEGACY_WRAP - indent), indent);
}

/** The OpenAPI v2 model printer output (kubectl 1.23–1.26). */
export function renderLegacyExplain(input: ExplainFieldInput): string {
  checkInput(input);
  const groupVersion = input.group ? `${input.group}/${input.version}` : input.version;
  // model_printer.go PrintKindAndVersion
  let out = `KIND:     ${input.kind}\nVERSION:  ${groupVersion}\n\n`;
  const type = bareType(input.type);
  const isKind = input.fields !== undefined;
  // model_printer.go VisitPrimitive prints FIELD; VisitKind (an object) prints RESOURCE
  out += isKind ? `RESOURCE: ${input.field} <${type}>\n\n` : `FIELD:    ${input.field} <${type}>\n\n`;
  // model_printer.go PrintDescription: skip empty descriptions; a blank line before any but the first index
  out += 'DESCRIPTION:\n';
  let empty = true;
  descriptionList(input.description).forEach((d, i) => {
    if (d === '') return;
    empty = false;
    if (i !== 0) out += '\n';
    out += legacyWrapped(d, LEGACY_DESCRIPTION_INDENT);
  });
  if (empty) out += legacyWrapped('<empty>', LEGACY_DESCRIPTION_INDENT);
  if (isKind) {
    // model_printer.go VisitKind: "\nFIELDS:", then fields_printer.go regularFieldsPrinter at indent 3
    out += '\nFIELDS:\n';
    for (const f of sortedFields(input.fields ?? [])) {
      const required = f.required ? ' -required-' : '';
      out += `${' '.repeat(LEGACY_FIELD_INDENT)}${f.name}\t<${bareType(f.type)}>${required}\n`;
      out += legacyWrapped(f.description ?? '', LEGACY_FIELD_INDENT + LEGACY_FIELD_DESCRIPTION_INDENT);
      out += '\n';
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// What the apiserver serves: the enum section kube-openapi generates, and its removal when OpenAPIEnums is off.

/** OpenAPIEnums (KEP-2887): alpha and off in 1.23, beta and on by default from 1.24. */
// staging/src/k8s.io/apiserver/pkg/features/kube_features.go OpenAPIEnums
export function openAPIEnumsDefault(apiserverMinor: number): boolean {
  return parseMinor(apiserverMinor) >= 24;
}

export interface EnumValueDoc {
  readonly value: string;
  /** the constant's comment without its leading Go name, e.g. `means that kubelet always attempts to pull…` */
  readonly comment?: string;
}

/**
 * The description the apiserver serves for an enum-typed field: the type's description, a blank line,
 * `Possible enum values:` and one ` - \`"value"\` comment` line per value, lines in byte order.
 */
// kube-openapi pkg/generators/enum.go (enumType).DescriptionLines + openapi.go generateDescription
export function withEnumSection(description: string, values: readonly EnumValueDoc[]): string {
  if (values.length === 0) return description;
  const lines = values
    .map((v) => {
      const comment = (v.comment ?? '').trim().replace(/\s+/g, ' ');
      return ` - \`${JSON.stringify(v.value)}\` ${comment}`.trimEnd();
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${description.replace(/\n+$/, '')}\n\nPossible enum values:${lines.map((l) => `\n${l}`).join('')}`;
}

/** With OpenAPIEnums off the apiserver cuts the description at the header, keeping the blank line before it. */
// staging/src/k8s.io/apiserver/pkg/util/openapi/enablement.go pruneEnums
export function withoutEnumSection(description: string): string {
  const at = description.indexOf('Possible enum values:');
  return at === -1 ? description : description.slice(0, at);
}
