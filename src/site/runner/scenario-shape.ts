/**
 * Reading a scenario from untrusted data (a shared URL, a page attribute): every field is checked for its type
 * and bounded in size and time, so that no input can crash the runner or keep the simulator busy for long.
 */
import type { ClusterSpec, NodeSpec, RegistrySpec } from '../../check/extract/types.ts';
import { NEWEST_MINOR, OLDEST_MINOR } from '../../k8s/version/index.ts';
import { type RunnerScenario, type RunnerStep, SCENARIO_FORMAT } from './scenario.ts';

/** Limits of a scenario: generous for any page, small enough to replay in a few milliseconds. */
export const LIMITS = {
  steps: 400,
  fileBytes: 64 * 1024,
  lineBytes: 2048,
  nodes: 12,
  imagesPerNode: 40,
  registries: 12,
  repositories: 40,
  tags: 60,
  /** The longest stretch of virtual time a scenario may cover (one day). */
  seconds: 24 * 3600,
} as const;

export type ParseResult = { ok: true; scenario: RunnerScenario } | { ok: false; error: string };

class ShapeError extends Error {
  override name = 'ShapeError';
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function obj(v: unknown, where: string): Obj {
  if (!isObj(v)) throw new ShapeError(`${where} is not an object`);
  return v;
}

function str(v: unknown, where: string, max: number = LIMITS.lineBytes): string {
  if (typeof v !== 'string') throw new ShapeError(`${where} is not a string`);
  if (v.length > max) throw new ShapeError(`${where} is longer than ${max} characters`);
  return v;
}

function optStr(v: unknown, where: string): string | undefined {
  return v === undefined ? undefined : str(v, where);
}

function num(v: unknown, where: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ShapeError(`${where} is not a number`);
  if (v < min || v > max) throw new ShapeError(`${where} is outside ${min}..${max}`);
  return v;
}

function list(v: unknown, where: string, max: number): unknown[] {
  if (!Array.isArray(v)) throw new ShapeError(`${where} is not a list`);
  if (v.length > max) throw new ShapeError(`${where} has more than ${max} entries`);
  return v;
}

function release(v: unknown, where: string): string {
  const text = str(v, where, 16);
  const m = /^1\.(\d{1,2})$/.exec(text);
  const minor = m ? Number(m[1]) : Number.NaN;
  if (!(minor >= OLDEST_MINOR && minor <= NEWEST_MINOR)) {
    throw new ShapeError(`${where} "${text}" is not a release 1.${OLDEST_MINOR} to 1.${NEWEST_MINOR}`);
  }
  return text;
}

function node(v: unknown, where: string): NodeSpec {
  const o = obj(v, where);
  const spec: NodeSpec = {
    name: str(o.name, `${where}.name`, 253),
    roles: list(o.roles ?? [], `${where}.roles`, 8).map((r, i) => str(r, `${where}.roles[${i}]`, 63)),
    images: list(o.images ?? [], `${where}.images`, LIMITS.imagesPerNode).map((r, i) =>
      str(r, `${where}.images[${i}]`, 512),
    ),
  };
  const ip = optStr(o.ip, `${where}.ip`);
  if (ip !== undefined) spec.ip = ip;
  return spec;
}

function registry(v: unknown, where: string): RegistrySpec {
  const o = obj(v, where);
  return {
    host: str(o.host, `${where}.host`, 253),
    repositories: list(o.repositories, `${where}.repositories`, LIMITS.repositories).map((r, i) => {
      const ro = obj(r, `${where}.repositories[${i}]`);
      return {
        name: str(ro.name, `${where}.repositories[${i}].name`, 255),
        tags: list(ro.tags, `${where}.repositories[${i}].tags`, LIMITS.tags).map((t, j) =>
          str(t, `${where}.repositories[${i}].tags[${j}]`, 128),
        ),
      };
    }),
  };
}

function cluster(v: unknown): ClusterSpec {
  const o = obj(v ?? {}, 'cluster');
  const spec: ClusterSpec = {};
  if (o.start !== undefined) spec.start = str(o.start, 'cluster.start', 64);
  if (o.startSeconds !== undefined) spec.startSeconds = num(o.startSeconds, 'cluster.startSeconds', 0, 4e9);
  if (o.nodes !== undefined)
    spec.nodes = list(o.nodes, 'cluster.nodes', LIMITS.nodes).map((n, i) => node(n, `node ${i}`));
  if (o.clients !== undefined) {
    spec.clients = list(o.clients, 'cluster.clients', 8).map((c, i) => str(c, `cluster.clients[${i}]`, 253));
  }
  if (o.registries !== undefined) {
    spec.registries = list(o.registries, 'cluster.registries', LIMITS.registries).map((r, i) =>
      registry(r, `registry ${i}`),
    );
  }
  return spec;
}

function podTarget(o: Obj, where: string): { pod: string; container?: string } {
  const container = optStr(o.container, `${where}.container`);
  return { pod: str(o.pod, `${where}.pod`, 253), ...(container !== undefined ? { container } : {}) };
}

function step(v: unknown, i: number): RunnerStep {
  const where = `step ${i + 1}`;
  const o = obj(v, where);
  switch (o.kind) {
    case 'write':
      return {
        kind: 'write',
        file: str(o.file, `${where}.file`, 255),
        text: str(o.text, `${where}.text`, LIMITS.fileBytes),
      };
    case 'at':
      return { kind: 'at', seconds: num(o.seconds, `${where}.seconds`, 0, LIMITS.seconds) };
    case 'wait':
      return { kind: 'wait', seconds: num(o.seconds, `${where}.seconds`, 0, LIMITS.seconds) };
    case 'run': {
      const s: RunnerStep = { kind: 'run', line: str(o.line, `${where}.line`) };
      const host = optStr(o.host, `${where}.host`);
      const prompt = optStr(o.prompt, `${where}.prompt`);
      if (host !== undefined) s.host = host;
      if (o.container === true) s.container = true;
      if (prompt !== undefined) s.prompt = prompt;
      return s;
    }
    case 'signal': {
      if (o.signal !== 'SIGTERM' && o.signal !== 'SIGKILL')
        throw new ShapeError(`${where}.signal is not SIGTERM or SIGKILL`);
      return { kind: 'signal', ...podTarget(o, where), signal: o.signal };
    }
    case 'exit':
      return { kind: 'exit', ...podTarget(o, where), code: Math.trunc(num(o.code, `${where}.code`, 0, 255)) };
    default:
      throw new ShapeError(`${where} has an unknown kind ${JSON.stringify(o.kind)}`);
  }
}

/** Total virtual time the steps ask for (waits add up; `at` sets a floor). */
export function plannedSeconds(steps: readonly RunnerStep[]): number {
  let t = 0;
  for (const s of steps) {
    if (s.kind === 'wait') t += s.seconds;
    else if (s.kind === 'at') t = Math.max(t, s.seconds);
  }
  return t;
}

/** A scenario from untrusted data, or why it is not one. */
export function parseScenario(value: unknown): ParseResult {
  try {
    const o = obj(value, 'the scenario');
    if (o.v !== SCENARIO_FORMAT) throw new ShapeError(`unknown scenario format ${JSON.stringify(o.v)}`);
    const steps = list(o.steps, 'steps', LIMITS.steps).map(step);
    if (plannedSeconds(steps) > LIMITS.seconds) {
      throw new ShapeError(`the steps cover more than ${LIMITS.seconds / 3600} hours of virtual time`);
    }
    const scenario: RunnerScenario = {
      v: SCENARIO_FORMAT,
      k8s: release(o.k8s, 'k8s'),
      cluster: cluster(o.cluster),
      steps,
      shownFrom: Math.trunc(num(o.shownFrom ?? 0, 'shownFrom', 0, steps.length)),
      pageSteps: Math.trunc(num(o.pageSteps ?? steps.length, 'pageSteps', 0, steps.length)),
    };
    if (o.kubectl !== undefined) scenario.kubectl = release(o.kubectl, 'kubectl');
    if (o.seed !== undefined) scenario.seed = Math.trunc(num(o.seed, 'seed', -(2 ** 31), 2 ** 53));
    if (o.title !== undefined) scenario.title = str(o.title, 'title', 200);
    return { ok: true, scenario };
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, error: error.message };
    return { ok: false, error: `not a scenario: ${(error as Error).message}` };
  }
}
