/**
 * The HTML a checked transcript gets after it at build time: a <podbook-runner> holding the scenario as data and
 * its "Run / Edit" button, hidden until the page's runner script defines the element (without JavaScript there is
 * nothing to press). The element's height is reserved by its style, so showing the button moves nothing.
 */
import type { CheckAnswers } from './checks/types.ts';
import type { RunnerScenario } from './scenario.ts';
import { type Locale, stringsFor } from './strings.ts';

export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `answers`: what the manifest pipeline says of the scenario (src/site/runner/build/check-answers.ts). */
export function runnerMarkup(id: string, scenario: RunnerScenario, locale: Locale, answers?: CheckAnswers): string {
  const s = stringsFor(locale);
  const stored = answers ? ` data-answers="${escapeAttribute(JSON.stringify(answers))}"` : '';
  return (
    `<podbook-runner class="podbook-runner not-content" data-id="${escapeAttribute(id)}" data-lang="${locale}" ` +
    `data-failed="${escapeAttribute(s.loadFailed(''))}" data-scenario="${escapeAttribute(JSON.stringify(scenario))}"${stored}>` +
    `<button type="button" class="podbook-runner__open" aria-expanded="false" hidden>` +
    `<span aria-hidden="true">▶</span> ${s.open}</button></podbook-runner>`
  );
}
