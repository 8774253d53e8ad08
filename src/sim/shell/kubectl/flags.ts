/**
 * kubectl's command-line flags, parsed the way spf13/pflag parses them (interspersed flags, `--` ends flags,
 * `--name=value`, `--name value`, `-n value`, `-nvalue`, bool shorthand clusters such as `-it`), with pflag's
 * error texts. Each command lists its flags in three groups: modelled, known but not modelled (the command then
 * says so), and everything else, which is an unknown flag exactly as kubectl reports it.
 */

export type FlagKind = 'bool' | 'string' | 'int' | 'duration';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly kind: FlagKind;
  /** pflag NoOptDefVal: the value of `--name` given without `=value` (bool flags: "true") */
  readonly noOptDefault?: string;
  /** false: a real kubectl flag whose effect the virtual cluster does not model */
  readonly modelled?: boolean;
}

export interface ParsedFlags {
  /** positional arguments, in order (those after `--` included) */
  readonly args: readonly string[];
  /** cobra ArgsLenAtDash: how many positional arguments came before `--` (-1 without `--`) */
  readonly argsLenAtDash: number;
  /** every value given per flag name, in order */
  readonly values: ReadonlyMap<string, readonly string[]>;
  /** flags that were given but are not modelled */
  readonly notModelled: readonly string[];
}

/** pflag's failf texts (`unknown flag: --x`, `flag needs an argument: 'n' in -n`, `invalid argument ...`). */
export class FlagError extends Error {
  override name = 'FlagError';
}

function quoteRune(c: string): string {
  // fmt %q of a byte: a Go rune literal
  return c === "'" ? "'\\''" : c === '\\' ? "'\\\\'" : `'${c}'`;
}

// github.com/spf13/pflag flag.go (*FlagSet).Parse -> parseArgs / parseLongArg / parseShortArg
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const args: string[] = [];
  const values = new Map<string, string[]>();
  const notModelled: string[] = [];
  let argsLenAtDash = -1;
  const set = (spec: FlagSpec, raw: string) => {
    checkValue(spec, raw);
    values.set(spec.name, [...(values.get(spec.name) ?? []), raw]);
    if (spec.modelled === false && !notModelled.includes(`--${spec.name}`)) notModelled.push(`--${spec.name}`);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      argsLenAtDash = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const body = a.slice(2);
      if (body === '' || body.startsWith('-') || body.startsWith('=')) throw new FlagError(`bad flag syntax: ${a}`);
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, body.slice(eq + 1));
      else if (defaultOf(spec) !== undefined) set(spec, defaultOf(spec)!);
      else if (i + 1 < argv.length) set(spec, argv[++i]!);
      else throw new FlagError(`flag needs an argument: ${a}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      let shorthands = a.slice(1);
      while (shorthands.length > 0) {
        const c = shorthands[0]!;
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: ${quoteRune(c)} in -${shorthands}`);
        if (shorthands.length > 2 && shorthands[1] === '=') {
          set(spec, shorthands.slice(2));
          shorthands = '';
        } else if (defaultOf(spec) !== undefined) {
          set(spec, defaultOf(spec)!);
          shorthands = shorthands.slice(1);
        } else if (shorthands.length > 1) {
          set(spec, shorthands.slice(1));
          shorthands = '';
        } else if (i + 1 < argv.length) {
          set(spec, argv[++i]!);
          shorthands = '';
        } else {
          throw new FlagError(`flag needs an argument: ${quoteRune(c)} in -${shorthands}`);
        }
      }
      continue;
    }
    args.push(a);
  }
  return { args, argsLenAtDash, values, notModelled };
}

function defaultOf(spec: FlagSpec): string | undefined {
  return spec.noOptDefault ?? (spec.kind === 'bool' ? 'true' : undefined);
}

// pflag flag.go (*FlagSet).set: "invalid argument %q for %q flag: %v", the flag named `-s, --name` when it has a
// shorthand, with the strconv / time.ParseDuration error
function checkValue(spec: FlagSpec, raw: string): void {
  const flagName = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
  const fail = (why: string) => {
    throw new FlagError(`invalid argument ${JSON.stringify(raw)} for ${JSON.stringify(flagName)} flag: ${why}`);
  };
  if (spec.kind === 'bool' && parseGoBool(raw) === undefined) {
    fail(`strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`);
  }
  if (spec.kind === 'int' && !/^[+-]?\d+$/.test(raw)) {
    fail(`strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
  }
  if (spec.kind === 'duration' && parseGoDuration(raw) === undefined) {
    fail(
      /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(raw)
        ? `time: missing unit in duration ${JSON.stringify(raw)}`
        : `time: invalid duration ${JSON.stringify(raw)}`,
    );
  }
}

/** strconv.ParseBool */
export function parseGoBool(raw: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  return undefined;
}

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/** time.ParseDuration, in seconds. */
export function parseGoDuration(raw: string): number | undefined {
  if (raw === '0') return 0;
  const m = /^[+-]?((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(raw);
  if (!m) return undefined;
  let total = 0;
  for (const part of raw.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(part[1]) * DURATION_UNITS[part[2]!]!;
  }
  return raw.startsWith('-') ? -total : total;
}

/** Accessors over parsed values (the last value wins, as for pflag scalar flags). */
export class Flags {
  readonly parsed: ParsedFlags;
  constructor(parsed: ParsedFlags) {
    this.parsed = parsed;
  }

  has(name: string): boolean {
    return this.parsed.values.has(name);
  }

  string(name: string): string | undefined {
    return this.parsed.values.get(name)?.at(-1);
  }

  strings(name: string): string[] {
    return (this.parsed.values.get(name) ?? []).flatMap((v) => v.split(','));
  }

  bool(name: string, fallback = false): boolean {
    const v = this.string(name);
    return v === undefined ? fallback : parseGoBool(v) === true;
  }

  int(name: string): number | undefined {
    const v = this.string(name);
    return v === undefined ? undefined : Number.parseInt(v, 10);
  }

  duration(name: string): number | undefined {
    const v = this.string(name);
    return v === undefined ? undefined : parseGoDuration(v);
  }
}
