/**
 * Generated names (`generateName`, the `kube-api-access-xxxxx` volume): a base plus five random characters.
 * The model takes the randomness from the caller so that every run is reproducible; the seeded generator
 * below is the default. Use one generator per simulated cluster so that names do not repeat.
 */

/** k8s.io/apimachinery/pkg/util/rand alphanums: no vowels (no words), no 0/1/3 (look-alikes). */
export const RANDOM_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
/** names.SimpleNameGenerator: randomLength 5, maxGeneratedNameLength 63 - 5. */
export const RANDOM_SUFFIX_LENGTH = 5;
export const MAX_GENERATED_NAME_BASE_LENGTH = 63 - RANDOM_SUFFIX_LENGTH;

/** A deterministic source of 5-character suffixes from RANDOM_ALPHANUMS (mulberry32 PRNG). */
export function seededRandomSuffix(seed = 0x5eed): () => string {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => {
    let out = '';
    for (let i = 0; i < RANDOM_SUFFIX_LENGTH; i++)
      out += RANDOM_ALPHANUMS[Math.floor(next() * RANDOM_ALPHANUMS.length)];
    return out;
  };
}

/** base (cut to 58 characters) + suffix. */
// staging/src/k8s.io/apiserver/pkg/storage/names/generate.go (simpleNameGenerator).GenerateName
export function generateName(base: string, randomSuffix: () => string): string {
  const cut = base.length > MAX_GENERATED_NAME_BASE_LENGTH ? base.slice(0, MAX_GENERATED_NAME_BASE_LENGTH) : base;
  const suffix = randomSuffix();
  if (typeof suffix !== 'string' || suffix.length === 0) {
    throw new TypeError(`randomSuffix() must return a non-empty string, got ${JSON.stringify(suffix)}`);
  }
  return cut + suffix;
}
