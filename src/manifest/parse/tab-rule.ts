/**
 * Where libyaml (and so go-yaml v2 and kubectl) rejects a tab, which the `yaml` package partly accepts.
 * scannerc.go yaml_parser_scan_to_next_token skips tabs only "in the flow context, or in the block context
 * but not at the beginning of the line or after '-', '?', or ':'": wherever a simple key may start
 * (simple_key_allowed), a tab is not skipped and becomes "found character that cannot start any token".
 * That covers tab indentation, tabs on otherwise blank lines and `key:<TAB>value`.
 *
 * This watcher replays simple_key_allowed over the lexemes of yaml's Lexer (fed with their offsets) and
 * remembers the first such tab.
 */

import { CST } from 'yaml';

export class TabRule {
  #flowLevel = 0;
  // yaml_parser_fetch_stream_start: a simple key may start the stream.
  #simpleKeyAllowed = true;
  #scalarFollows = false;
  #afterBlockScalarHeader = false;
  /** Offset of the first tab libyaml rejects, or -1. */
  firstRejectedTab = -1;

  #reject(offset: number): void {
    if (this.firstRejectedTab === -1) this.firstRejectedTab = offset;
  }

  /** Feed one lexeme; `offset` is where its source starts (yaml's Parser.offset before it). */
  next(lexeme: string, offset: number): void {
    if (this.#scalarFollows) {
      this.#scalarFollows = false;
      this.#scalarContent(lexeme, offset);
      return;
    }
    const type = CST.tokenType(lexeme);
    switch (type) {
      case 'scalar':
        this.#scalarFollows = true;
        return;
      case 'space':
        if (this.#flowLevel === 0 && this.#simpleKeyAllowed) {
          const tab = lexeme.indexOf('\t');
          if (tab !== -1) this.#reject(offset + tab);
        }
        return;
      case 'newline':
        // In the block context, a new line may start a simple key.
        if (this.#flowLevel === 0) this.#simpleKeyAllowed = true;
        return;
      case 'seq-item-ind':
        this.#simpleKeyAllowed = true;
        return;
      case 'explicit-key-ind':
      case 'map-value-ind':
        // Simple keys after ':' and '?' are allowed in the block context.
        this.#simpleKeyAllowed = this.#flowLevel === 0;
        return;
      case 'flow-map-start':
      case 'flow-seq-start':
        this.#flowLevel++;
        this.#simpleKeyAllowed = true;
        return;
      case 'flow-map-end':
      case 'flow-seq-end':
        this.#flowLevel = Math.max(0, this.#flowLevel - 1);
        this.#simpleKeyAllowed = false;
        return;
      case 'comma':
        this.#simpleKeyAllowed = true;
        return;
      case 'block-scalar-header':
        this.#afterBlockScalarHeader = true;
        this.#simpleKeyAllowed = false;
        return;
      case 'comment':
      case 'doc-mode':
      case 'byte-order-mark':
      case 'flow-error-end':
      case null:
        return;
      default:
        // anchors, tags, aliases, quoted scalars, document markers, directives
        this.#simpleKeyAllowed = false;
    }
  }

  #scalarContent(lexeme: string, offset: number): void {
    if (this.#afterBlockScalarHeader) {
      this.#afterBlockScalarHeader = false;
      // A block scalar's lexeme ends with the indentation of the line that ends it; libyaml reads that
      // indentation as token separation, where a simple key may follow (yaml_parser_fetch_block_scalar).
      const lastBreak = lexeme.lastIndexOf('\n');
      const tail = lexeme.slice(lastBreak + 1);
      const tab = tail.indexOf('\t');
      if (lastBreak !== -1 && tab !== -1 && /^[ \t]*$/.test(tail)) this.#reject(offset + lastBreak + 1 + tab);
      this.#simpleKeyAllowed = true;
      return;
    }
    this.#simpleKeyAllowed = false;
  }
}
