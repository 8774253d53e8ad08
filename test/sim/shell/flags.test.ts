/** kubectl's flags, parsed as spf13/pflag parses them, with pflag's error texts. */
import { describe, expect, it } from 'vitest';
import { FlagError, type FlagSpec, parseFlags, parseGoDuration } from '../../../src/sim/shell/kubectl/flags.ts';

const SPECS: FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'stdin', short: 'i', kind: 'bool' },
  { name: 'tty', short: 't', kind: 'bool' },
  { name: 'container', short: 'c', kind: 'string' },
  { name: 'grace-period', kind: 'int' },
  { name: 'timeout', kind: 'duration' },
  { name: 'wait', kind: 'bool' },
  { name: 'dry-run', kind: 'string', noOptDefault: 'unchanged' },
];

const parse = (argv: string[]) => parseFlags(argv, SPECS);
const fails = (argv: string[]) => {
  try {
    parse(argv);
  } catch (error) {
    if (error instanceof FlagError) return error.message;
    throw error;
  }
  throw new Error('expected a FlagError');
};

describe('parseFlags', () => {
  it('reads flags between arguments and stops at --', () => {
    const p = parse(['-it', 'nginx-5', '-n', 'web', '--', 'sh', '-c', 'exit 3']);
    expect(p.args).toEqual(['nginx-5', 'sh', '-c', 'exit 3']);
    expect(p.argsLenAtDash).toBe(1);
    expect(p.values.get('stdin')).toEqual(['true']);
    expect(p.values.get('tty')).toEqual(['true']);
    expect(p.values.get('namespace')).toEqual(['web']);
  });

  it('has ArgsLenAtDash -1 without --', () => {
    expect(parse(['nginx-5', '/bin/bash']).argsLenAtDash).toBe(-1);
  });

  it('takes values as --f=v, --f v, -fv, -f v and -f=v', () => {
    expect(parse(['--namespace=a']).values.get('namespace')).toEqual(['a']);
    expect(parse(['--namespace', 'b']).values.get('namespace')).toEqual(['b']);
    expect(parse(['-nc']).values.get('namespace')).toEqual(['c']);
    expect(parse(['-n', 'd']).values.get('namespace')).toEqual(['d']);
    expect(parse(['-n=e']).values.get('namespace')).toEqual(['e']);
    expect(parse(['-itc', 'nginx']).values.get('container')).toEqual(['nginx']);
  });

  it('uses NoOptDefVal for a flag given without =value', () => {
    expect(parse(['--dry-run']).values.get('dry-run')).toEqual(['unchanged']);
    expect(parse(['--wait=false']).values.get('wait')).toEqual(['false']);
  });

  it('reports unknown flags as pflag does', () => {
    expect(fails(['--frobnicate'])).toBe('unknown flag: --frobnicate');
    expect(fails(['--frob=1'])).toBe('unknown flag: --frob');
    expect(fails(['-z'])).toBe("unknown shorthand flag: 'z' in -z");
    expect(fails(['ls', '-la'])).toBe("unknown shorthand flag: 'l' in -la");
    expect(fails(['-iz'])).toBe("unknown shorthand flag: 'z' in -z");
  });

  it('reports a missing value', () => {
    expect(fails(['--namespace'])).toBe('flag needs an argument: --namespace');
    expect(fails(['-n'])).toBe("flag needs an argument: 'n' in -n");
  });

  it('reports bad values with the strconv / time error', () => {
    expect(fails(['--grace-period=soon'])).toBe(
      'invalid argument "soon" for "--grace-period" flag: strconv.ParseInt: parsing "soon": invalid syntax',
    );
    expect(fails(['-i=maybe'])).toBe(
      'invalid argument "maybe" for "-i, --stdin" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    );
    expect(fails(['--timeout=5'])).toBe(
      'invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"',
    );
    expect(fails(['--timeout=abc'])).toBe('invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"');
    expect(fails(['---x'])).toBe('bad flag syntax: ---x');
  });
});

describe('parseGoDuration', () => {
  it('reads Go durations in seconds', () => {
    expect(parseGoDuration('30s')).toBe(30);
    expect(parseGoDuration('1m30s')).toBe(90);
    expect(parseGoDuration('1.5h')).toBe(5400);
    expect(parseGoDuration('250ms')).toBe(0.25);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('10')).toBeUndefined();
  });
});
