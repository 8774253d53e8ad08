/**
 * Whatever a block holds, rendering it never throws, its markers and list items point at each other, and the copy
 * button copies what is shown.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copiedText, engine, renderBlock, select, selectAll, visibleLines, ZH_PAGE } from './render.ts';

const line = fc.oneof(
  fc.constantFrom(
    '$ kubectl get pods',
    '[root@k8s-master1 ~]# kubectl get pods',
    'root@nginx-5:/# ls',
    '# ls',
    '$',
    '$ kubectl run x --image=nginx \\',
    '#: 注释',
    '#:',
    '#@ wait 4s',
    '#@ at 1m',
    '#@ on k8s-node3',
    '#@ nonsense',
    '...',
    '\\...',
    '\\#: literal',
    '\\$ literal',
    'a [..] b [IP] c \\[UID] [TIME]',
    '',
    '\t tab',
    '```',
  ),
  fc.string({ maxLength: 12 }),
);

describe('any block', () => {
  // Blocks the plugin cannot read are reported with a warning; here they are expected.
  beforeAll(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  it('renders without throwing, with consistent callouts and copy text', async () => {
    const ec = engine();
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 12 }),
        fc.constantFrom('console', 'text', 'yaml'),
        fc.constantFrom('', 'explain', 'errors-for=x.yaml', 'file=x.yaml', 'explain generate', 'check=skip reason="r"'),
        async (lines, language, meta) => {
          const root = await renderBlock(ec, { code: lines.join('\n'), language, meta, sourceFilePath: ZH_PAGE });
          const markers = selectAll('a.pb-callout-ref', root);
          const items = selectAll('li.pb-callout', root);
          expect(markers.length).toBe(items.length);
          for (const marker of markers) {
            expect(select(`[id="${String(marker.properties.href).slice(1)}"]`, root)).toBeDefined();
          }
          expect(copiedText(root)).toBe(visibleLines(root).join('\n'));
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);
});
