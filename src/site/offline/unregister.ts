/**
 * In `astro dev` only: removes a service worker that a preview of a build left on the same address, which would
 * otherwise keep serving that build's pages instead of the ones being edited.
 */
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.getRegistrations().then(
    (registrations) => {
      for (const registration of registrations) void registration.unregister();
    },
    () => undefined,
  );
}
