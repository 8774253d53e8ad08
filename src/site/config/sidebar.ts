/**
 * The book's table of contents. Each group lists one folder of content/<locale>/; pages order themselves with
 * `sidebar.order` in their frontmatter. Labels are given in the original language (zh-cn) and translated.
 */
import type { StarlightUserConfig } from '@astrojs/starlight/types';

type Sidebar = NonNullable<StarlightUserConfig['sidebar']>;

export const sidebar: Sidebar = [
  { label: '指南', translations: { en: 'Guides' }, items: [{ autogenerate: { directory: 'guides' } }] },
  { label: '实验', translations: { en: 'Labs' }, items: [{ autogenerate: { directory: 'labs' } }] },
  { label: '动手试', translations: { en: 'Try it' }, items: [{ autogenerate: { directory: 'try' } }] },
  { label: '参考', translations: { en: 'Reference' }, items: [{ autogenerate: { directory: 'reference' } }] },
];
