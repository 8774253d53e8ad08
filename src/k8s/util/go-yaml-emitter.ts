/**
 * go-yaml v2's emitter (a Go port of libyaml's emitter.c) for what yaml.Marshal produces: block mappings and
 * sequences, `{}` / `[]` for empty ones, and scalars in plain, single-quoted, double-quoted or literal style.
 * Source: gopkg.in/yaml.v2 emitterc.go (also vendored as sigs.k8s.io/yaml goyaml.v2); every method below is named
 * after the Go function it follows. Defaults as yaml.Marshal sets them: indent 2, line width 80 (long plain and
 * quoted scalars are folded at a space past column 80; kubectl never calls yaml.FutureLineWrap), unicode output,
 * "\n" line breaks, no document markers.
 */

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

/** A scalar as the encoder hands it over: its text and the style encode.go asked for. */
export interface YamlScalar {
  readonly kind: 'scalar';
  readonly value: string;
  readonly style: Exclude<ScalarStyle, 'single'>;
}
export interface YamlMapping {
  readonly kind: 'mapping';
  readonly entries: readonly (readonly [YamlScalar, YamlNode])[];
}
export interface YamlSequence {
  readonly kind: 'sequence';
  readonly items: readonly YamlNode[];
}
export type YamlNode = YamlScalar | YamlMapping | YamlSequence;

const BEST_INDENT = 2;
const BEST_WIDTH = 80;
const MAX_SIMPLE_KEY_BYTES = 128;

// yamlh.go character classes, on code points instead of UTF-8 bytes
const isSpace = (c: number | undefined) => c === 0x20;
const isBlank = (c: number | undefined) => c === 0x20 || c === 0x09;
const isBreak = (c: number | undefined) => c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlankz = (c: number | undefined) => isBlank(c) || isBreak(c) || c === 0;
const isBom = (c: number | undefined) => c === 0xfeff;
// is_printable: LF, printable ASCII, and the BMP outside surrogates/specials; astral characters are not printable
function isPrintable(c: number): boolean {
  return (
    c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

function utf8Length(codePoints: readonly number[]): number {
  let n = 0;
  for (const c of codePoints) n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  return n;
}

/** What yaml_emitter_analyze_scalar finds out about a scalar. */
interface ScalarAnalysis {
  readonly chars: readonly number[];
  readonly multiline: boolean;
  readonly flowPlainAllowed: boolean;
  readonly blockPlainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
  readonly blockAllowed: boolean;
}

// emitterc.go yaml_emitter_analyze_scalar
export function analyzeScalar(value: string): ScalarAnalysis {
  const chars = Array.from(value, (ch) => ch.codePointAt(0)!);
  if (chars.length === 0) {
    return {
      chars,
      multiline: false,
      flowPlainAllowed: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  chars.forEach((c, i) => {
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (',?[]{}'.includes(ch)) {
      flowIndicators = true;
    } else if (ch === ':') {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (ch === '#' && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }
    // emitter.unicode is on (yaml_emitter_set_unicode), so only unprintable characters are special
    if (!isPrintable(c)) specialCharacters = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i + 1 === chars.length) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i + 1 === chars.length) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  });
  let flowPlainAllowed = true;
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    flowPlainAllowed = false;
    blockPlainAllowed = false;
  }
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    flowPlainAllowed = false;
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    flowPlainAllowed = false;
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks) {
    flowPlainAllowed = false;
    blockPlainAllowed = false;
  }
  if (flowIndicators) flowPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { chars, multiline: lineBreaks, flowPlainAllowed, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

interface NodeContext {
  readonly root?: boolean;
  readonly sequence?: boolean;
  readonly mapping?: boolean;
  readonly simpleKey?: boolean;
}

/** One document, as yaml.Marshal writes it (implicit document start and end). */
export function emitYamlDocument(node: YamlNode): string {
  const emitter = new Emitter();
  emitter.emitNode(node, { root: true });
  // yaml_emitter_emit_document_end: an implicit end only finishes the last line
  emitter.writeIndent();
  return emitter.text();
}

class Emitter {
  private readonly out: string[] = [];
  // yaml_emitter_emit_stream_start
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];
  private mappingContext = false;
  private simpleKeyContext = false;

  text(): string {
    return this.out.join('');
  }

  // emitterc.go yaml_emitter_emit_node
  emitNode(node: YamlNode, context: NodeContext): void {
    this.mappingContext = context.mapping === true;
    this.simpleKeyContext = context.simpleKey === true;
    if (node.kind === 'scalar') this.emitScalar(node, analyzeScalar(node.value));
    else if (node.kind === 'sequence') this.emitSequence(node);
    else this.emitMapping(node);
  }

  // yaml_emitter_emit_sequence_start: an empty sequence is written in flow style, `[]`
  private emitSequence(node: YamlSequence): void {
    if (node.items.length === 0) {
      this.emitEmptyFlowCollection('[', ']');
      return;
    }
    // yaml_emitter_emit_block_sequence_item: a sequence that is a mapping value is not indented ("indentless")
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of node.items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.emitNode(item, { sequence: true });
    }
    this.popIndent();
  }

  // yaml_emitter_emit_mapping_start: an empty mapping is written in flow style, `{}`; otherwise the block states
  private emitMapping(node: YamlMapping): void {
    if (node.entries.length === 0) {
      this.emitEmptyFlowCollection('{', '}');
      return;
    }
    this.increaseIndent(false, false);
    for (const [key, value] of node.entries) {
      // yaml_emitter_emit_block_mapping_key
      this.writeIndent();
      const keyAnalysis = analyzeScalar(key.value);
      if (checkSimpleKey(keyAnalysis)) {
        this.mappingContext = true;
        this.simpleKeyContext = true;
        this.emitScalar(key, keyAnalysis);
        // yaml_emitter_emit_block_mapping_value (simple)
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.mappingContext = true;
        this.simpleKeyContext = false;
        this.emitScalar(key, keyAnalysis);
        // yaml_emitter_emit_block_mapping_value (complex)
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(value, { mapping: true });
    }
    this.popIndent();
  }

  // yaml_emitter_emit_flow_sequence_item / _flow_mapping_key, first call meeting the end event at once
  private emitEmptyFlowCollection(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  // yaml_emitter_emit_scalar
  private emitScalar(node: YamlScalar, analysis: ScalarAnalysis): void {
    const style = this.selectScalarStyle(node, analysis);
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    if (style === 'plain') this.writePlainScalar(analysis.chars, allowBreaks);
    else if (style === 'single') this.writeSingleQuotedScalar(analysis.chars, allowBreaks);
    else if (style === 'double') this.writeDoubleQuotedScalar(analysis.chars, allowBreaks);
    else this.writeLiteralScalar(analysis.chars);
    this.popIndent();
  }

  // yaml_emitter_select_scalar_style (no tags, no canonical output). Collections here are block or empty, so a
  // scalar is always written at flow level 0 and the flow-context rules never apply.
  private selectScalarStyle(node: YamlScalar, a: ScalarAnalysis): ScalarStyle {
    let style: ScalarStyle = node.style;
    if (this.simpleKeyContext && a.multiline) style = 'double';
    if (style === 'plain') {
      if (!a.blockPlainAllowed) style = 'single';
      if (a.chars.length === 0 && this.simpleKeyContext) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || this.simpleKeyContext)) style = 'double';
    return style;
  }

  // yaml_emitter_increase_indent
  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  // put
  private put(text: string): void {
    this.out.push(text);
    this.column++;
  }

  // put_break
  private putBreak(): void {
    this.out.push('\n');
    this.column = 0;
  }

  // write: one character, one column
  private write(c: number): void {
    this.out.push(String.fromCodePoint(c));
    this.column++;
  }

  // write_break: a LF is a line break; other break characters are copied and also start a new line
  private writeBreak(c: number): void {
    if (c === 0x0a) this.putBreak();
    else {
      this.write(c);
      this.column = 0;
    }
  }

  // yaml_emitter_write_indent
  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  // yaml_emitter_write_indicator
  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean) {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.write(ch.codePointAt(0)!);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  // yaml_emitter_write_plain_scalar
  private writePlainScalar(chars: readonly number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    chars.forEach((c, i) => {
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(chars[i + 1])) this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  // yaml_emitter_write_single_quoted_scalar
  private writeSingleQuotedScalar(chars: readonly number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    chars.forEach((c, i) => {
      if (isSpace(c)) {
        const fold =
          allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && !isSpace(chars[i + 1]);
        if (fold) this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    });
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  // yaml_emitter_write_double_quoted_scalar
  private writeDoubleQuotedScalar(chars: readonly number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    chars.forEach((c, i) => {
      if (!isPrintable(c) || isBom(c) || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\');
        for (const ch of escapeSequence(c)) this.put(ch);
        spaces = false;
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (isSpace(chars[i + 1])) this.put('\\');
        } else {
          this.write(c);
        }
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    });
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  // yaml_emitter_write_literal_scalar with yaml_emitter_write_block_scalar_hints
  private writeLiteralScalar(chars: readonly number[]): void {
    this.writeIndicator('|', true, false, false);
    if (isSpace(chars[0]) || isBreak(chars[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const chomp = chompHint(chars);
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of chars) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

// yaml_emitter_check_simple_key for a scalar key: single line and at most 128 bytes
function checkSimpleKey(a: ScalarAnalysis): boolean {
  return !a.multiline && utf8Length(a.chars) <= MAX_SIMPLE_KEY_BYTES;
}

// yaml_emitter_write_block_scalar_hints: '-' strips a missing final break, '+' keeps several, none keeps one
function chompHint(chars: readonly number[]): '' | '-' | '+' {
  if (chars.length === 0 || !isBreak(chars[chars.length - 1])) return '-';
  if (chars.length === 1) return '+';
  return isBreak(chars[chars.length - 2]) ? '+' : '';
}

// yaml_emitter_write_double_quoted_scalar: the short escapes, else \xXX, \uXXXX or \UXXXXXXXX in upper-case hex
function escapeSequence(c: number): string {
  const short: Readonly<Record<number, string>> = {
    0: '0',
    7: 'a',
    8: 'b',
    9: 't',
    10: 'n',
    11: 'v',
    12: 'f',
    13: 'r',
    27: 'e',
    34: '"',
    92: '\\',
    133: 'N',
    160: '_',
    8232: 'L',
    8233: 'P',
  };
  if (short[c] !== undefined) return short[c]!;
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return `x${hex.padStart(2, '0')}`;
  if (c <= 0xffff) return `u${hex.padStart(4, '0')}`;
  return `U${hex.padStart(8, '0')}`;
}
