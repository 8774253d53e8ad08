/**
 * The only runner script a page loads up front (pages without a runnable example load none): it defines
 * <podbook-runner>, shows its "Run / Edit" button, and loads the runner itself (the virtual cluster, the panel;
 * runner-app.ts) when the reader asks for it, or when the URL carries a shared state for one of the page's
 * runners. Hovering or focusing the button starts the download early.
 */
import { readStateHash } from './state-hash.ts';

type RunnerApp = typeof import('./runner-app.ts');

let app: Promise<RunnerApp> | undefined;
function loadApp(): Promise<RunnerApp> {
  app ??= import('./runner-app.ts');
  app.catch(() => {
    app = undefined; // offline before the files were kept: a later click tries again
  });
  return app;
}

class RunnerElement extends HTMLElement {
  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = 'true';
    const button = this.querySelector<HTMLButtonElement>('.podbook-runner__open');
    if (button) {
      button.hidden = false;
      button.addEventListener('click', () => void this.open());
      const warm = () => void loadApp().catch(() => undefined);
      button.addEventListener('pointerenter', warm, { once: true });
      button.addEventListener('focus', warm, { once: true });
    }
  }

  /** Opens (or, from the button, toggles) the runner; `payload` is a shared state from the URL. */
  async open(payload?: string, toggle = payload === undefined): Promise<void> {
    this.setAttribute('aria-busy', 'true');
    try {
      const runner = await loadApp();
      await runner.openRunner(this, { payload, toggle });
    } catch (error) {
      const note = this.querySelector('.podbook-runner__error') ?? this.appendChild(document.createElement('p'));
      note.className = 'podbook-runner__error';
      note.setAttribute('role', 'alert');
      note.textContent = `${this.dataset.failed ?? 'Could not load: '}${(error as Error).message}`;
    } finally {
      this.removeAttribute('aria-busy');
    }
  }
}

if (!customElements.get('podbook-runner')) customElements.define('podbook-runner', RunnerElement);

/** A shared link (`#run:<id>:<state>`) opens that runner with that state. */
function restoreFromUrl(): void {
  const shared = readStateHash(location.hash);
  if (!shared) return;
  const runner = document.querySelector<RunnerElement>(`podbook-runner[data-id="${CSS.escape(shared.id)}"]`);
  if (!runner) return;
  void runner.open(shared.payload, false).then(() => runner.scrollIntoView({ block: 'start' }));
}

restoreFromUrl();
addEventListener('hashchange', restoreFromUrl);
