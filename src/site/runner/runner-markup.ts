/**
 * The HTML a checked transcript gets after it at build time: a <podbook-runner> holding the scenario as data and
 * its "Run / Edit" button, hidden until the page's runner script defines the element (without JavaScript there is
 * nothing to press). The element's height is reserved by its style, so showing the button moves nothing.
 */
import type { RunnerScenario } from './scenario.ts';
import { type Locale, stringsFor } from './strings.ts';

export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function runnerMarkup(id: string, scenario: RunnerScenario, locale: Locale): string {
  const s = stringsFor(locale);
  return (
    `<podbook-runner class="podbook-runner not-content" data-id="${escapeAttribute(id)}" data-lang="${locale}" ` +
    `data-failed="${escapeAttribute(s.loadFailed(''))}" data-scenario="${escapeAttribute(JSON.stringify(scenario))}">` +
    `<button type="button" class="podbook-runner__open" aria-expanded="false" hidden>` +
    `<span aria-hidden="true">▶</span> ${s.open}</button></podbook-runner>`
  );
}
