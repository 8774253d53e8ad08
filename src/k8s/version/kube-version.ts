/**
 * One value selects every version-dependent behaviour of the model: the Kubernetes minor release of the
 * cluster (apiserver + kubelet), that release's feature-gate defaults, and any gate a caller overrides.
 * Nothing in src/k8s reads a global: functions take a KubeVersion (or a kubectl minor for client-side printing).
 */
import { type FeatureGate, type FeatureGates, gateDefaults } from './feature-gates.ts';

/** The oldest and newest minor releases the model is written and tested for. */
export const OLDEST_MINOR = 23;
export const NEWEST_MINOR = 35;

export interface KubeVersion {
  /** Kubernetes 1.<minor> */
  readonly minor: number;
  /** Effective feature gates: the release's defaults with the caller's overrides applied. */
  readonly gates: Readonly<FeatureGates>;
}

export class KubeVersionError extends Error {
  override name = 'KubeVersionError';
}

/** Accepts `1.35`, `v1.35`, `1.35.2`, `"35"` or the number 35; anything else is an error, never a guess. */
export function parseMinor(input: string | number): number {
  const text = String(input).trim();
  const match = /^v?(?:1\.)?(\d{1,3})(?:\.\d+)?$/.exec(text);
  const minor = match ? Number(match[1]) : Number.NaN;
  if (!Number.isInteger(minor) || minor < OLDEST_MINOR || minor > NEWEST_MINOR) {
    throw new KubeVersionError(
      `unsupported Kubernetes version "${text}": expected 1.${OLDEST_MINOR} to 1.${NEWEST_MINOR} (for example 1.35)`,
    );
  }
  return minor;
}

/** The version value for a release, with optional feature-gate overrides (like the kubelet's --feature-gates). */
export function kubeVersion(
  version: string | number,
  overrides: Partial<Record<FeatureGate, boolean>> = {},
): KubeVersion {
  const minor = parseMinor(version);
  return Object.freeze({ minor, gates: Object.freeze({ ...gateDefaults(minor), ...overrides }) });
}

/** `1.35` */
export function formatVersion(v: KubeVersion | number): string {
  return `1.${typeof v === 'number' ? v : v.minor}`;
}

/** Every supported minor, oldest first. */
export function supportedMinors(): number[] {
  const out: number[] = [];
  for (let m = OLDEST_MINOR; m <= NEWEST_MINOR; m++) out.push(m);
  return out;
}
