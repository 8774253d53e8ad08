/** The shell-words tokenizer: bash's quoting rules, and every feature beyond a simple command reported by name. */
import { describe, expect, it } from 'vitest';
import { shellList, shellWords } from '../../../src/sim/shell/words.ts';

describe('shellWords', () => {
  it('splits on blanks and keeps quoted text literal', () => {
    expect(shellWords(`kubectl  exec -it nginx-5 -- sh -c 'nginx -s stop; echo "x"'`)).toEqual({
      words: ['kubectl', 'exec', '-it', 'nginx-5', '--', 'sh', '-c', 'nginx -s stop; echo "x"'],
    });
  });

  it('joins adjacent quoted and unquoted parts into one word', () => {
    expect(shellWords(`a"b c"'d e'f`)).toEqual({ words: ['ab cd ef'] });
  });

  it('honours backslash escapes outside quotes and the four escapes inside double quotes', () => {
    expect(shellWords('a\\ b "c\\"d\\$e\\n"')).toEqual({ words: ['a b', 'c"d$e\\n'] });
  });

  it('treats # at the start of a word as a comment and keeps it inside a word', () => {
    expect(shellWords('kubectl get pods # list them')).toEqual({ words: ['kubectl', 'get', 'pods'] });
    expect(shellWords('echo a#b')).toEqual({ words: ['echo', 'a#b'] });
  });

  it('gives an empty command for a blank line', () => {
    expect(shellWords('   ')).toEqual({ words: [] });
  });

  it.each([
    ['kubectl get pods | grep x', 'pipes (|)'],
    ['a && b', 'command lists (&&)'],
    ['a; b', 'command lists (;)'],
    ['kubectl get pods > out.txt', 'redirections (>)'],
    ['kubectl get pods >> out.txt', 'redirections (>)'],
    ['cat <<EOF', 'here-documents (<<)'],
    ['sleep 1 &', 'background jobs (&)'],
    ['echo $HOME', 'variable expansion ($)'],
    ['echo "$HOME"', 'variable expansion ($)'],
    ['echo $(date)', 'command substitution ($(...))'],
    ['echo `date`', 'command substitution ($(...))'],
    ['kubectl apply -f *.yaml', 'globs (*)'],
    ['cat ~/x', 'tilde expansion (~)'],
    ["echo 'open", 'an unterminated quote'],
    ['echo "open', 'an unterminated quote'],
    ['echo \\', 'a line continuation (\\ at the end of the line)'],
  ])('%s: unsupported %s', (line, what) => {
    expect(shellWords(line)).toEqual({ unsupported: what });
  });

  it('keeps globs and $ literal inside single quotes', () => {
    expect(shellWords(`echo '$HOME *'`)).toEqual({ words: ['echo', '$HOME *'] });
  });
});

describe('shellList', () => {
  it('splits simple commands on ; && ||', () => {
    expect(shellList('nginx -s stop; echo done && true || false')).toEqual({
      items: [
        { words: ['nginx', '-s', 'stop'], after: ';' },
        { words: ['echo', 'done'], after: ';' },
        { words: ['true'], after: '&&' },
        { words: ['false'], after: '||' },
      ],
    });
  });

  it('allows a trailing ; but not a dangling && or an empty command', () => {
    expect(shellList('exit;')).toEqual({ items: [{ words: ['exit'], after: ';' }] });
    expect(shellList('true &&')).toEqual({ unsupported: 'a command list ending in &&' });
    expect(shellList('; true')).toEqual({ unsupported: 'an empty command before ;' });
  });

  it('still refuses pipes', () => {
    expect(shellList('ps | grep nginx')).toEqual({ unsupported: 'pipes (|)' });
  });
});
