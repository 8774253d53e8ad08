/**
 * Fewer elements in a rendered code line, with the same text and colours. A long page's code blocks hold most of
 * its elements, and every element costs the browser time to parse, style and lay out, and to match selectors
 * against (Starlight's table of contents runs `:has()` over every element of the page when it starts). Two kinds
 * of span add nothing:
 * - a syntax token in the code's own colour, in every theme (all of a transcript's or an explain block's text),
 *   directly in the line, its indentation or a tooltip trigger (none of which sets a colour): its text inherits
 *   that colour from the code;
 * - the span around a line's indentation, which Expressive Code uses only in wrapped blocks (`wrap`), to indent
 *   the continuation lines.
 * Each is replaced by its children. Anything else (other colours, font styles, our triggers and markers) is kept.
 */
import type { Element, ElementContent } from '@astrojs/starlight/expressive-code/hast';

export interface FlattenOptions {
  /** The code's colour in each theme (Expressive Code's `codeForeground` of each style variant), in order. */
  codeColors: readonly string[];
  /** The block wraps long lines (keeps its indentation spans). */
  wrap: boolean;
}

/** `--0:#D6DEEB;--1:#403F53`: a colour per theme and nothing else, each the code's own. */
function inCodeColor(style: unknown, codeColors: readonly string[]): boolean {
  if (typeof style !== 'string' || codeColors.length === 0) return false;
  const declarations = style
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '');
  if (declarations.length !== codeColors.length) return false;
  return declarations.every((declaration) => {
    const match = /^--(\d+)\s*:\s*(\S+)$/.exec(declaration);
    const color = match ? codeColors[Number(match[1])] : undefined;
    return color !== undefined && match?.[2]?.toLowerCase() === color.toLowerCase();
  });
}

/** Elements that leave their text in the code's colour. */
const COLORLESS = new Set(['code', 'indent', 'pb-tip-trigger']);

function classes(element: Element): string[] {
  return [element.properties.className].flat().map(String);
}

function isPlainSpan(node: ElementContent, parent: Element, options: FlattenOptions): node is Element {
  if (node.type !== 'element' || node.tagName !== 'span') return false;
  const keys = Object.keys(node.properties).filter((k) => node.properties[k] !== undefined);
  if (keys.length === 1 && keys[0] === 'style') {
    return classes(parent).some((c) => COLORLESS.has(c)) && inCodeColor(node.properties.style, options.codeColors);
  }
  const own = classes(node);
  return !options.wrap && keys.length === 1 && keys[0] === 'className' && own.length === 1 && own[0] === 'indent';
}

function flatten(parent: Element, options: FlattenOptions): void {
  parent.children = parent.children.flatMap((child) => {
    if (child.type !== 'element') return [child];
    flatten(child, options);
    return isPlainSpan(child, parent, options) ? child.children : [child];
  });
}

/** Flattens the line's code in place. */
export function flattenLine(lineAst: Element, options: FlattenOptions): void {
  flatten(lineAst, options);
}
