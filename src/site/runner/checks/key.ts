/**
 * The key of a question to the manifest pipeline: a 53-bit hash (cyrb53) of the release and the question's text,
 * so that stored answers do not repeat the manifests the scenario already holds. The build and the browser
 * compute the same key from the same text.
 */

function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** A client file read by kubectl, or shown in the editor (`kind` tells which). */
export function fileKey(kind: 'file' | 'diagnostics', release: string, filename: string, text: string): string {
  return cyrb53(`${kind}\u0000${release}\u0000${filename}\u0000${text}`);
}

/** An object sent to the apiserver. */
export function objectKey(release: string, obj: unknown): string {
  return cyrb53(`object\u0000${release}\u0000${JSON.stringify(obj) ?? 'undefined'}`);
}
