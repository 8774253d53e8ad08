/** Test helpers: validate a manifest object at a release and read the errors as the apiserver prints them. */
import { type FeatureGate, kubeVersion } from '../../../src/k8s/version/index.ts';
import { fieldErrorString } from '../../../src/manifest/render/index.ts';
import { validateForCreate } from '../../../src/manifest/semantic/index.ts';

export function messages(obj: unknown, minor = 35, gates: Partial<Record<FeatureGate, boolean>> = {}): string[] {
  return validateForCreate(obj, { version: kubeVersion(minor, gates) }).errors.map(fieldErrorString);
}

/** A valid Pod to start from; `patch` edits a deep copy. */
export function pod(patch: (p: PodLike) => void = () => {}): PodLike {
  const p: PodLike = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'nginx-5' },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
  };
  patch(p);
  return p;
}

// biome-ignore lint/suspicious/noExplicitAny: tests write free-form manifests
export type PodLike = Record<string, any>;
