/**
 * The image state as a table: one row per image the scenario names, a checkbox for "the registry has this tag"
 * and one per node for "the node already holds it". Each checkbox carries a key, so the controller can give the
 * focus back to it after the panel is drawn again.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import { h } from './dom.ts';
import { inRegistry, onNode, podNodes } from './images.ts';
import type { RunnerScenario } from './scenario.ts';
import type { RunnerStrings } from './strings.ts';

export type ImageToggle = { kind: 'registry'; image: string } | { kind: 'node'; node: string; image: string };

function shortName(node: string): string {
  return node.split('.')[0] ?? node;
}

/** `images`: the scenario's referencedImages (images.ts). */
export function renderImages(
  scenario: RunnerScenario,
  images: readonly string[],
  version: KubeVersion,
  s: RunnerStrings,
  onToggle: (toggle: ImageToggle, present: boolean) => void,
): Node {
  if (images.length === 0) return h('p', { class: 'podbook-run__note' }, s.imagesNone);
  const nodes = podNodes(scenario.cluster);
  const box = (key: string, checked: boolean | undefined, label: string, toggle: ImageToggle) => {
    const input = h('input', {
      type: 'checkbox',
      'data-key': key,
      'aria-label': label,
      disabled: checked === undefined,
      onchange: (e: Event) => onToggle(toggle, (e.target as HTMLInputElement).checked),
    });
    input.checked = checked === true;
    return h('td', {}, input);
  };
  const rows = images.map((image, i) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, h('code', {}, image)),
      box(`reg-${i}`, inRegistry(scenario, image, version), `${s.inRegistry}: ${image}`, { kind: 'registry', image }),
      ...nodes.map((n, j) =>
        box(`node-${i}-${j}`, onNode(scenario, n.name, image, version), `${s.onNode(n.name)}: ${image}`, {
          kind: 'node',
          node: n.name,
          image,
        }),
      ),
    ),
  );
  return h(
    'div',
    { class: 'podbook-run__scroll', tabindex: 0, role: 'group', 'aria-label': s.images },
    h(
      'table',
      { class: 'podbook-run__table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, s.image),
          h('th', { scope: 'col' }, s.inRegistry),
          ...nodes.map((n) => h('th', { scope: 'col', title: n.name }, s.onNode(shortName(n.name)))),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}
