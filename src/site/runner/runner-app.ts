/**
 * The runner itself, loaded when a reader opens a runnable example (loader.ts): reads the example's scenario
 * from its element (or a shared state from the URL), and opens, closes or restores its panel. Pages load this
 * module and the virtual cluster only on demand; the editor (editor.ts) is a further chunk.
 */
import './runner.css';
import { readAnswers } from './checks/answered.ts';
import type { RunnerChecks } from './checks/types.ts';
import { RunnerController } from './controller.ts';
import { playgroundStarts } from './playground-scenarios.ts';
import type { RunnerScenario } from './scenario.ts';
import { parseScenario } from './scenario-shape.ts';
import { pageLocale, stringsFor } from './strings.ts';
import { decodeScenario } from './url-state.ts';

export { PLAYGROUND_STARTS } from './playground-scenarios.ts';
export { runScenario } from './run.ts';

const controllers = new WeakMap<HTMLElement, RunnerController>();

/** The site's base path, as Vite tells the page (`/` or `/podbook/`). */
export const SITE_BASE: string = import.meta.env.BASE_URL ?? '/';

/** The validator's checks of a release, loaded on demand (for measuring replays in the browser tests). */
export async function loadChecks(release: string): Promise<RunnerChecks> {
  return (await import('./checks/live.ts')).loadLiveChecks(SITE_BASE, release);
}

/** What the build worked out about the element's scenarios (none when the attribute is missing or broken). */
function pageAnswers(host: HTMLElement): ReturnType<typeof readAnswers> {
  try {
    return readAnswers(JSON.parse(host.dataset.answers ?? '{}'));
  } catch {
    return readAnswers(undefined); // every question then goes to the validator
  }
}

function pageScenario(host: HTMLElement): { scenario?: RunnerScenario; error?: string } {
  let value: unknown;
  try {
    value = JSON.parse(host.dataset.scenario ?? '');
  } catch (error) {
    return { error: `the example's scenario is not JSON: ${(error as Error).message}` };
  }
  const parsed = parseScenario(value);
  return parsed.ok ? { scenario: parsed.scenario } : { error: parsed.error };
}

function setExpanded(host: HTMLElement, panelId: string | undefined, expanded: boolean): void {
  const button = host.querySelector<HTMLButtonElement>('.podbook-runner__open');
  if (!button) return;
  button.setAttribute('aria-expanded', String(expanded));
  if (panelId) button.setAttribute('aria-controls', panelId);
}

export interface OpenOptions {
  /** A shared state from the URL. */
  payload?: string | undefined;
  /** The button was pressed: close an open panel. */
  toggle: boolean;
}

export async function openRunner(host: HTMLElement, options: OpenOptions): Promise<void> {
  const existing = controllers.get(host);
  const shared = options.payload === undefined ? undefined : await decodeScenario(options.payload);
  if (existing) {
    const root = existing.panel.root;
    if (shared?.ok) existing.restore(shared.scenario);
    root.hidden = options.toggle ? !root.hidden : false;
    setExpanded(host, root.id, !root.hidden);
    return;
  }
  const locale = pageLocale(location.pathname, host.dataset.lang ?? document.documentElement.lang);
  const strings = stringsFor(locale);
  const starts = host.hasAttribute('data-playground') ? playgroundStarts(locale) : undefined;
  const own = starts ? { scenario: starts[0]?.scenario } : pageScenario(host);
  if (!own.scenario) throw new Error(own.error ?? 'the example has no scenario');
  const notice = shared && !shared.ok ? strings.stateError(shared.error) : undefined;
  const controller = new RunnerController({
    id: host.dataset.id ?? 'runner',
    base: SITE_BASE,
    locale,
    strings,
    scenario: shared?.ok ? shared.scenario : own.scenario,
    answers: pageAnswers(host),
    ...(starts ? { starts } : {}),
    closable: !starts,
    ...(notice ? { notice } : {}),
  });
  controllers.set(host, controller);
  controller.panel.close.addEventListener('click', () => {
    controller.panel.root.hidden = true;
    setExpanded(host, undefined, false);
    host.querySelector<HTMLButtonElement>('.podbook-runner__open')?.focus();
  });
  host.append(controller.panel.root);
  host.dataset.open = 'true';
  setExpanded(host, controller.panel.root.id, true);
}
