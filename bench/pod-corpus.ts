/**
 * A deterministic corpus of Pod manifests for the validation benchmark: every other Pod carries one of the mistakes
 * authors really make (the seed notes' misspelt policies, `containers:` as a map, unknown fields, bad names...).
 */

/** mulberry32: a small seeded PRNG, so every run validates the same texts. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IMAGES = [
  'nginx:1.25',
  'nginx',
  'busybox:1.36',
  'registry.example.com:5000/team/app:v2',
  `redis@sha256:${'a'.repeat(64)}`,
];

function validPod(i: number, pick: <T>(xs: T[]) => T): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: web-${i}
  namespace: default
  labels:
    app: web
    tier: "${pick(['frontend', 'backend'])}"
spec:
  restartPolicy: ${pick(['Always', 'OnFailure', 'Never'])}
  containers:
  - name: app
    image: ${pick(IMAGES)}
    imagePullPolicy: ${pick(['Always', 'IfNotPresent', 'Never'])}
    ports:
    - containerPort: ${80 + (i % 1000)}
      name: http
    env:
    - name: MODE
      value: "production"
    resources:
      limits:
        cpu: 500m
        memory: 128Mi
  - name: sidecar
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
`;
}

/** Each mistake turns a valid text into an invalid one. */
const MISTAKES: ((text: string, i: number) => string)[] = [
  (t) => t.replace(/restartPolicy: \w+/, 'restartPolicy: Nerser'),
  (t) => t.replace(/imagePullPolicy: \w+/, 'imagePullPolicy: Onfailure'),
  (t) =>
    t
      .replace('  containers:\n  - name: app\n', '  containers:\n    name: app\n')
      .replace(/\n {2}- name: sidecar[\s\S]*$/, '\n'),
  (t) => t.replace('    imagePullPolicy:', '    imagePullPolicyy:'),
  (t, i) => t.replace(`name: web-${i}`, `name: Web_${i}`),
  (t) => t.replace(/containerPort: \d+/, 'containerPort: 70000'),
  (t) => t.replace(/containerPort: \d+/, 'containerPort: "80"'),
  (t) => t.replace('  - name: sidecar\n', '  - name: app\n'),
  (t) => t.replace(/ {4}image: .*\n/, ''),
  (t) => t.replace('cpu: 500m', 'cpu: 5 cores'),
];

export interface CorpusEntry {
  name: string;
  text: string;
  /** Whether the generator made this one invalid on purpose. */
  invalid: boolean;
}

export function podCorpus(count: number, seed = 20231): CorpusEntry[] {
  const random = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out: CorpusEntry[] = [];
  for (let i = 0; i < count; i++) {
    const valid = validPod(i, pick);
    if (i % 2 === 0) out.push({ name: `pod-${i}.yaml`, text: valid, invalid: false });
    else out.push({ name: `pod-${i}.yaml`, text: MISTAKES[i % MISTAKES.length]!(valid, i), invalid: true });
  }
  return out;
}
