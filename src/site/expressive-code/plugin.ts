/**
 * pluginPodbookBlocks(): the Expressive Code plugin that renders Podbook's checked blocks for readers.
 *
 * Hooks, in Expressive Code's order:
 * - preprocessMetadata: find the block in its page with the checker's parser (locate-block.ts) and plan what to
 *   show (block-plan.ts); name a manifest's frame after its `file=`.
 * - preprocessCode: hide `#@` and `#:` lines, unescape escaped output lines, print a `generate` block's output.
 *   The copy button (the frames plugin) copies the code as it is after this step: what the reader sees.
 * - annotateCode: tooltips (tooltip.ts) on the wildcards block-plan.ts found and on manifest keys (manifest-keys.ts).
 * - postprocessRenderedLine: fewer elements for the same text and colours (flatten-line.ts), callout markers.
 * - postprocessRenderedBlock: the callouts' list, the generated note, the block's estimated height (block-height.ts)
 *   and widest line (scroll-region.ts), for the browser to skip rendering it while it is far from the viewport.
 * - postprocessRenderedBlockGroup: the hidden list of the block's tooltip descriptions, after its frame.
 *
 * A block it cannot read is rendered as Expressive Code renders it (with a warning); only a `generate` block
 * whose schema cannot be found stops the build, naming the page and line.
 */
import {
  definePlugin,
  type ExpressiveCodeBlock,
  type ExpressiveCodeLine,
  type ExpressiveCodePlugin,
} from '@astrojs/starlight/expressive-code';
import { type Element, type ElementContent, h, type Parents } from '@astrojs/starlight/expressive-code/hast';
import { setHeightEstimate } from './block-height.ts';
import { type BlockPlan, type CalloutPlan, planBlock } from './block-plan.ts';
import { calloutList, calloutMarker } from './callouts.ts';
import { type GeneratedOutput, generateExplain } from './explain-generate.ts';
import { flattenLine } from './flatten-line.ts';
import { type BookLocale, bookLocale, localeOfPageFile } from './locale.ts';
import { type LocatedBlock, locateBlock } from './locate-block.ts';
import { describeManifestKeys } from './manifest-keys.ts';
import { regionLabel } from './region-label.ts';
import { regionLabelClientModule } from './region-label-client.ts';
import { BlockSchemaError, type PackLoadOptions, packForBlock } from './schema-packs.ts';
import { blockColumns } from './scroll-region.ts';
import { scrollRegionClientModule } from './scroll-region-client.ts';
import { podbookBlockStyles } from './styles.ts';
import { type BlockTexts, textsFor } from './texts.ts';
import { descriptionList, TooltipAnnotation, TooltipDescriptions } from './tooltip.ts';
import { tooltipClientModule } from './tooltip-client.ts';

/** Languages a checked block can have (src/check/extract/attributes.ts); anything else is left alone at once. */
const CHECKED_LANGUAGES = new Set(['console', 'shellsession', 'shell-session', 'text', 'yaml', 'yml', 'json']);

export interface PodbookBlocksOptions {
  /** How schema packs are found (default: PODBOOK_OPENAPI_DIR, the project cache, then the download). */
  packs?: PackLoadOptions;
}

interface BlockState {
  located: LocatedBlock;
  packs: PackLoadOptions;
  plan: BlockPlan;
  locale: BookLocale;
  texts: BlockTexts;
  /** The body line (0-based) each original line is; inserted lines have none. */
  bodyLine: WeakMap<ExpressiveCodeLine, number>;
  callouts: Map<ExpressiveCodeLine, CalloutPlan[]>;
  generated?: GeneratedOutput;
  /** The block's tooltip descriptions (tooltip.ts), each once. */
  descriptions: TooltipDescriptions;
}

const states = new WeakMap<ExpressiveCodeBlock, BlockState>();

/** The block in messages: `page:line` of its fence (only the page for a block read on its own). */
function where(state: BlockState): string {
  const { located } = state;
  return located.inPage ? `${located.file}:${located.example.fence.line}` : located.file;
}

function warn(at: string, what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.warn(`[podbook] ${at}: ${what}: ${message}`);
}

const PLAIN = 'this code block is shown as written, without its annotations';

function errorPassesThrough(error: unknown): boolean {
  return error instanceof BlockSchemaError;
}

/** A manifest's frame shows its file name (the name `kubectl apply -f` uses), unless the author set a title. */
function titleFor(state: BlockState, codeBlock: ExpressiveCodeBlock): void {
  const { example } = state.located;
  if (codeBlock.props.title !== undefined) return;
  if (example.kind === 'manifest' || example.kind === 'invalid-manifest') codeBlock.props.title = example.file;
  // An empty title keeps the frames plugin from taking a `#@ on host.example.com` line for a file name.
  else codeBlock.props.title = '';
}

function begin(codeBlock: ExpressiveCodeBlock, locale: string, packs: PackLoadOptions): void {
  if (!CHECKED_LANGUAGES.has(codeBlock.language)) return;
  const sourceFilePath = codeBlock.parentDocument?.sourceFilePath;
  let located: LocatedBlock | undefined;
  try {
    located = locateBlock({ sourceFilePath, code: codeBlock.code, language: codeBlock.language, meta: codeBlock.meta });
  } catch (error) {
    warn(sourceFilePath ?? 'a code block', PLAIN, error);
    return;
  }
  if (!located) return;
  const pageLocale = localeOfPageFile(sourceFilePath) ?? bookLocale(locale);
  const state: BlockState = {
    located,
    packs,
    plan: planBlock(located.example, { skipped: located.skipped }),
    locale: pageLocale,
    texts: textsFor(pageLocale),
    bodyLine: new WeakMap(),
    callouts: new Map(),
    descriptions: new TooltipDescriptions(located.id),
  };
  codeBlock.getLines().forEach((line, i) => {
    state.bodyLine.set(line, i);
  });
  titleFor(state, codeBlock);
  states.set(codeBlock, state);
}

/** The shown line a callout goes to: its target, or the nearest shown line above it. */
function calloutLine(lines: readonly ExpressiveCodeLine[], state: BlockState, target: number) {
  const shown = lines.filter((l) => {
    const body = state.bodyLine.get(l);
    return body !== undefined && !state.plan.lines[body]?.hidden && body <= target;
  });
  return shown[shown.length - 1] ?? lines.find((l) => !state.plan.lines[state.bodyLine.get(l) ?? -1]?.hidden);
}

async function applyPlan(codeBlock: ExpressiveCodeBlock, state: BlockState): Promise<void> {
  const { plan } = state;
  // Everything that can fail is computed before the code is changed, so a failure leaves the block as written.
  if (plan.generate) {
    const output = await generateExplain(plan.generate, where(state), state.packs);
    if (typeof output === 'string') warn(where(state), 'the generated explain output is not shown', output);
    else state.generated = output;
  }

  const lines = codeBlock.getLines();
  for (const callout of plan.callouts) {
    const line = calloutLine(lines, state, callout.target);
    if (!line) continue;
    state.callouts.set(line, [...(state.callouts.get(line) ?? []), callout]);
  }
  for (const line of lines) {
    const text = plan.lines[state.bodyLine.get(line) ?? -1]?.text;
    if (text !== undefined && text !== line.text) line.editText(0, line.text.length, text);
  }
  if (state.generated && plan.generate) {
    const after = lines.findIndex((l) => state.bodyLine.get(l) === plan.generate?.after);
    codeBlock.insertLines(after < 0 ? lines.length : after + 1, state.generated.lines);
  }
  const hidden = codeBlock
    .getLines()
    .flatMap((line, i) => (plan.lines[state.bodyLine.get(line) ?? -1]?.hidden ? [i] : []));
  if (hidden.length > 0) codeBlock.deleteLines(hidden);
}

function annotateWildcards(codeBlock: ExpressiveCodeBlock, state: BlockState): void {
  for (const line of codeBlock.getLines()) {
    const body = state.bodyLine.get(line);
    for (const w of state.plan.lines[body ?? -1]?.wildcards ?? []) {
      if (w.end > line.text.length) continue;
      line.addAnnotation(
        new TooltipAnnotation(
          { columnStart: w.start, columnEnd: w.end },
          {
            describedBy: state.descriptions.idFor({
              title: `${state.texts.wildcardTitle} ${line.text.slice(w.start, w.end)}`,
              body: state.texts.wildcard[w.kind],
            }),
            className: 'pb-wildcard',
            data: { wildcard: w.kind },
          },
        ),
      );
    }
  }
}

async function annotateManifestKeys(codeBlock: ExpressiveCodeBlock, state: BlockState): Promise<void> {
  const { example } = state.located;
  if (example.kind !== 'manifest' && example.kind !== 'invalid-manifest') return;
  let pack: Awaited<ReturnType<typeof packForBlock>>;
  try {
    pack = await packForBlock(example.scenario.k8s, where(state), state.packs);
  } catch (error) {
    // The checker reports a page without a release or schema; the keys simply get no descriptions here.
    warn(where(state), 'the manifest keys get no descriptions', error);
    return;
  }
  const lines = codeBlock.getLines();
  for (const key of describeManifestKeys(codeBlock.code, pack)) {
    const line = lines[key.line];
    if (!line || key.end > line.text.length || key.start >= key.end) continue;
    line.addAnnotation(
      new TooltipAnnotation(
        { columnStart: key.start, columnEnd: key.end },
        {
          describedBy: state.descriptions.idFor({ title: `${key.path} ${key.type}`.trim(), body: key.description }),
          className: 'pb-key',
          data: { field: key.path },
        },
      ),
    );
  }
}

function isElement(node: ElementContent | Parents | undefined): node is Element {
  return node?.type === 'element';
}

function addMarkers(lineAst: Element, callouts: readonly CalloutPlan[], state: BlockState): void {
  const code = lineAst.children.find(
    (c): c is Element => isElement(c) && [c.properties.className].flat().includes('code'),
  );
  const markers = callouts.map((c) => calloutMarker(state.located.id, c.number, state.texts));
  (code ?? lineAst).children.push(...markers);
}

/** The block's <pre> and the element holding it. */
function findPre(blockAst: Element): { pre: Element; parent?: Element } | undefined {
  if (blockAst.tagName === 'pre') return { pre: blockAst };
  const stack: Element[] = [blockAst];
  while (stack.length > 0) {
    const parent = stack.pop() as Element;
    const pre = parent.children.find((c): c is Element => isElement(c) && c.tagName === 'pre');
    if (pre) return { pre, parent };
    stack.push(...parent.children.filter(isElement));
  }
  return undefined;
}

/** Puts `extra` right after the block's <pre>, inside its frame. */
function appendUnderCode(blockAst: Element, extra: Element[]): Element {
  const found = findPre(blockAst);
  if (!found?.parent) return extra.length > 0 ? h('div', [blockAst, ...extra]) : blockAst;
  found.parent.children.splice(found.parent.children.indexOf(found.pre) + 1, 0, ...extra);
  return blockAst;
}

/**
 * The callouts' list and the generated note under the code, the region name and width (scroll-region.ts), the
 * block's data attributes.
 */
function finishBlock(blockAst: Element, codeBlock: ExpressiveCodeBlock, state: BlockState): Element {
  const extra: Element[] = [];
  if (state.plan.callouts.length > 0) extra.push(calloutList(state.located.id, state.plan.callouts, state.texts));
  if (state.generated) extra.push(h('p.pb-generated-note', state.texts.generatedFrom(state.generated.release)));
  const label = regionLabel(state.located.example, state.texts);
  const pre = findPre(blockAst)?.pre;
  if (pre) {
    if (label) pre.properties.dataPbLabel = label;
    const markers = (line: ExpressiveCodeLine) => state.callouts.get(line)?.length ?? 0;
    pre.properties.dataPbColumns = String(blockColumns(codeBlock.getLines(), markers));
  }
  const root = appendUnderCode(blockAst, extra);
  root.properties.dataPodbook = state.located.example.kind;
  root.properties.dataPodbookBlock = state.located.id;
  if (state.descriptions.all().length > 0) root.properties.dataPbTipKeys = state.texts.tooltipKeys;
  return root;
}

export function pluginPodbookBlocks(options: PodbookBlocksOptions = {}): ExpressiveCodePlugin {
  const packs = options.packs ?? {};
  return definePlugin({
    name: 'Podbook checked blocks',
    baseStyles: (context) => podbookBlockStyles(context),
    jsModules: [tooltipClientModule, regionLabelClientModule, scrollRegionClientModule],
    hooks: {
      preprocessMetadata: ({ codeBlock, locale }) => {
        begin(codeBlock, locale, packs);
      },
      preprocessCode: async ({ codeBlock }) => {
        const state = states.get(codeBlock);
        if (!state) return;
        try {
          await applyPlan(codeBlock, state);
        } catch (error) {
          if (errorPassesThrough(error)) throw error;
          warn(where(state), PLAIN, error);
          states.delete(codeBlock);
        }
      },
      annotateCode: async ({ codeBlock }) => {
        const state = states.get(codeBlock);
        if (!state) return;
        try {
          annotateWildcards(codeBlock, state);
          await annotateManifestKeys(codeBlock, state);
        } catch (error) {
          warn(where(state), 'some tooltips are not shown', error);
        }
      },
      postprocessRenderedLine: ({ codeBlock, line, renderData, styleVariants }) => {
        const state = states.get(codeBlock);
        if (!state) return;
        const codeColors = styleVariants.map((v) => v.resolvedStyleSettings.get('codeForeground') ?? '');
        flattenLine(renderData.lineAst, { codeColors, wrap: Boolean(codeBlock.props.wrap) });
        const callouts = state.callouts.get(line);
        if (callouts) addMarkers(renderData.lineAst, callouts, state);
      },
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        const state = states.get(codeBlock);
        if (!state) return;
        renderData.blockAst = finishBlock(renderData.blockAst, codeBlock, state);
        // The height the page reserves for the block while the browser skips it (styles.ts; other blocks: 20rem).
        setHeightEstimate(renderData.blockAst);
      },
      postprocessRenderedBlockGroup: ({ renderedGroupContents, renderData }) => {
        // The descriptions go after the frames, outside the part the browser may skip rendering (styles.ts).
        for (const { codeBlock } of renderedGroupContents) {
          const descriptions = states.get(codeBlock)?.descriptions.all() ?? [];
          if (descriptions.length > 0) renderData.groupAst.children.push(descriptionList(descriptions));
        }
      },
    },
  });
}
