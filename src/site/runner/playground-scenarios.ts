/**
 * The playground's starting scenarios: small clusters (a control plane and one worker, Docker Hub's library
 * images) with a Pod manifest applied and a first look at it. Each one is a question the guides answer; the
 * reader edits the manifest, the images and the clock from there.
 */
import type { ClusterSpec } from '../../check/extract/types.ts';
import { type RunnerScenario, type RunnerStep, SCENARIO_FORMAT } from './scenario.ts';
import type { Locale } from './strings.ts';

export interface PlaygroundStart {
  id: string;
  title: Record<Locale, string>;
  /** The scenario, with the manifest's hint comment in the page's language. */
  scenario: (locale: Locale) => RunnerScenario;
}

type Hint = Record<Locale, string>;

const RELEASE = '1.35';

function cluster(workerImages: string[]): ClusterSpec {
  return {
    start: '2025-01-06T08:00:00Z',
    startSeconds: Date.UTC(2025, 0, 6, 8) / 1000,
    nodes: [
      { name: 'control-plane', roles: ['control-plane'], images: [] },
      { name: 'worker-1', roles: ['worker'], images: workerImages },
    ],
  };
}

function pod(name: string, spec: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${spec}`;
}

function scenario(file: string, text: string, images: string[], after: RunnerStep[]): RunnerScenario {
  const steps: RunnerStep[] = [
    { kind: 'write', file, text },
    { kind: 'at', seconds: 1 },
    { kind: 'run', line: `kubectl apply -f ${file}` },
    ...after,
  ];
  return {
    v: SCENARIO_FORMAT,
    k8s: RELEASE,
    seed: 7,
    cluster: cluster(images),
    steps,
    shownFrom: 0,
    pageSteps: steps.length,
  };
}

const GET: RunnerStep = { kind: 'run', line: 'kubectl get pods' };

const hint = (h: Hint, locale: Locale) => h[locale];

export const PLAYGROUND_STARTS: readonly PlaygroundStart[] = [
  {
    id: 'pull-policy',
    title: { 'zh-cn': '拉取策略：节点上没有镜像', en: 'Pull policy: the image is not on the node' },
    scenario: (l) =>
      scenario(
        'web-pod.yaml',
        pod(
          'web',
          `  containers:
  - name: web
    image: nginx:1.25
    imagePullPolicy: IfNotPresent # ${hint({ 'zh-cn': '改成 Never 试试：节点上没有 nginx:1.25', en: 'try Never: the node does not hold nginx:1.25' }, l)}
`,
        ),
        [],
        [{ kind: 'wait', seconds: 30 }, GET],
      ),
  },
  {
    id: 'crash-loop',
    title: {
      'zh-cn': '容器退出码 1：重启策略与 CrashLoopBackOff',
      en: 'Exit code 1: restart policy and CrashLoopBackOff',
    },
    scenario: (l) =>
      scenario(
        'crash-pod.yaml',
        pod(
          'crash',
          `  restartPolicy: Always # ${hint({ 'zh-cn': '再试试 OnFailure 和 Never', en: 'try OnFailure, then Never' }, l)}
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 5; exit 1"]
`,
        ),
        ['busybox:1.36'],
        [{ kind: 'wait', seconds: 300 }, GET],
      ),
  },
  {
    id: 'nginx-stop',
    title: { 'zh-cn': 'nginx -s stop 之后', en: 'After nginx -s stop' },
    scenario: (l) =>
      scenario(
        'nginx-pod.yaml',
        pod(
          'nginx',
          `  restartPolicy: Never # ${hint({ 'zh-cn': '改成 Always 试试', en: 'try Always' }, l)}
  containers:
  - name: nginx
    image: nginx:1.25
`,
        ),
        ['nginx:1.25'],
        [
          { kind: 'wait', seconds: 20 },
          { kind: 'run', line: 'kubectl exec nginx -- nginx -s stop' },
          { kind: 'wait', seconds: 10 },
          GET,
        ],
      ),
  },
  {
    id: 'latest-tag',
    title: { 'zh-cn': ':latest 标签与默认的 Always', en: 'The :latest tag and the default Always' },
    scenario: (l) =>
      scenario(
        'latest-pod.yaml',
        pod(
          'latest',
          `  containers:
  - name: web
    image: nginx:latest # ${hint({ 'zh-cn': '没写 imagePullPolicy：:latest 默认 Always', en: 'no imagePullPolicy: :latest means Always' }, l)}
`,
        ),
        ['nginx:latest'],
        [{ kind: 'wait', seconds: 30 }, GET, { kind: 'run', line: 'kubectl describe pod latest' }],
      ),
  },
];

/** The starting scenarios with their titles in the page's language. */
export function playgroundStarts(locale: Locale): { id: string; title: string; scenario: RunnerScenario }[] {
  return PLAYGROUND_STARTS.map((s) => ({
    id: s.id,
    title: s.title[locale],
    scenario: { ...s.scenario(locale), title: s.title[locale] },
  }));
}
