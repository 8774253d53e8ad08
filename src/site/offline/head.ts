/**
 * What every page's <head> needs for the site to be installable and to look right as an app: the web app
 * manifest (public/manifest.webmanifest, whose URLs are relative so that it works under any base) and the
 * browser chrome's colour in light and dark mode (Starlight's page backgrounds).
 */
import type { StarlightUserConfig } from '@astrojs/starlight/types';

type HeadConfig = NonNullable<StarlightUserConfig['head']>;

export function offlineHead(base: string): HeadConfig {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return [
    { tag: 'link', attrs: { rel: 'manifest', href: `${prefix}manifest.webmanifest` } },
    { tag: 'link', attrs: { rel: 'apple-touch-icon', href: `${prefix}icons/apple-touch-icon.png` } },
    { tag: 'meta', attrs: { name: 'theme-color', content: '#ffffff', media: '(prefers-color-scheme: light)' } },
    { tag: 'meta', attrs: { name: 'theme-color', content: '#17181c', media: '(prefers-color-scheme: dark)' } },
  ];
}
