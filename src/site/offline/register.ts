/**
 * Registers the offline service worker (written into the build by src/site/integrations/offline.ts) once the
 * page has loaded, so that it never competes with the first visit's own requests. Its scope is the site's base.
 */
import { normalizeBase } from '../integrations/base-path.ts';

const base = normalizeBase(import.meta.env.BASE_URL);

function register(): void {
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((error: unknown) => {
    // The site still works online; only the offline copy is missing.
    console.warn('Podbook: the offline copy could not be installed.', error);
  });
}

if ('serviceWorker' in navigator && window.isSecureContext) {
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
