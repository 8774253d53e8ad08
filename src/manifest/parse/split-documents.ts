/**
 * Splitting a file into documents the way kubectl does before any YAML parsing: apimachinery
 * pkg/util/yaml/decoder.go (*YAMLReader).Read reads line by line and ends a document at every line that starts
 * with `---`, whatever YAML would make of it (even inside a quoted string, kubernetes/kubectl#1645). Since
 * Kubernetes 1.22 (#103457) only spaces and a `# comment` may follow the `---`; anything else is the error
 * `invalid Yaml document separator: <rest>`. Each piece is then decoded on its own, so go-yaml's line numbers
 * restart with every piece.
 */

/** A document's source: [start, end) offsets in the file, without its separator lines. */
export interface DocumentChunk {
  start: number;
  end: number;
}

export interface SeparatorError {
  start: number;
  end: number;
  message: string;
}

export interface SplitResult {
  chunks: DocumentChunk[];
  errors: SeparatorError[];
}

// unicode.IsSpace, which strings.TrimSpace uses (unlike JavaScript's \s it excludes U+FEFF).
const GO_SPACE = '\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000';
const GO_TRIM = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');

/** Offsets of the lines that start with `---`; bufio's ReadLine splits on LF only. */
function separatorLines(text: string): number[] {
  const found: number[] = text.startsWith('---') ? [0] : [];
  for (let at = text.indexOf('\n---'); at !== -1; at = text.indexOf('\n---', at + 1)) found.push(at + 1);
  return found;
}

// apimachinery pkg/util/yaml/decoder.go (*YAMLReader).Read
export function splitDocuments(text: string): SplitResult {
  const chunks: DocumentChunk[] = [];
  const errors: SeparatorError[] = [];
  let chunkStart = 0;
  for (const lineStart of separatorLines(text)) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const rest = text.slice(lineStart + 3, lineEnd).replace(GO_TRIM, '');
    // We only allow comments and spaces following the yaml doc separator, otherwise we'll return an error.
    if (rest.length > 0 && !rest.startsWith('#')) {
      errors.push({ start: lineStart, end: lineEnd, message: `invalid Yaml document separator: ${rest}` });
    }
    if (lineStart > chunkStart) chunks.push({ start: chunkStart, end: lineStart });
    chunkStart = newline === -1 ? text.length : newline + 1;
  }
  if (text.length > chunkStart) chunks.push({ start: chunkStart, end: text.length });
  return { chunks, errors };
}
