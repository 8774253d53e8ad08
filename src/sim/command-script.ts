/**
 * A deliberately small reading of a container's command line, enough for the scripts that documentation pods
 * use: `sh -c "echo hi; sleep 3; exit 1"`, `sleep 3600`, `sleep infinity`, loops (`while true; do ...; done`),
 * `nginx -g 'daemon off;'` and `stress --vm-bytes 200M` against a memory limit. Anything else is "not
 * understood" (undefined) and the caller falls back to the image's behaviour: no guessing.
 */
import { parseQuantity } from '../k8s/defaults/quantity.ts';

export type InterpretedCommand =
  | { readonly kind: 'exits'; readonly afterSeconds: number; readonly exitCode: number }
  | { readonly kind: 'forever' }
  | { readonly kind: 'server'; readonly nginx: boolean }
  | { readonly kind: 'oom'; readonly afterSeconds: number };

export interface InterpretOptions {
  readonly memoryLimitBytes?: number;
}

const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
/** Commands that finish at once and succeed (their side effects do not matter here). */
const QUICK_COMMANDS = new Set([
  'echo',
  'printf',
  'touch',
  'rm',
  'mkdir',
  'date',
  'ls',
  'env',
  'printenv',
  'hostname',
  'true',
  ':',
  'cat',
  'id',
  'whoami',
  'uname',
]);
const LOOP_KEYWORDS = new Set(['while', 'until', 'for']);
/** stress: seconds until the kernel OOM killer ends a worker that allocates past the limit. */
const OOM_AFTER_SECONDS = 0.5;

type Token = { readonly word: string } | { readonly op: string };

/** Splits a shell line into words and the operators ; && || | & and newline (quotes kept literally, no expansion). */
export function tokenize(script: string): Token[] | undefined {
  const out: Token[] = [];
  let word = '';
  let inWord = false;
  const flush = () => {
    if (inWord) out.push({ word });
    word = '';
    inWord = false;
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (ch === "'" || ch === '"') {
      const end = script.indexOf(ch, i + 1);
      if (end < 0) return undefined; // unbalanced quote: not understood
      word += script.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (ch === ' ' || ch === '\t') {
      flush();
    } else if (ch === '\n' || ch === ';') {
      flush();
      out.push({ op: ';' });
    } else if (ch === '>' || ch === '<') {
      // A redirection (`>&2`, `2>&1`, `> /dev/null`, `>>log`): dropped, it does not change what runs.
      if (/^\d+$/.test(word)) {
        word = '';
        inWord = false;
      }
      flush();
      let j = i + 1;
      if (script[j] === '>') j++;
      if (script[j] === '&') {
        j++;
        while (/\d|-/.test(script[j] ?? '')) j++;
      } else {
        while (script[j] === ' ') j++;
        if (script[j] === "'" || script[j] === '"') {
          const end = script.indexOf(script[j]!, j + 1);
          if (end < 0) return undefined;
          j = end + 1;
        } else {
          while (j < script.length && !/[\s;&|<>]/.test(script[j]!)) j++;
        }
      }
      i = j - 1;
    } else if (ch === '&' || ch === '|') {
      flush();
      const double = script[i + 1] === ch;
      out.push({ op: double ? ch + ch : ch });
      if (double) i++;
    } else if (ch === '#' && !inWord) {
      const nl = script.indexOf('\n', i);
      i = nl < 0 ? script.length : nl - 1;
    } else {
      word += ch;
      inWord = true;
    }
  }
  flush();
  return out;
}

interface Statement {
  readonly words: string[];
  /** operator before this statement: ';' (or start), '&&', '||' */
  readonly after: string;
}

function statements(tokens: Token[]): Statement[] | undefined {
  const list: Statement[] = [];
  let words: string[] = [];
  let after = ';';
  for (const t of tokens) {
    if ('word' in t) {
      words.push(t.word);
      continue;
    }
    if (t.op === '|' || t.op === '&') return undefined; // pipes and background jobs: not understood
    if (words.length > 0) list.push({ words, after });
    words = [];
    after = t.op;
  }
  if (words.length > 0) list.push({ words, after });
  return list;
}

/** `sleep` arguments: seconds, with GNU/busybox suffixes s m h d; `infinity` is undefined (forever). */
export function sleepSeconds(arg: string | undefined): number | 'forever' | undefined {
  if (arg === undefined) return undefined;
  if (arg === 'infinity' || arg === 'inf') return 'forever';
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** stress(1): `--vm N --vm-bytes SIZE` allocates SIZE per worker; over the limit means an OOM kill. */
function interpretStress(words: string[], options: InterpretOptions): InterpretedCommand | undefined {
  let vm = 0;
  let bytes = 256 * 1024 * 1024; // stress's default --vm-bytes
  let timeout: number | undefined;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if ((w === '--vm' || w === '-m') && next !== undefined) {
      vm = Number(next);
      i++;
    } else if (w === '--vm-bytes' && next !== undefined) {
      try {
        bytes = Number(toBytes(next));
      } catch {
        return undefined;
      }
      i++;
    } else if ((w === '--timeout' || w === '-t') && next !== undefined) {
      const s = sleepSeconds(next);
      if (typeof s !== 'number') return undefined;
      timeout = s;
      i++;
    }
  }
  if (vm > 0 && options.memoryLimitBytes !== undefined && bytes > options.memoryLimitBytes) {
    return { kind: 'oom', afterSeconds: OOM_AFTER_SECONDS };
  }
  return timeout === undefined ? { kind: 'forever' } : { kind: 'exits', afterSeconds: timeout, exitCode: 0 };
}

/** stress writes sizes like `200M` (powers of 1024), which a Kubernetes quantity would read as 10^6: convert. */
function toBytes(size: string): bigint {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(size);
  if (!m) throw new Error(`bad size ${size}`);
  const unit = { '': 1n, b: 1n, k: 1024n, m: 1024n ** 2n, g: 1024n ** 3n }[m[2]!.toLowerCase() as 'k'];
  return BigInt(m[1]!) * unit;
}

/** A memory quantity (`100Mi`) in bytes, or undefined when it cannot be read. */
export function quantityBytes(value: unknown): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  try {
    const q = parseQuantity(value);
    return Number(q.mantissa) * 10 ** q.exponent;
  } catch {
    return undefined;
  }
}

/** Runs a list of statements: sleeps add time, `exit` ends, && and || follow the last status. */
function runStatements(list: Statement[], options: InterpretOptions): InterpretedCommand | undefined {
  let seconds = 0;
  let status = 0;
  for (const st of list) {
    if (st.after === '&&' && status !== 0) continue;
    if (st.after === '||' && status === 0) continue;
    let words = st.words;
    if (words[0] === 'exec') words = words.slice(1);
    const cmd = basename(words[0] ?? '');
    if (LOOP_KEYWORDS.has(cmd)) return { kind: 'forever' }; // a loop in a container script runs until killed
    if (cmd === 'sleep') {
      const s = sleepSeconds(words[1]);
      if (s === 'forever') return { kind: 'forever' };
      if (s === undefined) return undefined;
      seconds += s;
      status = 0;
    } else if (cmd === 'exit') {
      const code = words[1] === undefined ? status : Number(words[1]);
      if (!Number.isInteger(code)) return undefined;
      return { kind: 'exits', afterSeconds: seconds, exitCode: ((code % 256) + 256) % 256 };
    } else if (cmd === 'false') {
      status = 1;
    } else if (QUICK_COMMANDS.has(cmd)) {
      status = 0;
    } else if (cmd === 'nginx') {
      return { kind: 'server', nginx: true };
    } else if (cmd === 'stress') {
      const r = interpretStress(words, options);
      if (r?.kind !== 'exits') return r;
      seconds += r.afterSeconds;
      status = 0;
    } else {
      return undefined;
    }
  }
  return { kind: 'exits', afterSeconds: seconds, exitCode: status };
}

/** Interprets a container's argv (command + args). */
export function interpretArgv(argv: readonly string[], options: InterpretOptions = {}): InterpretedCommand | undefined {
  if (argv.length === 0) return undefined;
  const first = basename(argv[0]!);
  if (SHELL_NAMES.has(first)) {
    const c = argv.indexOf('-c');
    if (c < 0 || argv[c + 1] === undefined) return undefined; // an interactive shell without a TTY exits at once
    const tokens = tokenize(argv[c + 1]!);
    const list = tokens && statements(tokens);
    return list ? runStatements(list, options) : undefined;
  }
  return runStatements([{ words: [...argv], after: ';' }], options);
}
