/**
 * Starlight route middleware: a splash page's hero buttons (`hero.actions[].link` in the frontmatter) are
 * rendered by Starlight as written, so their site-absolute paths get the site's base here, as the pages' own
 * links do in base-links.ts.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { normalizeBase } from '../base-path.ts';
import { withBase } from './base-links.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const base = normalizeBase(import.meta.env.BASE_URL);
  for (const action of context.locals.starlightRoute.entry.data.hero?.actions ?? []) {
    action.link = withBase(action.link, base);
  }
});
