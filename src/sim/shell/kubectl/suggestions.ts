/**
 * cobra's "Did you mean this?" list: every command within Levenshtein distance 2 (case-insensitive), whose name
 * starts with what was typed, or that lists it in SuggestFor, in the order the commands were added.
 * Source: github.com/spf13/cobra command.go (*Command).SuggestionsFor and cobra.go ld.
 */

/** Levenshtein distance, lower-cased, counted per UTF-8 byte as cobra's ld does. */
// cobra.go ld(s, t, ignoreCase=true)
export function levenshtein(a: string, b: string): number {
  const enc = new TextEncoder();
  const s = enc.encode(a.toLowerCase());
  const t = enc.encode(b.toLowerCase());
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      row[j] = s[i - 1] === t[j - 1] ? prev[j - 1]! : Math.min(prev[j]!, row[j - 1]!, prev[j - 1]!) + 1;
    }
    prev = row;
  }
  return prev[t.length]!;
}

/** SuggestionsMinimumDistance's default (0 is taken as 2). */
export const SUGGESTIONS_MINIMUM_DISTANCE = 2;

export function suggestionsFor(
  typed: string,
  commands: readonly string[],
  suggestFor: Readonly<Record<string, readonly string[]>> = {},
): string[] {
  const out: string[] = [];
  for (const name of commands) {
    const close = levenshtein(typed, name) <= SUGGESTIONS_MINIMUM_DISTANCE;
    const prefix = name.toLowerCase().startsWith(typed.toLowerCase());
    if (close || prefix) out.push(name);
    for (const explicit of suggestFor[name] ?? []) {
      if (explicit.toLowerCase() === typed.toLowerCase()) out.push(name);
    }
  }
  return out;
}
