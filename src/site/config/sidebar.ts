/**
 * The book's table of contents, in reading order. Pages are named by slug without the locale; Starlight links
 * each locale's own page and shows its title. (Starlight's `autogenerate` cannot be used: it expects pages under
 * src/content/docs/, and ours live in content/ so that the checker and the site read the same files.)
 * Group labels are in the original language (zh-cn) with their translations.
 */
import type { StarlightUserConfig } from '@astrojs/starlight/types';

type Sidebar = NonNullable<StarlightUserConfig['sidebar']>;

export const sidebar: Sidebar = [
  {
    label: '指南',
    translations: { en: 'Guides' },
    items: ['guides/image-pull-policy', 'guides/restart-policy', 'guides/pod-yaml-anatomy', 'guides/common-mistakes'],
  },
  {
    label: '实验',
    translations: { en: 'Labs' },
    items: ['labs/err-image-never-pull', 'labs/restart-never-vs-always', 'labs/crash-loop-backoff'],
  },
  { label: '动手试', translations: { en: 'Try it' }, items: ['try/playground'] },
  { label: '参考', translations: { en: 'Reference' }, items: ['reference/authoring'] },
];
