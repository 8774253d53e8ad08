/** A size for build logs: `6.59 MB`, `921.0 kB` (the service worker's report and the offline archive's). */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}
