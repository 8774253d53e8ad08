/**
 * The only source of randomness in the virtual cluster: a seeded PRNG (sfc32, seeded through the cyrb128 string
 * hash) and the generators built on it. Every random value Kubernetes would draw (UIDs, generateName suffixes,
 * container IDs, pod IPs, wait.Jitter) is drawn here, so one seed always gives the same text.
 *
 * Streams are forked by label (`rng.fork('pod/<uid>')`): a pod's draws do not depend on how many other pods
 * drew before it, which keeps a scenario's numbers stable when an unrelated pod is added.
 */
import { RANDOM_ALPHANUMS, RANDOM_SUFFIX_LENGTH } from '../k8s/defaults/name-generator.ts';

export class SeededRandomError extends Error {
  override name = 'SeededRandomError';
}

/** cyrb128: a fast 128-bit string hash, used to turn a seed and a label into four 32-bit words. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A deterministic hex string of `length` characters derived from `text` (not cryptographic). */
export function hashHex(text: string, length: number): string {
  let out = '';
  for (let round = 0; out.length < length; round++) {
    for (const word of cyrb128(`${round}:${text}`)) out += word.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** `sha256:<64 hex>` derived from `text`: image digests that stay the same whatever else the cluster does. */
export function digestFor(text: string): string {
  return `sha256:${hashHex(text, 64)}`;
}

export class SeededRandom {
  readonly seed: string;
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    if (typeof seed === 'number' && !Number.isFinite(seed)) throw new SeededRandomError(`seed must be finite: ${seed}`);
    if (typeof seed !== 'number' && typeof seed !== 'string')
      throw new SeededRandomError('seed must be a number or a string');
    this.seed = String(seed);
    [this.a, this.b, this.c, this.d] = cyrb128(this.seed);
    for (let i = 0; i < 12; i++) this.nextUint32(); // warm up, as the sfc32 authors advise
  }

  /** sfc32 step: a uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1), like Go's rand.Float64. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new SeededRandomError(`int(n) needs a positive integer, got ${n}`);
    return Math.floor(this.next() * n);
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    if (!(max >= min)) throw new SeededRandomError(`between(min, max) needs min <= max, got ${min}, ${max}`);
    return min + (max - min) * this.next();
  }

  /** An independent stream for `label`, the same for the same seed whatever this stream drew before. */
  fork(label: string): SeededRandom {
    return new SeededRandom(`${this.seed}/${label}`);
  }

  /** `n` lowercase hex digits. */
  hex(n: number): string {
    let out = '';
    while (out.length < n) out += this.nextUint32().toString(16).padStart(8, '0');
    return out.slice(0, n);
  }

  /** A random (version 4) UUID, as apimachinery util/uuid.NewUUID (google/uuid New) makes metadata.uid. */
  // staging/src/k8s.io/apimachinery/pkg/util/uuid/uuid.go NewUUID
  uuid(): string {
    const h = this.hex(32).split('');
    h[12] = '4';
    h[16] = '89ab'[Number.parseInt(h[16]!, 16) & 3]!;
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** Five characters of apimachinery's rand alphabet, for generateName and `kube-api-access-xxxxx`. */
  // staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go String (via names.SimpleNameGenerator)
  nameSuffix(): string {
    let out = '';
    for (let i = 0; i < RANDOM_SUFFIX_LENGTH; i++) out += RANDOM_ALPHANUMS[this.int(RANDOM_ALPHANUMS.length)];
    return out;
  }

  /** A containerd container or sandbox ID: 64 hex digits. */
  containerId(): string {
    return this.hex(64);
  }

  /** wait.Jitter(duration, maxFactor): duration + rand.Float64()*maxFactor*duration (maxFactor <= 0 means 1). */
  // staging/src/k8s.io/apimachinery/pkg/util/wait/jitter.go Jitter
  jitter(duration: number, maxFactor: number): number {
    const factor = maxFactor <= 0 ? 1 : maxFactor;
    return duration + this.next() * factor * duration;
  }
}
