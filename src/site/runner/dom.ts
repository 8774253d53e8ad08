/** A small element builder for the panel (no framework: the runner's script stays small). */
type Child = Node | string | number | false | null | undefined;

export type Props = Record<string, string | number | boolean | undefined | null | ((event: Event) => void)>;

/** `h('button', { type: 'button', onclick: f, 'aria-label': 'x' }, 'text')`: `on*` props are listeners, the rest attributes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === false || c === null || c === undefined) continue;
    el.append(typeof c === 'number' ? String(c) : c);
  }
}

/** Replaces the children of `el`. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A `<select>`'s options, keeping the selection when it still exists. */
export function setOptions(
  select: HTMLSelectElement,
  options: readonly { value: string; label: string }[],
  selected?: string,
): void {
  const keep = selected ?? select.value;
  select.replaceChildren(...options.map((o) => h('option', { value: o.value }, o.label)));
  if (options.some((o) => o.value === keep)) select.value = keep;
}
