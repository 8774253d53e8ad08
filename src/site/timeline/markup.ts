/**
 * Building SVG/HTML text safely: escaping, attribute lists, and numbers that never print as NaN or with binary
 * noise (`12.300000001`).
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A coordinate with at most two decimals; a non-finite number (a bug upstream) becomes 0 rather than `NaN`. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export type Attrs = Record<string, string | number | boolean | undefined>;

/** ` a="1" b="x"`: numbers through num(), strings escaped, `true` as an empty value, false/undefined left out. */
export function attrs(values: Attrs): string {
  let out = '';
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === false) continue;
    if (value === true) out += ` ${key}=""`;
    else out += ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

export function element(name: string, values: Attrs, content?: string): string {
  return content === undefined ? `<${name}${attrs(values)}/>` : `<${name}${attrs(values)}>${content}</${name}>`;
}

/** A rough width of text in the chart's sans-serif font: CJK characters a full em, the rest about 0.6 em
 * (a little wide rather than narrow, so that labels do not collide). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    em += code >= 0x2e80 ? 1 : /[A-Z]/.test(ch) ? 0.72 : /[il.,:;|!' ]/.test(ch) ? 0.34 : 0.62;
  }
  return em * fontSize;
}
