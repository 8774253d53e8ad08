/**
 * Characters go-yaml v2 refuses to read at all (readerc.go yaml_parser_update_buffer: only #x9, #xA, #xD,
 * #x20-#x7E, #x85, #xA0-#xD7FF, #xE000-#xFFFD and #x10000-#x10FFFF are allowed). The message has no line:
 * reader errors carry no mark, so go-yaml prints `yaml: control characters are not allowed`.
 */

import type { Problem } from './problem.ts';

const NOT_PRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

export function findControlCharacter(source: string): Problem | undefined {
  const m = NOT_PRINTABLE.exec(source);
  if (!m) return undefined;
  const code = m[0].codePointAt(0) ?? 0;
  const shown = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    code: 'YAML_SYNTAX',
    message: `control characters are not allowed (${shown} cannot appear in YAML, not even quoted)`,
    start: m.index,
    end: m.index + m[0].length,
  };
}
