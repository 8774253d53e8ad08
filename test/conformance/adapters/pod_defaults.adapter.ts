/**
 * pod_defaults.json: one row per field of `kubectl get pod -o yaml` that the apiserver (or later the
 * scheduler/kubelet) fills in, with the value and who sets it. Rows with a literal value are compared with
 * the model's output; rows whose value is a rule in prose ("Always if ...", the QoS rules, "copied from
 * limits ...") are checked as properties over hand-written probes, and the row's text is the actual value
 * only when every probe behaves as the rule says (otherwise the actual value lists what went wrong).
 * `setBy` is rendered from the model's provenance.
 */
import {
  computePodQOS,
  createPod,
  type Defaulted,
  defaultPod,
  defaultPodTemplateSpec,
  FIELDS_SET_AFTER_CREATE,
  type FieldProvenance,
  QOS_CITATION,
} from '../../../src/k8s/defaults/index.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';
import { casesOf, defaultCaseName, type VectorAdapter, type VectorCase } from '../adapter.ts';

// The rows cite defaults_test.go "unchanged in newer defaults.go (~v1.35)", admission plugins and qos.go with no
// older era: all run at 1.35.
const V = kubeVersion('1.35');
// biome-ignore lint/suspicious/noExplicitAny: free-form JSON fixtures, read by deep property access
type Obj = Record<string, any>;

const pod = (spec: Obj): Obj => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const container = (extra: Obj = {}): Obj => ({ name: 'c', image: 'nginx:1.25', ...extra });
const SIMPLE = pod({ containers: [container({ ports: [{ containerPort: 80 }] })] });

function created(manifest: Obj = SIMPLE): Defaulted<Obj> {
  return createPod<Obj>(manifest, V, { randomSuffix: () => 'x7k2q' });
}

/** The Go function a provenance entry cites (`SetDefaults_Container`, `mountServiceAccountToken`). */
function functionOf(p: FieldProvenance): string {
  return p.citation.split(' ').at(-1)?.replace('(*Plugin).', '') ?? '';
}

/** "defaulting (SetDefaults_Container)" or "admission plugin Priority" from a provenance entry. */
function setByText(p: FieldProvenance | undefined): string {
  if (!p) return '(not set by the create request)';
  if (p.setBy.startsWith('admission:')) return `admission plugin ${p.setBy.slice('admission:'.length)}`;
  return `${p.setBy} (${functionOf(p)})`;
}

function entry(result: Defaulted<Obj>, path: string): FieldProvenance | undefined {
  return result.provenance.find((p) => p.path === path);
}

function get(obj: Obj, path: string): unknown {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter(Boolean)
    .reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Obj)[k] : undefined), obj);
}

/** A literal default: the value in the created pod, and who set it. */
function literal(path: string) {
  return () => {
    const result = created();
    return { value: String(get(result.object, path)), setBy: setByText(entry(result, path)) };
  };
}

/** The row's prose when every probe holds, else the failed probes. */
function property(prose: string, failures: string[]): string {
  return failures.length === 0 ? prose : `probes failed: ${failures.join('; ')}`;
}

function imagePullPolicyRule(c: VectorCase) {
  const probes: [string, string][] = [
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['localhost:5000/app', 'Always'],
    ['url:5000/repo:latest@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['nginx:LATEST', 'IfNotPresent'],
    ['nginx@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'IfNotPresent'],
  ];
  const failures = probes.flatMap(([image, want]) => {
    const got = defaultPod<Obj>(pod({ containers: [container({ image })] }), V).object.spec.containers[0]
      .imagePullPolicy;
    return got === want ? [] : [`${image} -> ${got}`];
  });
  const result = created();
  return {
    value: property(String(c.value), failures),
    setBy: setByText(entry(result, 'spec.containers[0].imagePullPolicy')),
  };
}

function requestsFromLimits(c: VectorCase) {
  const spec = {
    containers: [container({ resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } } })],
  };
  const asPod = defaultPod<Obj>(pod(spec), V);
  const asTemplate = defaultPodTemplateSpec<Obj>({ metadata: {}, spec }, V).object as Obj;
  const requests = asPod.object.spec.containers[0].resources.requests;
  const failures: string[] = [];
  if (requests.memory !== '1Gi') failures.push(`memory request ${requests.memory}`);
  if (requests.cpu !== '500m') failures.push(`cpu request overwritten: ${requests.cpu}`);
  if (asTemplate.spec.containers[0].resources.requests.memory !== undefined) failures.push('template got a request');
  return {
    value: property(String(c.value), failures),
    setBy: setByText(entry(asPod, 'spec.containers[0].resources.requests.memory')),
  };
}

function enableServiceLinks() {
  const result = created();
  const template = defaultPodTemplateSpec<Obj>({ metadata: {}, spec: SIMPLE.spec }, V).object as Obj;
  const podOnly = template.spec.enableServiceLinks === undefined ? '; Pod only' : '';
  const p = entry(result, 'spec.enableServiceLinks');
  return { value: String(result.object.spec.enableServiceLinks), setBy: `${setByText(p).slice(0, -1)}${podOnly})` };
}

function unreachableToleration() {
  const result = created();
  const tolerations = result.object.spec.tolerations as Obj[];
  const index = tolerations.findIndex((t) => t.key === 'node.kubernetes.io/unreachable');
  const t = tolerations[index] ?? {};
  const p = entry(result, `spec.tolerations[${index}]`);
  const flag = p?.note?.split('=')[0];
  return {
    field: `.spec.tolerations += ${t.key}:${t.effect} ${t.operator} ${t.tolerationSeconds}s`,
    value: `tolerationSeconds ${t.tolerationSeconds} (flag ${flag})`,
    setBy: setByText(p),
  };
}

function serviceAccountName() {
  const result = created();
  const spec = result.object.spec;
  const mirrored =
    spec.serviceAccount === spec.serviceAccountName && entry(result, 'spec.serviceAccount')?.setBy === 'conversion';
  return {
    value: `${spec.serviceAccountName}${mirrored ? ' (serviceAccount is the deprecated mirror)' : ''}`,
    setBy: `${setByText(entry(result, 'spec.serviceAccountName'))}${mirrored ? ' (+ v1 conversion mirrors serviceAccount)' : ''}`,
  };
}

function tokenVolume(c: VectorCase) {
  const result = created();
  const volumes = result.object.spec.volumes as Obj[];
  const index = volumes.findIndex((v) => String(v.name).startsWith('kube-api-access-'));
  const { name, ...source } = volumes[index] ?? {};
  const mount = entry(result, `spec.volumes[${index}]`);
  const generated = /^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(String(name));
  return {
    actual: {
      field: generated ? '.spec.volumes += kube-api-access-<5 random chars>' : `.spec.volumes += ${String(name)}`,
      value: source,
      setBy: mount ? `${setByText(mount)} (${functionOf(mount)})` : setByText(undefined),
    },
    expected: { field: c.field, value: parseNotation(String(c.value)), setBy: c.setBy },
  };
}

function priority() {
  const result = created();
  const p = entry(result, 'spec.priority');
  const withDefault = createPod<Obj>(SIMPLE, V, {
    randomSuffix: () => 'x7k2q',
    priorityClasses: [{ name: 'high', value: 1000, globalDefault: true }],
  }).object.spec.priority;
  // The condition in the row only holds if a globalDefault class changes the result.
  const value =
    withDefault === 1000 ? `${result.object.spec.priority} when ${p?.note}` : `always ${result.object.spec.priority}`;
  return { value, setBy: setByText(p) };
}

/** A field the create request must leave alone; who sets it comes from FIELDS_SET_AFTER_CREATE. */
function fieldSetLater(path: string, createdPaths: string[]) {
  return () => {
    const later = FIELDS_SET_AFTER_CREATE.find((f) => f.path === path);
    const touched = created().provenance.filter((p) => createdPaths.some((prefix) => p.path.startsWith(prefix)));
    if (!later || touched.length > 0) {
      return { value: `set at create: ${touched.map((p) => p.path).join(', ')}`, setBy: later?.setBy ?? '(unknown)' };
    }
    return { value: later.value ?? '', setBy: later.setBy };
  };
}

function qosRules(c: VectorCase) {
  const q = (cpu?: string, memory?: string) => ({ ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) });
  const probe = (containers: Obj[], initContainers: Obj[] = []) =>
    computePodQOS(defaultPod<Obj>(pod({ containers, initContainers }), V).object, V);
  const failures: string[] = [];
  const expect = (name: string, got: string, want: string) => got !== want && failures.push(`${name}: ${got}`);
  expect('no resources', probe([container()]), 'BestEffort');
  expect('zero quantities', probe([container({ resources: { requests: q('0', '0') } })]), 'BestEffort');
  expect(
    'init container request',
    probe([container()], [container({ resources: { requests: q('100m') } })]),
    'Burstable',
  );
  expect(
    'limits only (requests defaulted)',
    probe([container({ resources: { limits: q('1', '1Gi') } })]),
    'Guaranteed',
  );
  expect('cpu limit only', probe([container({ resources: { limits: q('1') } })]), 'Burstable');
  expect(
    'requests below limits',
    probe([container({ resources: { limits: q('1', '1Gi'), requests: q('500m', '1Gi') } })]),
    'Burstable',
  );
  expect(
    'one container without limits',
    probe([container({ resources: { limits: q('1', '1Gi') } }), container({ name: 'd' })]),
    'Burstable',
  );
  expect(
    'ephemeral-storage does not count',
    probe([
      container({
        resources: {
          limits: { ...q('1', '1Gi'), 'ephemeral-storage': '1Gi' },
          requests: { 'ephemeral-storage': '1Mi' },
        },
      }),
    ]),
    'Guaranteed',
  );
  const [file, fn] = QOS_CITATION.split(' ');
  return { value: property(String(c.value), failures), setBy: `${file?.replace(/\/[^/]+\.go$/, '')} ${fn}` };
}

/** Parses the rows' compact object notation: `name{k:v, list:[...]}`, `{...}`, `[...]`, bare scalars. */
function parseNotation(text: string): unknown {
  let i = 0;
  const skip = () => {
    while (text[i] === ' ') i++;
  };
  const value = (): unknown => {
    skip();
    if (text[i] === '{') return object();
    if (text[i] === '[') return list();
    const start = i;
    while (i < text.length && !',:{}[]'.includes(text[i] ?? '')) i++;
    const word = text.slice(start, i).trim();
    if (text[i] === '{') return { [word]: object() };
    return /^\d+$/.test(word) ? Number(word) : word;
  };
  const object = (): Obj => {
    const out: Obj = {};
    i++; // {
    for (;;) {
      skip();
      if (text[i] === '}') break;
      const start = i;
      while (text[i] !== ':') i++;
      const key = text.slice(start, i).trim();
      i++; // :
      out[key] = value();
      skip();
      if (text[i] === ',') i++;
    }
    i++; // }
    return out;
  };
  const list = (): unknown[] => {
    const out: unknown[] = [];
    i++; // [
    for (;;) {
      skip();
      if (text[i] === ']') break;
      out.push(value());
      skip();
      if (text[i] === ',') i++;
    }
    i++; // ]
    return out;
  };
  return value();
}

type Runner = (c: VectorCase) => Obj;
const ROWS: Record<string, Runner> = {
  '.spec.containers[*].imagePullPolicy': imagePullPolicyRule,
  '.spec.containers[*].terminationMessagePath': literal('spec.containers[0].terminationMessagePath'),
  '.spec.containers[*].terminationMessagePolicy': literal('spec.containers[0].terminationMessagePolicy'),
  '.spec.containers[*].resources.requests': requestsFromLimits,
  '.spec.dnsPolicy': literal('spec.dnsPolicy'),
  '.spec.restartPolicy': literal('spec.restartPolicy'),
  '.spec.terminationGracePeriodSeconds': literal('spec.terminationGracePeriodSeconds'),
  '.spec.schedulerName': literal('spec.schedulerName'),
  '.spec.enableServiceLinks': enableServiceLinks,
  '.spec.tolerations += node.kubernetes.io/unreachable:NoExecute Exists 300s': unreachableToleration,
  '.spec.serviceAccountName / .spec.serviceAccount': serviceAccountName,
  '.spec.priority': priority,
  '.spec.preemptionPolicy': literal('spec.preemptionPolicy'),
  '.spec.nodeName': fieldSetLater('spec.nodeName', ['spec.nodeName']),
  '.status.qosClass rules': qosRules,
  '.status.conditions PodScheduled=True': fieldSetLater('status.conditions[type=PodScheduled]', ['status.conditions']),
  '.status.hostIP/.podIP/.startTime/.containerStatuses/.conditions(Initialized,Ready,ContainersReady,PodReadyToStartContainers)':
    fieldSetLater('status.hostIP/podIP/startTime/containerStatuses/conditions', [
      'status.hostIP',
      'status.podIP',
      'status.startTime',
      'status.containerStatuses',
      'status.conditions',
    ]),
};

export const adapter: VectorAdapter = {
  file: 'pod_defaults.json',
  versionNote: '1.35: the rows cite defaults.go/admission/qos.go as unchanged up to ~v1.35 and name no older release',
  cases: casesOf,
  caseName: (c, i) => `${defaultCaseName(c, i)} ${String(c.field)}`,
  run(c) {
    const field = String(c.field);
    if (field.startsWith('.spec.volumes += kube-api-access-')) return tokenVolume(c);
    const runner = ROWS[field];
    if (!runner) throw new Error(`pod_defaults.json: no probe for field ${field}`);
    const actual = runner(c);
    const expected: Obj = { value: c.value, setBy: c.setBy };
    if ('field' in actual) expected.field = c.field;
    return { actual, expected };
  },
};
