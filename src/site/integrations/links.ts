/**
 * podbookLinks(): pages' site-absolute links get the site's `base` in front (base-links.ts), and after the site
 * is built every internal link, resource URL and `#anchor` of every page must resolve to the build (under
 * `base`); otherwise the build fails with each page, line and broken link.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { normalizeBase } from './base-path.ts';
import { baseLinksPlugin } from './links/base-links.ts';
import { checkBuiltLinks, formatBrokenLinks } from './links/check-links.ts';

export function podbookLinks(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'podbook:links',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        if (normalizeBase(config.base) === '/') return;
        // Astro's Markdown processor (Sätteri by default) takes hast plugins on its options.
        const processor = config.markdown.processor as { name?: string; options?: { hastPlugins?: unknown[] } };
        if (processor?.name === 'satteri' && Array.isArray(processor.options?.hastPlugins)) {
          processor.options.hastPlugins.push(baseLinksPlugin(normalizeBase(config.base)));
        } else {
          logger.warn(
            `Markdown processor "${processor?.name}" is not Sätteri: pages' /... links are not given the base ` +
              `${config.base} (the link check reports each).`,
          );
        }
      },
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base);
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const result = checkBuiltLinks({ dir: fileURLToPath(dir), base, site });
        if (result.broken.length > 0) {
          const count = result.broken.length;
          throw new Error(
            `${count} broken internal link${count === 1 ? '' : 's'} in the built site (file:line, where, link: why):\n\n` +
              `${formatBrokenLinks(result.broken)}\n`,
          );
        }
        const ms = Math.round(performance.now() - started);
        logger.info(`${result.links} links and anchors on ${result.pages} pages all resolve (${ms}ms).`);
      },
    },
  };
}
