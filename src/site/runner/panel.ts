/**
 * The runner panel's elements, built once: toolbar (release, share, undo, reset, close), status line, manifest
 * editor with its validation list, image state, actions, current kubectl output and timeline, and the terminal
 * log. Native controls with labels throughout, so that it works with a keyboard and a screen reader; one column
 * that fits a phone. The controller (controller.ts) fills it and listens to it.
 */
import { h } from './dom.ts';
import type { RunnerStrings } from './strings.ts';

export const CLOCK_STEPS = [1, 10, 30, 60, 300, 600, 3600] as const;

export interface PanelElements {
  root: HTMLElement;
  version: HTMLSelectElement;
  start: HTMLSelectElement;
  startLabel: HTMLLabelElement;
  share: HTMLButtonElement;
  undo: HTMLButtonElement;
  reset: HTMLButtonElement;
  close: HTMLButtonElement;
  status: HTMLElement;
  notice: HTMLElement;
  fileLabel: HTMLLabelElement;
  file: HTMLSelectElement;
  noFile: HTMLElement;
  editorHost: HTMLElement;
  textarea: HTMLTextAreaElement;
  problemsSummary: HTMLElement;
  problems: HTMLUListElement;
  apply: HTMLButtonElement;
  images: HTMLElement;
  pod: HTMLSelectElement;
  container: HTMLSelectElement;
  del: HTMLButtonElement;
  execStop: HTMLButtonElement;
  signal: HTMLSelectElement;
  sendSignal: HTMLButtonElement;
  exitCode: HTMLInputElement;
  exitNow: HTMLButtonElement;
  clockStep: HTMLSelectElement;
  advance: HTMLButtonElement;
  clockNow: HTMLElement;
  commandForm: HTMLFormElement;
  commandHost: HTMLSelectElement;
  command: HTMLInputElement;
  getPods: HTMLElement;
  eventsTitle: HTMLElement;
  events: HTMLElement;
  timeline: HTMLElement;
  log: HTMLElement;
}

function field(label: string, control: HTMLElement): HTMLLabelElement {
  return h('label', { class: 'podbook-run__field' }, h('span', {}, label), control);
}

function section(id: string, title: string, ...children: (Node | false | null | undefined)[]): HTMLElement {
  return h(
    'section',
    { class: `podbook-run__section podbook-run__section--${id}`, 'aria-labelledby': `${id}-h` },
    h('h4', { id: `${id}-h`, class: 'podbook-run__heading' }, title),
    ...children,
  );
}

/** A scrollable output block keyboard users can scroll (WCAG 2.1.1). */
function output(label: string): HTMLElement {
  return h('pre', { class: 'podbook-run__pre', tabindex: 0, 'aria-label': label });
}

export function buildPanel(id: string, s: RunnerStrings, options: { closable: boolean }): PanelElements {
  const p = (suffix: string) => `${id}-${suffix}`;
  const button = (label: string, cls = '') =>
    h('button', { type: 'button', class: `podbook-run__button ${cls}` }, label);

  const version = h('select', { id: p('version'), title: s.versionHint });
  const start = h('select', { id: p('start') });
  const startLabel = field(s.start, start);
  const share = button(s.share);
  const undo = button(s.undo);
  const reset = button(s.reset);
  const close = button(s.close);
  const status = h('p', { class: 'podbook-run__status', role: 'status' });
  const notice = h('p', { class: 'podbook-run__notice', role: 'alert', hidden: true });

  const file = h('select', { id: p('file') });
  const fileLabel = field(s.file, file);
  const noFile = h('p', { class: 'podbook-run__note', hidden: true }, s.noFile);
  const textarea = h('textarea', {
    class: 'podbook-run__textarea',
    spellcheck: 'false',
    autocapitalize: 'off',
    rows: 14,
  });
  const editorHost = h('div', { class: 'podbook-run__editor' }, textarea);
  const problemsSummary = h('p', { class: 'podbook-run__summary', 'aria-live': 'polite' });
  const problems = h('ul', { class: 'podbook-run__problems' });
  const apply = button('', 'podbook-run__button--primary');

  const images = h('div', { class: 'podbook-run__images' });

  const pod = h('select', { id: p('pod') });
  const container = h('select', { id: p('container') });
  const del = button(s.delete);
  const execStop = button(s.execStop);
  const signal = h(
    'select',
    { id: p('signal') },
    h('option', { value: 'SIGTERM' }, 'SIGTERM'),
    h('option', { value: 'SIGKILL' }, 'SIGKILL'),
  );
  const sendSignal = button(s.sendSignal);
  const exitCode = h('input', {
    type: 'number',
    min: 0,
    max: 255,
    step: 1,
    value: 1,
    inputmode: 'numeric',
    id: p('exit'),
    class: 'podbook-run__number',
  });
  const exitNow = button(s.exitNow);
  const clockStep = h(
    'select',
    { id: p('clock') },
    ...CLOCK_STEPS.map((sec) => h('option', { value: sec }, s.durations[String(sec)] ?? `${sec}s`)),
  );
  clockStep.value = '30';
  const advance = button(s.advance, 'podbook-run__button--primary');
  const clockNow = h('span', { class: 'podbook-run__clock' });
  const commandHost = h('select', { id: p('host') });
  const command = h('input', {
    type: 'text',
    id: p('command'),
    class: 'podbook-run__command',
    spellcheck: 'false',
    autocapitalize: 'off',
    autocomplete: 'off',
    placeholder: 'kubectl get pods -o wide',
  });
  const commandForm = h(
    'form',
    { class: 'podbook-run__row podbook-run__commandline' },
    field(s.runOn, commandHost),
    field(s.command, command),
    h('button', { type: 'submit', class: 'podbook-run__button' }, s.run),
  );

  const getPods = output(s.getPods);
  const eventsTitle = h('h5', { class: 'podbook-run__subheading' });
  const events = output(s.noEvents);
  const timeline = h('div', { class: 'podbook-run__timeline' });
  const log = h('div', { class: 'podbook-run__log' });

  const root = h(
    'section',
    { class: 'podbook-run not-content', id: p('panel'), 'aria-labelledby': p('title') },
    h(
      'div',
      { class: 'podbook-run__bar' },
      h('h3', { id: p('title'), class: 'podbook-run__title' }, s.panel),
      h('div', { class: 'podbook-run__row' }, startLabel, field(s.version, version)),
      h('div', { class: 'podbook-run__row' }, share, undo, reset, options.closable && close),
    ),
    notice,
    status,
    section(
      p('manifest'),
      s.manifest,
      fileLabel,
      noFile,
      editorHost,
      problemsSummary,
      problems,
      h('div', { class: 'podbook-run__row' }, apply),
    ),
    section(p('images'), s.images, images),
    section(
      p('actions'),
      s.actions,
      h('div', { class: 'podbook-run__row' }, field(s.pod, pod), field(s.container, container)),
      h('div', { class: 'podbook-run__row' }, del, execStop),
      h('div', { class: 'podbook-run__row' }, field(s.signal, signal), sendSignal),
      h('div', { class: 'podbook-run__row' }, field(s.exitCode, exitCode), exitNow),
      h('div', { class: 'podbook-run__row' }, field(s.advanceBy, clockStep), advance, clockNow),
      commandForm,
    ),
    section(
      p('output'),
      s.output,
      h('h5', { class: 'podbook-run__subheading' }, s.getPods),
      getPods,
      eventsTitle,
      events,
      timeline,
    ),
    section(p('log'), s.log, log),
  );
  return {
    root,
    version,
    start,
    startLabel,
    share,
    undo,
    reset,
    close,
    status,
    notice,
    fileLabel,
    file,
    noFile,
    editorHost,
    textarea,
    problemsSummary,
    problems,
    apply,
    images,
    pod,
    container,
    del,
    execStop,
    signal,
    sendSignal,
    exitCode,
    exitNow,
    clockStep,
    advance,
    clockNow,
    commandForm,
    commandHost,
    command,
    getPods,
    eventsTitle,
    events,
    timeline,
    log,
  };
}
