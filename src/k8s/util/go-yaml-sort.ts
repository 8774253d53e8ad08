/**
 * The order go-yaml v2 writes map keys in: not plain byte order but a "natural" order where runs of digits compare
 * as numbers (`a/3` < `a/10`), and at the first difference a non-letter sorts before a letter.
 * Source: gopkg.in/yaml.v2 sorter.go (keyList).Less, for string keys (the only kind a JSON round trip leaves).
 */

const isLetter = (c: number) => /\p{L}/u.test(String.fromCodePoint(c));
const isDigit = (c: number) => /\p{Nd}/u.test(String.fromCodePoint(c));
// int64 arithmetic wraps around in Go; mimic it so very long digit runs compare the same way
const int64 = (n: bigint) => BigInt.asIntN(64, n);

/** sorter.go (keyList).Less for two string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a, (ch) => ch.codePointAt(0)!);
  const br = Array.from(b, (ch) => ch.codePointAt(0)!);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]! < br[i]!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === 0x30 || br[i] === 0x30) {
      // a zero inside a number (not a leading zero) makes the numbers compare from a common non-zero prefix
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== 0x30) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = int64(an * 10n + BigInt(ar[ai]! - 0x30));
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = int64(bn * 10n + BigInt(br[bi]! - 0x30));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]! < br[i]!;
  }
  return ar.length < br.length;
}

/** Keys in the order yaml.Marshal writes a map (sort.Sort; keys of a map are distinct, so ties cannot occur). */
export function sortYamlKeys(keys: readonly string[]): string[] {
  return [...keys].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));
}
