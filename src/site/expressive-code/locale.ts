/**
 * The language a code block is read in. Pages under content/zh-cn/ are Chinese and pages under content/en/ are
 * English; Starlight's own guess (from its default `src/content/docs/` folder) does not know our content/ folder,
 * so the block locale is decided here, and used both by Expressive Code's texts (copy button) and by ours.
 */
import { sep } from 'node:path';

/** Language tags as the Starlight config names them (astro.config.mjs `locales`). */
export type BookLocale = 'zh-CN' | 'en';

export const DEFAULT_LOCALE: BookLocale = 'zh-CN';

const LOCALE_BY_FOLDER: Readonly<Record<string, BookLocale>> = { 'zh-cn': 'zh-CN', en: 'en' };

/** The locale folder named in a path (`.../content/en/guides/x.md`, or a URL path `/en/guides/x/`). */
function localeInSegments(segments: readonly string[]): BookLocale | undefined {
  for (const segment of segments) {
    const locale = LOCALE_BY_FOLDER[segment.toLowerCase()];
    if (locale) return locale;
  }
  return undefined;
}

/** The locale of a page file: the folder right under `content/`; undefined for a file elsewhere. */
export function localeOfPageFile(path: string | undefined): BookLocale | undefined {
  if (!path) return undefined;
  const segments = path.split(sep === '\\' ? /[\\/]/ : '/');
  const content = segments.lastIndexOf('content');
  if (content < 0) return undefined;
  return localeInSegments(segments.slice(content + 1, content + 2));
}

/** The locale of a page URL path (`/en/guides/x/`, with or without a base path in front). */
export function localeOfUrlPath(pathname: string): BookLocale | undefined {
  return localeInSegments(pathname.split('/').filter((s) => s !== ''));
}

/** Maps any locale string (`zh-CN`, `zh`, `en-US`) to the book's two languages. */
export function bookLocale(locale: string | undefined): BookLocale {
  if (!locale) return DEFAULT_LOCALE;
  return locale.toLowerCase().startsWith('en') ? 'en' : DEFAULT_LOCALE;
}

interface BlockLocaleInput {
  input: { parentDocument?: { sourceFilePath?: string | undefined } | undefined };
  file: { path?: string; url?: URL | undefined };
}

/**
 * Expressive Code's `getBlockLocale` (ec.config.mjs): the page file's folder, else the page URL (the `<Code>`
 * component renders with the page's URL), else the book's original language.
 */
export function getBookBlockLocale({ input, file }: BlockLocaleInput): BookLocale {
  const fromFile = localeOfPageFile(input.parentDocument?.sourceFilePath) ?? localeOfPageFile(file.path);
  if (fromFile) return fromFile;
  if (file.url && file.url.protocol !== 'file:') return localeOfUrlPath(file.url.pathname) ?? DEFAULT_LOCALE;
  return DEFAULT_LOCALE;
}
