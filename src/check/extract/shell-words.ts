/**
 * Just enough shell reading to see what a transcript command does to the page's other examples: which manifest
 * files `kubectl apply|create|replace -f` reads, and whether `kubectl exec -it` opens an interactive session.
 * (The simulator's kubectl front end parses commands for real; this only links blocks together.)
 */

/** Words of a command line with quotes removed; `&&`, `||`, `;` and `|` become separate words. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  const flush = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  for (let i = 0; i < command.length; i++) {
    const ch = command[i] as string;
    if (ch === "'") {
      const end = command.indexOf("'", i + 1);
      const stop = end === -1 ? command.length : end;
      word += command.slice(i + 1, stop);
      inWord = true;
      i = stop;
    } else if (ch === '"') {
      inWord = true;
      for (i++; i < command.length && command[i] !== '"'; i++) {
        if (command[i] === '\\' && i + 1 < command.length) i++;
        word += command[i];
      }
    } else if (ch === '\\' && i + 1 < command.length) {
      word += command[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      flush();
    } else if (ch === ';' || ch === '|' || ch === '&') {
      flush();
      const pair = command[i + 1] === ch && ch !== ';' ? ch + ch : ch;
      words.push(pair);
      i += pair.length - 1;
    } else {
      word += ch;
      inWord = true;
    }
  }
  flush();
  return words;
}

const OPERATORS = new Set(['&&', '||', ';', '|', '&']);

/** Global kubectl flags that take a separate value (`-n default`), so the value is not taken for a verb. */
const VALUE_FLAGS = new Set([
  '-n',
  '--namespace',
  '--context',
  '--cluster',
  '--kubeconfig',
  '-s',
  '--server',
  '--user',
  '--as',
  '-c',
  '--container',
  '-f',
  '--filename',
  '-o',
  '--output',
  '-l',
  '--selector',
]);

export interface KubectlCall {
  verb: string;
  /** The words after `kubectl`, flags included. */
  args: string[];
}

/** Every `kubectl` invocation in a command line (`sudo kubectl ...`, `a && kubectl ...` included). */
export function kubectlCalls(command: string): KubectlCall[] {
  const calls: KubectlCall[] = [];
  const words = shellWords(command);
  let start = 0;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && !OPERATORS.has(words[i] as string)) continue;
    const simple = words.slice(start, i);
    start = i + 1;
    const at = simple.findIndex((w) => w === 'kubectl' || w.endsWith('/kubectl'));
    if (at === -1) continue;
    const args = simple.slice(at + 1);
    let verb = '';
    for (let j = 0; j < args.length; j++) {
      const word = args[j] as string;
      if (!word.startsWith('-')) {
        verb = word;
        break;
      }
      if (VALUE_FLAGS.has(word)) j++;
    }
    calls.push({ verb, args });
  }
  return calls;
}

/** `./nginx-pod.yaml` and `nginx-pod.yaml` name the same file. */
export function normalizeFileName(name: string): string {
  return name.replace(/^(?:\.\/)+/, '');
}

/** The files a command gives to `kubectl apply|create|replace -f`. */
export function appliedFiles(command: string): string[] {
  const files: string[] = [];
  for (const call of kubectlCalls(command)) {
    if (!['apply', 'create', 'replace'].includes(call.verb)) continue;
    const args = call.args;
    for (let i = 0; i < args.length; i++) {
      const word = args[i] as string;
      const value = /^(?:-f|--filename)=(.*)$/.exec(word)?.[1] ?? /^-f(?!-)(.+)$/.exec(word)?.[1];
      if (value !== undefined) files.push(normalizeFileName(value));
      else if ((word === '-f' || word === '--filename') && i + 1 < args.length)
        files.push(normalizeFileName(args[++i] as string));
    }
  }
  return files;
}

/** The pod (and container) of an interactive `kubectl exec -it`, which opens a shell session in the transcript. */
export function interactiveExec(command: string): { pod: string; container?: string } | undefined {
  for (const call of kubectlCalls(command)) {
    if (call.verb !== 'exec') continue;
    let stdin = false;
    let tty = false;
    let pod: string | undefined;
    let container: string | undefined;
    const args = call.args;
    for (let i = args.indexOf('exec') + 1; i < args.length; i++) {
      const word = args[i] as string;
      if (word === '--') break;
      if (word === '--stdin' || word === '--stdin=true') stdin = true;
      else if (word === '--tty' || word === '--tty=true') tty = true;
      else if (word === '-c' || word === '--container') container = args[++i];
      else if (word.startsWith('--container=')) container = word.slice('--container='.length);
      else if (VALUE_FLAGS.has(word)) i++;
      else if (/^-[a-zA-Z]+$/.test(word)) {
        stdin ||= word.includes('i');
        tty ||= word.includes('t');
      } else if (!word.startsWith('-') && pod === undefined) pod = word.replace(/^(?:pods?|po)\//, '');
    }
    if (stdin && tty && pod !== undefined) return container === undefined ? { pod } : { pod, container };
  }
  return undefined;
}
