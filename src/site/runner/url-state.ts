/**
 * The whole state of a runner in the URL: the scenario as JSON, deflated (CompressionStream) and written in
 * base64url, in the fragment `#run:<runner id>:<payload>`, so a scenario can be shared and a reload restores it.
 * The fragment never reaches a server. Decoding is bounded (a small payload cannot inflate into megabytes) and
 * every decoded value goes through parseScenario.
 */
import type { RunnerScenario } from './scenario.ts';
import { type ParseResult, parseScenario } from './scenario-shape.ts';

/** Longest payload read from a URL, and the most bytes it may inflate to. */
const MAX_PAYLOAD = 256 * 1024;
const MAX_INFLATED = 2 * 1024 * 1024;

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, transform: GenericTransformStream, limit: number): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`the state inflates to more than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const canCompress = () => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/** `z<deflated>` where the browser compresses, else `j<plain JSON>`; both base64url. */
export async function encodeScenario(scenario: RunnerScenario): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  if (!canCompress()) return `j${base64url(json)}`;
  return `z${base64url(await pipe(json, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY))}`;
}

/** The scenario a payload holds, or why it holds none. Never throws. */
export async function decodeScenario(payload: string): Promise<ParseResult> {
  if (payload.length > MAX_PAYLOAD) return { ok: false, error: 'the shared state is too long' };
  const bytes = fromBase64url(payload.slice(1));
  if (!bytes) return { ok: false, error: 'the shared state is not base64url' };
  let json: Uint8Array;
  try {
    if (payload[0] === 'z') {
      if (!canCompress()) return { ok: false, error: 'this browser cannot read compressed state' };
      json = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_INFLATED);
    } else if (payload[0] === 'j') {
      json = bytes;
    } else {
      return { ok: false, error: 'unknown state encoding' };
    }
  } catch (error) {
    return { ok: false, error: `the shared state is damaged: ${(error as Error).message}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch (error) {
    return { ok: false, error: `the shared state is not JSON: ${(error as Error).message}` };
  }
  return parseScenario(value);
}
