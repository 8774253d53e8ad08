/**
 * parse/: YAML manifest text to the JSON values Kubernetes would decode from it, with source positions.
 *
 * The pipeline mirrors `kubectl apply -f`: the file is split at `---` lines (split-documents.ts), each piece
 * is read by go-yaml v2 rules (compose-chunk.ts with yaml's Lexer/Parser/Composer, then
 * decode-value.ts and resolve-scalar.ts), converted to JSON like sigs.k8s.io/yaml, and documents that
 * decode to null are skipped (cli-runtime visitor.go (*StreamVisitor).Visit). Every failure becomes a
 * SourceError; nothing throws.
 */

import type { Document, Node } from 'yaml';
import type { ParseResult, SourceError } from '../types.ts';
import { offsetAtByte, utf8LengthUpTo } from './byte-size.ts';
import { composeChunk } from './compose-chunk.ts';
import { decodeManifestBytes } from './decode-bytes.ts';
import { decodeDocument } from './decode-value.ts';
import { LineIndex } from './line-index.ts';
import { NodeLocator } from './node-locator.ts';
import { type ParseOptions, type ResolvedParseOptions, resolveParseOptions } from './options.ts';
import { ParsedManifest } from './parsed-manifest.ts';
import { type Problem, shiftProblem, toSourceError } from './problem.ts';
import { splitDocuments } from './split-documents.ts';

export type { ParseOptions } from './options.ts';
export { DEFAULT_MAX_ALIASES, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from './options.ts';
export { ParsedManifest } from './parsed-manifest.ts';

/** parseManifests' result: documents are ParsedManifests (ManifestDocuments with exactInteger and filename). */
export interface ParsedManifests extends ParseResult {
  documents: ParsedManifest[];
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a sequence';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

/** The document's range in its chunk: from its content's start to its end, without trailing space. */
function documentRange(yamlDoc: Document.Parsed, source: string): [number, number] {
  const contents = yamlDoc.contents as Node | null;
  const start = Math.max(0, contents?.range?.[0] ?? yamlDoc.range[0]);
  let end = Math.min(Math.max(start, contents?.range?.[1] ?? yamlDoc.range[1]), source.length);
  while (end > start && /\s/.test(source[end - 1] ?? '')) end--;
  return [start, end];
}

function parseText(lines: LineIndex, options: ResolvedParseOptions, problems: Problem[]): ParsedManifest[] {
  const documents: ParsedManifest[] = [];
  const text = lines.text;
  // kubectl drops a UTF-8 byte-order mark before splitting (visitor.go BOMOverride).
  const bodyStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const split = splitDocuments(bodyStart ? text.slice(bodyStart) : text);
  for (const error of split.errors) problems.push(shiftProblem({ code: 'YAML_SYNTAX', ...error }, bodyStart));
  let index = 0;
  for (const piece of split.chunks) {
    const chunk = { start: piece.start + bodyStart, end: piece.end + bodyStart };
    const source = text.slice(chunk.start, chunk.end);
    const lineOf = (offset: number) => lines.lineIndexOf(chunk.start + offset) - lines.lineIndexOf(chunk.start) + 1;
    const composed = composeChunk(source, options.maxDepth, lineOf);
    if (composed.problem) {
      problems.push(shiftProblem(composed.problem, chunk.start));
      index++;
      continue;
    }
    if (!composed.yamlDoc) continue;
    const decoded = decodeDocument(composed.yamlDoc, options, source, lineOf);
    for (const problem of decoded.problems) problems.push(shiftProblem(problem, chunk.start));
    if (decoded.fatal) {
      problems.push(shiftProblem(decoded.fatal, chunk.start));
      index++;
      continue;
    }
    // A document that is empty, only comments, or `null` decodes to JSON null: kubectl skips it.
    if (decoded.value === null) continue;
    const range = documentRange(composed.yamlDoc, source);
    if (typeof decoded.value !== 'object' || Array.isArray(decoded.value)) {
      problems.push({
        code: 'YAML_NOT_OBJECT',
        message: `a manifest must be a mapping (apiVersion: …, kind: …), but this document is ${describeType(decoded.value)}`,
        start: chunk.start + range[0],
        end: chunk.start + range[1],
      });
      index++;
      continue;
    }
    const locator = new NodeLocator(composed.yamlDoc.contents as Node | null, decoded.aliasTargets, source);
    documents.push(
      new ParsedManifest({
        index: index++,
        value: decoded.value,
        filename: options.filename,
        lines,
        chunkStart: chunk.start,
        range,
        locator,
        exactIntegers: decoded.exactIntegers,
      }),
    );
  }
  return documents;
}

function tooLarge(text: string, limit: number): Problem {
  return {
    code: 'YAML_TOO_LARGE',
    message: `the file is larger than ${limit} bytes (the apiserver refuses such a request body: Request entity too large: limit is ${limit})`,
    start: offsetAtByte(text, limit),
    end: text.length,
  };
}

function finish(lines: LineIndex, documents: ParsedManifest[], problems: Problem[]): ParsedManifests {
  const errors: SourceError[] = problems
    .sort((a, b) => a.start - b.start)
    .map((problem) => toSourceError(problem, lines));
  return { documents, errors };
}

/** Turns an unexpected exception into a reported error: bad input must never throw. */
function unexpected(error: unknown, text: string): Problem {
  if (error instanceof RangeError) {
    return {
      code: 'YAML_TOO_DEEP',
      message: `input too deeply nested to process (${error.message})`,
      start: 0,
      end: text.length,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'YAML_SYNTAX', message: `unexpected parser failure: ${message}`, start: 0, end: text.length };
}

/**
 * Parses a (multi-document) YAML manifest file into the JSON values Kubernetes decodes from it.
 * Documents with a fatal error are left out of `documents` (their `index` is still used up); repeated keys
 * are reported but keep their document, with the last value, as kubectl does.
 */
export function parseManifests(text: string, options?: ParseOptions): ParsedManifests {
  const resolved = resolveParseOptions(options);
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  try {
    const size = utf8LengthUpTo(text, resolved.maxBytes);
    if (size > resolved.maxBytes) return finish(lines, [], [tooLarge(text, resolved.maxBytes)]);
    return finish(lines, parseText(lines, resolved, problems), problems);
  } catch (error) {
    return finish(lines, [], [...problems, unexpected(error, text)]);
  }
}

/**
 * Parses manifest bytes as kubectl reads a file: UTF-8 (a BOM is dropped) or UTF-16 with a BOM. Invalid UTF-8
 * is reported as YAML_NOT_UTF8 at the first bad byte and, like kubectl, read as U+FFFD so parsing goes on.
 */
export function parseManifestBytes(bytes: Uint8Array, options?: ParseOptions): ParsedManifests {
  const resolved = resolveParseOptions(options);
  if (bytes.length > resolved.maxBytes) {
    const text = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, resolved.maxBytes + 4)));
    return finish(new LineIndex(text), [], [tooLarge(text, resolved.maxBytes)]);
  }
  let text = '';
  try {
    const decoded = decodeManifestBytes(bytes);
    text = decoded.text;
    const result = parseManifests(text, resolved);
    if (!decoded.invalid) return result;
    const { byteOffset, textOffset, byte } = decoded.invalid;
    const hex = byte.toString(16).toUpperCase().padStart(2, '0');
    const notUtf8: SourceError = {
      code: 'YAML_NOT_UTF8',
      message: `the file is not valid UTF-8: byte 0x${hex} at byte offset ${byteOffset} does not fit a UTF-8 sequence (kubectl reads it as U+FFFD)`,
      span: new LineIndex(text).span(textOffset, textOffset + 1),
    };
    return { documents: result.documents, errors: [notUtf8, ...result.errors] };
  } catch (error) {
    return finish(new LineIndex(text), [], [unexpected(error, text)]);
  }
}
