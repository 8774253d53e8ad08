/**
 * The `podbook:` key of a page's frontmatter: which Kubernetes and kubectl release the page is checked against,
 * the seed for generated names, and the cluster scenario(s) its transcripts run in. Read from the YAML nodes,
 * not from plain values, so that every problem has a position and an unquoted `1.20` stays `1.20`.
 */
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { parseNormalizedNamed } from '../../k8s/image/reference.ts';
import { parseMinor } from '../../k8s/version/kube-version.ts';
import type { ErrorSink } from './errors.ts';
import type {
  ClusterSpec,
  NodeSpec,
  PodbookSettings,
  RegistryRepository,
  RegistrySpec,
  ScenarioSettings,
  SourcePosition,
} from './types.ts';

export interface SettingsContext {
  sink: ErrorSink;
  /** Where a YAML node starts in the page. */
  at: (node: unknown) => SourcePosition;
  positions: Record<string, SourcePosition>;
}

/** The scenario an example runs in when its fence names none: the page-level settings. */
export const DEFAULT_SCENARIO = 'default';

const SCENARIO_KEYS = ['k8s', 'kubectl', 'seed', 'cluster'];
const PODBOOK_KEYS = [...SCENARIO_KEYS, 'scenarios'];
const CLUSTER_KEYS = ['start', 'nodes', 'clients', 'registries'];
const NODE_KEYS = ['name', 'roles', 'images', 'ip'];

const DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
const ROLE = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const REGISTRY_HOST = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d+)?$/;
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:]*)$/;
const SCENARIO_NAME = /^[A-Za-z0-9][\w.-]*$/;
const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(\.\d+)?(?:[Zz]|([+-])(\d\d):(\d\d))$/;

class Reader {
  readonly ctx: SettingsContext;

  constructor(ctx: SettingsContext) {
    this.ctx = ctx;
  }

  record(node: unknown, path: string): void {
    this.ctx.positions[path] = this.ctx.at(node);
  }

  fail(node: unknown, path: string, message: string): undefined {
    const pos = this.ctx.at(node);
    this.ctx.sink.error('FRONTMATTER_INVALID', pos.line, pos.col, `${path}: ${message}`);
    return undefined;
  }

  /** A mapping's entries by key, reporting keys outside `known`. */
  entries(node: unknown, path: string, known: readonly string[] | undefined): [string, Node, unknown][] | undefined {
    this.record(node, path);
    if (!isMap(node)) return this.fail(node, path, 'must be a mapping');
    const out: [string, Node, unknown][] = [];
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) {
        this.fail(pair.key, path, 'keys must be plain names');
        continue;
      }
      if (known && !known.includes(key)) {
        this.fail(pair.key, `${path}.${key}`, `unknown key (known: ${known.join(', ')})`);
        continue;
      }
      out.push([key, pair.value as Node, pair.key]);
    }
    return out;
  }

  /** A scalar's text as written: plain scalars keep their source (`1.20`, not 1.2). */
  text(node: unknown, path: string): string | undefined {
    this.record(node, path);
    if (!isScalar(node) || node.value === null || typeof node.value === 'object') {
      return this.fail(node, path, 'must be a single value');
    }
    const scalar = node as Scalar & { source?: string };
    return scalar.type === 'PLAIN' && typeof scalar.source === 'string' ? scalar.source : String(scalar.value);
  }

  /** A sequence of scalars (a single scalar counts as a one-item list). */
  texts(node: unknown, path: string, check: (text: string) => string | undefined): string[] {
    this.record(node, path);
    const items = isSeq(node) ? node.items : isScalar(node) ? [node] : undefined;
    if (!items) return this.fail(node, path, 'must be a list') ?? [];
    const out: string[] = [];
    items.forEach((item, i) => {
      const value = this.text(item, `${path}.${i}`);
      if (value === undefined) return;
      const problem = check(value);
      if (problem) this.fail(item, `${path}.${i}`, problem);
      else out.push(value);
    });
    return out;
  }
}

function versionProblem(text: string): string | undefined {
  try {
    parseMinor(text);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** `1.26` for `1.26`, `v1.26`, `1.26.3`. */
export function normalizeVersion(text: string): string {
  return `1.${parseMinor(text)}`;
}

/** Seconds since the epoch for an RFC 3339 time, or undefined. */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[];
  const millis = Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second);
  const check = new Date(millis);
  if (check.getUTCMonth() !== (month ?? 0) - 1 || check.getUTCDate() !== day || (hour ?? 0) > 23) return undefined;
  if ((minute ?? 0) > 59 || (second ?? 0) > 59) return undefined;
  const offset = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 3600 + Number(m[10]) * 60) : 0;
  return millis / 1000 + Number(m[7] ?? 0) - offset;
}

function readNode(r: Reader, node: unknown, path: string): NodeSpec | undefined {
  if (isScalar(node)) {
    const name = r.text(node, path);
    if (name === undefined) return undefined;
    if (!DNS_SUBDOMAIN.test(name)) return r.fail(node, path, `node name "${name}" is not a DNS subdomain`);
    return { name, roles: [], images: [] };
  }
  const entries = r.entries(node, path, NODE_KEYS);
  if (!entries) return undefined;
  const spec: NodeSpec = { name: '', roles: [], images: [] };
  let named = false;
  for (const [key, value] of entries) {
    const at = `${path}.${key}`;
    if (key === 'name') {
      named = true;
      const name = r.text(value, at);
      if (name !== undefined && !DNS_SUBDOMAIN.test(name)) r.fail(value, at, `"${name}" is not a DNS subdomain`);
      else if (name !== undefined) spec.name = name;
    } else if (key === 'roles') {
      spec.roles = r.texts(value, at, (role) => (ROLE.test(role) ? undefined : `"${role}" is not a role name`));
    } else if (key === 'images') {
      spec.images = r.texts(value, at, (image) => {
        const parsed = parseNormalizedNamed(image);
        return parsed.ok ? undefined : `"${image}": ${parsed.error}`;
      });
    } else if (key === 'ip') {
      const ip = r.text(value, at);
      if (ip !== undefined && !IP.test(ip)) r.fail(value, at, `"${ip}" is not an IP address`);
      else if (ip !== undefined) spec.ip = ip;
    }
  }
  if (!named) return r.fail(node, path, 'a node needs a name');
  return spec.name ? spec : undefined;
}

function readRegistries(r: Reader, node: unknown, path: string): RegistrySpec[] {
  const hosts = r.entries(node, path, undefined) ?? [];
  const registries: RegistrySpec[] = [];
  for (const [host, value, keyNode] of hosts) {
    const at = `${path}.${host}`;
    if (!REGISTRY_HOST.test(host)) {
      r.fail(keyNode, at, `"${host}" is not a registry host name`);
      continue;
    }
    const repositories: RegistryRepository[] = [];
    for (const [name, tags, repoKey] of r.entries(value, at, undefined) ?? []) {
      if (!REPOSITORY.test(name)) {
        r.fail(repoKey, `${at}.${name}`, `"${name}" is not a repository path (lowercase, e.g. apps/ubuntu-nginx)`);
        continue;
      }
      const list = r.texts(tags, `${at}.${name}`, (tag) => (TAG.test(tag) ? undefined : `"${tag}" is not a tag`));
      repositories.push({ name, tags: list });
    }
    registries.push({ host, repositories });
  }
  return registries;
}

function readCluster(r: Reader, node: unknown, path: string): ClusterSpec | undefined {
  const entries = r.entries(node, path, CLUSTER_KEYS);
  if (!entries) return undefined;
  const cluster: ClusterSpec = {};
  for (const [key, value] of entries) {
    const at = `${path}.${key}`;
    if (key === 'start') {
      const start = r.text(value, at);
      const seconds = start === undefined ? undefined : parseRfc3339(start);
      if (start !== undefined && seconds === undefined) {
        r.fail(value, at, `"${start}" is not an RFC 3339 time such as 2023-08-09T02:35:00Z`);
      } else if (start !== undefined && seconds !== undefined) {
        cluster.start = start;
        cluster.startSeconds = seconds;
      }
    } else if (key === 'nodes') {
      r.record(value, at);
      if (!isSeq(value)) {
        r.fail(value, at, 'must be a list of nodes');
        continue;
      }
      const nodes: NodeSpec[] = [];
      value.items.forEach((item, i) => {
        const spec = readNode(r, item, `${at}.${i}`);
        if (!spec) return;
        if (nodes.some((n) => n.name === spec.name)) r.fail(item, `${at}.${i}`, `node "${spec.name}" is listed twice`);
        else nodes.push(spec);
      });
      cluster.nodes = nodes;
    } else if (key === 'clients') {
      cluster.clients = r.texts(value, at, (name) =>
        /^[A-Za-z0-9][\w.-]*$/.test(name) ? undefined : `"${name}" is not a host name`,
      );
    } else if (key === 'registries') {
      cluster.registries = readRegistries(r, value, at);
    }
  }
  return cluster;
}

function readScenario(r: Reader, entries: [string, Node, unknown][], path: string): ScenarioSettings {
  const settings: ScenarioSettings = {};
  for (const [key, value] of entries) {
    const at = `${path}.${key}`;
    if (key === 'k8s' || key === 'kubectl') {
      const text = r.text(value, at);
      if (text === undefined) continue;
      const problem = versionProblem(text);
      if (problem) {
        const pos = r.ctx.at(value);
        r.ctx.sink.error('VERSION_INVALID', pos.line, pos.col, `${at}: ${problem}`);
      } else {
        settings[key] = normalizeVersion(text);
      }
    } else if (key === 'seed') {
      const text = r.text(value, at);
      if (text !== undefined && !/^\d{1,15}$/.test(text)) r.fail(value, at, `"${text}" is not a whole number`);
      else if (text !== undefined) settings.seed = Number(text);
    } else if (key === 'cluster') {
      const cluster = readCluster(r, value, at);
      if (cluster) settings.cluster = cluster;
    }
  }
  return settings;
}

export function readPodbookSettings(node: unknown, ctx: SettingsContext): PodbookSettings {
  const r = new Reader(ctx);
  const entries = r.entries(node, 'podbook', PODBOOK_KEYS);
  if (!entries) return { scenarios: {} };
  const settings: PodbookSettings = {
    ...readScenario(
      r,
      entries.filter(([key]) => key !== 'scenarios'),
      'podbook',
    ),
    scenarios: {},
  };
  const scenarios = entries.find(([key]) => key === 'scenarios');
  if (scenarios) {
    for (const [name, value, keyNode] of r.entries(scenarios[1], 'podbook.scenarios', undefined) ?? []) {
      const at = `podbook.scenarios.${name}`;
      if (!SCENARIO_NAME.test(name) || name === DEFAULT_SCENARIO) {
        r.fail(
          keyNode,
          at,
          name === DEFAULT_SCENARIO
            ? '"default" names the page-level settings; give this scenario another name'
            : 'a scenario name is letters, digits, `.`, `_` and `-`',
        );
        continue;
      }
      const fields = r.entries(value, at, SCENARIO_KEYS);
      if (fields) settings.scenarios[name] = readScenario(r, fields, at);
    }
  }
  return settings;
}
