/**
 * Shell words: one typed line split the way bash splits a simple command, quotes honoured, nothing expanded.
 * Whatever would make bash do more than run one program with literal arguments (pipes, lists, redirections,
 * substitutions, variables, globs) is reported as unsupported rather than guessed at, so the caller can say
 * that the virtual cluster does not model it.
 */

/** The words of one simple command, or the shell feature that keeps the line from being one. */
export type ShellWords = { readonly words: readonly string[] } | { readonly unsupported: string };

/** One simple command of a list and the operator that joins it to the one before (`;` for the first). */
export interface ListItem {
  readonly words: readonly string[];
  readonly after: ';' | '&&' | '||';
}

/** A list of simple commands (`a; b && c || d`), or the feature that keeps the line from being one. */
export type ShellList = { readonly items: readonly ListItem[] } | { readonly unsupported: string };

type Token = { readonly word: string } | { readonly op: string };

const OPERATOR_NAMES: Readonly<Record<string, string>> = {
  '|': 'pipes (|)',
  '||': 'command lists (||)',
  '&&': 'command lists (&&)',
  '&': 'background jobs (&)',
  ';': 'command lists (;)',
  '>': 'redirections (>)',
  '<': 'redirections (<)',
  '(': 'subshells ( ( ) )',
  ')': 'subshells ( ( ) )',
};

class Unsupported extends Error {
  override name = 'Unsupported';
}

// bash(1) QUOTING: backslash escapes any character outside quotes; single quotes keep everything literal; inside
// double quotes a backslash escapes only $ ` " \ and newline, and $ and ` still expand (not modelled here).
function scan(line: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let inWord = false;
  const flush = () => {
    if (inWord) tokens.push({ word });
    word = '';
    inWord = false;
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === ' ' || ch === '\t') {
      flush();
    } else if (ch === '\\') {
      if (i + 1 >= line.length) throw new Unsupported('a line continuation (\\ at the end of the line)');
      word += line[++i];
      inWord = true;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Unsupported('an unterminated quote');
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (ch === '"') {
      i = readDoubleQuoted(line, i, (text) => {
        word += text;
      });
      inWord = true;
    } else if (ch === '#' && !inWord) {
      break; // interactive_comments: the rest of the line is a comment
    } else if (ch === '$' || ch === '`') {
      throw new Unsupported(expansionName(line, i));
    } else if (ch === '*' || ch === '?') {
      throw new Unsupported(`globs (${ch})`);
    } else if (ch === '~' && !inWord) {
      throw new Unsupported('tilde expansion (~)');
    } else if ('|&;<>()'.includes(ch)) {
      flush();
      const two = line.slice(i, i + 2);
      const op = two === '||' || two === '&&' || two === '>>' || two === '<<' ? two : ch;
      if (op === '<<') throw new Unsupported('here-documents (<<)');
      tokens.push({ op: op === '>>' ? '>' : op });
      i += op.length - 1;
    } else {
      word += ch;
      inWord = true;
    }
  }
  flush();
  return tokens;
}

function readDoubleQuoted(line: string, start: number, append: (text: string) => void): number {
  for (let i = start + 1; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') return i;
    if (ch === '\\' && i + 1 < line.length && '$`"\\'.includes(line[i + 1]!)) {
      append(line[++i]!);
    } else if (ch === '$' || ch === '`') {
      throw new Unsupported(expansionName(line, i));
    } else {
      append(ch);
    }
  }
  throw new Unsupported('an unterminated quote');
}

function expansionName(line: string, i: number): string {
  if (line[i] === '`' || line.startsWith('$(', i)) return 'command substitution ($(...))';
  return 'variable expansion ($)';
}

/** The words of a line that must be one simple command. */
export function shellWords(line: string): ShellWords {
  const list = shellList(line);
  if ('unsupported' in list) return list;
  if (list.items.length > 1) return { unsupported: OPERATOR_NAMES[list.items[1]!.after]! };
  return { words: list.items[0]?.words ?? [] };
}

/** The simple commands of a line joined by `;`, `&&` and `||` (what a shell inside a container accepts). */
export function shellList(line: string): ShellList {
  let tokens: Token[];
  try {
    tokens = scan(line);
  } catch (error) {
    if (error instanceof Unsupported) return { unsupported: error.message };
    throw error;
  }
  const items: ListItem[] = [];
  let words: string[] = [];
  let after: ListItem['after'] = ';';
  for (const t of tokens) {
    if ('word' in t) {
      words.push(t.word);
      continue;
    }
    if (t.op !== ';' && t.op !== '&&' && t.op !== '||') return { unsupported: OPERATOR_NAMES[t.op]! };
    if (words.length === 0) return { unsupported: `an empty command before ${t.op}` };
    items.push({ words, after });
    words = [];
    after = t.op;
  }
  if (words.length > 0) items.push({ words, after });
  else if (items.length > 0 && after !== ';') return { unsupported: `a command list ending in ${after}` };
  return { items };
}
