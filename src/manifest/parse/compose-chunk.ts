/**
 * One kubectl document through yaml's Lexer, Parser and Composer, driven by hand so that the nesting depth
 * and libyaml's tab rule are checked token by token, with no extra pass over the text.
 *
 * Only the first YAML document of the chunk counts: go-yaml v2's yaml.Unmarshal decodes the first document of
 * its input and ignores the rest (decode.go (*parser).parse), which matters only after a `...` marker, since
 * kubectl already split the file at its `---` lines.
 */

import { Composer, type Document, Lexer, Parser, type YAMLParseError } from 'yaml';
import { findControlCharacter } from './control-chars.ts';
import { earliestProblem, type Problem } from './problem.ts';
import { type ChunkLineOf, tabIndentProblem } from './tab-problem.ts';
import { TabRule } from './tab-rule.ts';

/** The first YAML document of a chunk, or the first problem that makes go-yaml fail on it. */
export interface ComposedChunk {
  yamlDoc: Document.Parsed | undefined;
  /** Offsets are relative to the chunk. */
  problem: Problem | undefined;
}

// Every scalar is composed as a plain string ('failsafe'): resolve-scalar.ts does YAML 1.1 resolution
// itself. Duplicate keys are checked after resolution (decode-value.ts), so yaml's own check is off.
const COMPOSER_OPTIONS = { schema: 'failsafe', uniqueKeys: false, strict: true } as const;

function problemFromYamlError(error: YAMLParseError, source: string, lineOf: ChunkLineOf): Problem {
  const [start, end] = error.pos;
  const tab = tabIndentProblem(source, start, lineOf);
  if (tab) return tab;
  if (error.code === 'RESOURCE_EXHAUSTION') {
    return { code: 'YAML_TOO_DEEP', message: 'nesting too deep to compose', start, end };
  }
  return { code: 'YAML_SYNTAX', message: error.message, start, end: Math.max(end, start) };
}

// parserc.go yaml_parser_parse_document_start: directives must be followed by `---` and a document; kubectl
// splits the file at that very `---`, so a `%YAML` or `%TAG` line always ends up alone and fails.
function directiveWithoutDocument(source: string): Problem | undefined {
  const directive = /^%.*$/m.exec(source);
  if (!directive) return undefined;
  const end = directive.index + directive[0].length;
  const message = `did not find expected <document start> (kubectl cuts the file at the --- after this directive)`;
  return { code: 'YAML_SYNTAX', message, start: directive.index, end };
}

function tooDeep(offset: number, maxDepth: number): Problem {
  return {
    code: 'YAML_TOO_DEEP',
    message: `mappings and sequences nest deeper than ${maxDepth} levels`,
    start: offset,
    end: offset + 1,
  };
}

export function composeChunk(source: string, maxDepth: number, lineOf: ChunkLineOf): ComposedChunk {
  const control = findControlCharacter(source);
  const tabs = source.includes('\t') ? new TabRule() : undefined;
  const lexer = new Lexer();
  const parser = new Parser();
  const composer = new Composer(COMPOSER_OPTIONS);
  let yamlDoc: Document.Parsed | undefined;
  // The parser's stack holds the document and each open collection, plus at most one pending node.
  const stackLimit = maxDepth + 2;

  lexing: for (const lexeme of lexer.lex(source, false)) {
    tabs?.next(lexeme, parser.offset);
    for (const token of parser.next(lexeme)) {
      for (const doc of composer.next(token)) {
        yamlDoc = doc;
        break lexing;
      }
    }
    if (parser.stack.length > stackLimit) {
      return { yamlDoc: undefined, problem: earliestProblem([control, tooDeep(parser.offset, maxDepth)]) };
    }
  }
  if (!yamlDoc) {
    for (const token of parser.end()) for (const doc of composer.next(token)) yamlDoc ??= doc;
    for (const doc of composer.end(false, source.length)) yamlDoc ??= doc;
  }

  const tab =
    tabs && tabs.firstRejectedTab !== -1 ? tabIndentProblem(source, tabs.firstRejectedTab, lineOf, true) : undefined;
  // Only the first error counts (libyaml stops there); a broken file can have one per token.
  let firstError: YAMLParseError | undefined;
  for (const error of yamlDoc?.errors ?? []) if (!firstError || error.pos[0] < firstError.pos[0]) firstError = error;
  const yamlError = firstError && problemFromYamlError(firstError, source, lineOf);
  const lonelyDirective = yamlDoc ? undefined : directiveWithoutDocument(source);
  return { yamlDoc, problem: earliestProblem([control, tab, lonelyDirective, yamlError]) };
}
