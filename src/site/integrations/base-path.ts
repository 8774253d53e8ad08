/** The site's base path as Podbook uses it everywhere: starting and ending with `/` (`/`, `/podbook/`). */
export function normalizeBase(base: string): string {
  const withLeading = base.startsWith('/') ? base : `/${base}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}
