/**
 * One open runner: holds the scenario, replays it on every change (runScenario), draws the panel from the
 * result, turns the reader's input into scenario changes, and keeps the URL in step. All state is the scenario;
 * everything on screen is derived from it, so undo, reset, sharing and reloading are the same operation.
 */
import { kubeVersion, supportedMinors } from '../../k8s/version/index.ts';
// Only the recorder is needed during a replay; the chart's renderer is a chunk of its own, drawn after the log.
import { recordTimeline, type TimelineRecorder } from '../timeline/record.ts';
import type { Timeline } from '../timeline/types.ts';
import {
  advanceStep,
  applyStep,
  commandStep,
  deleteStep,
  execStopStep,
  exitStep,
  type PodTarget,
  signalStep,
} from './actions.ts';
import { type AnsweredChecks, answeredChecks } from './checks/answered.ts';
import type { CheckAnswers, EditorDiagnostic, Explain, RunnerChecks } from './checks/types.ts';
import { fill, h, setOptions } from './dom.ts';
import type { ManifestEditor } from './editor.ts';
import { referencedImages, setInRegistry, setOnNode } from './images.ts';
import { buildPanel, type PanelElements } from './panel.ts';
import { type ImageToggle, renderImages } from './render-images.ts';
import { renderLog } from './render-log.ts';
import { formatDuration, type RunResult, runScenario, viewCommand } from './run.ts';
import {
  defaultFile,
  fileNames,
  fileText,
  type RunnerScenario,
  type RunnerStep,
  readerStepCount,
  type Signal,
  withFileText,
  withoutLastStep,
  withStep,
  withVersion,
} from './scenario.ts';
import { stateHash } from './state-hash.ts';
import type { Locale, RunnerStrings } from './strings.ts';
import { encodeScenario } from './url-state.ts';

export interface StartingScenario {
  id: string;
  title: string;
  scenario: RunnerScenario;
}

export interface ControllerOptions {
  /** The runner's id on the page (the URL names it). */
  id: string;
  /** The site's base path, for the schema files. */
  base: string;
  locale: Locale;
  strings: RunnerStrings;
  scenario: RunnerScenario;
  /** What the manifest pipeline says of the page's scenarios, worked out at build time. */
  answers: CheckAnswers;
  /** The playground's starting scenarios (the first is `scenario`). */
  starts?: StartingScenario[];
  closable: boolean;
  /** A message to show first (a shared state that could not be read). */
  notice?: string;
}

const POD_TEMPLATE = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  restartPolicy: Always
  containers:
  - name: web
    image: nginx:1.25
    imagePullPolicy: IfNotPresent
`;

/** One replay, with what the panel shows beside its log. */
interface Replay {
  result: RunResult;
  ms: number;
  timeline: Timeline | undefined;
  images: string[];
  diagnostics: EditorDiagnostic[];
  /** The stored answers lacked one: the replay must be made again with the validator. */
  missed: boolean;
  /** A `kubectl explain` ran before its schema was loaded: the replay must be made again once it is. */
  explainMissed: boolean;
}

const EDIT_DELAY_MS = 250;
const URL_DELAY_MS = 400;

export class RunnerController {
  readonly panel: PanelElements;
  private readonly options: ControllerOptions;
  private readonly s: RunnerStrings;
  private scenario: RunnerScenario;
  private original: RunnerScenario;
  private file: string | undefined;
  /** The validator (with its schema pack), once loaded, for the release it was loaded for. */
  private live: RunnerChecks | undefined;
  /** `kubectl explain`, once loaded, for the release it was loaded for. */
  private explain: { release: string; explain: Explain } | undefined;
  private editor: ManifestEditor | undefined;
  private editorLoading = false;
  private result: RunResult | undefined;
  private sequence = 0;
  private editTimer: ReturnType<typeof setTimeout> | undefined;
  private urlTimer: ReturnType<typeof setTimeout> | undefined;
  private touched = false;

  constructor(options: ControllerOptions) {
    this.options = options;
    this.s = options.strings;
    this.scenario = options.scenario;
    this.original = options.scenario;
    this.panel = buildPanel(options.id, options.strings, { closable: options.closable });
    this.setup();
    this.showScenarioFiles();
    if (options.notice) this.notify(options.notice);
    void this.rerun();
  }

  /** A shared state arrived (a link opened while the page was open). */
  restore(scenario: RunnerScenario): void {
    this.scenario = scenario;
    this.showScenarioFiles();
    void this.rerun();
  }

  // ------------------------------------------------------------------ setup

  private setup(): void {
    const p = this.panel;
    setOptions(
      p.version,
      supportedMinors().map((m) => ({ value: `1.${m}`, label: `1.${m}` })),
      this.scenario.k8s,
    );
    p.version.addEventListener('change', () => this.change(withVersion(this.scenario, p.version.value)));

    const starts = this.options.starts ?? [];
    p.startLabel.hidden = starts.length === 0;
    setOptions(
      p.start,
      starts.map((st) => ({ value: st.id, label: st.title })),
    );
    p.start.addEventListener('change', () => {
      const start = starts.find((st) => st.id === p.start.value);
      if (!start) return;
      this.original = start.scenario;
      this.scenario = start.scenario;
      this.file = undefined;
      this.showScenarioFiles();
      this.touch();
      void this.rerun();
    });

    p.share.addEventListener('click', () => void this.share());
    p.undo.addEventListener('click', () => this.change(withoutLastStep(this.scenario)));
    p.reset.addEventListener('click', () => {
      this.scenario = this.original;
      this.file = undefined;
      this.showScenarioFiles();
      this.touched = false;
      history.replaceState(history.state, '', location.pathname + location.search);
      void this.rerun();
    });

    p.file.addEventListener('change', () => {
      this.file = p.file.value;
      this.showFileText();
      this.showDiagnostics();
    });
    p.textarea.addEventListener('input', () => this.edited(p.textarea.value));
    // CodeMirror (a large chunk) is loaded when the reader goes to edit: pointing at the text starts the
    // download, focusing it swaps the text box for the editor.
    p.textarea.addEventListener('pointerenter', () => void import('./editor.ts').catch(() => undefined), {
      once: true,
    });
    p.textarea.addEventListener('focus', () => void this.loadEditor());
    p.apply.addEventListener('click', () => {
      if (this.file) this.act(applyStep(this.file));
      else this.change(withFileText(this.scenario, 'pod.yaml', POD_TEMPLATE));
    });

    p.pod.addEventListener('change', () => this.showPodParts());
    p.del.addEventListener('click', () => this.onPod((t) => deleteStep(t)));
    p.execStop.addEventListener('click', () => this.onPod((t) => execStopStep(t)));
    p.sendSignal.addEventListener('click', () => this.onPod((t) => signalStep(t, p.signal.value as Signal)));
    p.exitNow.addEventListener('click', () => this.onPod((t) => exitStep(t, Number(p.exitCode.value))));
    p.advance.addEventListener('click', () => this.act(advanceStep(Number(p.clockStep.value))));
    p.commandForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const step = commandStep(p.command.value, p.commandHost.value || undefined);
      if (!step) return;
      p.command.value = '';
      this.act(step);
    });
    p.command.maxLength = 2000;
  }

  private async loadEditor(): Promise<void> {
    if (this.editor || this.editorLoading) return;
    this.editorLoading = true;
    void this.loadLive(); // the editor's diagnostics follow every keystroke
    try {
      const { createEditor } = await import('./editor.ts');
      const host = h('div', { class: 'podbook-run__cm' });
      const hadFocus = document.activeElement === this.panel.textarea;
      this.panel.textarea.replaceWith(host);
      this.editor = createEditor(host, {
        text: this.file ? (fileText(this.scenario, this.file) ?? '') : '',
        label: this.s.editorLabel(this.file ?? ''),
        onChange: (text) => this.edited(text),
        diagnostics: (text) => this.diagnosticsFor(text) ?? [],
      });
      this.showFileText();
      if (hadFocus) this.editor.focus();
      this.panel.root.dataset.editor = 'codemirror';
    } catch {
      // The text box stays: everything works without CodeMirror (offline before it was cached, for example).
      this.panel.root.dataset.editor = 'textarea';
    } finally {
      this.editorLoading = false;
    }
  }

  // ------------------------------------------------------------------ state changes

  /** A message that stays until the reader changes something (a shared state that could not be read). */
  private notify(message: string | undefined): void {
    this.panel.notice.textContent = message ?? '';
    this.panel.notice.hidden = message === undefined;
  }

  private touch(): void {
    this.notify(undefined);
    this.touched = true;
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => void this.writeUrl(), URL_DELAY_MS);
  }

  private change(next: RunnerScenario): void {
    this.scenario = next;
    this.touch();
    void this.rerun();
  }

  /** A reader's step: replayed at once, the log scrolled to it. */
  private act(step: RunnerStep): void {
    this.change(withStep(this.scenario, step));
  }

  private onPod(make: (target: PodTarget) => RunnerStep): void {
    const pod = this.panel.pod.value;
    if (!pod) return;
    const container = this.panel.container.value;
    this.act(make({ pod, ...(container ? { container } : {}) }));
  }

  private edited(text: string): void {
    if (!this.file) return;
    this.scenario = withFileText(this.scenario, this.file, text);
    this.touch();
    this.showDiagnostics();
    clearTimeout(this.editTimer);
    this.editTimer = setTimeout(() => void this.rerun(), EDIT_DELAY_MS);
  }

  private onImage(toggle: ImageToggle, present: boolean): void {
    const version = kubeVersion(this.scenario.k8s);
    const next =
      toggle.kind === 'registry'
        ? setInRegistry(this.scenario, toggle.image, present, version)
        : setOnNode(this.scenario, toggle.node, toggle.image, present, version);
    this.change(next);
  }

  private async writeUrl(): Promise<void> {
    if (!this.touched) return;
    try {
      const payload = await encodeScenario(this.scenario);
      history.replaceState(history.state, '', stateHash(this.options.id, payload));
    } catch {
      // a URL that cannot be written leaves the old one; sharing says so
    }
  }

  private async share(): Promise<void> {
    this.touched = true;
    clearTimeout(this.urlTimer);
    await this.writeUrl();
    try {
      await navigator.clipboard.writeText(location.href);
      this.notify(this.s.shared);
    } catch {
      this.notify(this.s.shareFailed);
    }
  }

  // ------------------------------------------------------------------ running

  /** The checks of the scenario's release: the validator once it is loaded for it, else the stored answers. */
  private checks(): RunnerChecks | AnsweredChecks {
    const release = this.scenario.k8s;
    return this.live?.release === release ? this.live : answeredChecks(this.options.answers, release);
  }

  /** Loads the validator and the release's schema pack (a chunk and a file, fetched once each). */
  private async loadLive(): Promise<RunnerChecks | undefined> {
    const release = this.scenario.k8s;
    if (this.live?.release === release) return this.live;
    try {
      const { loadLiveChecks } = await import('./checks/live.ts');
      const live = await loadLiveChecks(this.options.base, release);
      if (release !== this.scenario.k8s) return undefined; // the reader chose another release meanwhile
      this.live = live;
      this.panel.root.dataset.checks = 'validator';
      this.editor?.relint();
      return live;
    } catch (error) {
      this.panel.status.textContent = this.s.loadFailed((error as Error).message);
      this.panel.root.dataset.state = 'error';
      return undefined;
    }
  }

  /** Loads `kubectl explain` for the scenario's release (its chunk and the whole schema pack); false on failure. */
  private async loadExplain(): Promise<boolean> {
    const release = this.scenario.k8s;
    if (this.explain?.release === release) return true;
    try {
      const { loadExplainer } = await import('./checks/explain.ts');
      const explain = await loadExplainer(this.options.base, release);
      if (release === this.scenario.k8s) this.explain = { release, explain };
      return true;
    } catch {
      return false; // the replay says `kubectl explain` has no schema (offline before the file was kept)
    }
  }

  /**
   * One replay. `kubectl explain` before its schema is loaded answers nothing and is remembered (`explainMissed`),
   * unless `final`: then it reports that no schema is loaded.
   */
  private replay(checks: RunnerChecks | AnsweredChecks, final = false): Replay {
    const scenario = this.scenario;
    let recorder: TimelineRecorder | undefined;
    let explainMissed = false;
    const loaded = this.explain?.release === scenario.k8s ? this.explain.explain : undefined;
    const pending: Explain = () => {
      explainMissed = true;
      return '';
    };
    const started = performance.now();
    const result = runScenario(scenario, checks, {
      onCluster: (cluster) => {
        recorder = recordTimeline(cluster);
      },
      ...(loaded ? { explain: loaded } : final ? {} : { explain: pending }),
    });
    const ms = performance.now() - started;
    const timeline = recorder?.timeline();
    recorder?.stop();
    const images = referencedImages(scenario, kubeVersion(scenario.k8s), (text, file) => checks.readFile(text, file));
    const diagnostics = this.file ? checks.diagnostics(fileText(scenario, this.file) ?? '', this.file) : [];
    return {
      result,
      ms,
      timeline,
      images,
      diagnostics,
      missed: 'missed' in checks && checks.missed,
      explainMissed,
    };
  }

  async rerun(): Promise<void> {
    clearTimeout(this.editTimer);
    const sequence = ++this.sequence;
    const root = this.panel.root;
    root.dataset.state = 'running';
    let replay = this.replay(this.checks());
    if (replay.missed || replay.explainMissed) {
      // Something the build did not work out (another release, an edited file, a typed command) needs the
      // validator; a `kubectl explain` needs the descriptions.
      this.panel.status.textContent = this.s.loading;
      const [live] = await Promise.all([
        replay.missed ? this.loadLive() : undefined,
        replay.explainMissed ? this.loadExplain() : undefined,
      ]);
      if ((replay.missed && !live) || sequence !== this.sequence) return;
      replay = this.replay(this.checks(), true);
    }
    this.result = replay.result;
    root.dataset.runMs = replay.ms.toFixed(2);
    this.render(replay);
    await this.showTimeline(replay.timeline, sequence);
    if (sequence !== this.sequence) return;
    root.dataset.state = 'ready';
  }

  // ------------------------------------------------------------------ drawing

  private showScenarioFiles(): void {
    const p = this.panel;
    const names = fileNames(this.scenario);
    if (!this.file || !names.includes(this.file)) this.file = defaultFile(this.scenario);
    setOptions(
      p.file,
      names.map((n) => ({ value: n, label: n })),
      this.file,
    );
    p.fileLabel.hidden = names.length < 2;
    p.noFile.hidden = names.length > 0;
    p.editorHost.hidden = names.length === 0;
    p.version.value = this.scenario.k8s;
    this.showFileText();
  }

  private showFileText(): void {
    const text = this.file ? (fileText(this.scenario, this.file) ?? '') : '';
    this.panel.textarea.value = text;
    this.panel.textarea.setAttribute('aria-label', this.s.editorLabel(this.file ?? ''));
    this.editor?.setText(text, this.s.editorLabel(this.file ?? ''));
    this.panel.apply.textContent = this.file ? this.s.apply(this.file) : this.s.addPod;
  }

  /** The text's diagnostics; undefined until the validator is loaded, when the stored answers lack them. */
  private diagnosticsFor(text: string): EditorDiagnostic[] | undefined {
    if (!this.file) return [];
    const checks = this.checks();
    const found = checks.diagnostics(text, this.file);
    if (!('missed' in checks && checks.missed)) return found;
    void this.loadLive().then((live) => {
      if (live) this.showDiagnostics();
    });
    return undefined;
  }

  private showDiagnostics(known?: EditorDiagnostic[]): void {
    const p = this.panel;
    const found = this.file ? (known ?? this.diagnosticsFor(fileText(this.scenario, this.file) ?? '')) : undefined;
    if (!found) {
      fill(p.problems);
      p.problemsSummary.textContent = this.file ? this.s.loading : '';
      p.problemsSummary.classList.remove('podbook-run__summary--bad');
      return;
    }
    p.problemsSummary.textContent = found.length === 0 ? this.s.noProblems : `${this.s.problems}: ${found.length}`;
    p.problemsSummary.classList.toggle('podbook-run__summary--bad', found.length > 0);
    fill(
      p.problems,
      ...found.map((d) =>
        h('li', {}, h('span', { class: 'podbook-run__where' }, `${this.s.problemAt(d.line, d.col)}: `), d.message),
      ),
    );
  }

  private podTargets(): { pods: string[]; containers: Map<string, string[]> } {
    const containers = new Map<string, string[]>();
    for (const pod of this.result?.cluster?.listPods() ?? []) {
      containers.set(
        pod.metadata.name ?? '',
        pod.spec.containers.map((c) => c.name),
      );
    }
    return { pods: [...containers.keys()], containers };
  }

  private showPodParts(): void {
    const p = this.panel;
    const { containers } = this.podTargets();
    const names = containers.get(p.pod.value) ?? [];
    setOptions(
      p.container,
      names.map((n) => ({ value: n, label: n })),
    );
    p.container.disabled = names.length < 2;
    const pod = p.pod.value;
    p.eventsTitle.textContent = pod ? this.s.events(pod) : this.s.noEvents;
    p.events.textContent = pod ? eventsSection(viewCommand(this.result!, `kubectl describe pod ${pod}`)) : '';
    p.events.setAttribute('aria-label', p.eventsTitle.textContent);
  }

  /** Draws the chart (its renderer is loaded the first time); a renderer that cannot be loaded leaves it empty. */
  private async showTimeline(timeline: Timeline | undefined, sequence: number): Promise<void> {
    const p = this.panel;
    if (!timeline || timeline.pods.length === 0) {
      p.timeline.innerHTML = '';
      return;
    }
    let render: typeof import('../timeline/render-figure.ts').renderTimelineFigure;
    try {
      render = (await loadTimelineRenderer()).renderTimelineFigure;
    } catch {
      p.timeline.innerHTML = ''; // offline before the chunk was kept: the log and views still show the run
      return;
    }
    if (sequence !== this.sequence) return; // a later replay draws its own
    p.timeline.innerHTML = render(timeline, {
      lang: this.options.locale,
      id: `${this.options.id}-tl`,
      title: this.s.timeline,
    });
  }

  private render({ result, ms, images, diagnostics }: Replay): void {
    const p = this.panel;
    const s = this.s;
    const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.key;
    const commands = result.log.filter((e) => e.kind === 'command').length;
    p.status.textContent = result.error
      ? s.clusterError(result.error)
      : s.status(commands, ms < 10 ? ms.toFixed(1) : String(Math.round(ms)), formatDuration(result.elapsed));
    p.status.classList.toggle('podbook-run__status--bad', result.error !== undefined);
    p.undo.disabled = readerStepCount(this.scenario) === 0;
    p.version.value = this.scenario.k8s;
    p.clockNow.textContent = s.clockNow(formatDuration(result.elapsed));

    this.showDiagnostics(diagnostics);
    fill(
      p.images,
      renderImages(this.scenario, images, kubeVersion(this.scenario.k8s), s, (t, present) => this.onImage(t, present)),
    );

    const { pods } = this.podTargets();
    const previous = p.pod.value;
    setOptions(
      p.pod,
      pods.length > 0 ? pods.map((n) => ({ value: n, label: n })) : [{ value: '', label: s.noPods }],
      pods.includes(previous) ? previous : pods[pods.length - 1],
    );
    const noPod = pods.length === 0;
    for (const b of [p.pod, p.del, p.execStop, p.signal, p.sendSignal, p.exitCode, p.exitNow]) b.disabled = noPod;
    this.showPodParts();

    const nodes = this.scenario.cluster.nodes ?? [];
    setOptions(p.commandHost, [
      { value: '', label: s.client },
      ...nodes.map((n) => ({ value: n.name, label: n.name })),
    ]);

    p.getPods.textContent = result.ctx ? viewCommand(result, 'kubectl get pods') : '';
    fill(p.log, ...renderLog(result, this.scenario, s));
    for (const t of p.log.querySelectorAll('pre')) t.scrollTop = t.scrollHeight;

    if (focusKey) p.root.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
  }

  /** Focus the first control (after the reader opened the panel with the keyboard). */
  focus(): void {
    this.panel.version.focus();
  }

  destroy(): void {
    clearTimeout(this.editTimer);
    clearTimeout(this.urlTimer);
    this.editor?.destroy();
  }
}

let timelineRenderer: Promise<typeof import('../timeline/render-figure.ts')> | undefined;
function loadTimelineRenderer(): Promise<typeof import('../timeline/render-figure.ts')> {
  timelineRenderer ??= import('../timeline/render-figure.ts');
  timelineRenderer.catch(() => {
    timelineRenderer = undefined; // a later replay tries again
  });
  return timelineRenderer;
}

/** The Events section of `kubectl describe pod` output (the whole text when it has none). */
export function eventsSection(describe: string): string {
  const at = describe.search(/^Events:/m);
  return at >= 0 ? describe.slice(at) : describe;
}
