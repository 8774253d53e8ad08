/**
 * fast-check generators shared by the property tests: Pod-shaped manifests that mix valid and broken values
 * (so that both the happy paths and the error paths of the model are exercised), and command sequences for the
 * virtual cluster's terminal.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

/** Every Kubernetes release the model covers. */
export const minors = fc.integer({ min: 23, max: 35 });

/** Mostly valid values, sometimes a broken one: sessions must get past the apiserver to exercise the kubelet. */
function mostly<T>(valid: readonly T[], broken: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...valid) },
    { weight: 1, arbitrary: fc.constantFrom(...broken) },
  );
}

const podNames = mostly(['web', 'job', 'crash'], ['Bad_Name']);

/** Images the default registries hold, miss, or that are not valid references at all. */
const images = mostly(
  [
    'nginx',
    'nginx:1.25',
    'nginx:latest',
    'nginx:LATEST',
    'nginx:0.0.0-missing',
    'busybox:1.36',
    'busybox',
    'localhost:5000/app',
    'nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000',
  ],
  ['Nginx:1.25', ''],
);

const pullPolicies = mostly([undefined, 'Always', 'IfNotPresent', 'Never'], ['never', 'IfNotPresnt']);
const restartPolicies = mostly([undefined, 'Always', 'OnFailure', 'Never'], ['always']);

/** Container commands the virtual runtime interprets (exits, sleeps, runs forever) and some it does not. */
const commands = mostly<unknown>(
  [
    undefined,
    ['sh', '-c', 'exit 1'],
    ['sh', '-c', 'sleep 5; exit 0'],
    ['sh', '-c', 'sleep 3; exit 2'],
    ['sh', '-c', 'sleep 20'],
    ['sleep', 'infinity'],
    ['/bin/false'],
  ],
  ['not-a-list'],
);

export interface PodArgs {
  name: string;
  image: string;
  imagePullPolicy: string | undefined;
  restartPolicy: string | undefined;
  command: unknown;
  containersAsMap: boolean;
}

export const podArgs: fc.Arbitrary<PodArgs> = fc.record({
  name: podNames,
  image: images,
  imagePullPolicy: pullPolicies,
  restartPolicy: restartPolicies,
  command: commands,
  // The seed's first mistake: `containers` written as a map instead of a list.
  containersAsMap: mostly([false], [true]),
});

/** The manifest text of a Pod built from `args` (YAML as an author would write it). */
export function podManifest(args: PodArgs): string {
  const container: Record<string, unknown> = { name: 'main', image: args.image };
  if (args.imagePullPolicy !== undefined) container.imagePullPolicy = args.imagePullPolicy;
  if (args.command !== undefined) container.command = args.command;
  const spec: Record<string, unknown> = { containers: args.containersAsMap ? container : [container] };
  if (args.restartPolicy !== undefined) spec.restartPolicy = args.restartPolicy;
  return stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: args.name }, spec });
}

/** One step of a terminal session against the cluster. */
export type Step =
  | { kind: 'apply'; pod: PodArgs }
  | { kind: 'delete'; name: string }
  | { kind: 'stop-nginx'; name: string }
  | { kind: 'wait'; seconds: number }
  | { kind: 'get' }
  | { kind: 'describe'; name: string }
  | { kind: 'pull'; image: string }
  | { kind: 'rmi'; image: string };

export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: podArgs.map((pod) => ({ kind: 'apply' as const, pod })) },
  { weight: 1, arbitrary: podNames.map((name) => ({ kind: 'delete' as const, name })) },
  { weight: 1, arbitrary: podNames.map((name) => ({ kind: 'stop-nginx' as const, name })) },
  {
    weight: 5,
    arbitrary: fc.integer({ min: 1, max: 9000 }).map((tenths) => ({ kind: 'wait' as const, seconds: tenths / 10 })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'get' as const }) },
  { weight: 1, arbitrary: podNames.map((name) => ({ kind: 'describe' as const, name })) },
  { weight: 1, arbitrary: images.map((image) => ({ kind: 'pull' as const, image })) },
  { weight: 1, arbitrary: images.map((image) => ({ kind: 'rmi' as const, image })) },
);

export const session = fc.record({
  minor: minors,
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  steps: fc.array(step, { minLength: 1, maxLength: 14 }),
});
