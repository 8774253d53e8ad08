/**
 * Where a runner's state sits in the URL: the fragment `#run:<runner id>:<payload>` (payload: url-state.ts).
 * Kept apart from the codec so the page-load script can find a shared state without loading the runner.
 */
const HASH = /^#run:([A-Za-z0-9_-]{1,64}):([A-Za-z0-9_-]+)$/;

export function stateHash(id: string, payload: string): string {
  return `#run:${id}:${payload}`;
}

/** The runner id and payload of a location hash, when it holds a runner's state. */
export function readStateHash(hash: string): { id: string; payload: string } | undefined {
  const m = HASH.exec(hash);
  return m ? { id: m[1] as string, payload: m[2] as string } : undefined;
}
